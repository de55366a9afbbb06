#include "export/html_report.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "export/atomic_file.h"
#include "export/dot.h"
#include "export/render.h"
#include "export/report_assets.h"
#include "export/report_text.h"
#include "export/text_safety.h"

namespace kgx {
namespace {

using nlohmann::json;

// Above this many edges, edge labels are left to the panel: a label per
// edge would cover the picture.
constexpr size_t kMaxLabelledEdges = 60;
// The same font name as the DOT view: Graphviz 2.43 caches the last font
// name and reads it after freeing it when labels switch fonts.
constexpr char kFont[] = "Noto Sans CJK JP,Noto Sans,sans-serif";

// What the page draws and lists: nodes and edges of the cooperation view,
// numbered as the SVG's ids (n0, e0...) and the data's arrays.
struct ReportView {
  std::vector<Vertex> nodes;
  std::map<Vertex, int> node_index;
  struct ViewEdge {
    int a, b;
    bool measure;
    bool tentative;          // Not concluded or not in force: drawn dashed.
    std::vector<int> items;  // Agreements (pair edges) or measures.
  };
  std::vector<ViewEdge> edges;
  std::vector<Vertex> agreements;  // Concluded or not, by date, undated last.
  std::vector<Measure> measures;
};

int NodeOf(Vertex v, ReportView* view) {
  auto [it, added] = view->node_index.emplace(v, static_cast<int>(view->nodes.size()));
  if (added) view->nodes.push_back(v);
  return it->second;
}

ReportView BuildView(const KnowledgeGraph& kg) {
  const BoostGraph& g = kg.graph();
  ReportView view;
  for (Vertex v = 0; v < kg.node_count(); ++v)
    if (IsAgreementKind(g[v].kind)) view.agreements.push_back(v);
  std::stable_sort(view.agreements.begin(), view.agreements.end(), [&](Vertex a, Vertex b) {
    if (g[a].date.empty() != g[b].date.empty()) return g[b].date.empty();
    return g[a].date < g[b].date;
  });
  std::map<Vertex, int> agreement_index;
  for (size_t i = 0; i < view.agreements.size(); ++i) {
    agreement_index[view.agreements[i]] = static_cast<int>(i);
    const EdgeKind party = PartyEdge(g[view.agreements[i]].kind);
    for (auto [it, end] = boost::in_edges(view.agreements[i], g); it != end; ++it)
      if (g[*it].kind == party) NodeOf(boost::source(*it, g), &view);
  }
  // Concluded agreements and the others between the same pair are two
  // edges, the others dashed: a plan never thickens a deal's line.
  for (NodeKind kind : {NodeKind::kAgreement, NodeKind::kUnconcludedAgreement}) {
    for (const KnowledgeGraph::Partnership& p : kg.Partnerships(kind)) {
      ReportView::ViewEdge e{
          NodeOf(p.a, &view), NodeOf(p.b, &view), false, kind != NodeKind::kAgreement, {}};
      for (Vertex a : p.agreements) e.items.push_back(agreement_index[a]);
      std::sort(e.items.begin(), e.items.end());
      view.edges.push_back(std::move(e));
    }
  }
  view.measures = Measures(kg);
  for (Measure& m : Measures(kg, EdgeKind::kRestrictsNotInForce))
    view.measures.push_back(std::move(m));
  for (size_t i = 0; i < view.measures.size(); ++i) {
    const Measure& m = view.measures[i];
    NodeOf(m.from, &view);
    std::vector<Vertex> targets;
    if (m.targeted) {
      targets.push_back(m.to);
    } else {  // Untargeted: drawn to each mineral, as the DOT view does.
      for (const std::string& mineral : m.minerals) {
        Vertex t;
        if (kg.FindNode(NodeKind::kMineral, mineral, &t)) targets.push_back(t);
      }
    }
    // Neither target nor mineral ("China's export controls"): a loop on the
    // imposer, as in the DOT view, so the measure is seen and clicked on the
    // picture, not only found in a country's panel.
    if (targets.empty()) targets.push_back(m.from);
    for (Vertex t : targets)
      view.edges.push_back({NodeOf(m.from, &view),
                            NodeOf(t, &view),
                            true,
                            m.status != "in_force",
                            {static_cast<int>(i)}});
  }
  return view;
}

std::string Clean(const std::string& text) { return CleanText(text, 2000); }

json DocsOf(const std::vector<std::string>& docs, std::map<std::string, int>* doc_index) {
  json out = json::array();
  for (const std::string& d : docs) {
    auto [it, added] = doc_index->emplace(d, static_cast<int>(doc_index->size()));
    out.push_back(it->second);
  }
  return out;
}

json EvidenceOf(const std::vector<DocEvidence>& evidence, std::map<std::string, int>* doc_index) {
  json out = json::array();
  for (const DocEvidence& e : evidence) {
    auto [it, added] = doc_index->emplace(e.doc, static_cast<int>(doc_index->size()));
    out.push_back({it->second, Clean(e.evidence.text)});
  }
  return out;
}

// The report's kind of a node: the slug of a country, group or mineral,
// "other" for the rest.
const char* KindOf(NodeKind kind) {
  const bool own = kind == NodeKind::kCountry || kind == NodeKind::kCountryGroup ||
                   kind == NodeKind::kMineral;
  return own ? NodeKindSlug(kind) : "other";
}

json DataOf(const KnowledgeGraph& kg, const ReportView& view, const HtmlReportOptions& options) {
  const BoostGraph& g = kg.graph();
  std::map<std::string, int> doc_index;  // Numbered in first use.
  json nodes = json::array();
  for (Vertex v : view.nodes)
    nodes.push_back(
        {{"key", Clean(g[v].id)}, {"name", Clean(g[v].label)}, {"kind", KindOf(g[v].kind)}});
  json agreements = json::array();
  for (Vertex v : view.agreements) {
    const NodeProps& p = g[v];
    json parties = json::array(), amounts = json::array(), orgs = json::array();
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      if (g[*it].kind == PartyEdge(p.kind))
        parties.push_back(view.node_index.at(boost::source(*it, g)));
      else if (g[*it].kind == EdgeKind::kParticipates)
        orgs.push_back(Clean(g[boost::source(*it, g)].label));
    }
    // A conversion, a repeat or a part of a total is not more money (its role).
    for (const AmountRef& a : p.amounts)
      if (a.role.empty()) amounts.push_back(Clean(MoneyText(a)));
    agreements.push_back({{"id", Clean(p.id)},
                          {"kind", KindText(p.agreement_kind)},
                          {"status", KindText(p.status)},
                          {"date", p.date},
                          {"parties", parties},
                          {"minerals", AgreementMinerals(g, v)},
                          {"amounts", amounts},
                          {"orgs", orgs},
                          {"ndocs", p.doc_count},
                          {"docs", DocsOf({p.docs.begin(), p.docs.end()}, &doc_index)},
                          {"evidence", EvidenceOf(p.evidence, &doc_index)}});
  }
  json measures = json::array();
  for (const Measure& m : view.measures) {
    std::vector<std::string> docs;
    for (const DocEvidence& e : m.evidence)
      if (std::find(docs.begin(), docs.end(), e.doc) == docs.end()) docs.push_back(e.doc);
    measures.push_back({{"from", view.node_index.at(m.from)},
                        {"to", m.targeted ? view.node_index.at(m.to) : -1},
                        {"kind", KindText(m.type)},
                        {"status", KindText(m.status)},
                        {"date", m.date},
                        {"minerals", m.minerals},
                        {"ndocs", m.doc_count},
                        {"docs", DocsOf(docs, &doc_index)},
                        {"evidence", EvidenceOf(m.evidence, &doc_index)}});
  }
  json edges = json::array();
  for (const ReportView::ViewEdge& e : view.edges) {
    json edge = {{"a", e.a}, {"b", e.b}, {e.measure ? "measures" : "agreements", e.items}};
    if (e.tentative) edge["tentative"] = true;
    edges.push_back(std::move(edge));
  }
  std::vector<const std::string*> by_number(doc_index.size());
  for (const auto& [path, n] : doc_index) by_number[n] = &path;
  json docs = json::array();
  for (const std::string* path : by_number) {
    // Documents are known by id; the link goes to the file they were read from.
    DocumentMeta info;
    auto it = kg.documents().find(*path);
    if (it != kg.documents().end()) info = it->second;
    if (!info.path.empty()) path = &info.path;
    docs.push_back({{"path", Clean(*path)},
                    {"title", Clean(info.title)},
                    {"date", Clean(info.published)},
                    {"lang", Clean(info.lang)},
                    {"href", DocumentHref(*path, info.url, options.link_dir)}});
  }
  return {{"documents_read", kg.documents().size()},
          {"scope", Clean(options.scope)},
          {"nodes", nodes},
          {"edges", edges},
          {"agreements", agreements},
          {"measures", measures},
          {"docs", docs}};
}

char* C(const std::string& s) { return const_cast<char*>(s.c_str()); }
void Set(void* obj, const std::string& name, const std::string& value) {
  agsafeset(obj, C(name), C(value), const_cast<char*>(""));
}

std::string EdgeLabel(const KnowledgeGraph& kg, const ReportView& view,
                      const ReportView::ViewEdge& e) {
  const BoostGraph& g = kg.graph();
  if (e.measure) {  // "export ban"; not in force: "threatened tariff".
    const Measure& m = view.measures[e.items.front()];
    // A loop says what it lacks: "export control, no target named".
    return (e.tentative ? KindText(m.status) + " " : "") + KindText(m.type) +
           (e.a == e.b ? ", no target named" : "");
  }
  std::vector<std::string> minerals, statuses;
  for (int i : e.items) {
    for (const std::string& m : AgreementMinerals(g, view.agreements[i]))
      if (std::find(minerals.begin(), minerals.end(), m) == minerals.end()) minerals.push_back(m);
    const std::string status = KindText(g[view.agreements[i]].status);
    if (std::find(statuses.begin(), statuses.end(), status) == statuses.end())
      statuses.push_back(status);
  }
  std::sort(minerals.begin(), minerals.end());
  std::sort(statuses.begin(), statuses.end());
  std::string label;
  // Not concluded: the status in words first ("talks: rare earths").
  if (e.tentative) {
    for (size_t i = 0; i < statuses.size(); ++i) label += (i ? ", " : "") + statuses[i];
    if (!minerals.empty()) label += ": ";
  }
  for (size_t i = 0; i < minerals.size() && i < 2; ++i) label += (i ? ", " : "") + minerals[i];
  if (minerals.size() > 2) label += " +" + std::to_string(minerals.size() - 2);
  return DotSafe(label, 80);
}

// The picture: Graphviz's SVG of the view, its ids those of the data.
Status RenderSvg(const KnowledgeGraph& kg, const ReportView& view, std::string* svg) {
  const BoostGraph& g = kg.graph();
  AgraphPtr ag(agopen(const_cast<char*>("kgx"), Agdirected, nullptr));
  Agraph_t* a = ag.get();
  Set(a, "overlap", "prism");
  Set(a, "splines", view.edges.size() <= 200 ? "true" : "line");
  Set(a, "sep", "+16");
  Set(a, "esep", "+6");
  Set(a, "fontname", kFont);
  Set(a, "bgcolor", "transparent");
  Set(a, "pad", "0.2");
  agattr(a, AGNODE, C("fontname"), C(kFont));
  agattr(a, AGNODE, C("style"), C("filled"));
  agattr(a, AGEDGE, C("fontname"), C(kFont));
  agattr(a, AGEDGE, C("fontsize"), C("10"));
  std::vector<Agnode_t*> nodes;
  for (size_t i = 0; i < view.nodes.size(); ++i) {
    const NodeProps& p = g[view.nodes[i]];
    Agnode_t* n = agnode(a, C("n" + std::to_string(i)), 1);
    nodes.push_back(n);
    Set(n, "id", "n" + std::to_string(i));
    Set(n, "label", DotSafe(p.label, 80));
    Set(n, "tooltip", DotSafe(p.label, 80));
    Set(n, "shape",
        p.kind == NodeKind::kMineral        ? "diamond"
        : p.kind == NodeKind::kCountryGroup ? "hexagon"
                                            : "ellipse");
    Set(n, "fillcolor",
        p.kind == NodeKind::kMineral        ? "#f4cccc"
        : p.kind == NodeKind::kCountryGroup ? "#e2f0d9"
                                            : "#dbe9f6");
  }
  const bool labels = view.edges.size() <= kMaxLabelledEdges;
  char width[32];
  for (size_t i = 0; i < view.edges.size(); ++i) {
    const ReportView::ViewEdge& e = view.edges[i];
    Agedge_t* edge = agedge(a, nodes[e.a], nodes[e.b], C("e" + std::to_string(i)), 1);
    Set(edge, "id", "e" + std::to_string(i));
    const std::string label = EdgeLabel(kg, view, e);
    if (labels) Set(edge, "label", label);
    Set(edge, "tooltip", label);
    if (e.tentative) Set(edge, "style", "dashed");
    if (e.measure) {
      Set(edge, "color", "#c0392b");
      Set(edge, "fontcolor", "#c0392b");
      Set(edge, "penwidth", "1.5");
    } else {
      Set(edge, "dir", "none");
      Set(edge, "color", "#4a6fa5");
      // Width grows with the agreements, up to a cap: hundreds of agreements
      // between two countries must not hide the others.
      std::snprintf(width, sizeof width, "%.2f",
                    std::min(6.0, 1.0 + 1.2 * std::log2(1.0 + e.items.size())));
      Set(edge, "penwidth", width);
      Set(edge, "weight", std::to_string(e.items.size()));
    }
  }
  GVC_t* gvc = GraphvizContext();
  if (gvc == nullptr) return Status::Error("Graphviz: cannot create a rendering context");
  if (gvLayout(gvc, a, "neato") != 0) return Status::Error("Graphviz: layout failed");
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc, a, "svg", &data, &length);
  if (rc == 0 && data != nullptr) svg->assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, a);
  if (rc != 0) return Status::Error("Graphviz: cannot render the graph as SVG");
  // Inline in HTML: no XML declaration, doctype or comments before <svg.
  const size_t start = svg->find("<svg");
  if (start == std::string::npos) return Status::Error("Graphviz: no <svg> element in its output");
  svg->erase(0, start);
  return Status::Ok();
}

