// KnowledgeGraph: records of many documents merged into one typed graph on
// Boost.Graph.
//
//   kgx::KnowledgeGraph g;
//   for (const kgx::Record& r : records) g.AddRecord(r);
//   g.Finalize();                  // canonical order: output is deterministic
//   for (auto v : g.Nodes()) ...   // export/ reads it
//
// Nodes are keyed by kind and canonical id, so the same entity read in any
// language is one node. Edges between two countries named together in a
// sentence (kind kCoMention) carry every sentence they were read in.
// Thread safety: build on one thread; const methods may then run concurrently.
#ifndef KGX_GRAPH_KNOWLEDGE_GRAPH_H_
#define KGX_GRAPH_KNOWLEDGE_GRAPH_H_

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "extract/record.h"

namespace kgx {

enum class NodeKind { kCountry, kCountryGroup, kOrganization, kMineral, kDocument };
enum class EdgeKind { kCoMention };
const char* NodeKindName(NodeKind kind);
const char* EdgeKindName(EdgeKind kind);

struct DocEvidence {
  std::string doc;
  Evidence evidence;
};

struct NodeProps {
  NodeKind kind = NodeKind::kCountry;
  std::string id;
  std::string label;  // English display name.
  int mentions = 0;
  std::set<std::string> docs;
};

struct EdgeProps {
  EdgeKind kind = EdgeKind::kCoMention;
  int count = 0;  // Sentences.
  std::set<std::string> docs;
  std::vector<DocEvidence> evidence;
};

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         NodeProps, EdgeProps>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;

class KnowledgeGraph {
 public:
  void AddRecord(const Record& record);
  // Renumbers nodes by (kind, id) and edges by their ends, and sorts evidence,
  // so every export is byte-identical whatever order records came in.
  void Finalize();

  const BoostGraph& graph() const { return g_; }
  size_t node_count() const { return boost::num_vertices(g_); }
  size_t edge_count() const { return boost::num_edges(g_); }
  // Returns the vertex, or false if absent.
  bool FindNode(NodeKind kind, const std::string& id, Vertex* v) const;

 private:
  Vertex Node(NodeKind kind, const std::string& id);
  Edge EdgeBetween(Vertex a, Vertex b, EdgeKind kind);

  BoostGraph g_;
  std::map<std::pair<NodeKind, std::string>, Vertex> index_;
};

// English name of an ISO 3166 country from ICU ("JP" -> "Japan").
std::string CountryName(const std::string& code);

}  // namespace kgx

#endif  // KGX_GRAPH_KNOWLEDGE_GRAPH_H_
