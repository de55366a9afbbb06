#include "export/dot.h"

#include <graphviz/cgraph.h>

#include <cmath>
#include <vector>

#include "export/atomic_file.h"

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
    case NodeKind::kCountry: return {"ellipse", "#dbe9f6"};
    case NodeKind::kCountryGroup: return {"hexagon", "#e2f0d9"};
    case NodeKind::kOrganization: return {"box", "#fff2cc"};
    case NodeKind::kMineral: return {"diamond", "#f4cccc"};
    case NodeKind::kDocument: return {"note", "#eeeeee"};
  }
  return {"ellipse", "#ffffff"};
}

}  // namespace

void AgraphDeleter::operator()(Agraph_s* g) const {
  if (g != nullptr) agclose(g);
}

std::string DotSafe(const std::string& text, size_t max_bytes) {
  std::string out;
  const size_t n = text.size();
  for (size_t i = 0; i < n && out.size() < max_bytes;) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // Length of a well-formed UTF-8 sequence starting here, or 0.
    size_t len = 0;
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {
      const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // Overlong, surrogate.
    } else if (ok && len == 4) {
      const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (!ok) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if (len == 1) {
      if (c < 0x20 || c == 0x7F) out += ' ';
      else if (c == '\\') out += "\\\\";
      else out += static_cast<char>(c);
    } else {
      out.append(text, i, len);
    }
    i += len;
  }
  return out;
}

AgraphPtr BuildAgraph(const KnowledgeGraph& kg) {
  const BoostGraph& g = kg.graph();
  AgraphPtr ag(agopen(const_cast<char*>("kgx"), Agundirected, nullptr));
  Agraph_t* a = ag.get();
  Set(a, "layout", "neato");
  Set(a, "overlap", "false");
  Set(a, "splines", "true");
  Set(a, "sep", "+12");
  // One font name for every label: Graphviz 2.43 caches the last font name
  // and reads it after freeing it when labels switch fonts (seen with ASan).
  Set(a, "fontname", kFont);
  Set(a, "label", "kgx: countries and groups named together in a sentence (edge label: documents)");
  Set(a, "labelloc", "t");
  agattr(a, AGNODE, const_cast<char*>("style"), const_cast<char*>("filled"));
  agattr(a, AGNODE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
  agattr(a, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
  agattr(a, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("10"));

  std::vector<Agnode_t*> nodes(boost::num_vertices(g), nullptr);
  for (Vertex v = 0; v < nodes.size(); ++v) {
    const NodeProps& p = g[v];
    std::string name = std::string(NodeKindName(p.kind)) + ":" + DotSafe(p.id);
    Agnode_t* n = agnode(a, C(name), 1);
    nodes[v] = n;
    const NodeStyle style = StyleOf(p.kind);
    Set(n, "label", DotSafe(p.label));
    Set(n, "shape", style.shape);
    Set(n, "fillcolor", style.fill);
    Set(n, "tooltip", DotSafe(p.label + " (" + p.id + "): " + std::to_string(p.mentions) +
                              " mentions in " + std::to_string(p.docs.size()) + " documents"));
  }
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const EdgeProps& p = g[*it];
    Agedge_t* e = agedge(a, nodes[boost::source(*it, g)], nodes[boost::target(*it, g)],
                         nullptr, 1);
    Set(e, "label", std::to_string(p.docs.size()));
    char width[32];
    std::snprintf(width, sizeof width, "%.2f", 1.0 + std::log2(1.0 + p.count));
    Set(e, "penwidth", width);
    Set(e, "weight", std::to_string(p.count));
    if (!p.evidence.empty())
      Set(e, "tooltip", DotSafe(p.evidence.front().doc + ": " + p.evidence.front().evidence.text));
  }
  return ag;
}

Status WriteDot(const KnowledgeGraph& graph, const std::string& path) {
  AgraphPtr ag = BuildAgraph(graph);
  AtomicFile out(path);
  if (!out.ok()) return Status::Error(out.error());
  if (agwrite(ag.get(), out.file()) != 0) return Status::Error("cannot write DOT to '" + path + "'");
  return out.Commit();
}

}  // namespace kgx
