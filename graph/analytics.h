// Analytics on the cooperation network (countries and groups linked by the
// agreements they share), with Boost.Graph's algorithms.
//
//   kgx::Analytics a = kgx::Analyze(graph);
//   kgx::PrintStats(graph, stdout);
//
// Degree: how many partners an actor has; betweenness: Brandes' centrality
// (normalized to 0..1) on the partner network; components: connected groups
// of partners. Thread safety: reads the graph only.
#ifndef KGX_GRAPH_ANALYTICS_H_
#define KGX_GRAPH_ANALYTICS_H_

#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/knowledge_graph.h"

namespace kgx {

struct ActorScore {
  std::string id, label;
  int degree = 0;
  double betweenness = 0;
  int component = 0;
};

struct PairScore {
  std::string a, b;
  int agreements = 0;
  std::map<std::string, double> money;  // currency -> sum of amounts
};

struct Analytics {
  std::vector<ActorScore> actors;  // Most central first.
  int components = 0;
  std::vector<std::pair<std::string, int>> minerals;  // Most covered first.
  std::vector<PairScore> pairs;                        // Most agreements first.
};

Analytics Analyze(const KnowledgeGraph& graph);
void PrintStats(const KnowledgeGraph& graph, FILE* out);
// The same figures as PrintStats, whole (no top-N cut), for programs
// (`kgx stats --json`): {"nodes": {"total", "by_kind": {...}}, "edges": {...},
// "components", "actors": [{"id", "name", "partners", "betweenness",
// "component"}], "minerals": [{"id", "agreements"}], "pairs": [{"a", "b",
// "agreements", "money": [{"currency", "sum"}]}]}.
nlohmann::json StatsJson(const KnowledgeGraph& graph);

}  // namespace kgx

#endif  // KGX_GRAPH_ANALYTICS_H_
