// Graphviz exports of the knowledge graph: DOT text built with cgraph (this
// file) and rendered images laid out and drawn with gvc (render.h).
//
//   kgx::DotOptions opt;                 // opt.view = kgx::View::kFull;
//   kgx::Status s = kgx::WriteDot(graph, "graph.dot", opt);
//
// Views: kCooperation (the default) draws countries and groups linked by the
// agreements they share (edge width: number of agreements; label: minerals
// and documents) and restrictions as red arrows; kFull draws every node type
// and edge type. Both carry a legend. Labels are made safe for DOT:
// backslashes doubled (DOT reads \N, \l... as escapes), & written as &amp;
// (Graphviz decodes entity references such as &#1; itself), text cleaned by
// CleanText (text_safety.h); cgraph quotes the rest. The file names its layout
// engine, so plain `dot -Tsvg graph.dot` draws the same picture as kgx.
// Failure: a Status naming the output file. Outputs are written atomically.
// Thread safety: not thread-safe (cgraph keeps global state); call from one
// thread.
#ifndef KGX_EXPORT_DOT_H_
#define KGX_EXPORT_DOT_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "graph/knowledge_graph.h"

struct Agraph_s;

namespace kgx {

enum class View { kCooperation, kFull };
bool ParseView(const std::string& name, View* view);

struct DotOptions {
  View view = View::kCooperation;
};

struct AgraphDeleter {
  void operator()(Agraph_s* g) const;
};
using AgraphPtr = std::unique_ptr<Agraph_s, AgraphDeleter>;

// The cgraph graph that both the DOT writer and the renderer use.
AgraphPtr BuildAgraph(const KnowledgeGraph& graph, const DotOptions& options);

Status WriteDot(const KnowledgeGraph& graph, const std::string& path,
                const DotOptions& options = DotOptions());

// Text safe to use as a DOT attribute value (see above).
std::string DotSafe(const std::string& text, size_t max_bytes = 400);

}  // namespace kgx

#endif  // KGX_EXPORT_DOT_H_
