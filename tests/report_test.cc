// The analyst's outputs: graph filters, words for people, the HTML report's
// safety with hostile text, the written summary and stats as JSON.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "export/html_report.h"
#include "export/report_text.h"
#include "export/summary.h"
#include "graph/analytics.h"
#include "graph/filter.h"
#include "graph/knowledge_graph.h"
#include "tests/test_util.h"

namespace {

// An English document's record, and an agreement between Australia and Japan.
kgx::Record EnglishRecord(const std::string& doc, const std::string& title,
                          const std::string& published) {
  kgx::Record r;
  r.doc = doc;
  r.title = title;
  r.lang = "en";
  r.published = published;
  return r;
}
kgx::AgreementRef AustraliaJapan(const char* kind, const char* date) {
  kgx::AgreementRef a;
  a.parties = {"AU", "JP"};
  a.kind = kind;
  a.date = date;
  return a;
}

struct Fact {
  std::vector<std::string> parties;
  std::vector<std::string> minerals;
  std::string date;
};

// The fact as a cooperation agreement read in `text` at `start`.
kgx::AgreementRef AgreementOf(const Fact& fact, const std::string& text, size_t start = 0) {
  kgx::AgreementRef a;
  a.parties = fact.parties;
  a.kind = "cooperation";
  a.minerals = fact.minerals;
  a.date = fact.date;
  a.evidence.push_back({start, start + text.size(), text});
  return a;
}

// One document per fact, each reporting one agreement (published on its date).
kgx::KnowledgeGraph Build(const std::vector<Fact>& facts,
                          const std::string& text = "They signed.") {
  std::vector<kgx::Record> records;
  for (size_t i = 0; i < facts.size(); ++i) {
    records.push_back(EnglishRecord("docs/" + std::to_string(i) + ".txt",
                                    "Title " + std::to_string(i), facts[i].date));
    records.back().agreements.push_back(AgreementOf(facts[i], text));
  }
  return kgx_test::Finalized(records);
}

std::vector<std::string> AgreementIds(const kgx::KnowledgeGraph& g) {
  std::vector<std::string> ids;
  for (kgx::Vertex v = 0; v < g.node_count(); ++v)
    if (g.graph()[v].kind == kgx::NodeKind::kAgreement) ids.push_back(g.graph()[v].id);
  return ids;
}

const std::vector<Fact> kFacts = {{{"AU", "JP"}, {"lithium"}, "2023-05-02"},
                                  {{"IN", "JP"}, {"rare earths"}, "2025-11-09"},
                                  {{"CL", "KR"}, {"lithium"}, "2025-03"},
                                  {{"CD", "RW"}, {"cobalt"}, ""}};

// China's export controls with no target and no mineral, read at `start`.
kgx::RestrictionRef UntargetedControl(size_t start) {
  const std::string text = "China tightened export controls.";
  kgx::RestrictionRef x;
  x.from = "CN";
  x.type = "export_control";
  x.evidence.push_back({start, start + text.size(), text});
  return x;
}

}  // namespace

TEST_CASE("FilterGraph keeps the agreements of a country, with their parties only") {
  const kgx::KnowledgeGraph g = Build(kFacts);
  kgx::GraphFilter f;
  f.countries = {"JP"};
  const kgx::KnowledgeGraph jp = kgx::FilterGraph(g, f);
  CHECK(AgreementIds(jp) == std::vector<std::string>{"AU-JP/2023-05-02", "IN-JP/2025-11-09"});
  kgx::Vertex v;
  CHECK(jp.FindNode(kgx::NodeKind::kCountry, "AU", &v));
  CHECK_FALSE(jp.FindNode(kgx::NodeKind::kCountry, "KR", &v));
  CHECK_FALSE(jp.FindNode(kgx::NodeKind::kMineral, "cobalt", &v));
  CHECK(jp.documents().size() == 4);  // Document infos stay for citing.
}

