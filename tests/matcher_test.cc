#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>
#include <unordered_map>

#include "tests/test_util.h"

using kgx_test::Ids;
using kgx_test::Match;
using kgx_test::ProjectGazetteer;
using kgx_test::ProjectModel;
using V = std::vector<std::string>;
using kgx::EntityKind;

namespace {

struct Case {
  const char* lang;
  const char* text;
  V ids;
};

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(Ids(Match(ProjectModel(), c.text, c.lang)) == c.ids);
  }
}

}  // namespace

TEST_CASE("countries are found in English, with word boundaries and case") {
  RunTable({
      {"en", "Australia and Japan signed a deal.", {"AU", "JP"}},
      {"en", "Japan's prime minister met the U.S. envoy.", {"JP", "US"}},
      {"en", "The US and China; the woman from Indiana.", {"US", "CN"}},
      {"en", "let us go", {}},                     // "us" is not the US
      {"en", "A woman in Indiana.", {}},           // Oman, India inside words
      {"en", "Nigeria, not Niger alone: Niger.", {"NG", "NE", "NE"}},
      {"en", "we ate turkey in Turkey", {"TR"}},   // lower-case word is not a name
      {"en", "JAPAN AND FRANCE", {"JP", "FR"}},    // headlines in capitals
      {"en", "Australians and Japanese firms", {"AU", "JP"}},  // plural demonym
      {"en", "Shares of LYC.AX rose; contact info@mail.us", {}},
      {"en", "South Sudan and Papua New Guinea", {"SS", "PG"}},  // longest wins
      {"en", "a US$500 million loan", {}},  // a currency symbol, not the country
  });
}

TEST_CASE("countries are found in Chinese, Japanese and other languages") {
  RunTable({
      {"zh-Hant", "澳大利亞與日本加強合作", {"AU", "JP"}},
      {"zh-Hans", "澳大利亚和美国签署协议", {"AU", "US"}},
      {"zh-Hans", "刚果（金）与卢旺达", {"CD", "RW"}},  // full-width brackets
      {"ja", "豪州と米国、コンゴ民主共和国", {"AU", "US", "CD"}},
      {"ja", "南アとインドネシア", {"ZA", "ID"}},
      {"ja", "オーストラリア産のリチウム", {"AU", "lithium"}},
      {"ja", "マリンスポーツとマリ", {"ML"}},  // katakana word boundary
      {"ko", "한국과 일본", {"KR", "JP"}},
      {"fr", "La France et l'Allemagne", {"FR", "DE"}},
      {"es", "España y México", {"ES", "MX"}},
      {"de", "Deutschland und Australien", {"DE", "AU"}},
      {"id", "Indonesia dan Jepang", {"ID", "JP"}},
  });
}

TEST_CASE("CJK abbreviation chains and context are countries") {
  RunTable({
      {"zh-Hans", "日美菲三国首脑", {"JP", "US", "PH"}},
      {"ja", "日米豪印の枠組み", {"JP", "US", "AU", "IN"}},
      {"ja", "日印両国の協力", {"JP", "IN"}},
      {"zh-Hans", "中美关系", {"CN", "US"}},
      {"ja", "米中の対立", {"US", "CN"}},
      {"ja", "米政府の資金", {"US"}},
      {"ja", "対中依存を減らす", {"CN"}},
      {"ja", "日中関係", {"JP", "CN"}},
      {"ja", "日・米・豪の連携", {"JP", "US", "AU"}},
  });
}

TEST_CASE("a lone CJK abbreviation inside an ordinary word is not a country") {
  RunTable({
      {"ja", "米価が上がった", {}},
      {"zh-Hans", "市中心的美容院", {}},
      {"zh-Hans", "印刷厂", {}},
      {"ja", "日曜日の豪華な食事", {}},
      {"ja", "日中は暑い", {}},          // 日中: daytime
      {"ja", "中東と北米", {}},          // regions shadow 中 and 米
      {"ja", "12月15日、米国で", {"US"}},  // 日 after a digit is a day
      {"ja", "交わせる中、米首脳", {"US"}},
      {"ja", "訪日中のトランプ氏", {"JP", "Donald Trump"}},  // 中 is "during"; トランプ a person
      {"zh-Hans", "比方说", {}},          // 比 is the Philippines only in Japanese
  });
}

