#include <doctest/doctest.h>
#include <graphviz/cgraph.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "export/atomic_file.h"
#include "export/dot.h"
#include "export/graphml.h"
#include "export/jsonld.h"
#include "export/neo4j.h"
#include "export/render.h"
#include "export/text_safety.h"
#include "graph/knowledge_graph.h"
#include "tests/test_util.h"

namespace {

// A record whose sentences each name `ids` together and report an agreement
// between them.
kgx::Record MakeRecord(const std::string& doc, std::vector<std::vector<std::string>> sentences,
                       const std::string& date = "", std::vector<std::string> minerals = {}) {
  kgx::Record r;
  r.doc = doc;
  size_t pos = 0;
  for (auto& ids : sentences) {
    for (const std::string& id : ids) r.mentions.push_back({{id, pos, pos + 2}, "country", id});
    if (ids.size() >= 2) {
      r.cooccurrences.push_back({ids, {pos, pos + 10, "sentence"}});
      kgx::AgreementRef a;
      a.parties = ids;
      std::sort(a.parties.begin(), a.parties.end());
      a.kind = "cooperation";
      a.date = date;
      a.minerals = minerals;
      a.evidence.push_back({pos, pos + 10, "sentence"});
      r.agreements.push_back(a);
    }
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

// `g` written as DOT (file `name` in a fresh folder) and read back by
// cgraph; null if cgraph cannot read it. The caller closes it (agclose).
Agraph_t* DotReadBack(const kgx::KnowledgeGraph& g, const std::string& name) {
  const std::string path = TempDir() + "/" + name;
  REQUIRE(kgx::WriteDot(g, path).ok());
  FILE* f = std::fopen(path.c_str(), "r");
  Agraph_t* ag = agread(f, nullptr);
  std::fclose(f);
  return ag;
}

using kgx_test::Finalized;

// The graph of one document, r.txt, that reports `measures` and nothing else.
kgx::KnowledgeGraph GraphOfMeasures(std::vector<kgx::RestrictionRef> measures) {
  kgx::Record r;
  r.doc = "r.txt";
  r.restrictions = std::move(measures);
  return Finalized({r});
}

}  // namespace

TEST_CASE("node kinds: one table gives the type name, the slug and a mention's kind") {
  CHECK(std::string(kgx::NodeKindName(kgx::NodeKind::kCountryGroup)) == "CountryGroup");
  CHECK(std::string(kgx::NodeKindSlug(kgx::NodeKind::kCountryGroup)) == "group");
  CHECK(std::string(kgx::NodeKindSlug(kgx::NodeKind::kUnconcludedAgreement)) ==
        "unconcluded-agreement");
  kgx::NodeKind kind = kgx::NodeKind::kDocument;
  CHECK(kgx::NodeKindOfMention("group", &kind));
  CHECK(kind == kgx::NodeKind::kCountryGroup);
  CHECK(kgx::NodeKindOfMention("mineral", &kind));
  CHECK(kind == kgx::NodeKind::kMineral);
  // Media, people and regions are mentioned but are no nodes; agreements
  // are nodes but never a mention's kind.
  for (const char* other : {"media", "person", "region", "agreement", "document", "Country"}) {
    CAPTURE(other);
    CHECK_FALSE(kgx::NodeKindOfMention(other, &kind));
  }
}

TEST_CASE("records merge into one node per country and one edge per pair") {
  const kgx::KnowledgeGraph g = Finalized({
      MakeRecord("b.txt", {{"JP", "US", "PH"}, {"AU"}}),
      MakeRecord("a.txt", {{"AU", "JP"}, {"JP", "AU"}}),
  });
  // Four countries, two agreements (JP-PH-US, AU-JP), two documents.
  CHECK(g.node_count() == 8);
  kgx::Vertex au, jp;
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "AU", &au));
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "JP", &jp));
  CHECK(g.graph()[au].label == "Australia");
  CHECK(g.graph()[au].doc_count == 2);
  auto [e, found] = boost::edge(au, jp, g.graph());
  REQUIRE(found);
  CHECK(g.graph()[e].kind == kgx::EdgeKind::kCoMentioned);
  CHECK(g.graph()[e].count == 2);
  CHECK(g.graph()[e].doc_count == 1);
  // The cooperation view pairs: AU-JP, JP-PH, JP-US, PH-US.
  CHECK(g.Partnerships().size() == 4);
}

