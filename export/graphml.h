// GraphML export through Boost's write_graphml, for Gephi and Cytoscape.
//
//   kgx::Status s = kgx::WriteGraphml(graph, "graph.graphml");
//
// Every node and edge with its kind, id, label and counts, and the status of
// agreements and measures (`status`, `edge_status`); text is cleaned
// (export/text_safety.h) and XML-escaped by Boost. Written atomically.
// Thread safety: reads the graph only.
#ifndef KGX_EXPORT_GRAPHML_H_
#define KGX_EXPORT_GRAPHML_H_

#include <string>

#include "base/status.h"
#include "graph/knowledge_graph.h"

namespace kgx {

Status WriteGraphml(const KnowledgeGraph& graph, const std::string& path);

}  // namespace kgx

#endif  // KGX_EXPORT_GRAPHML_H_
