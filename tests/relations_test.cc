// Agreements and restrictions read from whole documents.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/read/reader.h"
#include "tests/test_util.h"

namespace {

using kgx_test::Extract;

using V = std::vector<std::string>;

// The record's one restriction (fails the test if there is not exactly one).
kgx::RestrictionRef OnlyRestriction(const kgx::Record& r) {
  REQUIRE(r.restrictions.size() == 1);
  return r.restrictions[0];
}

// Hedged, planned and failed deeds stay in the record with their status;
// none of them is concluded (in force), so none is an edge.
bool NoneConcluded(const kgx::Record& r) {
  for (const auto& a : r.agreements)
    if (kgx::IsConcluded(a)) return false;
  return true;
}
bool NoneInForce(const kgx::Record& r) {
  for (const auto& x : r.restrictions)
    if (kgx::IsInForce(x)) return false;
  return true;
}

std::vector<V> Parties(const kgx::Record& r) {
  std::vector<V> out;
  for (const auto& a : r.agreements) out.push_back(a.parties);
  return out;
}

// Each document's agreements, by their parties, in order.
struct PartiesCase {
  const char* doc;
  const char* text;
  std::vector<V> parties;
};
void CheckParties(const std::vector<PartiesCase>& cases) {
  for (const PartiesCase& c : cases) {
    CAPTURE(c.text);
    CHECK(Parties(Extract(c.doc, c.text)) == c.parties);
  }
}

}  // namespace

TEST_CASE("an agreement between two countries, with kind, minerals, amounts, evidence") {
  const std::string text =
      "Australia and Japan signed a memorandum on gallium supply on Monday, "
      "committing A$1.2 billion.\n";
  kgx::Record r = Extract("a.txt", text);
  REQUIRE(r.agreements.size() == 1);
  const auto& a = r.agreements[0];
  CHECK(a.parties == V{"AU", "JP"});
  CHECK(a.kind == "mou_or_framework");
  CHECK(a.minerals == V{"gallium"});
  REQUIRE(a.amounts.size() == 1);
  CHECK(a.amounts[0].currency == "AUD");
  REQUIRE(a.evidence.size() == 1);
  CHECK(text.substr(a.evidence[0].start, a.evidence[0].end - a.evidence[0].start) ==
        a.evidence[0].text);
  CHECK(a.confidence > 0.5);
}

TEST_CASE("a sentence read in contrast parts is the evidence whole") {
  // The part before ", while" dates the deal of the sentence before; the
  // evidence it gives that deal is the sentence, not the part.
  const std::string dated =
      "Japan signed it on 3 March 2025, while the accord with Peru is still unsigned.";
  kgx::Record r = Extract(
      "c.md", "---\ndate: 2025-03-14\n---\nJapan and Chile signed a lithium pact.\n\n" + dated +
                  "\n");
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].date == "2025-03-03");
  REQUIRE(r.agreements[0].evidence.size() == 2);
  CHECK(r.agreements[0].evidence[1].text == dated);
}

TEST_CASE("an agreement takes the date its sentences state over the publication date") {
  const std::string md =
      "---\ndate: 2025-03-14\n---\n"
      "# Japan and Argentina sign lithium pact\n\n"
      "Japan and Argentina on Thursday signed a memorandum on lithium supply.\n";
  kgx::Record r = Extract("e.md", md);
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].evidence.size() == 2);  // the headline and the body
  CHECK(r.agreements[0].date == "2025-03-13");  // the Thursday before 2025-03-14 (a Friday)
  // With no date in any sentence, the publication date stands.
  r = Extract("f.md", "---\ndate: 2025-03-14\n---\nJapan and Argentina signed a lithium pact.\n");
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].date == "2025-03-14");
  // A month the sentence names beats the publication day.
  r = Extract("g.md", "---\ndate: 2025-06-18\n---\n日本と豪州は昨年12月に合意した。\n");
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].date == "2024-12");
  r = Extract("h.md",
              "---\ndate: 2025-06-18\n---\nJapan and Australia signed the deal in March 2023.\n");
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].date == "2023-03");
}