TEST_CASE("Finalize asks for what records do not carry: Wikidata ids and display names") {
  kgx::KnowledgeGraph g;
  g.AddRecord(MakeRecord("a.txt", {{"CD", "JP"}}));
  std::vector<std::string> asked;
  g.Finalize(1, [&](kgx::NodeKind kind, const std::string& id) {
    asked.push_back(id);
    kgx::EntityInfo info;
    if (kind == kgx::NodeKind::kCountry && id == "CD") info = {"Q974", "DR Congo"};
    return info;
  });
  std::sort(asked.begin(), asked.end());
  CHECK(asked == std::vector<std::string>{"CD", "JP"});  // Not the agreement or document.
  kgx::Vertex cd, jp;
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "CD", &cd));
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "JP", &jp));
  CHECK(g.graph()[cd].qid == "Q974");
  CHECK(g.graph()[cd].label == "DR Congo");
  CHECK(g.graph()[jp].qid.empty());
  CHECK(g.graph()[jp].label == "Japan");
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
  CHECK(agnnodes(ag) == 3);  // the countries of the agreements
  CHECK(agnedges(ag) == 2);
  Agnode_t* au = agnode(ag, const_cast<char*>("Country:AU"), 0);
  Agnode_t* jp = agnode(ag, const_cast<char*>("Country:JP"), 0);
  REQUIRE(au != nullptr);
  REQUIRE(jp != nullptr);
  CHECK((agedge(ag, au, jp, nullptr, 0) != nullptr || agedge(ag, jp, au, nullptr, 0) != nullptr));
  CHECK(std::string(agget(au, const_cast<char*>("label"))) == "Australia");
  agclose(ag);
}

TEST_CASE("Finalize gives the same graph whatever the number of threads") {
  // Four groups of parties, each reported on days 0, 30 and 100: the first
  // two reports are one agreement (at most 45 days apart), the third another.
  const std::vector<std::vector<std::string>> groups = {
      {"AU", "JP"}, {"CN", "US"}, {"AU", "JP", "US"}, {"DE", "FR"}};
  std::vector<kgx::Record> records;
  for (const auto& parties : groups)
    for (const char* date : {"2024-01-01", "2024-01-31", "2024-04-10"})
      records.push_back(
          MakeRecord("d" + std::to_string(records.size()) + ".txt", {parties}, date, {"lithium"}));
  const std::string dir = TempDir();
  std::vector<std::string> dots;
  for (int threads : {1, 2, 3, 16}) {
    kgx::KnowledgeGraph g;
    for (auto it = records.rbegin(); it != records.rend(); ++it) g.AddRecord(*it);
    g.Finalize(threads);
    int agreements = 0;
    for (kgx::Vertex v = 0; v < g.node_count(); ++v)
      if (g.graph()[v].kind == kgx::NodeKind::kAgreement) {
        ++agreements;
        CHECK(g.graph()[v].mentions == (g.graph()[v].date == "2024-01-01" ? 2 : 1));
      }
    CHECK(agreements == 8);
    kgx::Vertex v;
    CHECK(g.FindNode(kgx::NodeKind::kAgreement, "AU-JP-US/2024-04-10", &v));
    kgx::DotOptions opt;
    opt.view = kgx::View::kFull;
    const std::string path = dir + "/" + std::to_string(threads) + ".dot";
    REQUIRE(kgx::WriteDot(g, path, opt).ok());
    dots.push_back(Slurp(path));
  }
  for (const std::string& dot : dots) CHECK(dot == dots[0]);
}

// More agreements than two of Finalize's chunks (512 each): on two threads
// the next chunk is prepared while the current one is added, and the parties
// shared across a chunk's edge must be the same nodes as on one thread.
TEST_CASE("Finalize over several chunks gives the same graph on one and two threads") {
  const std::vector<std::string> countries = {"AU", "CA", "CL", "CN", "DE",
                                              "FR", "IN", "JP", "KR", "US"};
  std::vector<std::vector<std::string>> pairs;
  for (size_t a = 0; a < countries.size(); ++a)
    for (size_t b = a + 1; b < countries.size(); ++b) pairs.push_back({countries[a], countries[b]});
  std::vector<kgx::Record> records;
  const int kAgreements = 1200;  // One a pair and year: a year apart never joins.
  for (int i = 0; i < kAgreements; ++i)
    records.push_back(MakeRecord("d" + std::to_string(i) + ".txt", {pairs[i % pairs.size()]},
                                 std::to_string(1990 + i / static_cast<int>(pairs.size())) + "-03-01",
                                 {"lithium"}));
  const std::string dir = TempDir();
  std::vector<std::string> dots;
  for (int threads : {1, 2}) {
    kgx::KnowledgeGraph g;
    for (const kgx::Record& r : records) g.AddRecord(r);
    g.Finalize(threads);
    int agreements = 0, countries_seen = 0;
    for (kgx::Vertex v = 0; v < g.node_count(); ++v) {
      agreements += g.graph()[v].kind == kgx::NodeKind::kAgreement;
      countries_seen += g.graph()[v].kind == kgx::NodeKind::kCountry;
    }
    CHECK(agreements == kAgreements);
    CHECK(countries_seen == static_cast<int>(countries.size()));
    kgx::DotOptions opt;
    opt.view = kgx::View::kFull;
    const std::string path = dir + "/chunks" + std::to_string(threads) + ".dot";
    REQUIRE(kgx::WriteDot(g, path, opt).ok());
    dots.push_back(Slurp(path));
  }
  CHECK(dots[1] == dots[0]);
}

