#include <doctest/doctest.h>
#include <graphviz/cgraph.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <cstdlib>
#include <string>

#include "export/atomic_file.h"
#include "export/dot.h"
#include "export/render.h"
#include "graph/knowledge_graph.h"

namespace {

kgx::Record MakeRecord(const std::string& doc, std::vector<std::vector<std::string>> sentences) {
  kgx::Record r;
  r.doc = doc;
  size_t pos = 0;
  for (auto& ids : sentences) {
    for (const std::string& id : ids) r.mentions.push_back({"country", id, id, pos, pos + 2});
    if (ids.size() >= 2) r.cooccurrences.push_back({ids, {pos, pos + 10, "sentence"}});
    pos += 20;
  }
  return r;
}

std::string TempDir() {
  char tmpl[] = "/tmp/kgx-test-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  return tmpl;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("records merge into one node per country and one edge per pair") {
  kgx::KnowledgeGraph g;
  g.AddRecord(MakeRecord("b.txt", {{"JP", "US", "PH"}, {"AU"}}));
  g.AddRecord(MakeRecord("a.txt", {{"AU", "JP"}, {"JP", "AU"}}));
  g.Finalize();
  CHECK(g.node_count() == 4);
  CHECK(g.edge_count() == 4);  // AU-JP, JP-US, JP-PH, PH-US
  kgx::Vertex au, jp;
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "AU", &au));
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "JP", &jp));
  CHECK(g.graph()[au].label == "Australia");
  CHECK(g.graph()[au].docs.size() == 2);
  auto [e, found] = boost::edge(au, jp, g.graph());
  REQUIRE(found);
  CHECK(g.graph()[e].count == 2);
  CHECK(g.graph()[e].docs.size() == 1);
}

TEST_CASE("the DOT file reads back with cgraph, whatever the record order") {
  const std::string dir = TempDir();
  kgx::KnowledgeGraph g1, g2;
  kgx::Record r1 = MakeRecord("a.txt", {{"AU", "JP"}}), r2 = MakeRecord("b.txt", {{"JP", "US"}});
  g1.AddRecord(r1);
  g1.AddRecord(r2);
  g2.AddRecord(r2);
  g2.AddRecord(r1);
  g1.Finalize();
  g2.Finalize();
  REQUIRE(kgx::WriteDot(g1, dir + "/1.dot").ok());
  REQUIRE(kgx::WriteDot(g2, dir + "/2.dot").ok());
  CHECK(Slurp(dir + "/1.dot") == Slurp(dir + "/2.dot"));

  FILE* f = std::fopen((dir + "/1.dot").c_str(), "r");
  REQUIRE(f != nullptr);
  Agraph_t* ag = agread(f, nullptr);
  std::fclose(f);
  REQUIRE(ag != nullptr);
  CHECK(agnnodes(ag) == 3);
  CHECK(agnedges(ag) == 2);
  Agnode_t* au = agnode(ag, const_cast<char*>("Country:AU"), 0);
  Agnode_t* jp = agnode(ag, const_cast<char*>("Country:JP"), 0);
  REQUIRE(au != nullptr);
  REQUIRE(jp != nullptr);
  CHECK(agedge(ag, au, jp, nullptr, 0) != nullptr);
  CHECK(std::string(agget(au, const_cast<char*>("label"))) == "Australia");
  agclose(ag);
}

TEST_CASE("hostile text is safe in DOT labels") {
  CHECK(kgx::DotSafe("a\"b") == "a\"b");  // cgraph quotes it
  CHECK(kgx::DotSafe("back\\slash\\N") == "back\\\\slash\\\\N");
  CHECK(kgx::DotSafe("line\nbreak\x01") == "line break ");
  CHECK(kgx::DotSafe("bad\xff") == "bad\xEF\xBF\xBD");
  // A hostile evidence sentence still gives a DOT file cgraph reads back.
  kgx::KnowledgeGraph g;
  kgx::Record r = MakeRecord("x\"y\\.txt", {{"AU", "JP"}});
  r.cooccurrences[0].evidence.text = "\"; node [label=\"pwned\"] \\\" <script>\n=cmd";
  g.AddRecord(r);
  g.Finalize();
  const std::string dir = TempDir();
  REQUIRE(kgx::WriteDot(g, dir + "/h.dot").ok());
  FILE* f = std::fopen((dir + "/h.dot").c_str(), "r");
  Agraph_t* ag = agread(f, nullptr);
  std::fclose(f);
  REQUIRE(ag != nullptr);
  CHECK(agnnodes(ag) == 2);
  agclose(ag);
}

TEST_CASE("SVG and PNG are rendered with gvc") {
  kgx::KnowledgeGraph g;
  g.AddRecord(MakeRecord("a.txt", {{"AU", "JP"}}));
  g.Finalize();
  const std::string dir = TempDir();
  REQUIRE(kgx::RenderGraph(g, dir + "/g.svg", "svg").ok());
  const std::string svg = Slurp(dir + "/g.svg");
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("Australia") != std::string::npos);
  REQUIRE(kgx::RenderGraph(g, dir + "/g.png", "png").ok());
  CHECK(Slurp(dir + "/g.png").substr(1, 3) == "PNG");
}

TEST_CASE("a failed write leaves the existing output untouched and no temp file") {
  const std::string dir = TempDir();
  CHECK_FALSE(kgx::WriteFileAtomically(dir + "/missing/out.dot", "x").ok());
  REQUIRE(kgx::WriteFileAtomically(dir + "/out.dot", "old").ok());
  {
    kgx::AtomicFile out(dir + "/out.dot");
    REQUIRE(out.ok());
    std::fputs("half", out.file());
    // Destroyed without Commit(), as when a run fails midway.
  }
  CHECK(Slurp(dir + "/out.dot") == "old");
  int files = 0;
  for (const char* name : {"/out.dot"}) files += access((dir + name).c_str(), F_OK) == 0;
  CHECK(files == 1);
  CHECK(std::system(("test $(ls -A " + dir + " | wc -l) -eq 1").c_str()) == 0);
}