TEST_CASE(
    "a dated deed naming one of the parties dates their agreement; background keeps its year") {
  // Published on Friday 7 March 2025: "on Tuesday" is 4 March. The sentence
  // with the date names one party only, the agreement's sentences none.
  kgx::Record r =
      Extract("d1.md",
              "---\ndate: 2025-03-07\n---\n"
              "# Peru and South Korea to cooperate on copper\n\n"
              "The South Korean trade minister and his counterpart signed a joint statement "
              "on Tuesday in Lima.\n"
              "Peru and South Korea will work together on copper refining.\n");
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].parties == V{"KR", "PE"});
  CHECK(r.agreements[0].date == "2025-03-04");
  CHECK(r.agreements[0].evidence.size() == 3);
  // A memorandum the story recalls from another year is its own agreement,
  // dated by its year; the story's stays with the publication date.
  r = Extract("d2.md",
              "---\ndate: 2025-03-07\n---\n"
              "ペルーと韓国は銅の協力で合意した。\n"
              "ペルーと韓国は2011年に亜鉛の覚書に署名している。\n");
  REQUIRE(r.agreements.size() == 2);
  CHECK(r.agreements[0].date == "2025-03-07");
  CHECK(r.agreements[0].minerals == V{"copper"});
  CHECK(r.agreements[1].date == "2011");
  CHECK(r.agreements[1].minerals == V{"zinc"});
}

TEST_CASE("headline verbs and other tenses report agreements") {
  CheckParties({
      {"h1.txt", "Japan, India ink rare earths pact\n", {{"IN", "JP"}}},
      {"h2.txt", "Indonesia signs nickel deal with Australia\n", {{"AU", "ID"}}},
      {"h3.txt", "The US and Japan sealed a critical minerals agreement.\n", {{"JP", "US"}}},
  });
  // Still a wish or a weighing: none.
  CHECK(NoneConcluded(Extract("h4.txt", "Japan and the US are considering a minerals deal.\n")));
}

TEST_CASE("countries at odds in the same sentence are not parties") {
  CHECK(Parties(Extract("v1.txt", "米中対立が激化する中、日米はレアアースで連携を強化する。\n")) ==
        std::vector<V>{{"JP", "US"}});
  CHECK(
      Parties(Extract(
          "v2.txt", "Amid US-China tensions, Japan and Australia signed a rare earths pact.\n")) ==
      std::vector<V>{{"AU", "JP"}});
  CHECK(Parties(Extract("v3.txt", "中美贸易战背景下,日澳签署稀土合作协议。\n")) ==
        std::vector<V>{{"AU", "JP"}});
  // The country bargained with, or depended on, is no party either.
  CHECK(Extract("v4.txt",
                "---\nlocale: ja\n---\n政府は発表した。\n"
                "経済協定での合意取り付けをめぐる中国との駆け引きが焦点となる。\n")
            .agreements.empty());
  CHECK(Parties(Extract("v5.txt", "中国依存からの脱却に向け、日豪は協力で合意した。\n")) ==
        std::vector<V>{{"AU", "JP"}});
}

TEST_CASE("what only a subordinate clause names is not part of the agreement") {
  CHECK(
      Parties(Extract(
          "c1.txt", "Japan, Philippines to deepen nickel cooperation as China tightens grip\n")) ==
      std::vector<V>{{"JP", "PH"}});
  kgx::Record r = Extract("c2.txt",
                          "The United States and Australia signed a critical minerals framework, "
                          "and Indonesia has been in talks with Washington on a trade deal.\n");
  // The clause after ", and" with its own subject and deal word is read on
  // its own: talks of Indonesia with the US, no third party of the framework.
  REQUIRE(r.agreements.size() == 2);
  CHECK(r.agreements[0].parties == V{"AU", "US"});
  CHECK(r.agreements[0].status == "concluded");
  CHECK(r.agreements[1].parties == V{"ID", "US"});
  CHECK(r.agreements[1].status == "talks");
  // "as well as" and "such as" join, they start no clause: India acts too
  // (each actor with the partner: word-order and-with is for zh, ja, ko).
  CHECK(Parties(Extract("c3.txt",
                        "Japan, as well as India, signed a rare earths pact with Australia.\n")) ==
        std::vector<V>{{"AU", "IN"}, {"AU", "JP"}});
  // A clause holding the trigger keeps its countries.
  CHECK(Parties(Extract("c4.txt", "Prices fell as Chile and Peru signed a copper accord.\n")) ==
        std::vector<V>{{"CL", "PE"}});
}