TEST_CASE("a report dated only by its month joins the same month's agreement") {
  const kgx::KnowledgeGraph g = Finalized({
      MakeRecord("a.txt", {{"AU", "JP"}}, "2024-12", {"lithium"}),
      MakeRecord("b.txt", {{"AU", "JP"}}, "2024-12-05", {"lithium"}),
      MakeRecord("c.txt", {{"AU", "JP"}}, "2025-06", {"lithium"}),
  });
  kgx::Vertex v;
  // December 2024 (its 15th) is 10 days from 2024-12-05: one agreement,
  // named by the more precise date; June 2025 is another.
  REQUIRE(g.FindNode(kgx::NodeKind::kAgreement, "AU-JP/2024-12-05", &v));
  CHECK(g.graph()[v].mentions == 2);
  REQUIRE(g.FindNode(kgx::NodeKind::kAgreement, "AU-JP/2025-06", &v));
  CHECK(g.graph()[v].mentions == 1);
  CHECK_FALSE(g.FindNode(kgx::NodeKind::kAgreement, "AU-JP/2024-12", &v));
}

TEST_CASE("an undated report never joins a dated agreement of the same parties") {
  // Dated documents of 2024 report a KR-VN memorandum; an undated document
  // reports a KR-VN framework (its sentence and document state no date),
  // and another undated one the same: the undated two are one agreement,
  // kept apart from the dated one and given no date. A report dated only
  // by its year joins only an agreement of that year.
  const kgx::KnowledgeGraph g = Finalized({
      MakeRecord("dated.txt", {{"KR", "VN"}}, "2024-03-31", {"nickel"}),
      MakeRecord("undated1.txt", {{"KR", "VN"}}, "", {"nickel"}),
      MakeRecord("undated2.txt", {{"VN", "KR"}}, "", {"nickel"}),
      MakeRecord("year.txt", {{"KR", "VN"}}, "2013", {"nickel"}),
      MakeRecord("year-again.txt", {{"KR", "VN"}}, "2024", {"nickel"}),
  });
  kgx::Vertex v;
  REQUIRE(g.FindNode(kgx::NodeKind::kAgreement, "KR-VN/2024-03-31", &v));
  CHECK(g.graph()[v].docs == std::set<std::string>{"dated.txt", "year-again.txt"});
  REQUIRE(g.FindNode(kgx::NodeKind::kAgreement, "KR-VN/undated", &v));
  CHECK(g.graph()[v].docs == std::set<std::string>{"undated1.txt", "undated2.txt"});
  CHECK(g.graph()[v].date.empty());
  REQUIRE(g.FindNode(kgx::NodeKind::kAgreement, "KR-VN/2013", &v));
  CHECK(g.graph()[v].docs == std::set<std::string>{"year.txt"});
}

TEST_CASE("hostile text is safe in DOT labels; & is written as an entity") {
  const std::vector<kgx_test::InOut> labels = {
      {"a\"b", "a\"b"},  // cgraph quotes it
      {"back\\slash\\N", "back\\\\slash\\\\N"},
      {"line\nbreak\x01", "line break "},
      {"bad\xff", "bad\xEF\xBF\xBD"},
      // Graphviz decodes &#1; itself: an & is written as the entity &amp;.
      {"a &#1; b", "a &amp;#1; b"},
      {"&#x202E;", "&amp;#x202E;"},
      {"R&D", "R&amp;D"},
  };
  kgx_test::CheckEach([](const std::string& text) { return kgx::DotSafe(text); }, labels);
  // A hostile evidence sentence still gives a DOT file cgraph reads back.
  kgx::Record r = MakeRecord("x\"y\\.txt", {{"AU", "JP"}});
  r.agreements[0].evidence[0].text = "\"; node [label=\"pwned\"] \\\" <script>\n=cmd";
  Agraph_t* ag = DotReadBack(Finalized({r}), "h.dot");
  REQUIRE(ag != nullptr);
  CHECK(agnnodes(ag) == 2);
  agclose(ag);
}

