#include "export/dot.h"

#include <graphviz/cgraph.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "export/atomic_file.h"
#include "export/report_text.h"
#include "export/text_safety.h"

namespace kgx {
namespace {

constexpr char kFont[] = "Noto Sans CJK JP,Noto Sans,sans-serif";

char* C(const std::string& s) { return const_cast<char*>(s.c_str()); }

void Set(void* obj, const std::string& name, const std::string& value) {
  agsafeset(obj, C(name), C(value), const_cast<char*>(""));
}

struct NodeStyle {
  const char* shape;
  const char* fill;
};

NodeStyle StyleOf(NodeKind kind) {
  switch (kind) {
    case NodeKind::kCountry:
      return {"ellipse", "#dbe9f6"};
    case NodeKind::kCountryGroup:
      return {"hexagon", "#e2f0d9"};
    case NodeKind::kOrganization:
      return {"box", "#fff2cc"};
    case NodeKind::kMineral:
      return {"diamond", "#f4cccc"};
    case NodeKind::kAgreement:
    case NodeKind::kUnconcludedAgreement:  // Drawn dashed.
      return {"octagon", "#d9d2e9"};
    case NodeKind::kDocument:
      return {"note", "#eeeeee"};
  }
  return {"ellipse", "#ffffff"};
}

}  // namespace

void AgraphDeleter::operator()(Agraph_s* g) const {
  if (g != nullptr) agclose(g);
}

std::string DotSafe(const std::string& text, size_t max_bytes) {
  std::string out;
  for (char c : CleanText(text, max_bytes)) {
    if (c == '\\') out += "\\\\";  // DOT reads \N, \l... as escapes.
    // Graphviz decodes entity references (&#1;, &#x202E;) in every label
    // itself, after any cleaning: a literal & is written as &amp;.
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

bool ParseView(const std::string& name, View* view) {
  if (name == "cooperation")
    *view = View::kCooperation;
  else if (name == "full")
    *view = View::kFull;
  else
    return false;
  return true;
}

namespace {

std::string Join(const std::vector<std::string>& items, size_t max, const char* sep) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < max; ++i) out += (i ? sep : "") + items[i];
  if (items.size() > max) out += std::string(sep) + "…";
  return out;
}

// Lines of a label, each made safe, joined by DOT's line break escape.
std::string DotLines(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += (i ? "\\n" : "") + DotSafe(lines[i], 200);
  return out;
}

// The money of an edge's agreements: the figures of the one agreement that
// names money, or, when several do, their sum per currency, labelled as one.
// Conversions, repeats and parts are not counted (AmountRef::role).
std::vector<std::string> MoneyLines(const BoostGraph& g, const std::vector<Vertex>& agreements) {
  std::map<std::string, std::pair<double, int>> sums;  // currency -> (sum, agreements)
  std::vector<std::string> single;
  for (Vertex v : agreements) {
    std::set<std::string> currencies;
    for (const AmountRef& m : g[v].amounts) {
      if (!m.role.empty()) continue;
      if (single.size() < 3) single.push_back(MoneyLabel(m.value, m.currency));
      sums[m.currency].first += m.value;
      currencies.insert(m.currency);
    }
    for (const std::string& c : currencies) ++sums[c].second;
  }
  bool one_agreement = true;
  for (const auto& [currency, sum] : sums) one_agreement = one_agreement && sum.second <= 1;
  if (one_agreement) return single;
  std::vector<std::string> lines;
  for (const auto& [currency, sum] : sums)
    lines.push_back(sum.second > 1 ? "sum of " + std::to_string(sum.second) +
                                         " deals: " + MoneyLabel(sum.first, currency)
                                   : MoneyLabel(sum.first, currency));
  return lines;
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// The title and a legend as the graph's HTML-like label: neato ignores
// clusters, so a legend drawn with nodes would land among the countries.
void SetTitleAndLegend(Agraph_t* a, View view) {
  std::string html = "<table border=\"0\" cellspacing=\"2\"><tr><td colspan=\"8\"><b>";
  html += view == View::kCooperation ? "kgx: who agreed what with whom"
                                     : "kgx: the full knowledge graph";
  html += "</b></td></tr><tr>";
  std::vector<NodeKind> kinds = {NodeKind::kCountry, NodeKind::kCountryGroup};
  if (view == View::kFull)
    kinds.insert(kinds.end(), {NodeKind::kOrganization, NodeKind::kMineral, NodeKind::kAgreement,
                               NodeKind::kDocument});
  for (NodeKind kind : kinds)
    html += std::string("<td bgcolor=\"") + StyleOf(kind).fill + "\" border=\"1\">" +
            NodeKindSlug(kind) + "</td>";
  html += view == View::kCooperation
              ? "<td>── agreement (width: how many; label: minerals, documents)</td>"
                "<td><font color=\"#c0392b\">──▶ trade measure</font></td>"
              : "<td><font color=\"#c0392b\">──▶ restricts</font></td>"
                "<td>╌╌ not concluded or not in force (label: status)</td>";
  html += "</tr></table>";
  char* value = agstrdup_html(a, C(html));
  agsafeset(a, const_cast<char*>("label"), value, const_cast<char*>(""));
  agstrfree(a, value);
}

// The cooperation view's edge between two partners: the minerals their
// agreements cover, the money, how many documents report them; wider for
// more agreements.
void AddPartnershipEdge(Agraph_t* a, const KnowledgeGraph& kg,
                        const KnowledgeGraph::Partnership& p, const std::vector<Agnode_t*>& nodes) {
  const BoostGraph& g = kg.graph();
  char width[32];
  std::vector<std::string> minerals;
  std::vector<Vertex> docs;  // Document nodes, through REPORTED_BY edges.
  for (Vertex ag_v : p.agreements) {
    for (auto [it, end] = boost::out_edges(ag_v, g); it != end; ++it)
      if (g[*it].kind == EdgeKind::kCovers) {
        const std::string& m = g[boost::target(*it, g)].id;
        if (std::find(minerals.begin(), minerals.end(), m) == minerals.end())
          minerals.push_back(m);
      } else if (g[*it].kind == EdgeKind::kReportedBy) {
        docs.push_back(boost::target(*it, g));
      }
  }
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  std::sort(minerals.begin(), minerals.end());
  Agedge_t* e = agedge(a, nodes[p.a], nodes[p.b], nullptr, 1);
  Set(e, "dir", "none");
  std::vector<std::string> lines;
  if (!minerals.empty()) lines.push_back(Join(minerals, 3, ", "));
  for (std::string& line : MoneyLines(g, p.agreements)) lines.push_back(std::move(line));
  lines.push_back(Plural(docs.size(), "doc"));
  Set(e, "label", DotLines(lines));
  std::snprintf(width, sizeof width, "%.2f", 1.0 + 1.5 * std::log2(1.0 + p.agreements.size()));
  Set(e, "penwidth", width);
  Set(e, "weight", std::to_string(p.agreements.size()));
  const NodeProps& first = g[p.agreements.front()];
  if (!first.evidence.empty())
    Set(e, "tooltip",
        DotSafe(kg.DocumentPath(first.evidence.front().doc) + ": " +
                first.evidence.front().evidence.text));
}

}  // namespace

AgraphPtr BuildAgraph(const KnowledgeGraph& kg, const DotOptions& options) {
  const BoostGraph& g = kg.graph();
  AgraphPtr ag(agopen(const_cast<char*>("kgx"), Agdirected, nullptr));
  Agraph_t* a = ag.get();
  Set(a, "layout", "neato");
  Set(a, "overlap", "false");
  Set(a, "splines", "true");
  Set(a, "sep", "+12");
  // One font name for every label: Graphviz 2.43 caches the last font name
  // and reads it after freeing it when labels switch fonts (seen with ASan).
  Set(a, "fontname", kFont);
  SetTitleAndLegend(a, options.view);
  Set(a, "labelloc", "t");
  agattr(a, AGNODE, const_cast<char*>("style"), const_cast<char*>("filled"));
  agattr(a, AGNODE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
  agattr(a, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
  agattr(a, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("10"));

  const bool full = options.view == View::kFull;
  const std::vector<KnowledgeGraph::Partnership> partnerships = kg.Partnerships();
  // Which nodes the view shows.
  std::vector<bool> shown(boost::num_vertices(g), full);
  if (!full) {
    for (const auto& p : partnerships) shown[p.a] = shown[p.b] = true;
    // A multilateral agreement is drawn as one node with its parties.
    for (Vertex v : kg.Multilateral()) {
      shown[v] = true;
      for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
        if (g[*it].kind == EdgeKind::kPartyTo) shown[boost::source(*it, g)] = true;
    }
    for (auto [it, end] = boost::edges(g); it != end; ++it)
      if (g[*it].kind == EdgeKind::kRestricts)
        shown[boost::source(*it, g)] = shown[boost::target(*it, g)] = true;
  }
  std::vector<Agnode_t*> nodes(boost::num_vertices(g), nullptr);
  for (Vertex v = 0; v < nodes.size(); ++v) {
    if (!shown[v]) continue;
    const NodeProps& p = g[v];
    std::string name = std::string(NodeKindName(p.kind)) + ":" + DotSafe(p.id);
    Agnode_t* n = agnode(a, C(name), 1);
    nodes[v] = n;
    const NodeStyle style = StyleOf(p.kind);
    std::string label = p.label;
    if (p.kind == NodeKind::kMineral && !p.symbol.empty()) label += " (" + p.symbol + ")";
    Set(n, "label", DotSafe(label));
    Set(n, "shape", style.shape);
    Set(n, "fillcolor", style.fill);
    if (p.kind == NodeKind::kUnconcludedAgreement) Set(n, "style", "filled,dashed");
    std::string tip =
        p.label + " (" + p.id + "): " + Plural(static_cast<size_t>(p.doc_count), "document");
    if (p.kind == NodeKind::kDocument)
      for (const std::string* field : {&p.document.url, &p.document.published, &p.document.path})
        if (!field->empty()) tip += "\n" + *field;
    if (IsAgreementKind(p.kind) && !p.evidence.empty())
      tip +=
          "\n" + kg.DocumentPath(p.evidence.front().doc) + ": " + p.evidence.front().evidence.text;
    Set(n, "tooltip", DotSafe(tip));
  }
  if (!full)
    for (const auto& p : partnerships) AddPartnershipEdge(a, kg, p, nodes);
  char width[32];
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const EdgeProps& p = g[*it];
    const Vertex s = boost::source(*it, g), t = boost::target(*it, g);
    const bool multilateral_party =  // Shown in the cooperation view only when multilateral.
        !full && p.kind == EdgeKind::kPartyTo && nodes[t] != nullptr;
    // Facts not concluded or not in force are only in the full view.
    if (!full && p.kind != EdgeKind::kRestricts && !multilateral_party) continue;
    if (nodes[s] == nullptr || nodes[t] == nullptr) continue;
    Agedge_t* e = agedge(a, nodes[s], nodes[t], nullptr, 1);
    std::vector<std::string> label = {EdgeKindName(p.kind)};
    if (IsMeasureEdge(p.kind)) {
      const bool in_force = p.kind == EdgeKind::kRestricts;
      // "export control", not the code; a measure not in force has its
      // status first ("threatened tariff") and is dashed.
      label = {(in_force ? "" : KindText(p.status) + " ") + KindText(p.restriction_type)};
      if (!p.minerals.empty() && g[t].kind != NodeKind::kMineral)
        label.push_back(Join(p.minerals, 3, ", "));
      Set(e, "color", "#c0392b");
      Set(e, "fontcolor", "#c0392b");
      if (in_force) {
        std::snprintf(width, sizeof width, "%.2f", 1.0 + std::log2(1.0 + p.count));
        Set(e, "penwidth", width);
      } else {
        Set(e, "style", "dashed");
      }
    } else if (p.kind == EdgeKind::kPartyToUnconcluded) {
      label = {KindText(p.status)};  // "planned", "talks", "failed".
      Set(e, "style", "dashed");
    } else if (multilateral_party) {
      Set(e, "dir", "none");
    } else if (p.kind == EdgeKind::kCoMentioned) {
      Set(e, "dir", "none");
      Set(e, "style", "dotted");
      Set(e, "color", "#999999");
    }
    if (full || p.kind == EdgeKind::kRestricts) Set(e, "label", DotLines(label));
    if (!p.evidence.empty())
      Set(e, "tooltip",
          DotSafe(kg.DocumentPath(p.evidence.front().doc) + ": " +
                  p.evidence.front().evidence.text));
  }
  return ag;
}

Status WriteDot(const KnowledgeGraph& graph, const std::string& path, const DotOptions& options) {
  AgraphPtr ag = BuildAgraph(graph, options);
  AtomicFile out(path);
  if (!out.ok()) return Status::Error(out.error());
  if (agwrite(ag.get(), out.file()) != 0)
    return Status::Error("cannot write DOT to '" + path + "'");
  return out.Commit();
}

}  // namespace kgx
