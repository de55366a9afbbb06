// base/: the helpers every stage shares, each kept once.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "base/files.h"
#include "base/regex.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "tests/test_util.h"

TEST_CASE("IsValidUtf8 names the first bad byte") {
  size_t bad_at = 99;
  CHECK(kgx::IsValidUtf8("abc 日本", &bad_at));
  CHECK(bad_at == 99);  // Untouched when the text is valid.
  CHECK_FALSE(kgx::IsValidUtf8("ab\xC0\xAF", &bad_at));  // overlong
  CHECK(bad_at == 2);
  CHECK_FALSE(kgx::IsValidUtf8("日\xED\xA0\x80", &bad_at));  // surrogate after 3 bytes
  CHECK(bad_at == 3);
  std::string s;
  kgx::AppendUtf8(0x65E5, &s);
  kgx::AppendUtf8(-1, &s);  // No code point: U+FFFD.
  CHECK(s == "日\xEF\xBF\xBD");
}

TEST_CASE("CharsForward counts characters, not bytes, and stops at the end") {
  const std::string text = "ab калий";  // 'к' starts at byte 3; each Cyrillic letter is 2 bytes
  CHECK(kgx::CharsForward(text, 0, 2) == 2);
  CHECK(kgx::CharsForward(text, 0, 4) == 5);  // a, b, space, к: past к's two bytes
  CHECK(kgx::CharsForward(text, 3, 2) == 7);  // к, а
  CHECK(kgx::CharsForward(text, 0, 99) == text.size());
  CHECK(kgx::CharsForward(text, 99, 1) == text.size());
  CHECK(kgx::CharCount(text.substr(0, kgx::CharsForward(text, 0, 6))) == 6);
}

TEST_CASE("IsAscii reads every byte, eight at a time and the tail") {
  CHECK(kgx::IsAscii(""));
  CHECK(kgx::IsAscii("Lithium deal, 2026"));  // 18 bytes: two words of eight and a tail.
  CHECK_FALSE(kgx::IsAscii("Lithium deal, 202\xC3\xA9"));  // In the tail.
  CHECK_FALSE(kgx::IsAscii("Lit\xC3\xA9ium deal"));        // In the first eight.
  CHECK_FALSE(kgx::IsAscii(std::string("abcdefgh\x80", 9)));
}

TEST_CASE("StartsWith and EndsWith compare bytes; the empty string begins and ends all") {
  CHECK(kgx::StartsWith("China's", "China"));
  CHECK(kgx::EndsWith("China's", "'s"));
  CHECK(kgx::EndsWith("中国’s", "’s"));
  CHECK(kgx::StartsWith("abc", ""));
  CHECK(kgx::EndsWith("abc", ""));
  CHECK(kgx::StartsWith("abc", "abc"));
  CHECK(kgx::EndsWith("abc", "abc"));
  CHECK_FALSE(kgx::StartsWith("ab", "abc"));
  CHECK_FALSE(kgx::EndsWith("bc", "abc"));
  CHECK_FALSE(kgx::StartsWith("China", "china"));  // No case folding.
  CHECK_FALSE(kgx::EndsWith("Chinas", "'s"));
}

TEST_CASE("LowerExtension reads the file name's last dot only") {
  const std::vector<kgx_test::InOut> paths = {
      {"dir/Report.HTML", "html"},
      {"a.b/file", ""},
      {"noext", ""},
      {"x.tar.GZ", "gz"},
      // A name that starts with its only dot has that extension (the CLI's
      // output formats and the reader agree on it).
      {"out/.dot", "dot"},
  };
  kgx_test::CheckEach(kgx::LowerExtension, paths);
}

TEST_CASE("Split keeps empty parts; AddUnique keeps first-seen order") {
  CHECK(kgx::Split("en,,ja", ',') == std::vector<std::string>{"en", "", "ja"});
  CHECK(kgx::Split("", ',') == std::vector<std::string>{""});
  std::vector<std::string> v;
  for (const char* x : {"b", "a", "b"}) kgx::AddUnique(&v, x);
  CHECK(v == std::vector<std::string>{"b", "a"});
}

TEST_CASE("EqualsAsciiNoCase folds ASCII letters only") {
  CHECK(kgx::EqualsAsciiNoCase("The", "the"));
  CHECK(kgx::EqualsAsciiNoCase("L'", "l'"));
  CHECK_FALSE(kgx::EqualsAsciiNoCase("the", "then"));
  CHECK_FALSE(kgx::EqualsAsciiNoCase("\xC3\x89", "\xC3\xA9"));  // É and é: not ASCII
}

TEST_CASE("Alternation tries longer words first and may require a word end") {
  CHECK(kgx::LongestFirst({"Ltd", "Ltd.", "Co", "Ltd"}) ==
        std::vector<std::string>{"Ltd.", "Ltd", "Co"});
  CHECK(kgx::Alternation({"m", "bn"}) == "(?:bn|m)");
  CHECK(kgx::Alternation({"m", "$"}, /*word_end=*/true) == "(?:\\$|m\\b)");
  auto re = kgx::CompileRe2("(" + kgx::Alternation({"m"}, true) + ")", false);
  REQUIRE(re != nullptr);
  CHECK(RE2::FullMatch("M", *re));
  CHECK_FALSE(RE2::PartialMatch("more", *re));
  CHECK(kgx::CompileRe2("(", true) == nullptr);  // Refused, not logged.
}

TEST_CASE("civil dates round-trip and normalize") {
  CHECK(kgx::DaysFromCivil(1970, 1, 1) == 0);
  int y, m, d;
  kgx::CivilFromDays(kgx::DaysFromCivil(2024, 2, 29) + 1, &y, &m, &d);
  CHECK(kgx::IsoDate(y, m, d) == "2024-03-01");
  CHECK(kgx::IsoDate(2025, 6) == "2025-06");
  CHECK_FALSE(kgx::ValidDay(2025, 2, 29));
  CHECK(kgx::NormalizeDate("2026-05-04T05:01:00.000Z") == "2026-05-04");
  CHECK(kgx::NormalizeDate("May 4") == "");
}

TEST_CASE("ListDirectory lists names with the suffix, sorted") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "kgx_base_test_list";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub.tsv");
  for (const char* name : {"b.tsv", "a.tsv", ".tsv", "c.txt"}) std::ofstream(dir / name) << "x";
  std::vector<std::string> names;
  REQUIRE(kgx::ListDirectory(dir.string(), ".tsv", &names));
  // Entries of any type; ".tsv" alone is no name with that suffix.
  CHECK(names == std::vector<std::string>{"a.tsv", "b.tsv", "sub.tsv"});
  CHECK_FALSE(kgx::ListDirectory((dir / "missing").string(), ".tsv", &names));
  CHECK(names.empty());
  fs::remove_all(dir);
}
