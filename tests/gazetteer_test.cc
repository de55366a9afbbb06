#include <doctest/doctest.h>

#include "tests/test_util.h"

using kgx_test::LoadError;

TEST_CASE("malformed gazetteer lines are refused with file and line") {
  // A file's content and the error it must give ("" for none).
  const std::pair<std::string, std::string> cases[] = {
      {"JP\ten\tJapan\n", "user.tsv:1: data before the first '@kind' line"},
      {"@kind\tplanet\n", "user.tsv:1: unknown kind 'planet'"},
      {"@kind\tcountry\n# comment\n\nJPN\ten\tJapan\n", "user.tsv:4: invalid country id 'JPN'"},
      {"@kind\tcountry\nJP\tenglish\tJapan\n", "user.tsv:2: invalid language tag 'english'"},
      {"@kind\tcountry\nJP\ten\n", "user.tsv:2: expected 'id<TAB>lang<TAB>alias[<TAB>flag...]'"},
      {"@kind\tcountry\nJP\ten\tJapan\tloud\n", "user.tsv:2: unknown flag 'loud'"},
      {"@kind\tcountry\nJP\ten\t\tJapan\n",
       "user.tsv:2: empty field (fields are separated by one tab)"},
      {"@kind\tcountry\nJP\t*\t日\tabbr\n",
       "user.tsv:2: an abbr alias needs a language (it is only read in that language)"},
      {"@kind\torganization\nX\ten\tX Corp\tcountry=Japan\n",
       "user.tsv:2: country= must be an ISO 3166-1 alpha-2 code, got 'Japan'"},
      // A body acts for a country or a group (the European Commission for the EU).
      {"@kind\torganization\nX\ten\tX Office\tacts-for=Europe\n",
       "user.tsv:2: acts-for= must be a country or group code, got 'Europe'"},
      {"@kind\torganization\nX\ten\tX Office\tacts-for=EU\n", ""},
      // A bloc's members are country codes, and only a group has them.
      {"@kind\tgroup\nZZ\t*\tZZ Union\tmembers=FR,Germany\n",
       "user.tsv:2: members= must list ISO 3166-1 alpha-2 codes, got 'Germany'"},
      {"@kind\torganization\nX\ten\tX Office\tmembers=FR\n",
       "user.tsv:2: 'members=' belongs to group lines"},
      {"@kind\tgroup\nZZ\t*\tZZ Union\tmembers=FR,DE\n", ""},
      {"@kind\tcountry\nJP\ten\tJa\xffpan\n", "user.tsv:2: invalid UTF-8"},
      {"@kind\tgroup\n@icu-countries\ten\n",
       "user.tsv:2: @icu-countries belongs in a '@kind\tcountry' file"},
      // CRLF is fine
      {"@kind\tcountry\r\nJP\ten\tJapan\r\n", ""},
      // A blank alias would match every space (or fold to nothing): white space
      // of any script and invisible characters alone are refused.
      {"@kind\tcountry\nJP\ten\t \n",
       "user.tsv:2: field 3 is only white space or invisible characters"},
      {"@kind\tcountry\nJP\tja\t\u3000\u200b\n",
       "user.tsv:2: field 3 is only white space or invisible characters"},
      {"@kind\tmineral\n \ten\tnickel\n",
       "user.tsv:2: field 1 is only white space or invisible characters"},
      // Spaces around words are kept
      {"@kind\tcountry\nJP\ten\t Japan \n", ""},
      // Found by the gazetteer fuzzer: a line without tabs read past its fields.
      // Relation words moved to frame files (frames_test.cc tests their lines).
      {"@kind\trelation-word\nagree\n",
       "user.tsv:1: relation words are frames now: gazetteers/frames/<lang>.tsv "
       "(gazetteers/README.md, \"Frames\")"},
      {"@kind\tmoney-word\nbillion\n",
       "user.tsv:2: expected 'scale|qualifier<TAB>lang<TAB>text<TAB>value' or "
       "'range|numeral|currency-of|unit<TAB>lang<TAB>text'"},
      // Multipliers that strtod reads but that are no number of units.
      {"@kind\tmoney-word\nscale\ten\tzillion\t1e999\n", "user.tsv:2: invalid multiplier '1e999'"},
      {"@kind\tmoney-word\nscale\ten\tzillion\tnan\n", "user.tsv:2: invalid multiplier 'nan'"},
      {"@kind\tmoney-word\nscale\ten\tzillion\tinf\n", "user.tsv:2: invalid multiplier 'inf'"},
      // Date forms: the fields name the pattern's groups and make a date.
      {"@kind\tdate-form\niso\tymd\t([0-9]{4})-([0-9]{2})\n",
       "user.tsv:2: the pattern has 2 capture groups, the fields name 3"},
      {"@kind\tdate-form\nx\tyd\t([0-9]{4})/([0-9]{2})\n",
       "user.tsv:2: fields 'yd' make no date (ymd, ym, y, md, d, xxy or w in any order)"},
      {"@kind\tdate-form\nx\tyq\t([0-9]{4})/([0-9]{2})\n",
       "user.tsv:2: unknown field 'q' (expected y m d x w)"},
      {"@kind\tdate-form\nx\tmy\t{monthname} ([0-9]{4})\n",
       "user.tsv:2: unknown placeholder in '{monthname} ([0-9]{4})' (expected {month}, {weekday}, "
       "{ord})"},
      {"@kind\tdate-form\nx\ty\t(([0-9]{4})\n",
       "user.tsv:2: RE2 does not take the pattern '(([0-9]{4})'"},
      {"@kind\tdate-form\nx\tmy\t{month} ([0-9]{4})\n", ""},
      {"@kind\tdate-word\nth\tordinals\n",
       "user.tsv:2: unknown date word role 'ordinals' (expected ordinal, not-after-day, "
       "month-unit, day-unit, lower-case-months or month-first-slash)"},
      {"@kind\tdate-word\nfrench\tlower-case-months\n",
       "user.tsv:2: invalid language tag 'french'"},
      {"@kind\torganization-rule\nwords-between\tvi\t99\n",
       "user.tsv:2: words-between takes a count from 1 to 12, not '99'"},
      {"@kind\torganization-rule\nheadz\tvi\tBộ\n",
       "user.tsv:2: unknown organization rule role 'headz'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.first);
    CHECK(LoadError(c.first) == c.second);
  }
}

TEST_CASE("an alias marked ambiguous is loaded with its flag; matching is unchanged") {
  const auto owned = kgx_test::CompiledModel(
      "@kind\torganization\nMinistry of Finance of China\tzh-Hans\t财政部\tambiguous\n");
  const kgx::Model& gaz_model = *owned;
  const kgx::Gazetteer& gaz = gaz_model.gazetteer();
  REQUIRE(!gaz.aliases().empty());
  CHECK((gaz.aliases()[0].flags & kgx::kAliasAmbiguous) != 0);
  CHECK(kgx_test::Ids(kgx_test::Match(gaz_model, "财政部表示", "zh-Hans")) ==
        std::vector<std::string>{"Ministry of Finance of China"});
}

TEST_CASE("ICU supplies every ISO country in every listed locale") {
  const auto owned = kgx_test::CompiledModel("@kind\tcountry\n@icu-countries\ten,ja,zh-Hant\n");
  const kgx::Model& gaz_model = *owned;
  const kgx::Gazetteer& gaz = gaz_model.gazetteer();
  int countries = 0;
  for (const kgx::Entity& e : gaz.entities()) countries += e.kind == kgx::EntityKind::kCountry;
  CHECK(countries >= 240);
  CHECK(kgx_test::Ids(kgx_test::Match(gaz_model, "Myanmar, Burma, ミャンマー, 緬甸", "ja")) ==
        std::vector<std::string>{"MM", "MM", "MM", "MM"});
  // 刚果（金）-style names are not split into one-character "names".
  CHECK(kgx_test::Match(gaz_model, "金", "zh-Hant").empty());
}

TEST_CASE("user lines add aliases and drop ICU ones") {
  const auto owned = kgx_test::CompiledModel(
      "@kind\tcountry\n@icu-countries\ten\nTD\ten\tChad\tdrop\nAU\ten\tOz\n");
  const kgx::Model& gaz_model = *owned;
  CHECK(kgx_test::Ids(kgx_test::Match(gaz_model, "Chad met Oz.", "en")) ==
        std::vector<std::string>{"AU"});
}

TEST_CASE("the project gazetteers load") {
  const kgx::Gazetteer& gaz = kgx_test::ProjectGazetteer();
  CHECK(gaz.Find(kgx::EntityKind::kCountry, "JP") >= 0);
  CHECK(gaz.Find(kgx::EntityKind::kGroup, "G7") >= 0);
  CHECK(kgx_test::ProjectModel().stopwords().count("the") == 1);
}

// A line of a country under another file's `@kind group` or `@kind region`
// (appended after that section) makes a second entity with the country's id:
// its aliases then count as a group or a region, never as the country.
TEST_CASE("no group or region of the project gazetteers has a country's id") {
  const kgx::Gazetteer& gaz = kgx_test::ProjectGazetteer();
  std::vector<std::string> clashes;
  for (const kgx::Entity& e : gaz.entities())
    if ((e.kind == kgx::EntityKind::kGroup || e.kind == kgx::EntityKind::kRegion) &&
        gaz.Find(kgx::EntityKind::kCountry, e.id) >= 0)
      clashes.push_back(e.id);
  CHECK(clashes == std::vector<std::string>{});
}

TEST_CASE("loading on several threads gives the same aliases in the same order") {
  auto aliases = [](int threads) {
    const auto owned = kgx_test::CompiledModel("", /*with_project=*/true, threads);
    const kgx::Model& gaz_model = *owned;
    const kgx::Gazetteer& gaz = gaz_model.gazetteer();
    std::vector<std::string> out;
    for (const kgx::Alias& a : gaz.aliases())
      out.push_back(a.lang + "|" + a.folded + "|" + gaz.entities()[a.entity].id);
    return out;
  };
  const std::vector<std::string> one = aliases(1);
  CHECK(aliases(2) == one);
  CHECK(aliases(5) == one);
  // Han aliases come in both scripts, the converted form right after its own:
  // 日本金属矿产资源机构 (Simplified, a gazetteer line) and 日本金屬礦產資源機構.
  auto at = [&](const std::string& folded) {
    for (size_t i = 0; i < one.size(); ++i)
      if (one[i].find("|" + folded + "|") != std::string::npos) return i;
    return one.size();
  };
  const size_t hans = at("日本金属矿产资源机构"), hant = at("日本金屬礦產資源機構");
  REQUIRE(hans < one.size());
  REQUIRE(hant < one.size());
  CHECK(hant == hans + 1);
}

TEST_CASE("the model routes each section to its step; the gazetteer keeps entities and aliases") {
  kgx::Model model;
  REQUIRE(model
              .LoadString("words.tsv",
                          "@kind\tcountry\nAU\ten\tOz\n"
                          "@kind\tcurrency\nAUD\ten\toz-dollars\n"
                          "@kind\tstopword\nthe\ten\n"
                          "@kind\torganization-rule\nlegal\ten\tPty Ltd\n")
              .ok());
  REQUIRE(model.LoadString("frames/en.tsv", "agreement\tsign\tcooperation\n").ok());
  model.Compile();
  // Only the entity line is an alias: currency words, stopwords and rule
  // words went to their steps.
  REQUIRE(model.gazetteer().aliases().size() == 1);
  CHECK(model.gazetteer().aliases()[0].folded == "oz");
  CHECK(model.stopwords().count("the") == 1);
  CHECK(model.organization_rule_words().legal.size() == 1);
  CHECK(model.frames().words().size() == 1);
  CHECK(model.money_parser() != nullptr);
  CHECK(model.relation_finder() != nullptr);
}

TEST_CASE("the date step reads the forms of its gazetteer lines, in their order") {
  kgx::Model model;
  REQUIRE(model
              .LoadString("dates.tsv",
                          "@kind\tdate-form\n"
                          "dotted\tdmy\t\\b([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})\\b\n"
                          "day\td\t([0-9]{1,2}) ?日\n"
                          "@kind\tdate-word\n間\tnot-after-day\n")
              .ok());
  REQUIRE(model.Compile().ok());
  REQUIRE(model.date_finder() != nullptr);
  const auto dates = model.date_finder()->Find("am 14.05.2025, 3日, 30日間", "de", "2025-05-20");
  REQUIRE(dates.size() == 2);
  CHECK(dates[0].date == "2025-05-14");
  CHECK(dates[0].full);
  CHECK(dates[1].date == "2025-05-03");  // The lone day: the publication's month.
  // A field group a line makes optional reads no date where the match
  // leaves it out (an empty month once crashed the reader).
  kgx::Model optional;
  REQUIRE(
      optional.LoadString("dates.tsv", "@kind\tdate-form\nopt\tmy\t(?:{month} )?([0-9]{4})\\b\n")
          .ok());
  REQUIRE(optional.Compile().ok());
  const auto read = optional.date_finder()->Find("In 2024, in May 2025.", "en", "2025-06-01");
  REQUIRE(read.size() == 1);
  CHECK(read[0].date == "2025-05");
  // Without the lines no form is known: no date is read.
  kgx::Model empty;
  REQUIRE(empty.Compile().ok());
  CHECK(empty.date_finder()->Find("2025-05-14", "en", "").empty());
}

TEST_CASE("entity kind names: one table, each name reads back as its kind") {
  for (kgx::EntityKind k :
       {kgx::EntityKind::kCountry, kgx::EntityKind::kGroup, kgx::EntityKind::kOrganization,
        kgx::EntityKind::kMineral, kgx::EntityKind::kMedia, kgx::EntityKind::kRegion,
        kgx::EntityKind::kWord, kgx::EntityKind::kPerson}) {
    kgx::EntityKind back = kgx::EntityKind::kWord;
    INFO(kgx::EntityKindName(k));
    CHECK(std::string(kgx::EntityKindName(k)) != "?");
    REQUIRE(kgx::ParseEntityKind(kgx::EntityKindName(k), &back));
    CHECK(back == k);
  }
  kgx::EntityKind unused;
  CHECK_FALSE(kgx::ParseEntityKind("planet", &unused));
}