TEST_CASE("ResolveOverlaps keeps the longest match, then the kind priority") {
  const auto owned = kgx_test::CompiledModel(
      "@kind\tcountry\nKR\ten\tKorea\nAU\ten\tAustralia\n"
      "@kind\torganization\nKorea Zinc\ten\tKorea Zinc\n"
      "Sumitomo\ten\tSumitomo\nSumitomo Metal Mining\ten\tSumitomo Metal Mining\n"
      "Magnium Australia\ten\tMagnium Australia\n"
      "@kind\tmineral\nzinc\ten\tzinc\n");
  const kgx::Model& gaz_model = *owned;
  auto found = Match(gaz_model, "Korea Zinc and Sumitomo Metal Mining met Magnium Australia in Korea.", "en");
  CHECK(Ids(found) == V{"Korea Zinc", "Sumitomo Metal Mining", "Magnium Australia", "KR"});

  // Equal spans: an organization beats a country of the same name.
  const auto owned_same = kgx_test::CompiledModel(
      "@kind\tcountry\nJO\ten\tJordan\n@kind\torganization\nJordan\ten\tJordan\n");
  const kgx::Model& same_model = *owned_same;
  const kgx::Gazetteer& same = same_model.gazetteer();
  auto j = Match(same_model, "Jordan", "en");
  REQUIRE(j.size() == 1);
  CHECK(same.entities()[same.Find(kgx::EntityKind::kOrganization, "Jordan")].id == j[0].id);
  auto gaz_match = [&](EntityKind kind, const char* id, uint32_t alias) {
    kgx::EntityMatch m;
    m.begin = 0;
    m.end = 6;
    m.entity = static_cast<uint32_t>(same.Find(kind, id));
    m.alias = alias;
    return m;
  };
  auto kept = kgx::ResolveOverlaps(
      same, {gaz_match(EntityKind::kCountry, "JO", 0), gaz_match(EntityKind::kOrganization, "Jordan", 1)});
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].kind == EntityKind::kOrganization);
}

TEST_CASE("the automaton finds overlapping occurrences of every pattern") {
  kgx::AhoCorasick ac;
  ac.Build({"he", "she", "his", "hers", "日本", "本"});
  std::vector<std::tuple<size_t, size_t, uint32_t>> hits;
  ac.FindAll("ushers 日本", [&](size_t b, size_t e, uint32_t p) { hits.emplace_back(b, e, p); });
  using T = std::tuple<size_t, size_t, uint32_t>;
  CHECK(hits == std::vector<T>{T{1, 4, 1}, T{2, 4, 0}, T{2, 6, 3}, T{7, 13, 4}, T{10, 13, 5}});
}

TEST_CASE("small and large automata find what a naive search finds, in the same order") {
  // A small set gets complete rows over byte classes; a large one (over the
  // 4 MiB budget) the dense-and-sparse path. Both must equal the naive
  // search: every (end, longest first) occurrence of every pattern.
  std::mt19937 rng(7);
  const std::string alphabet[] = {"a", "b", "c", "ab", "日", "本", "中", "\xff", " "};
  auto random_text = [&](size_t pieces) {
    std::string s;
    for (size_t i = 0; i < pieces; ++i) s += alphabet[rng() % 9];
    return s;
  };
  for (size_t count : {size_t{40}, size_t{60000}}) {
    std::vector<std::string> patterns;
    std::set<std::string> distinct;
    while (patterns.size() < count) {
      std::string p = random_text(1 + rng() % (count > 1000 ? 9 : 4));
      if (distinct.insert(p).second) patterns.push_back(p);
    }
    kgx::AhoCorasick ac;
    ac.Build(patterns);
    CHECK(ac.complete_rows() == (count < 1000));
    const std::string text = random_text(3000);
    using T = std::tuple<size_t, size_t, uint32_t>;
    std::vector<T> found, naive;
    ac.FindAll(text, [&](size_t b, size_t e, uint32_t p) { found.emplace_back(b, e, p); });
    std::unordered_map<std::string, uint32_t> id;
    size_t longest = 0;
    for (uint32_t p = 0; p < patterns.size(); ++p) {
      id.emplace(patterns[p], p);
      longest = std::max(longest, patterns[p].size());
    }
    for (size_t e = 1; e <= text.size(); ++e)
      for (size_t n = std::min(e, longest); n >= 1; --n) {  // Longest first.
        auto it = id.find(text.substr(e - n, n));
        if (it != id.end()) naive.emplace_back(e - n, e, it->second);
      }
    CHECK(found.size() == naive.size());
    CHECK(found == naive);
  }
}