TEST_CASE("a capital or agency where it happened, and a mediator, are not parties") {
  CheckParties({
      {"e1.txt", "Japan and India signed the pact in Washington.\n", {{"IN", "JP"}}},
      {"e2.txt", "日本与印度在北京签署稀土协议。\n", {{"IN", "JP"}}},
      {"e3.txt", "Japan and India signed the deal at the White House.\n", {{"IN", "JP"}}},
  });
  // A capital as the government still is one.
  CHECK(
      Parties(Extract("e4.txt", "Washington and Tokyo signed a critical minerals agreement.\n")) ==
      std::vector<V>{{"JP", "US"}});
  CHECK(Parties(Extract("e5.txt",
                        "The US-brokered deal between the DRC and Rwanda covers cobalt.\n")) ==
        std::vector<V>{{"CD", "RW"}});
  CHECK(
      Parties(Extract("e6.txt", "コンゴ民主共和国とルワンダが米国仲介の和平協定に調印した。\n")) ==
      std::vector<V>{{"CD", "RW"}});
}

TEST_CASE("the dateline's place is not a party") {
  CHECK(Parties(Extract("d1.txt",
                        "WASHINGTON, Oct 20 (Reuters) - Japan and Australia signed a rare "
                        "earths pact on Monday.\n")) == std::vector<V>{{"AU", "JP"}});
  CHECK(Parties(Extract("d2.txt", "【香港中通社】美國與烏克蘭將於下周簽署關鍵礦產協議。\n")) ==
        std::vector<V>{{"UA", "US"}});
  // A headline in capitals is no dateline.
  CHECK(Parties(Extract("d3.txt", "CHINA, JAPAN SIGN RARE EARTHS DEAL\n")) ==
        std::vector<V>{{"CN", "JP"}});
}

TEST_CASE("the sentence after an agreement that refers back to it gives its figures") {
  kgx::Record r = Extract("f1.txt",
                          "Japan and India signed a rare earths pact on Monday. "
                          "The deal is worth $500 million.\n");
  REQUIRE(r.agreements.size() == 1);
  REQUIRE(r.agreements[0].amounts.size() == 1);
  CHECK(r.agreements[0].amounts[0].value == 500e6);
  CHECK(r.agreements[0].evidence.size() == 2);  // where the figure was read
  r = Extract("f2.txt", "中国与老挝签署钾盐开发协议。该协议总投资约12亿美元。\n");
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].amounts.size() == 1);
  // Not when the sentence is about something else or names another country.
  r = Extract("f3.txt", "Japan and India signed a pact. Prices rose to $500 million.\n");
  CHECK(r.agreements[0].amounts.empty());
  r = Extract("f4.txt", "Japan and India signed a pact. The deal is worth $5 million for Peru.\n");
  CHECK(r.agreements[0].amounts.empty());
}

TEST_CASE("an agreement without a mineral borrows those of its story, not of the next one") {
  kgx::Record r = Extract("m1.txt",
                          "Japan and the Philippines agreed to work together on nickel.\n"
                          "The agreement was signed by both ministers in Manila.\n"
                          "China imposed export controls on graphite last year.\n");
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].minerals == V{"nickel"});
}

