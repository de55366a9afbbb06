#include "export/render.h"

#include <graphviz/gvc.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

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

namespace {

// Keeps the most connected nodes (by degree, then name: deterministic) until
// both bounds hold; the rest of the picture is left out.
void KeepMostConnected(Agraph_t* g) {
  std::vector<std::pair<int, std::string>> ranked;
  for (Agnode_t* n = agfstnode(g); n != nullptr; n = agnxtnode(g, n))
    ranked.push_back({-agdegree(g, n, 1, 1), agnameof(n)});
  std::sort(ranked.begin(), ranked.end());
  for (size_t i = ranked.size(); i-- > 0;) {
    if (agnnodes(g) <= kMaxLayoutNodes && agnedges(g) <= kMaxLayoutEdges) break;
    Agnode_t* n = agnode(g, const_cast<char*>(ranked[i].second.c_str()), 0);
    if (n != nullptr) agdelnode(g, n);
  }
}

}  // namespace

Status RenderGraph(const KnowledgeGraph& graph, const std::string& path,
                   const std::string& format, const DotOptions& options) {
  AgraphPtr ag = BuildAgraph(graph, options);
  const int nodes = agnnodes(ag.get()), edges = agnedges(ag.get());
  if (nodes > kMaxLayoutNodes || edges > kMaxLayoutEdges) {
    KeepMostConnected(ag.get());
    std::fprintf(stderr,
                 "kgx: %s: the graph has %d nodes and %d edges, more than can be laid out in "
                 "reasonable time; drawing the %d most connected nodes (DOT, JSON-LD and the "
                 "other formats are complete)\n",
                 path.c_str(), nodes, edges, agnnodes(ag.get()));
  }
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
