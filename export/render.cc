#include "export/render.h"

#include <graphviz/gvc.h>

#include "export/atomic_file.h"
#include "export/dot.h"

namespace kgx {

// One Graphviz context for the whole process, never freed. Graphviz 2.43's
// pango plugin keeps a static pointer to the last font name, which belongs to
// the context's font table: freeing a context and rendering with a new one
// reads freed memory (found with ASan when one run writes .svg and .png).
GVC_t* GraphvizContext() {
  static GVC_t* gvc = gvContext();
  return gvc;
}

Status RenderGraph(const KnowledgeGraph& graph, const std::string& path,
                   const std::string& format, const DotOptions& options) {
  AgraphPtr ag = BuildAgraph(graph, options);
  GVC_t* gvc = GraphvizContext();
  if (gvc == nullptr) return Status::Error("Graphviz: cannot create a rendering context");
  if (gvLayout(gvc, ag.get(), "neato") != 0)
    return Status::Error("Graphviz: layout failed for '" + path + "'");
  AtomicFile out(path);
  if (!out.ok()) {
    gvFreeLayout(gvc, ag.get());
    return Status::Error(out.error());
  }
  const int rc = gvRender(gvc, ag.get(), format.c_str(), out.file());
  gvFreeLayout(gvc, ag.get());
  if (rc != 0) return Status::Error("Graphviz: cannot render '" + path + "' as " + format);
  return out.Commit();
}

}  // namespace kgx