TEST_CASE("SVG and PNG are rendered with gvc") {
  const kgx::KnowledgeGraph g = Finalized({MakeRecord("a.txt", {{"AU", "JP"}})});
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

TEST_CASE("reports of the same agreement in several documents become one Agreement node") {
  const kgx::KnowledgeGraph g = Finalized({
      // Same parties, dates 3 days apart, overlapping minerals: one agreement.
      MakeRecord("en.txt", {{"AU", "JP"}}, "2026-05-04", {"gallium"}),
      MakeRecord("zh.md", {{"JP", "AU"}}, "2026-05-07", {"gallium", "nickel"}),
      // Same parties a year later: another agreement.
      MakeRecord("ja.html", {{"AU", "JP"}}, "2027-05-01", {"gallium"}),
  });
  std::vector<const kgx::NodeProps*> agreements;
  for (kgx::Vertex v = 0; v < g.node_count(); ++v)
    if (g.graph()[v].kind == kgx::NodeKind::kAgreement) agreements.push_back(&g.graph()[v]);
  REQUIRE(agreements.size() == 2);
  CHECK(agreements[0]->id == "AU-JP/2026-05-04");
  CHECK(agreements[0]->docs == std::set<std::string>{"en.txt", "zh.md"});
  CHECK(agreements[0]->evidence.size() == 2);
  CHECK(agreements[1]->id == "AU-JP/2027-05-01");
  CHECK(g.Partnerships().size() == 1);
  CHECK(g.Partnerships()[0].agreements.size() == 2);
}

TEST_CASE("an agreement reported many times keeps its first sentences, whatever the order") {
  // Twelve documents report one AU-JP agreement; two more a different one
  // (same parties and date, other minerals) whose sentences sort first.
  std::vector<kgx::Record> records;
  for (int i = 0; i < 12; ++i) {
    kgx::Record r = MakeRecord("doc" + std::to_string(10 + i) + ".txt", {{"AU", "JP"}},
                               "2026-05-04", {"nickel"});
    r.agreements[0].evidence[0].text = "nickel sentence " + std::to_string(i);
    records.push_back(r);
  }
  for (int i = 0; i < 2; ++i)
    records.push_back(
        MakeRecord("a" + std::to_string(i) + ".txt", {{"AU", "JP"}}, "2026-05-04", {"gallium"}));
  for (bool reverse : {false, true}) {
    CAPTURE(reverse);
    if (reverse) std::reverse(records.begin(), records.end());
    const kgx::KnowledgeGraph g = Finalized(records);
    const kgx::NodeProps* nickel = nullptr;
    for (kgx::Vertex v = 0; v < g.node_count(); ++v)
      if (g.graph()[v].kind == kgx::NodeKind::kAgreement && g.graph()[v].docs.size() == 12)
        nickel = &g.graph()[v];
    REQUIRE(nickel != nullptr);
    CHECK(nickel->doc_count == 12);
    REQUIRE(nickel->evidence.size() == kgx::kEvidenceExamples);
    for (size_t i = 0; i < kgx::kEvidenceExamples; ++i) {
      CHECK(nickel->evidence[i].doc == "doc" + std::to_string(10 + i) + ".txt");
      CHECK(nickel->evidence[i].evidence.text == "nickel sentence " + std::to_string(i));
    }
  }
}

TEST_CASE("restrictions are directed edges to the target, or to the minerals") {
  const kgx::KnowledgeGraph g = GraphOfMeasures(
      {kgx_test::Measure("IN", "JP", "export_ban", {"rare earths"}, {{0, 5, "s"}}, 0.8),
       kgx_test::Measure("CN", "", "export_control", {"gallium"}, {{9, 15, "t"}}, 0.7)});
  kgx::Vertex in, jp, cn, ga;
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "IN", &in));
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "JP", &jp));
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "CN", &cn));
  REQUIRE(g.FindNode(kgx::NodeKind::kMineral, "gallium", &ga));
  auto [e, found] = boost::edge(in, jp, g.graph());
  REQUIRE(found);
  CHECK(g.graph()[e].kind == kgx::EdgeKind::kRestricts);
  CHECK(g.graph()[e].restriction_type == "export_ban");
  CHECK_FALSE(boost::edge(jp, in, g.graph()).second);
  CHECK(boost::edge(cn, ga, g.graph()).second);
}

TEST_CASE("CSV cells are quoted, never start a formula, double backslashes and cut long evidence") {
  const std::vector<kgx_test::InOut> cells = {
      {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
      {"+1", "\"'+1\""},
      {"@cmd", "\"'@cmd\""},
      {"a\"b,c\nd", "\"a\"\"b,c d\""},
      {"bad\xff", "\"bad\xEF\xBF\xBD\""},
      // LOAD CSV reads \" as an escaped quote: a cell ending in a backslash
      // would swallow the next column.
      {"ends in \\", "\"ends in \\\\\""},
      {"a\\\"b", "\"a\\\\\"\"b\""},
  };
  kgx_test::CheckEach([](const std::string& text) { return kgx::CsvCell(text); }, cells);
  CHECK(kgx::CsvCell(std::string(5000, 'x'), kgx::kEvidenceTextBytes).size() ==
        kgx::kEvidenceTextBytes + 2);
}

// Cells of one CSV line as Neo4j's LOAD CSV reads them (\" is a quote, \\ a
// backslash, "" a quote inside quotes).
std::vector<std::string> LoadCsvCells(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\'))
      cells.back() += line[++i];
    else if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
      cells.back() += line[++i];
    else if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      cells.emplace_back();
    else
      cells.back() += c;
  }
  return cells;
}

