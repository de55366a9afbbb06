#include "export/graphml.h"

#include <boost/graph/graphml.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <sstream>

#include "export/atomic_file.h"
#include "export/text_safety.h"

namespace kgx {

Status WriteGraphml(const KnowledgeGraph& kg, const std::string& path) {
  const BoostGraph& g = kg.graph();
  // Derived, cleaned columns, indexed like the graph's vertices and edges.
  const size_t nv = boost::num_vertices(g);
  std::vector<std::string> kind(nv), id(nv), label(nv), qid(nv);
  std::vector<std::string> doc_path(nv), url(nv), lang(nv), published(nv);  // Documents.
  std::vector<std::string> status(nv);  // Agreements: concluded, planned, talks, failed.
  std::vector<int> mentions(nv), docs(nv);
  for (Vertex v = 0; v < nv; ++v) {
    kind[v] = NodeKindName(g[v].kind);
    id[v] = CleanText(g[v].id);
    label[v] = CleanText(g[v].label);
    qid[v] = g[v].qid;
    doc_path[v] = CleanText(g[v].document.path);
    url[v] = CleanText(g[v].document.url);
    lang[v] = CleanText(g[v].document.lang);
    published[v] = CleanText(g[v].document.published);
    status[v] = g[v].status;
    mentions[v] = g[v].mentions;
    docs[v] = g[v].doc_count;
  }
  std::map<Edge, size_t> edge_index;
  std::vector<std::string> ekind, etype, estatus;
  std::vector<int> ecount, edocs;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    edge_index[*it] = ekind.size();
    ekind.push_back(EdgeKindName(g[*it].kind));
    etype.push_back(g[*it].restriction_type);
    estatus.push_back(g[*it].status);
    ecount.push_back(g[*it].count);
    edocs.push_back(g[*it].doc_count);
  }
  auto vmap = [&](auto& column) {
    return boost::make_iterator_property_map(column.begin(), boost::get(boost::vertex_index, g));
  };
  auto emap = [&](const auto& column) {
    return boost::make_function_property_map<Edge>(
        [&edge_index, &column](const Edge& e) { return column[edge_index.at(e)]; });
  };
  boost::dynamic_properties dp;
  dp.property("kind", vmap(kind));
  dp.property("id", vmap(id));
  dp.property("label", vmap(label));
  dp.property("wikidata", vmap(qid));
  dp.property("path", vmap(doc_path));
  dp.property("url", vmap(url));
  dp.property("lang", vmap(lang));
  dp.property("published", vmap(published));
  dp.property("mentions", vmap(mentions));
  dp.property("documents", vmap(docs));
  dp.property("status", vmap(status));
  dp.property("edge_kind", emap(ekind));
  dp.property("restriction_type", emap(etype));
  dp.property("edge_status", emap(estatus));
  dp.property("count", emap(ecount));
  dp.property("edge_documents", emap(edocs));
  std::ostringstream out;
  boost::write_graphml(out, g, dp, true);
  return WriteFileAtomically(path, out.str());
}

}  // namespace kgx
