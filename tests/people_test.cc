// People (extract/entities/people.h, gazetteers/people.tsv): a person is never a
// country mention; titles find people the gazetteer does not list; a later
// surname is the person of the full name; countries next to people stay.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/read/reader.h"
#include "tests/test_util.h"

namespace {

using V = std::vector<std::string>;
using kgx_test::Extract;

struct Case {
  const char* lang;
  const char* text;
  V found;  // "kind:id" in text order.
};

// Every match as "kind:id" ("person:Israel Katz", "country:IL").
V KindsAndIds(const std::string& text, const std::string& lang) {
  const kgx::Gazetteer& gaz = kgx_test::ProjectGazetteer();
  V out;
  for (const kgx::EntityMatch& m : kgx_test::EntityMatches(text, lang)) {
    const bool rule = m.entity == kgx::EntityMatch::kRule;
    out.push_back(std::string(kgx::EntityKindName(m.kind)) + ":" +
                  (rule ? m.rule_name : gaz.entities()[m.entity].id));
  }
  return out;
}

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(KindsAndIds(c.text, c.lang) == c.found);
  }
}

}  // namespace

TEST_CASE("a person whose name reads as a country is a person, not a country") {
  RunTable({
      {"en", "Israel Katz met Chad Wolf.", {"person:Israel Katz", "person:Chad Wolf"}},
      {"en", "Georgia Meloni spoke.", {"person:Giorgia Meloni"}},
      {"en", "Jordan Bardella spoke in France.", {"person:Jordan Bardella", "country:FR"}},
      {"ja", "イスラエル・カッツ国防相が述べた。", {"person:イスラエル・カッツ"}},
      {"ja", "チャド・ウルフ氏が来日した。", {"person:チャド・ウルフ", "country:JP"}},
      {"ko", "이스라엘 카츠 국방장관이 말했다.", {"person:이스라엘 카츠"}},
      // Negatives: the same words as countries.
      {"en", "Israel and Jordan signed; Chad agreed.", {"country:IL", "country:JO", "country:TD"}},
      {"en", "Jordan Valley farms", {"country:JO"}},
      {"ja", "チャド大統領が来日した。", {"country:TD", "country:JP"}},
      {"ko", "이스라엘 정부는 말했다.", {"country:IL"}},
  });
}

TEST_CASE("a title and a name the gazetteer does not list make a person") {
  RunTable({
      {"en", "Mining Minister Jorge Montero spoke.", {"person:Jorge Montero"}},
      {"en", "Peru's Energy Minister Ana Ruiz-Diaz said", {"country:PE", "person:Ana Ruiz-Diaz"}},
      {"de",
       "Bundesfinanzminister Lindner und Kanzlerin Erika Muster",
       {"person:Christian Lindner", "person:Erika Muster"}},
      {"de", "Bundesverkehrsminister Hans Beispiel sagte", {"person:Hans Beispiel"}},
      {"zh-Hans", "部长张建国表示，", {"person:张建国"}},
      {"zh-Hant", "外長張建國會見", {"person:張建國"}},
      {"ja", "田中一郎経産相は", {"person:田中一郎"}},
      {"ja", "米通商代表部のスミス代表", {"organization:USTR", "person:スミス"}},
      {"ko", "홍길동 장관은", {"person:홍길동"}},
      {"id", "Menteri Perdagangan Budi Santoso", {"person:Budi Santoso"}},
      // Negatives: a title without a name, or with a place, a weekday or a
      // ministry in the name's place.
      {"en", "The Prime Minister said on Tuesday.", {}},
      {"en", "Trade Minister Says Deal Is Near", {}},
      {"en", "Minister Jordan", {"country:JO"}},
      {"ko", "신임 장관은 산업부 장관과", {"organization:MOTIE"}},
      {"ja", "同首相は", {}},
      {"zh-Hans", "该国总理表示", {}},
  });
}

TEST_CASE("a later bare surname is the person of the earlier full name") {
  RunTable({
      {"en",
       "Jordan Bardella spoke. Later Bardella left.",
       {"person:Jordan Bardella", "person:Jordan Bardella"}},
      {"en",
       "Defense Minister Israel Katz spoke. Katz said Israel would act.",
       {"person:Israel Katz", "person:Israel Katz", "country:IL"}},
      {"en",
       "Minister Samuel Jordan spoke. Jordan said that.",
       {"person:Samuel Jordan", "person:Samuel Jordan"}},
      {"ja",
       "チャド・ウルフ氏は述べた。ウルフ氏によると",
       {"person:チャド・ウルフ", "person:チャド・ウルフ"}},
      {"es",
       "El ministro Carlos Chile habló. Chile dijo que",
       {"person:Carlos Chile", "person:Carlos Chile"}},
      {"ja", "山田太郎経産相は述べた。山田経産相によると", {"person:山田太郎", "person:山田太郎"}},
      {"ja",
       "片山さつき財務相は述べた。片山財務相は",
       {"person:Satsuki Katayama", "person:Satsuki Katayama"}},
      {"ko", "홍길동 장관은 말했다. 홍 장관은", {"person:홍길동"}},  // one syllable is no name
      // Negatives: before the full name, and with another case, the word
      // is what it is.
      {"en",
       "Jordan agreed. Minister Samuel Jordan spoke.",
       {"country:JO", "person:Samuel Jordan"}},
      {"en",
       "Minister Samuel Jordan spoke. JORDAN: the country.",
       {"person:Samuel Jordan", "country:JO"}},
  });
}