TEST_CASE("a Neo4j cell ending in a backslash keeps every row's columns") {
  const kgx::KnowledgeGraph g = GraphOfMeasures(
      {kgx_test::Measure("IN", "JP", "export_ban", {"rare earths"}, {{0, 5, "ends in \\"}}, 0.8)});
  const std::string dir = TempDir();
  REQUIRE(kgx::WriteNeo4j(g, dir + "/neo").ok());
  std::istringstream csv(Slurp(dir + "/neo/restricts_country_country.csv"));
  std::string header, row;
  std::getline(csv, header);
  std::getline(csv, row);
  const std::vector<std::string> cells = LoadCsvCells(row);
  REQUIRE(cells.size() == LoadCsvCells(header).size());
  CHECK(cells[5] == "ends in \\");
  CHECK(cells.back() == "RESTRICTS");
  // The admin import reads the cells alike only in legacy quoting.
  CHECK(Slurp(dir + "/neo/import.sh").find("--legacy-style-quoting=true") != std::string::npos);
}

TEST_CASE("text cleaning drops bidi overrides and control characters") {
  CHECK(kgx::CleanText("a\xE2\x80\xAE"
                       "b\x01"
                       "c") == "ab c");
  CHECK(kgx::CleanText("日本語", 4) == "日");  // never cuts a character
  // Implicit bidi marks, noncharacters, C1 controls.
  CHECK(kgx::CleanText("a\u200Fb\u200Ec\u061Cd") == "abcd");
  CHECK(kgx::CleanText("a\uFFFEb\uFFFFc\uFDD0d\uFDEFe\U0010FFFF") == "abcde");
  CHECK(kgx::CleanText("a\u0085b\u009Fc\u00A0") == "a b c\u00A0");
  CHECK(kgx::CleanText("\uFDCF\uFDF0") == "\uFDCF\uFDF0");  // Neighbours stay.
}

TEST_CASE("money labels are written as people write them, never in exponent form") {
  CHECK(kgx::MoneyLabel(1.67e9, "AUD") == "1.67bn AUD");
  CHECK(kgx::MoneyLabel(1.8e12, "HKD") == "1.8tn HKD");
  CHECK(kgx::MoneyLabel(2.85e14, "USD") == "285tn USD");
  CHECK(kgx::MoneyLabel(2.85e17, "USD") == "285,000tn USD");
  CHECK(kgx::MoneyLabel(1.2e9, "USD") == "1.2bn USD");
  CHECK(kgx::MoneyLabel(3.7e8, "AUD") == "370m AUD");
  CHECK(kgx::MoneyLabel(16.7e6, "EUR") == "16.7m EUR");
  CHECK(kgx::MoneyLabel(4000, "USD") == "4,000 USD");
  CHECK(kgx::MoneyLabel(999, "USD") == "999 USD");
}

TEST_CASE("an edge shows its agreement's counted money, and labels a sum across deals as one") {
  auto with_money = [](const std::string& doc, const std::string& date,
                       std::vector<kgx::AmountRef> amounts) {
    kgx::Record r = MakeRecord(doc, {{"CL", "KR"}}, date);
    r.agreements[0].amounts = std::move(amounts);
    return r;
  };
  auto amount = [](double v, const char* cur, const char* role = "") {
    kgx::AmountRef a;
    a.value = a.high = v;
    a.currency = cur;
    a.role = role;
    return a;
  };
  kgx::KnowledgeGraph one;
  one.AddRecord(with_money("a.txt", "2025-01-10",
                           {amount(2.4e9, "NZD"), amount(1.4e9, "USD", "conversion"),
                            amount(1.5e9, "NZD", "part"), amount(0.9e9, "NZD", "part")}));
  // The same deal from a second document: the same figure, not more money.
  one.AddRecord(with_money("b.txt", "2025-01-11", {amount(2.4e9, "NZD")}));
  one.Finalize();
  const std::string dir = TempDir();
  REQUIRE(kgx::WriteDot(one, dir + "/one.dot").ok());
  const std::string dot = Slurp(dir + "/one.dot");
  CHECK(dot.find("2.4bn NZD") != std::string::npos);
  CHECK(dot.find("4.8bn") == std::string::npos);
  CHECK(dot.find("1.4bn USD") == std::string::npos);  // A conversion is not more money.
  CHECK(dot.find("sum") == std::string::npos);
  // Two deals a year apart: their money is a sum, and says so.
  kgx::KnowledgeGraph two;
  two.AddRecord(with_money("a.txt", "2024-01-10", {amount(2.4e9, "NZD")}));
  two.AddRecord(with_money("b.txt", "2025-03-01", {amount(1e9, "NZD")}));
  two.Finalize();
  REQUIRE(kgx::WriteDot(two, dir + "/two.dot").ok());
  CHECK(Slurp(dir + "/two.dot").find("sum of 2 deals: 3.4bn NZD") != std::string::npos);
}