TEST_CASE("an agreement on critical minerals in general names no mineral, in every language") {
  // The sentences around it name minerals; the agreement's own says only
  // "critical minerals": it gets none, and "critical minerals" is none.
  const std::vector<std::pair<const char*, const char*>> docs = {
      {"c1.txt",
       "Chile exports copper and lithium.\n"
       "Chile and Vietnam signed a memorandum on critical minerals.\n"
       "Chile also mines molybdenum.\n"},
      {"c2.txt",
       "ベトナムはタングステンを産出する。\nベトナムとチリは重要鉱物の協力覚書に署名した。\n"},
      {"c3.txt", "越南出产钨。\n越南和智利签署了关键矿产合作备忘录。\n"},
      {"c4.txt", "越南出產鎢。\n越南和智利簽署了關鍵礦產合作備忘錄。\n"},
      {"c5.txt",
       "베트남은 텅스텐을 생산한다.\n베트남과 칠레는 핵심광물 협력 양해각서에 서명했다.\n"},
      {"c6.txt",
       "Le Chili produit du cuivre.\n"
       "Le Chili et le Vietnam ont signé un accord sur les minerais critiques.\n"},
  };
  for (const auto& doc : docs) {
    const char* path = doc.first;  // CAPTURE cannot take a structured binding (clang).
    CAPTURE(path);
    kgx::Record r = Extract(path, doc.second);
    REQUIRE(r.agreements.size() == 1);
    CHECK(r.agreements[0].minerals.empty());
  }
  // Named beside them, a mineral is the agreement's.
  kgx::Record r =
      Extract("c7.txt", "Chile and Vietnam signed a pact on copper and other critical minerals.\n");
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].minerals == V{"copper"});
}

TEST_CASE("only elements have symbols: fluorite, potash, phosphate are not elements") {
  kgx::Record r = Extract("s.txt",
                          "Chile and Vietnam agreed on fluorspar, potash, phosphate, barite, "
                          "graphite, iron ore, gallium and nickel.\n");
  std::map<std::string, std::string> symbol;
  for (const auto& m : r.minerals) symbol[m.name] = m.symbol;
  for (const char* compound :
       {"fluorite", "potash", "phosphate", "barite", "graphite", "iron ore"}) {
    CAPTURE(compound);
    REQUIRE(symbol.count(compound) == 1);
    CHECK(symbol[compound].empty());
  }
  CHECK(symbol["gallium"] == "Ga");
  CHECK(symbol["nickel"] == "Ni");
}

TEST_CASE("more ways to report an agreement in Chinese, Japanese and Korean") {
  CheckParties({
      {"w1.txt", "日印はレアアースの共同開発で一致した。\n", {{"IN", "JP"}}},
      {"w2.txt", "中国与老挝签订钾盐开发协议。\n", {{"CN", "LA"}}},
      {"w3.txt", "美日澳印四國宣布成立關鍵礦產倡議。\n", {{"AU", "IN", "JP", "US"}}},
      {"w4.txt", "한국과 베트남은 희토류 공급망 협약을 맺었다.\n", {{"KR", "VN"}}},
  });
}

TEST_CASE("a multilateral deal is one agreement with all its parties") {
  kgx::Record r = Extract("b.txt", "日美菲三国领导人签署联合声明，加强镍和钴合作。\n");
  CHECK(Parties(r) == std::vector<V>{{"JP", "PH", "US"}});
  CHECK(r.agreements[0].kind == "joint_statement");
}

TEST_CASE("the two countries and both sides resolve to the pair named before or in the headline") {
  kgx::Record r = Extract("c.txt",
                          "India and Japan review rare earths ties\n"
                          "Officials met in Tokyo on Tuesday.\n"
                          "Both sides agreed to expand cooperation on rare earths.\n");
  CHECK(Parties(r) == std::vector<V>{{"IN", "JP"}});
  r = Extract("d.txt", "日本とインドの外相が会談した。両国はレアアース分野の協力で合意した。\n");
  CHECK(Parties(r) == std::vector<V>{{"IN", "JP"}});
  r = Extract("e.txt", "Japan's prime minister and France's president agreed to cooperate on lithium.\n");
  CHECK(Parties(r) == std::vector<V>{{"FR", "JP"}});
}

TEST_CASE("not agreements: co-mention, wishes and opinions, budgets, lists, related headlines") {
  CHECK(Extract("f.txt", "Japan and France both import lithium from Chile.\n").agreements.empty());
  CHECK(NoneConcluded(
      Extract("g.txt", "Analysts say Japan and India could agree on rare earths.\n")));
  CHECK(NoneConcluded(Extract("h.txt", "日美两国希望加强关键矿产合作。\n")));
  CHECK(Extract("i.txt", "Japan approved a budget for cooperation on critical minerals.\n")
            .agreements.empty());
  CHECK(Extract("j.txt",
                "Countries such as Japan, India, Australia and Canada have critical minerals "
                "cooperation programmes.\n")
            .agreements.empty());
  CHECK(Extract("k.txt",
                "Japan opens a lithium plant.\n"
                "\"World\" POPULAR ARTICLE\n-\nJapan, India Sign Rare Earths Deal\n-\n"
                "Korea, U.S. Agree on Nickel\n")
            .agreements.empty());
}

