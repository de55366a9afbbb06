// Where organization names begin and end, in every claimed language: the
// sentence cases are in tests/cases/organizations.tsv (left-edge words of CJK
// names, whole capitalized heads of Latin names, government heads with their
// home country, titles before people's names, phrases that are no names, one
// entity per organization across scripts); here the cases built in code.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "tests/test_util.h"

namespace {

struct Org {
  std::string id, country;  // country: the home the match carries ("" if none).
  bool operator==(const Org& o) const { return id == o.id && country == o.country; }
};

struct Case {
  const char* lang;
  const char* text;
  std::vector<Org> orgs;
};

using kgx_test::EntityMatches;

std::vector<Org> Orgs(const std::string& text, const std::string& lang) {
  std::vector<Org> out;
  for (const auto& [id, country] : kgx_test::OrgsWithHome(text, lang)) out.push_back({id, country});
  return out;
}

void Run(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const std::string lang = c.lang, text = c.text;
    CAPTURE(lang);
    CAPTURE(text);
    const std::vector<Org> got = Orgs(c.text, c.lang);
    std::string shown;
    for (const Org& o : got) shown += "{" + o.id + ", " + o.country + "} ";
    CAPTURE(shown);
    CHECK(got == c.orgs);
  }
}

}  // namespace

TEST_CASE("Chinese rule words are written once: the other script is made at load") {
  kgx::OrganizationRuleWords words;
  words.Add("cjk-lead", "zh", "据");
  words.Add("cjk-trail", "zh", "表示");
  words.Add("cjk-suffix", "zh-Hans", "集团");
  words.Add("not-government", "zh-Hant", "當局");
  words.Add("cjk-lead", "ja", "同社");
  words.AddScriptConversions();
  using Words = std::vector<std::pair<std::string, std::string>>;
  CHECK(words.cjk_lead == Words{{"zh", "据"}, {"ja", "同社"}, {"zh", "據"}});
  // 表示 is both scripts' form: nothing to add.
  CHECK(words.cjk_trail == Words{{"zh", "表示"}});
  CHECK(words.cjk_suffix == Words{{"zh-Hans", "集团"}, {"zh-Hant", "集團"}});
  CHECK(words.not_government == Words{{"zh-Hant", "當局"}, {"zh-Hans", "当局"}});
  // Once is enough: a second call adds nothing.
  words.AddScriptConversions();
  CHECK(words.cjk_lead.size() == 3);
}

// A seat of government written for the government inside it is its country
// acting, like a capital (gazetteers/countries_seats.tsv): no organization.
TEST_CASE("seats of government are their country, not organizations") {
  const struct {
    const char* lang;
    const char* text;
    const char* country;
  } kCases[] = {
      {"ar", "وقال البيت الأبيض إن", "US"},    {"ru", "В Кремле заявили", "RU"},
      {"ko", "청와대는 밝혔다", "KR"},         {"fr", "la Maison-Blanche a annoncé", "US"},
      {"ja", "首相官邸で会談した", "JP"},      {"zh-Hans", "中南海决定", "CN"},
      {"en", "Downing Street said on Monday", "GB"},
      {"it", "Palazzo Chigi ha deciso il veto", "IT"}, {"es", "la Casa Rosada anunció", "AR"},
  };
  for (const auto& c : kCases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(Orgs(c.text, c.lang).empty());
    std::set<std::string> countries;
    for (const kgx::EntityMatch& m : EntityMatches(text, c.lang))
      if (m.kind == kgx::EntityKind::kCountry)
        countries.insert(kgx_test::ProjectGazetteer().entities()[m.entity].id);
    CHECK(countries == std::set<std::string>{c.country});
  }
}

TEST_CASE("a listed body beside another country's adjective is that country's") {
  const std::string de_ministry = "Federal Ministry for Economic Affairs and Energy";
  Run({
      // A bare German ministry is Germany's; with a foreign adjective before
      // it, the adjective's country's, named as written.
      {"de", "Das belgische Wirtschaftsministerium prüft.", {{"belgische Wirtschaftsministerium", "BE"}}},
      {"de", "Das Wirtschaftsministerium in Berlin prüft.", {{de_ministry, "DE"}}},
      {"de", "Das deutsche Wirtschaftsministerium prüft.", {{de_ministry, "DE"}}},
      // The adjective after the body, in the languages that write it there.
      {"es", "El Ministerio de Minería peruano aprobó.", {{"Ministerio de Minería peruano", "PE"}}},
      {"fr", "Le ministère des Mines malien a suspendu.", {{"ministère des Mines malien", "ML"}}},
      // Bare, the listed body stays (Chile's, in the Chilean press), and so
      // with its own home's adjective.
      {"es", "El Ministerio de Minería aprobó.", {{"Ministry of Mining of Chile", "CL"}}},
      {"es", "El Ministerio de Minería chileno aprobó.", {{"Ministry of Mining of Chile", "CL"}}},
      // An adjective before a capital is the next noun's (German nouns).
      {"de", "Laut Wirtschaftsministerium chinesische Firmen.", {{de_ministry, "DE"}}},
  });
}

TEST_CASE("embassies are their country's bodies in every script") {
  // Each sentence names Peru's embassy, its home Peru.
  Run({
      {"en", "On Friday the Embassy of Peru in Tokyo protested.", {{"Embassy of Peru", "PE"}}},
      // A sentence's article is no part of the name its country starts.
      {"en", "The Peru Embassy in Tokyo protested.", {{"Peru Embassy", "PE"}}},
      {"fr", "Vendredi, l'ambassade du Pérou a protesté.", {{"ambassade du Pérou", "PE"}}},
      {"es", "El viernes la Embajada de Perú protestó.", {{"Embajada de Perú", "PE"}}},
      // 驻 and the host country inside the name: the first country is the home.
      {"zh-Hans", "秘鲁驻日本大使馆周五表示抗议。", {{"秘鲁驻日本大使馆", "PE"}}},
      {"zh-Hant", "秘魯駐日本大使館週五表示抗議。", {{"秘魯駐日本大使館", "PE"}}},
  });
}