TEST_CASE("a restriction with neither target nor mineral reaches every format") {
  const kgx::KnowledgeGraph g =
      GraphOfMeasures({kgx_test::Measure("VN", "", "export_control", {}, {{3, 9, "curbs"}}, 0.6)});
  kgx::Vertex vn;
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "VN", &vn));
  auto [e, loop] = boost::edge(vn, vn, g.graph());
  REQUIRE(loop);
  CHECK(g.graph()[e].restriction_type == "export_control");
  const std::string dir = TempDir();
  REQUIRE(kgx::WriteNeo4j(g, dir + "/neo").ok());
  const std::string csv = Slurp(dir + "/neo/restricts_country_country.csv");
  CHECK(csv.find("\"VN\",\"VN\",1,\"export_control\",\"\",\"curbs\",false,RESTRICTS") !=
        std::string::npos);
  REQUIRE(kgx::WriteJsonLd(g, dir + "/g.jsonld").ok());
  const auto jsonld = nlohmann::json::parse(Slurp(dir + "/g.jsonld"));
  int restrictions = 0;
  for (const auto& n : jsonld["@graph"])
    if (n["@type"] == "Restriction") {
      ++restrictions;
      CHECK(n["restrictingCountry"] == "urn:kgx:country:VN");
      CHECK_FALSE(n.contains("targetCountry"));
    }
  CHECK(restrictions == 1);
  REQUIRE(kgx::WriteGraphml(g, dir + "/g.graphml").ok());
  CHECK(Slurp(dir + "/g.graphml").find("RESTRICTS") != std::string::npos);
  REQUIRE(kgx::WriteDot(g, dir + "/g.dot").ok());
  CHECK(Slurp(dir + "/g.dot").find("\"Country:VN\" -> \"Country:VN\"") != std::string::npos);
}

TEST_CASE("documents are known by a stable id and carry title, URL, language and date") {
  auto record = [](const std::string& path, const std::string& id) {
    kgx::Record r = MakeRecord(path, {{"CL", "KR"}}, "2025-02-03");
    r.id = id;
    r.url = id.rfind("https:", 0) == 0 ? id : "";
    r.title = "Chile, Korea pact";
    r.lang = "en";
    r.published = "2025-02-03";
    return r;
  };
  // The same document read from two folders is the same node.
  for (const char* path : {"../a/x.txt", "/tmp/b/x.txt"}) {
    const kgx::KnowledgeGraph g = Finalized({record(path, "https://news.example/cl-kr")});
    kgx::Vertex d;
    REQUIRE(g.FindNode(kgx::NodeKind::kDocument, "https://news.example/cl-kr", &d));
    CHECK(g.graph()[d].label == "Chile, Korea pact");
    CHECK(g.graph()[d].document.path == path);
    const std::string dir = TempDir();
    REQUIRE(kgx::WriteJsonLd(g, dir + "/g.jsonld").ok());
    const auto j = nlohmann::json::parse(Slurp(dir + "/g.jsonld"));
    bool found = false;
    for (const auto& n : j["@graph"])
      if (n["@type"] == "Document") {
        found = true;
        CHECK(n["@id"] == "urn:kgx:document:https%3A//news.example/cl-kr");
        CHECK(n["name"] == "Chile, Korea pact");
        CHECK(n["url"] == "https://news.example/cl-kr");
        CHECK(n["inLanguage"] == "en");
        CHECK(n["datePublished"] == "2025-02-03");
      }
    CHECK(found);
    REQUIRE(kgx::WriteNeo4j(g, dir + "/neo").ok());
    const std::string csv = Slurp(dir + "/neo/documents.csv");
    CHECK(csv.find("path,title,url,lang,published") != std::string::npos);
    CHECK(csv.find("\"Chile, Korea pact\",\"https://news.example/cl-kr\",\"en\",\"2025-02-03\"") !=
          std::string::npos);
    REQUIRE(kgx::WriteGraphml(g, dir + "/g.graphml").ok());
    CHECK(Slurp(dir + "/g.graphml").find("https://news.example/cl-kr") != std::string::npos);
  }
  CHECK(kgx::ContentId("abc") == kgx::ContentId("abc"));
  CHECK(kgx::ContentId("abc") != kgx::ContentId("abd"));
  CHECK(kgx::ContentId("").rfind("content:fnv1a64:", 0) == 0);
}

TEST_CASE("a multilateral agreement is one node with its parties, not a clique of pairs") {
  std::vector<std::string> many;
  for (int i = 0; i < 40; ++i)
    many.push_back("X" + std::string(1, static_cast<char>('A' + i / 26)) +
                   std::string(1, static_cast<char>('A' + i % 26)));
  const kgx::KnowledgeGraph g = Finalized({MakeRecord("m.txt", {many})});
  CHECK(g.Partnerships().empty());
  REQUIRE(g.Multilateral().size() == 1);
  // No CO_MENTIONED clique either: the graph grows with the parties, not their square.
  CHECK(g.edge_count() < 3 * many.size());
  Agraph_t* ag = DotReadBack(g, "m.dot");
  REQUIRE(ag != nullptr);
  CHECK(agnnodes(ag) == static_cast<int>(many.size()) + 1);  // The parties and the agreement.
  CHECK(agnedges(ag) == static_cast<int>(many.size()));
  agclose(ag);
}

