// Rendering the knowledge graph to an image with Graphviz's gvc library.
//
//   kgx::Status s = kgx::RenderGraph(graph, "graph.svg", "svg");
//
// The layout engine is the one the DOT file names (neato). The image is
// rendered to a temporary file beside `path` and renamed into place.
// Layout time grows much faster than the graph: beyond kMaxLayoutNodes nodes
// or kMaxLayoutEdges edges the picture keeps the most connected nodes (by
// degree) and says so on stderr; the DOT file and the other formats stay
// complete.
// Failure: a Status naming the file (unknown format, layout or write error).
// Thread safety: not thread-safe (Graphviz keeps global state).
#ifndef KGX_EXPORT_RENDER_H_
#define KGX_EXPORT_RENDER_H_

#include <string>

#include "export/dot.h"
#include "base/status.h"
#include "graph/knowledge_graph.h"

struct GVC_s;

namespace kgx {

// The one Graphviz context of the process, never freed (render.cc says why);
// every layout and rendering uses it.
GVC_s* GraphvizContext();
constexpr int kMaxLayoutNodes = 100;
constexpr int kMaxLayoutEdges = 400;

// `format` is a Graphviz output format: "svg" or "png".
Status RenderGraph(const KnowledgeGraph& graph, const std::string& path,
                   const std::string& format, const DotOptions& options = DotOptions());

}  // namespace kgx

#endif  // KGX_EXPORT_RENDER_H_