// JSON that cannot end the <script> element holding it (nor start a comment
// or markup): <, > and & only occur inside strings, where \u escapes mean
// the same characters to JSON.parse.
std::string ScriptSafe(const std::string& json_text) {
  std::string out;
  out.reserve(json_text.size());
  for (char c : json_text) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string ReportDataJson(const KnowledgeGraph& graph, const HtmlReportOptions& options) {
  const ReportView view = BuildView(graph);
  return ScriptSafe(
      DataOf(graph, view, options).dump(-1, ' ', false, json::error_handler_t::replace));
}

Status HtmlReport(const KnowledgeGraph& graph, const HtmlReportOptions& options,
                  std::string* html) {
  const ReportView view = BuildView(graph);
  std::string svg;
  Status s = RenderSvg(graph, view, &svg);
  if (!s.ok()) return s;
  const std::string data =
      ScriptSafe(DataOf(graph, view, options).dump(-1, ' ', false, json::error_handler_t::replace));
  // The frame's slots are filled in order from the frame itself, never
  // searched for in what is put in them (a sentence may quote a slot).
  const std::string frame = kReportHtml;
  const std::string style = kReportCss, script = kReportJs;
  const std::pair<const char*, const std::string*> slots[] = {{"/*KGX_STYLE*/", &style},
                                                              {"<!--KGX_SVG-->", &svg},
                                                              {"<!--KGX_DATA-->", &data},
                                                              {"/*KGX_SCRIPT*/", &script}};
  std::string page;
  size_t from = 0;
  for (const auto& [slot, value] : slots) {
    const size_t at = frame.find(slot, from);
    if (at == std::string::npos) return Status::Error(std::string("report frame lacks ") + slot);
    page.append(frame, from, at - from);
    page += *value;
    from = at + std::strlen(slot);
  }
  page.append(frame, from, std::string::npos);
  *html = std::move(page);
  return Status::Ok();
}

Status WriteHtmlReport(const KnowledgeGraph& graph, const std::string& path,
                       HtmlReportOptions options) {
  if (options.link_dir.empty()) {
    const std::string dir = std::filesystem::path(path).parent_path().string();
    options.link_dir = dir.empty() ? "." : dir;
  }
  std::string html;
  Status s = HtmlReport(graph, options, &html);
  if (!s.ok()) return Status::Error(s.message() + " for '" + path + "'");
  return WriteFileAtomically(path, html);
}

}  // namespace kgx