TEST_CASE("a picture too large to lay out draws its most connected nodes") {
  // A hub with 120 partners: more nodes than the bound.
  kgx::KnowledgeGraph g;
  for (int i = 0; i < 120; ++i) {
    const std::string id = "Y" + std::to_string(100 + i);
    g.AddRecord(MakeRecord("h" + std::to_string(i) + ".txt", {{"HUB", id}}));
  }
  g.Finalize();
  const std::string dir = TempDir();
  REQUIRE(kgx::RenderGraph(g, dir + "/big.svg", "svg").ok());
  const std::string svg = Slurp(dir + "/big.svg");
  size_t nodes = 0;
  for (size_t at = svg.find("class=\"node\""); at != std::string::npos;
       at = svg.find("class=\"node\"", at + 1))
    ++nodes;
  CHECK(nodes == static_cast<size_t>(kgx::kMaxLayoutNodes));
  CHECK(svg.find("Country:HUB") != std::string::npos);  // The most connected stays.
  // The DOT file keeps every node.
  REQUIRE(kgx::WriteDot(g, dir + "/big.dot").ok());
  CHECK(Slurp(dir + "/big.dot").find("Country:Y219") != std::string::npos);
}

namespace {

// One document: a concluded AU-JP deal, a planned CL-US one, China's export
// ban on Japan in force and a US tariff on China only threatened.
kgx::KnowledgeGraph PlannedAndThreatened() {
  kgx::Record r = MakeRecord("news.txt", {{"AU", "JP"}, {"CL", "US"}}, "2025-05-02", {"lithium"});
  r.agreements[1].status = "planned";
  return kgx_test::GraphWithBanAndThreat(r, 40);
}

}  // namespace

TEST_CASE(
    "a planned deal and a threatened measure keep their status, never PARTY_TO or RESTRICTS") {
  const kgx::KnowledgeGraph g = PlannedAndThreatened();
  const kgx::BoostGraph& bg = g.graph();
  kgx::Vertex plan, deal, us, cn, cl;
  REQUIRE(g.FindNode(kgx::NodeKind::kUnconcludedAgreement, "CL-US/2025-05-02", &plan));
  REQUIRE(g.FindNode(kgx::NodeKind::kAgreement, "AU-JP/2025-05-02", &deal));
  CHECK_FALSE(g.FindNode(kgx::NodeKind::kAgreement, "CL-US/2025-05-02", &deal));
  CHECK(bg[plan].status == "planned");
  CHECK(bg[plan].label == "CL–US cooperation (planned) 2025-05-02");
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "US", &us));
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "CN", &cn));
  REQUIRE(g.FindNode(kgx::NodeKind::kCountry, "CL", &cl));
  int party_to = 0, unconcluded = 0;
  for (auto [it, end] = boost::in_edges(plan, bg); it != end; ++it) {
    party_to += bg[*it].kind == kgx::EdgeKind::kPartyTo;
    if (bg[*it].kind == kgx::EdgeKind::kPartyToUnconcluded) {
      ++unconcluded;
      CHECK(bg[*it].status == "planned");
    }
  }
  CHECK(party_to == 0);
  CHECK(unconcluded == 2);
  auto [tariff, found] = boost::edge(us, cn, bg);
  REQUIRE(found);
  CHECK(bg[tariff].kind == kgx::EdgeKind::kRestrictsNotInForce);
  CHECK(bg[tariff].status == "threatened");
  // The cooperation network and its figures know only the deal.
  const auto pairs = g.Partnerships();
  REQUIRE(pairs.size() == 1);
  CHECK(bg[pairs[0].a].id == "AU");
  const auto planned = g.Partnerships(kgx::NodeKind::kUnconcludedAgreement);
  REQUIRE(planned.size() == 1);
  CHECK(bg[planned[0].a].id == "CL");
}

