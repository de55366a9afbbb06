#include "graph/knowledge_graph.h"

#include <unicode/locid.h>

#include <algorithm>
#include <tuple>

namespace kgx {

const char* NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kCountry: return "Country";
    case NodeKind::kCountryGroup: return "CountryGroup";
    case NodeKind::kOrganization: return "Organization";
    case NodeKind::kMineral: return "Mineral";
    case NodeKind::kDocument: return "Document";
  }
  return "?";
}

const char* EdgeKindName(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kCoMention: return "CO_MENTIONED";
  }
  return "?";
}

std::string CountryName(const std::string& code) {
  icu::UnicodeString name;
  icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? code : out;
}

bool KnowledgeGraph::FindNode(NodeKind kind, const std::string& id, Vertex* v) const {
  auto it = index_.find({kind, id});
  if (it == index_.end()) return false;
  *v = it->second;
  return true;
}

Vertex KnowledgeGraph::Node(NodeKind kind, const std::string& id) {
  auto it = index_.find({kind, id});
  if (it != index_.end()) return it->second;
  NodeProps p;
  p.kind = kind;
  p.id = id;
  p.label = kind == NodeKind::kCountry ? CountryName(id) : id;
  Vertex v = boost::add_vertex(p, g_);
  index_.emplace(std::make_pair(kind, id), v);
  return v;
}

Edge KnowledgeGraph::EdgeBetween(Vertex a, Vertex b, EdgeKind kind) {
  if (g_[b].id < g_[a].id) std::swap(a, b);  // Undirected relation: one direction.
  for (auto [it, end] = boost::out_edges(a, g_); it != end; ++it)
    if (boost::target(*it, g_) == b && g_[*it].kind == kind) return *it;
  EdgeProps p;
  p.kind = kind;
  return boost::add_edge(a, b, p, g_).first;
}

void KnowledgeGraph::AddRecord(const Record& r) {
  std::map<std::string, NodeKind> kind_of;  // Co-occurrence ids are countries or groups.
  for (const Mention& m : r.mentions) {
    NodeKind kind;
    if (m.kind == "country") kind = NodeKind::kCountry;
    else if (m.kind == "group") kind = NodeKind::kCountryGroup;
    else continue;  // Organizations and minerals join with agreements.
    kind_of[m.id] = kind;
    NodeProps& p = g_[Node(kind, m.id)];
    ++p.mentions;
    p.docs.insert(r.doc);
  }
  for (const Cooccurrence& c : r.cooccurrences) {
    for (size_t i = 0; i < c.ids.size(); ++i) {
      for (size_t j = i + 1; j < c.ids.size(); ++j) {
        auto kind = [&](const std::string& id) {
          auto it = kind_of.find(id);
          return it == kind_of.end() ? NodeKind::kCountry : it->second;
        };
        Edge e = EdgeBetween(Node(kind(c.ids[i]), c.ids[i]), Node(kind(c.ids[j]), c.ids[j]),
                             EdgeKind::kCoMention);
        EdgeProps& p = g_[e];
        ++p.count;
        p.docs.insert(r.doc);
        p.evidence.push_back({r.doc, c.evidence});
      }
    }
  }
}

void KnowledgeGraph::Finalize() {
  std::vector<Vertex> order(boost::num_vertices(g_));
  for (Vertex v = 0; v < order.size(); ++v) order[v] = v;
  std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
    return std::tie(g_[a].kind, g_[a].id) < std::tie(g_[b].kind, g_[b].id);
  });
  std::vector<Vertex> new_index(order.size());
  BoostGraph sorted;
  index_.clear();
  for (Vertex v : order) {
    new_index[v] = boost::add_vertex(g_[v], sorted);
    index_.emplace(std::make_pair(g_[v].kind, g_[v].id), new_index[v]);
  }
  struct Pending {
    Vertex s, t;
    EdgeProps p;
  };
  std::vector<Pending> edges;
  for (auto [it, end] = boost::edges(g_); it != end; ++it) {
    EdgeProps p = g_[*it];
    std::sort(p.evidence.begin(), p.evidence.end(), [](const DocEvidence& a, const DocEvidence& b) {
      return std::tie(a.doc, a.evidence.start, a.evidence.end) <
             std::tie(b.doc, b.evidence.start, b.evidence.end);
    });
    edges.push_back({new_index[boost::source(*it, g_)], new_index[boost::target(*it, g_)], p});
  }
  std::sort(edges.begin(), edges.end(), [](const Pending& a, const Pending& b) {
    return std::tie(a.s, a.t, a.p.kind) < std::tie(b.s, b.t, b.p.kind);
  });
  for (Pending& e : edges) boost::add_edge(e.s, e.t, std::move(e.p), sorted);
  g_ = std::move(sorted);
}

}  // namespace kgx