TEST_CASE("countries next to people stay countries, and the person takes one") {
  RunTable({
      {"en", "President Lula of Brazil", {"person:Luiz Inácio Lula da Silva", "country:BR"}},
      {"zh-Hans", "美国总统特朗普", {"country:US", "person:Donald Trump"}},
      {"ja", "トランプ米大統領", {"person:Donald Trump", "country:US"}},
      {"ko", "미국 대통령 트럼프", {"country:US", "person:Donald Trump"}},
      {"fr",
       "le président Lula du Brésil et la France",
       {"person:Luiz Inácio Lula da Silva", "country:BR", "country:FR"}},
  });
  // In the record: people with country and role; countries only where a
  // country was named.
  const kgx::Record r =
      Extract("p.md",
              "---\ndatetime: 2026-05-04\n---\nPresident Lula of Brazil met Israel Katz and "
              "Peru's Mining Minister Ana Ruiz in Lima. Katz said.\n");
  CHECK(r.countries == V{"BR", "PE"});
  REQUIRE(r.people.size() == 3);
  CHECK(r.people[0].name == "Luiz Inácio Lula da Silva");
  CHECK(r.people[0].country == "BR");
  CHECK(r.people[0].role == "president");
  CHECK(r.people[1].name == "Israel Katz");
  CHECK(r.people[2].name == "Ana Ruiz");
  CHECK(r.people[2].country == "PE");
  CHECK(r.people[2].role == "mining_minister");
  int person_mentions = 0;
  for (const kgx::Mention& m : r.mentions) person_mentions += m.kind == "person";
  CHECK(person_mentions == 4);
}

TEST_CASE("a person's role is the term in office on the publication date") {
  auto role_on = [](const char* date) {
    const kgx::Record r = Extract(
        "t.md", std::string("---\ndatetime: ") + date + "\n---\nToshimitsu Motegi spoke.\n");
    REQUIRE(r.people.size() == 1);
    return r.people[0].role;
  };
  CHECK(role_on("2020-05-01") == "foreign_minister");
  const kgx::Gazetteer& gaz = kgx_test::ProjectGazetteer();
  const kgx::Entity& kishida =
      gaz.entities()[static_cast<size_t>(gaz.Find(kgx::EntityKind::kPerson, "Fumio Kishida"))];
  CHECK(kgx::PersonRoleOn(kishida, "2022-01-01") == "prime_minister");
  CHECK(kgx::PersonRoleOn(kishida, "") == "prime_minister");  // the latest term
}

TEST_CASE("person lines and titles are checked at load") {
  struct Bad {
    const char* content;
    const char* error;
  };
  const Bad cases[] = {
      {"@kind\tperson\nX Y\ten\tX Y\tfrom=2020-13\trole=president\n",
       "p.tsv:2: from= must be a month as YYYY-MM, got '2020-13'"},
      {"@kind\tperson\nX Y\ten\tX Y\tfrom=2020-01\n",
       "p.tsv:2: a term needs role= beside from= and to="},
      {"@kind\tperson\nX Y\ten\tX Y\trole=king\tfrom=2021-01\tto=2020-01\n",
       "p.tsv:2: term ends (2020-01) before it starts (2021-01)"},
      {"@kind\tcountry\nJP\ten\tJapan\trole=king\n",
       "p.tsv:2: 'role=' belongs to '@kind person' lines"},
      {"@kind\tperson-title\nbefore\ten\tKing\tcountry=Japan\n",
       "p.tsv:2: country= must be an ISO 3166-1 alpha-2 code or EU, got 'Japan'"},
      {"@kind\tperson-title\nbehind\ten\tKing\n",
       "p.tsv:2: unknown person-title role 'behind' (expected before, after, either, not-name, "
       "boundary, particle, given-name or of)"},
  };
  for (const Bad& b : cases) {
    CHECK(kgx_test::LoadError(b.content, "p.tsv") == b.error);
  }
}
