#include <doctest/doctest.h>

#include "base/utf8.h"
#include "extract/read/normalize.h"
#include "extract/read/offset_map.h"

namespace {

// The original bytes that bytes [begin, end) of a rewritten text come from,
// as "from..to": the span a record's offsets would cut.
std::string Source(const kgx::OffsetMap& map, size_t begin, size_t end) {
  return std::to_string(map.Begin(begin)) + ".." + std::to_string(map.End(end));
}

}  // namespace

TEST_CASE("NFKC folds width: full-width Latin and digits, half-width kana") {
  CHECK(kgx::NormalizeNfkc("ＪＡＰＡＮ　１２億円") == "JAPAN 12億円");
  CHECK(kgx::NormalizeNfkc("ｵｰｽﾄﾗﾘｱ") == "オーストラリア");
  CHECK(kgx::NormalizeNfkc("刚果（金）") == "刚果(金)");
}

TEST_CASE("folding for matching also folds case and drops invisible characters") {
  CHECK(kgx::FoldForMatch("ＪａＰａＮ") == "japan");
  CHECK(kgx::FoldForMatch("Aus\u00ADtra\u200Blia") == "australia");  // soft hyphen, ZWSP
  CHECK(kgx::FoldForMatch("Straße") == "strasse");
}

TEST_CASE("folding for matching reads 臺 as 台, in place; the NFKC view keeps 臺") {
  CHECK(kgx::FoldForMatch("臺灣") == kgx::FoldForMatch("台灣"));
  CHECK(kgx::FoldForMatch("臺北與臺積電") == "台北與台積電");
  CHECK(kgx::NormalizeNfkc("臺灣") == "臺灣");
  kgx::OffsetMap map;
  const std::string f = kgx::FoldForMatch("ABC臺灣", &map);
  REQUIRE(f == "abc台灣");
  CHECK(Source(map, 3, 9) == "3..9");
}

TEST_CASE("offset maps survive normalization") {
  const std::string text = "ａｂ日本ＵＳ";  // 3-byte full-width letters
  kgx::OffsetMap map;
  const std::string n = kgx::NormalizeNfkc(text, &map);
  REQUIRE(n == "ab日本US");
  // "日本" is at bytes 2..8 of n and 6..12 of text; "US" at 8..10 and 12..18.
  CHECK(Source(map, 2, 8) == "6..12");
  CHECK(Source(map, 8, 10) == "12..18");
  // Composition: folded -> NFKC -> original.
  kgx::OffsetMap fold;
  const std::string f = kgx::FoldForMatch(n, &fold);
  kgx::OffsetMap both = kgx::OffsetMap::Compose(map, fold);
  CHECK(f == "ab日本us");
  CHECK(text.substr(both.Begin(8), both.End(10) - both.Begin(8)) == "ＵＳ");
}

TEST_CASE("case folding maps capitals byte for byte; other rewrites keep their piece") {
  kgx::OffsetMap map;
  const std::string text = "JAPAN AND ÉTATS-UNIS";
  const std::string f = kgx::FoldForMatch(text, &map);
  REQUIRE(f == "japan and états-unis");
  CHECK(map.pieces().size() == 1);  // One copy, not a piece per capital.
  CHECK(Source(map, 10, 12) == "10..12");  // "é" (2 bytes, from "É")
  CHECK(text.substr(map.Begin(10), map.End(21) - map.Begin(10)) == "ÉTATS-UNIS");
  // "ĳ" becomes "ij" (one character, two): the middle maps to the whole.
  kgx::OffsetMap lig;
  const std::string n = kgx::NormalizeNfkc("xĳy", &lig);
  REQUIRE(n == "xijy");
  CHECK(Source(lig, 2, 2) == "1..3");
}

TEST_CASE("IsValidUtf8 rejects malformed sequences") {
  CHECK(kgx::IsValidUtf8("日本 ok"));
  CHECK_FALSE(kgx::IsValidUtf8("\xC0\xAF"));      // overlong
  CHECK_FALSE(kgx::IsValidUtf8("\xED\xA0\x80"));  // surrogate
  CHECK_FALSE(kgx::IsValidUtf8("\xE6\x97"));      // truncated
}

TEST_CASE("ASCII text normalizes as ICU normalizes it, every one of the 128 characters") {
  // ASCII input takes a path of its own (no walk through ICU's tables); a
  // non-ASCII letter after the same text sends it through ICU, whose
  // output and map the ASCII path must give.
  std::string ascii;
  for (int c = 1; c < 128; ++c) ascii += static_cast<char>(c);
  ascii = ascii + "  New York and WASHINGTON, D.C. " + ascii;
  for (const bool fold : {false, true}) {
    auto run = [&](const std::string& text, kgx::OffsetMap* map) {
      return fold ? kgx::FoldForMatch(text, map) : kgx::NormalizeNfkc(text, map);
    };
    kgx::OffsetMap fast_map, icu_map;
    const std::string fast = run(ascii, &fast_map);
    const std::string icu = run(ascii + "\u00E9", &icu_map);
    REQUIRE(icu.size() == fast.size() + 2);
    CHECK(icu.substr(0, fast.size()) == fast);
    for (size_t i = 0; i <= fast.size(); ++i) {
      CHECK(fast_map.Begin(i) == icu_map.Begin(i));
      CHECK(fast_map.End(i) == icu_map.End(i));
    }
    CHECK(fast_map.pieces().size() == 1);
  }
  CHECK(kgx::FoldForMatch("Hello WORLD 2026") == "hello world 2026");
  CHECK(kgx::NormalizeNfkc("Hello WORLD") == "Hello WORLD");
  kgx::OffsetMap empty;
  CHECK(kgx::FoldForMatch("", &empty).empty());
  CHECK(empty.pieces().empty());
}