TEST_CASE("restrictions have an imposing country and a target where one is named") {
  kgx::Record r = Extract(
      "l.txt",
      "日本とインドは2012年にレアアース協力の覚書を締結した。"
      "インド政府は国営企業IRELに対し、日本向けのレアアース輸出を停止するよう要請した。\n");
  CHECK(OnlyRestriction(r).from == "IN");
  CHECK(OnlyRestriction(r).to == "JP");
  CHECK(OnlyRestriction(r).type == "export_ban");
  CHECK(OnlyRestriction(r).minerals == V{"rare earths"});
  // The restriction does not erase the cooperation.
  CHECK(Parties(r) == std::vector<V>{{"IN", "JP"}});

  r = Extract("m.txt", "The United States wants gallium since Beijing restricted exports in 2023.\n");
  CHECK(OnlyRestriction(r).from == "CN");
  CHECK(OnlyRestriction(r).to.empty());
  r = Extract("n.txt", "中国商务部宣布对美国实施镓锗出口管制。\n");
  CHECK(OnlyRestriction(r).from == "CN");
  CHECK(OnlyRestriction(r).to == "US");
  // Plural trigger words; export taxes are tariffs.
  r = Extract("o.txt", "China will require export licences for seven rare earth elements.\n");
  CHECK(OnlyRestriction(r).type == "licensing");
  CHECK(OnlyRestriction(r).minerals == V{"rare earths"});
  // A relative clause is not what is restricted; "to the" names the target.
  r = Extract("o2.txt",
              "China, which controls 80% of nickel refining, banned exports of gallium to the "
              "United States.\n");
  CHECK(OnlyRestriction(r).minerals == V{"gallium"});
  CHECK(OnlyRestriction(r).to == "US");
  // Two measures in one sentence are two restrictions, each with its own
  // minerals and target.
  r = Extract("o3.txt",
              "China imposed export controls on graphite last year and banned exports of gallium "
              "and germanium to the United States in December.\n");
  REQUIRE(r.restrictions.size() == 2);
  CHECK(r.restrictions[0].type == "export_ban");
  CHECK(r.restrictions[0].to == "US");
  CHECK(r.restrictions[0].minerals == V{"gallium", "germanium"});
  CHECK(r.restrictions[1].type == "export_control");
  CHECK(r.restrictions[1].to.empty());
  CHECK(r.restrictions[1].minerals == V{"graphite"});
  r = Extract("o4.txt",
              "China restricted graphite exports and Indonesia banned nickel ore exports.\n");
  REQUIRE(r.restrictions.size() == 2);
  CHECK(r.restrictions[1].from == "ID");
  r = Extract("p.txt", "Zambia raised export taxes on copper concentrate.\n");
  CHECK(OnlyRestriction(r).type == "tariff");
}

TEST_CASE("restrictions in French, Spanish, German, Indonesian; licences and export taxes in CJK") {
  auto one = [](const std::string& locale, const std::string& sentence) {
    kgx::Record r = Extract("x.md", "---\nlocale: " + locale + "\n---\n" + sentence + "\n");
    CAPTURE(sentence);
    return OnlyRestriction(r);
  };
  auto x = one("fr", "La Chine a restreint ses exportations de graphite vers les États-Unis.");
  CHECK(x.from == "CN");
  CHECK(x.to == "US");
  CHECK(x.type == "export_control");
  x = one("es", "China prohibió la exportación de galio y germanio a Estados Unidos.");
  CHECK(x.from == "CN");
  CHECK(x.type == "export_ban");
  CHECK(x.minerals == V{"gallium", "germanium"});
  CHECK(one("de", "China verhängte Ausfuhrkontrollen für Gallium.").type == "export_control");
  CHECK(one("id", "Pemerintah Indonesia melarang ekspor bijih nikel.").type == "export_ban");
  CHECK(one("zh-CN", "中国对稀土实行出口配额管理。").type == "licensing");
  CHECK(one("zh-CN", "印尼对镍铁征收出口关税。").type == "tariff");
  CHECK(one("ja", "日本政府は半導体材料の輸出許可制を導入した。").type == "licensing");
}