TEST_CASE("FilterGraph by mineral, date range and documents") {
  const kgx::KnowledgeGraph g = Build(kFacts);
  kgx::GraphFilter f;
  f.minerals = {"lithium"};
  CHECK(AgreementIds(kgx::FilterGraph(g, f)) ==
        std::vector<std::string>{"AU-JP/2023-05-02", "CL-KR/2025-03"});
  f.since = "2024-01";
  CHECK(AgreementIds(kgx::FilterGraph(g, f)) == std::vector<std::string>{"CL-KR/2025-03"});
  kgx::GraphFilter range;
  range.until = "2025-03";  // The month's agreement is in; undated ones are out.
  CHECK(AgreementIds(kgx::FilterGraph(g, range)) ==
        std::vector<std::string>{"AU-JP/2023-05-02", "CL-KR/2025-03"});
  kgx::GraphFilter docs;
  docs.min_docs = 2;
  CHECK(AgreementIds(kgx::FilterGraph(g, docs)).empty());
}

TEST_CASE("FilterGraph keeps a measure only when it passes itself") {
  kgx::Record r;
  r.doc = "a.txt";
  r.published = "2025-06-01";
  r.restrictions.push_back(
      kgx_test::Measure("CN", "JP", "export_ban", {"gallium"}, {{0, 5, "Bans."}}, 0.9));
  r.restrictions.push_back(
      kgx_test::Measure("CN", "US", "export_control", {"graphite"}, {{6, 9, "Controls."}}, 0.9));
  const kgx::KnowledgeGraph g = kgx_test::Finalized({r});
  kgx::GraphFilter f;
  f.minerals = {"gallium"};
  const kgx::KnowledgeGraph small = kgx::FilterGraph(g, f);
  const std::vector<kgx::Measure> measures = kgx::Measures(small);
  REQUIRE(measures.size() == 1);
  CHECK(measures[0].type == "export_ban");
  CHECK(measures[0].date == "2025-06-01");  // Dated by its document.
  f.since = "2025-07";
  CHECK(kgx::Measures(kgx::FilterGraph(g, f)).empty());
}