TEST_CASE(
    "the full DOT view draws what is not concluded or in force dashed, the cooperation view not at "
    "all") {
  const kgx::KnowledgeGraph g = PlannedAndThreatened();
  const std::string dir = TempDir();
  kgx::DotOptions full;
  full.view = kgx::View::kFull;
  REQUIRE(kgx::WriteDot(g, dir + "/full.dot", full).ok());
  REQUIRE(kgx::WriteDot(g, dir + "/coop.dot").ok());
  // Read back with cgraph: the edges' own attributes, not the text.
  auto read = [](const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "r");
    REQUIRE(f != nullptr);
    Agraph_t* a = agread(f, nullptr);
    std::fclose(f);
    REQUIRE(a != nullptr);
    return a;
  };
  auto edge_attr = [](Agraph_t* a, const char* tail, const char* head, const char* attr) {
    Agnode_t* t = agnode(a, const_cast<char*>(tail), 0);
    Agnode_t* h = agnode(a, const_cast<char*>(head), 0);
    if (t == nullptr || h == nullptr) return std::string("(no edge)");
    Agedge_t* e = agedge(a, t, h, nullptr, 0);
    return e == nullptr ? std::string("(no edge)") : std::string(agget(e, const_cast<char*>(attr)));
  };
  Agraph_t* a = read(dir + "/full.dot");
  CHECK(edge_attr(a, "Country:US", "Country:CN", "style") == "dashed");
  CHECK(edge_attr(a, "Country:US", "Country:CN", "label") == "threatened tariff\\ngraphite");
  CHECK(edge_attr(a, "Country:CN", "Country:JP", "style") != "dashed");
  CHECK(edge_attr(a, "Country:CN", "Country:JP", "label") == "export ban\\ngallium");
  CHECK(edge_attr(a, "Country:CL", "UnconcludedAgreement:CL-US/2025-05-02", "style") == "dashed");
  CHECK(edge_attr(a, "Country:CL", "UnconcludedAgreement:CL-US/2025-05-02", "label") == "planned");
  CHECK(edge_attr(a, "Country:AU", "Agreement:AU-JP/2025-05-02", "label") == "PARTY_TO");
  agclose(a);
  Agraph_t* c = read(dir + "/coop.dot");
  CHECK(agnode(c, const_cast<char*>("Country:CL"), 0) == nullptr);
  CHECK(edge_attr(c, "Country:US", "Country:CN", "label") == "(no edge)");
  CHECK(edge_attr(c, "Country:CN", "Country:JP", "label") == "export ban\\ngallium");
  agclose(c);
}

TEST_CASE("JSON-LD, Neo4j CSV and GraphML carry a plan and a threat under types of their own") {
  const kgx::KnowledgeGraph g = PlannedAndThreatened();
  const std::string dir = TempDir();
  REQUIRE(kgx::WriteJsonLd(g, dir + "/g.jsonld").ok());
  const auto jsonld = nlohmann::json::parse(Slurp(dir + "/g.jsonld"));
  int agreements = 0, plans = 0, restrictions = 0, threats = 0;
  for (const auto& n : jsonld["@graph"]) {
    if (n["@type"] == "Agreement") {
      ++agreements;
      CHECK(n["party"].size() == 2);
      CHECK_FALSE(n.contains("status"));
    } else if (n["@type"] == "UnconcludedAgreement") {
      ++plans;
      CHECK(n["status"] == "planned");
      CHECK_FALSE(n.contains("party"));
      CHECK(n["unconcludedParty"] == nlohmann::json{"urn:kgx:country:CL", "urn:kgx:country:US"});
    } else if (n["@type"] == "Restriction") {
      ++restrictions;
      CHECK(n["restrictingCountry"] == "urn:kgx:country:CN");
    } else if (n["@type"] == "RestrictionNotInForce") {
      ++threats;
      CHECK(n["status"] == "threatened");
      CHECK(n["restrictionType"] == "tariff");
      CHECK(n["targetCountry"] == "urn:kgx:country:CN");
    }
  }
  CHECK(agreements == 1);
  CHECK(plans == 1);
  CHECK(restrictions == 1);
  CHECK(threats == 1);
  REQUIRE(kgx::WriteNeo4j(g, dir + "/neo").ok());
  CHECK(Slurp(dir + "/neo/unconcluded_agreements.csv")
            .find("\"CL-US/2025-05-02\",\"CL–US cooperation (planned) 2025-05-02\",1,1,"
                  "\"cooperation\",\"planned\",\"2025-05-02\"") != std::string::npos);
  CHECK(Slurp(dir + "/neo/agreements.csv").find("CL-US") == std::string::npos);
  const std::string party =
      Slurp(dir + "/neo/party_to_unconcluded_country_unconcludedagreement.csv");
  CHECK(party.rfind(":START_ID(Country),:END_ID(UnconcludedAgreement),documents:int,status,:TYPE\n",
                    0) == 0);
  CHECK(party.find("\"US\",\"CL-US/2025-05-02\",1,\"planned\",PARTY_TO_UNCONCLUDED") !=
        std::string::npos);
  CHECK(Slurp(dir + "/neo/party_to_country_agreement.csv").find("CL-US") == std::string::npos);
  CHECK(Slurp(dir + "/neo/restricts_not_in_force_country_country.csv")
            .find("\"US\",\"CN\",1,\"tariff\",\"graphite\",\"Threatens.\",true,\"threatened\","
                  "RESTRICTS_NOT_IN_FORCE") != std::string::npos);
  CHECK(Slurp(dir + "/neo/restricts_country_country.csv").find("\"US\"") == std::string::npos);
  const std::string cypher = Slurp(dir + "/neo/load.cypher");
  CHECK(cypher.find("MERGE (a)-[r:RESTRICTS_NOT_IN_FORCE]->(b)") != std::string::npos);
  CHECK(cypher.find("r.status = row.status") != std::string::npos);
  REQUIRE(kgx::WriteGraphml(g, dir + "/g.graphml").ok());
  const std::string graphml = Slurp(dir + "/g.graphml");
  CHECK(graphml.find("RESTRICTS_NOT_IN_FORCE") != std::string::npos);
  CHECK(graphml.find(">threatened<") != std::string::npos);
}