TEST_CASE("Korean: abbreviation chains (한미, 한·일) and restrictions written as verbs") {
  CHECK(Parties(Extract("k1.txt", "한미 양국은 핵심광물 협력에 합의했다.\n")) ==
        std::vector<V>{{"KR", "US"}});
  CHECK(Parties(Extract("k2.txt", "미중 갈등 속에 한미일 3국은 공급망 협력에 합의했다.\n")) ==
        std::vector<V>{{"JP", "KR", "US"}});
  // Hangul syllables alone, or chains that are words (일한: worked), are none.
  kgx::Record r = Extract("k3.txt", "그는 12일 일한 사람이다. 한 사람이 일을 했다.\n");
  CHECK(r.countries.empty());
  r = Extract("k4.txt", "중국 상무부는 미국에 대한 안티몬 수출을 금지한다고 발표했다.\n");
  CHECK(OnlyRestriction(r).from == "CN");
  CHECK(OnlyRestriction(r).to == "US");
  CHECK(OnlyRestriction(r).type == "export_ban");
  r = Extract("k5.txt", "중국은 갈륨과 게르마늄의 수출을 통제하기로 했다.\n");
  CHECK(OnlyRestriction(r).type == "export_control");
}

TEST_CASE("a hedge after the deed is about its effects, not a doubt on it") {
  CheckParties({
      {"g1.txt",
       "Japan and Australia signed a deal that could be worth $1 billion.\n",
       {{"AU", "JP"}}},
      {"g2.txt", "Japan and India signed a pact, analysts said.\n", {{"IN", "JP"}}},
      {"g3.txt", "中国与老挝签署协议，双方希望加强合作。\n", {{"CN", "LA"}}},
      {"g4.txt", "日本と豪州は協定に署名し、供給の安定が期待される。\n", {{"AU", "JP"}}},
  });
  // Before the deed, or after a Japanese verb in its own clause, it is a doubt.
  CHECK(NoneConcluded(Extract("g5.txt", "Japan and India could sign a deal.\n")));
  CHECK(Extract("g6.txt", "双方希望签署协议。\n").agreements.empty());
  CHECK(NoneConcluded(Extract("g7.txt", "日本と豪州は協定への署名を期待している。\n")));
  CHECK(
      Extract("g8.txt", "Indonesia banned nickel exports, which analysts say could hurt miners.\n")
          .restrictions.size() == 1);
}

TEST_CASE("what did not happen is no agreement") {
  CHECK(NoneConcluded(Extract("n1.txt", "Japan and China did not sign any agreement.\n")));
  CHECK(NoneConcluded(
      Extract("n2.txt", "Australia and China failed to reach an agreement on lithium.\n")));
  CHECK(NoneConcluded(Extract("n3.txt", "中日两国未能达成协议。\n")));
  CHECK(NoneConcluded(Extract("n4.txt", "日本と中国は合意に至らなかった。\n")));
  // A denial after the deed is about something else.
  CHECK(Parties(
            Extract("n5.txt", "Japan and India signed a deal that does not include uranium.\n")) ==
        std::vector<V>{{"IN", "JP"}});
  CHECK(Parties(Extract("n6.txt", "日本と豪州は協定に署名したが、詳細は明らかにしなかった。\n")) ==
        std::vector<V>{{"AU", "JP"}});
}

TEST_CASE("a restriction still being weighed is not one yet") {
  CHECK(NoneInForce(Extract("q.txt", "Philippines mulls nickel ore export ban, official says.\n")));
  CHECK(
      NoneInForce(Extract("r.txt", "インドネシア政府はニッケル鉱石の輸出禁止を検討している。\n")));
  CHECK(Extract("s.txt", "Indonesia banned nickel ore exports in 2020.\n").restrictions.size() ==
        1);
}