TEST_CASE("DateInRange compares at the precision both dates have") {
  struct Case {
    const char *date, *since, *until;
    bool in;
  } cases[] = {{"2024-06-01", "2024-01", "2024-12", true},
               {"2024", "2024-06", "", true},
               {"2023-12-31", "2024-01", "", false},
               {"2026-01", "", "2025-12", false},
               {"", "", "", true},
               {"", "2024", "", false},
               {"2025-12-15", "", "2025-12", true}};
  for (const Case& c : cases)
    CHECK_MESSAGE(kgx::DateInRange(c.date, c.since, c.until) == c.in, c.date);
  std::string d;
  CHECK(kgx::ParseFilterDate("2024-01", &d).ok());
  CHECK(kgx::ParseFilterDate("2024-13", &d).message() ==
        "invalid date '2024-13' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  CHECK_FALSE(kgx::ParseFilterDate("January", &d).ok());
}

TEST_CASE("Money as news writes it, measures and kinds in words") {
  struct Case {
    double value, high;
    const char *currency, *qualifier, *text;
  } cases[] = {{1.67e9, 1.67e9, "AUD", "", "A$1.67 billion"},
               {1.2e9, 1.2e9, "USD", "approximately", "about US$1.2 billion"},
               {3e11, 3e11, "JPY", "", "¥300 billion"},
               {1e9, 2e9, "USD", "up_to", "up to US$1–2 billion"},
               {5e8, 1.2e9, "USD", "", "US$500 million–1.2 billion"},
               {250000, 250000, "IDR", "", "IDR 250,000"},
               {8.5e9, 8.5e9, "EUR", "more_than", "more than €8.5 billion"},
               {1.2e12, 1.2e12, "JPY", "", "¥1.2 trillion"}};
  for (const Case& c : cases) {
    kgx::AmountRef a;
    a.value = c.value;
    a.high = c.high;
    a.currency = c.currency;
    a.qualifier = c.qualifier;
    CHECK(kgx::MoneyText(a) == c.text);
  }
  CHECK(kgx::KindText("export_ban") == "export ban");
  CHECK(kgx::KindText("mou_or_framework") == "memorandum or framework");
  CHECK(kgx::KindText("in_force") == "in force");
  CHECK(kgx::LanguageName("zh-Hant") == "Chinese (Traditional)");
  CHECK(kgx::LanguageName("ja") == "Japanese");
}

TEST_CASE("DocumentHref: http(s) URLs, else the file; never another scheme") {
  CHECK(kgx::DocumentHref("a.txt", "https://example.org/a?b=1", ".") ==
        "https://example.org/a?b=1");
  CHECK(kgx::DocumentHref("a.txt", "https://x.org/\"><script>", ".") ==
        "https://x.org/%22%3E%3Cscript%3E");
  CHECK(kgx::DocumentHref("news/a b.txt", "", ".") == "news/a%20b.txt");
  CHECK(kgx::DocumentHref("news/a.txt", "javascript:alert(1)", ".") == "news/a.txt");
  CHECK(kgx::DocumentHref("javascript:alert(1)", "", ".") == "javascript%3Aalert%281%29");
  CHECK(kgx::DocumentHref("/data/news/a.txt", "", "/tmp") == "file:///data/news/a.txt");
  CHECK(kgx::DocumentHref("corpus/a.txt", "", "out") == "../corpus/a.txt");
}

TEST_CASE("HTML report: hostile sentences stay text inside the JSON script element") {
  const std::string hostile =
      "Deal </script><script>alert(1)</script><!-- & <img src=x onerror=alert(2)>";
  const kgx::KnowledgeGraph g = Build({{{"AU", "JP"}, {"lithium"}, "2025-01-02"}}, hostile);
  const std::string data = kgx::ReportDataJson(g, {});
  CHECK(data.find('<') == std::string::npos);
  CHECK(data.find('>') == std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(data);
  CHECK(j["agreements"][0]["evidence"][0][1] == hostile);  // The same text once parsed.
  CHECK(j["nodes"][0]["name"] == "Australia");
  CHECK(j["docs"][0]["title"] == "Title 0");

  std::string html;
  REQUIRE(kgx::HtmlReport(g, {}, &html).ok());
  size_t closes = 0;
  for (size_t at = html.find("</script"); at != std::string::npos;
       at = html.find("</script", at + 1))
    ++closes;
  CHECK(closes == 2);  // The data element's and the script's own: no sentence ends one.
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("id=\"n0\"") != std::string::npos);  // Nodes carry the data's ids.
  CHECK(html.find("id=\"e0\"") != std::string::npos);
}

TEST_CASE("Summary: agreements by date with sources; document text cannot add Markdown") {
  kgx::Record r =
      EnglishRecord("news/x.md", "[click](javascript:alert(1)) <b>bold</b>", "2025-02-03");
  r.url = "https://example.org/x";
  kgx::AgreementRef a = AustraliaJapan("investment_or_funding", "2025-02-03");
  a.minerals = {"lithium"};
  a.amounts.push_back({1.67e9, 1.67e9, "AUD", "", "A$1.67 billion", 0, 5});
  a.evidence.push_back({0, 5, "Signed."});
  r.agreements.push_back(a);
  r.restrictions.push_back(kgx_test::Measure("CN", "", "export_control", {"gallium", "germanium"},
                                             {{6, 9, "Controls."}}, 0.9));
  const kgx::KnowledgeGraph g = kgx_test::Finalized({r});
  const std::string md = kgx::SummaryMarkdown(g, {});
  CHECK(md.find("- **2025-02-03**: Australia and Japan, investment or funding on lithium; A$1.67 "
                "billion [1]\n") != std::string::npos);
  // One measure, though the graph keeps one edge per mineral of it.
  CHECK(md.find("### China\n\n- export control on gallium and germanium, no target named, reported "
                "2025-02-03 [1]\n") != std::string::npos);
  CHECK(md.find("1. \\[click\\](javascript:alert(1)) \\<b\\>bold\\</b\\> (2025-02-03, English; "
                "<https://example.org/x>)") != std::string::npos);
}

TEST_CASE("StatsJson carries every actor, mineral and pair") {
  const kgx::KnowledgeGraph g = Build(kFacts);
  const nlohmann::json j = kgx::StatsJson(g);
  CHECK(j["nodes"]["by_kind"]["Agreement"] == 4);
  CHECK(j["actors"].size() == 7);
  CHECK(j["actors"][0]["id"] == "JP");  // The only actor between others.
  CHECK(j["minerals"][0] == nlohmann::json{{"id", "lithium"}, {"agreements", 2}});
  CHECK(j["pairs"].size() == 4);
}

// Regressions seen on the seed documents after the money roles and the
// untargeted loop edge arrived: the brief must not count a conversion or a
// part as more money, nor call a measure with no target "against" its imposer.
TEST_CASE("the summary lists only counted money and names no target for an untargeted measure") {
  kgx::Record r = EnglishRecord("docs/a.txt", "Australia and Japan fund gallium", "2026-05-04");
  kgx::AgreementRef a = AustraliaJapan("investment", "2026-05-04");
  a.amounts = {{1.67e9, 1.67e9, "AUD", "", "A$1.67bn", 0, 8, ""},
               {1.2e9, 1.2e9, "USD", "", "US$1.2bn", 10, 18, "conversion"},
               {1.3e9, 1.3e9, "AUD", "", "A$1.3bn", 20, 27, "part"}};
  a.evidence.push_back({0, 27, "A$1.67bn (US$1.2bn): A$1.3bn"});
  r.agreements.push_back(a);
  r.restrictions.push_back(UntargetedControl(30));
  const kgx::KnowledgeGraph g = kgx_test::Finalized({r});
  const std::string md = kgx::SummaryMarkdown(g, {});
  CHECK(md.find("A$1.67 billion") != std::string::npos);
  CHECK(md.find("1.2 billion") == std::string::npos);
  CHECK(md.find("1.3 billion") == std::string::npos);
  CHECK(md.find("export control, no target named") != std::string::npos);
  CHECK(md.find("against China") == std::string::npos);
}

TEST_CASE("HTML report: an untargeted measure that names no mineral still lists its imposer") {
  // Seen on real news: "China tightened export controls" with no mineral in the
  // sentence made the report abort (the imposer had no node in the view).
  kgx::Record r = EnglishRecord("docs/a.txt", "", "2025-10-09");
  r.restrictions.push_back(UntargetedControl(0));
  const kgx::KnowledgeGraph g = kgx_test::Finalized({r});
  std::string html;
  REQUIRE(kgx::HtmlReport(g, {}, &html).ok());
  const nlohmann::json j = nlohmann::json::parse(kgx::ReportDataJson(g, {}));
  REQUIRE(j["measures"].size() == 1);
  CHECK(j["measures"][0]["to"] == -1);
  const int from = j["measures"][0]["from"];
  CHECK(j["nodes"][from]["key"] == "CN");
  // Drawn too: a loop on the imposer, labelled with what it lacks.
  REQUIRE(j["edges"].size() == 1);
  CHECK(j["edges"][0]["a"] == from);
  CHECK(j["edges"][0]["b"] == from);
  CHECK(j["edges"][0]["measures"] == nlohmann::json::array({0}));
  CHECK(html.find(">export control, no target named</text>") != std::string::npos);
}

namespace {

// A concluded AU-JP deal on lithium, IN-US talks on rare earths, a US tariff
// on China's graphite only threatened and China's ban on Japan in force.
kgx::KnowledgeGraph TalksAndThreat() {
  kgx::Record r = EnglishRecord("docs/t.txt", "Talks and threats", "2025-10-10");
  kgx::AgreementRef talks = AgreementOf({{"IN", "US"}, {"rare earths"}, r.published}, "Talks.", 8);
  talks.status = "talks";
  r.agreements = {AgreementOf({{"AU", "JP"}, {"lithium"}, r.published}, "Signed."), talks};
  return kgx_test::GraphWithBanAndThreat(r, 21);
}

}  // namespace

TEST_CASE(
    "Summary: talks and a threatened tariff in their own section, never among deals and measures") {
  const std::string md = kgx::SummaryMarkdown(TalksAndThreat(), {});
  const size_t deals = md.find("## Agreements by date"), measures = md.find("## Trade measures");
  const size_t apart = md.find("## Not concluded / not in force\n\n");
  const size_t connected = md.find("## Most connected");
  REQUIRE(deals < measures);
  REQUIRE(measures < apart);
  REQUIRE(apart < connected);
  const std::string deal_part = md.substr(deals, apart - deals);
  CHECK(deal_part.find("Australia and Japan, cooperation on lithium [1]") != std::string::npos);
  CHECK(deal_part.find("India") == std::string::npos);
  CHECK(deal_part.find("graphite") == std::string::npos);
  CHECK(deal_part.find("### China\n\n- export ban on gallium, against Japan") != std::string::npos);
  const std::string rest = md.substr(apart, connected - apart);
  CHECK(rest.find("- **2025-10-10**: India and United States, cooperation on rare earths (talks, "
                  "not concluded) [1]\n") != std::string::npos);
  CHECK(rest.find("- United States: threatened tariff on graphite, against China, reported "
                  "2025-10-10 [1]\n") != std::string::npos);
  // The most connected and the minerals count the deal only.
  CHECK(md.find("- India:") == std::string::npos);
  CHECK(md.find("- rare earths:") == std::string::npos);
  CHECK(md.find("- lithium: 1 agreement [1]") != std::string::npos);
  // With none, the section says so.
  CHECK(kgx::SummaryMarkdown(Build(kFacts), {})
            .find("## Not concluded / not in force\n\nNone "
                  "found.\n") != std::string::npos);
}

TEST_CASE("HTML report: talks and a threatened tariff are dashed edges with their status") {
  const kgx::KnowledgeGraph g = TalksAndThreat();
  const nlohmann::json j = nlohmann::json::parse(kgx::ReportDataJson(g, {}));
  REQUIRE(j["agreements"].size() == 2);
  REQUIRE(j["measures"].size() == 2);
  std::map<std::string, std::string> status_of;  // First party's key -> status.
  for (const auto& a : j["agreements"])
    status_of[j["nodes"][a["parties"][0].get<int>()]["key"]] = a["status"];
  CHECK(status_of["AU"] == "concluded");
  CHECK(status_of["IN"] == "talks");
  std::map<std::string, std::string> measure_status;  // Imposer's key -> status.
  for (const auto& m : j["measures"])
    measure_status[j["nodes"][m["from"].get<int>()]["key"]] = m["status"];
  CHECK(measure_status["CN"] == "in force");
  CHECK(measure_status["US"] == "threatened");
  int tentative = 0;
  for (const auto& e : j["edges"]) tentative += e.value("tentative", false);
  CHECK(tentative == 2);  // The talks' pair and the threat's arrow.
  std::string html;
  REQUIRE(kgx::HtmlReport(g, {}, &html).ok());
  CHECK(html.find(">threatened tariff</text>") != std::string::npos);
  CHECK(html.find(">talks: rare earths</text>") != std::string::npos);
  CHECK(html.find("stroke-dasharray") != std::string::npos);
}

TEST_CASE("FilterGraph keeps a plan and a threat that pass, and stats count only deals") {
  const kgx::KnowledgeGraph g = TalksAndThreat();
  kgx::GraphFilter f;
  f.countries = {"US"};
  const kgx::KnowledgeGraph us = kgx::FilterGraph(g, f);
  kgx::Vertex v;
  CHECK(us.FindNode(kgx::NodeKind::kUnconcludedAgreement, "IN-US/2025-10-10", &v));
  CHECK_FALSE(us.FindNode(kgx::NodeKind::kAgreement, "AU-JP/2025-10-10", &v));
  REQUIRE(kgx::Measures(us, kgx::EdgeKind::kRestrictsNotInForce).size() == 1);
  CHECK(kgx::Measures(us).empty());
  const nlohmann::json stats = kgx::StatsJson(g);
  CHECK(stats["pairs"].size() == 1);
  CHECK(stats["minerals"] == nlohmann::json{{{"id", "lithium"}, {"agreements", 1}}});
  CHECK(stats["nodes"]["by_kind"]["UnconcludedAgreement"] == 1);
}
