#include <doctest/doctest.h>

#include "extract/normalize.h"
#include "extract/offset_map.h"

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

TEST_CASE("offset maps survive normalization") {
  const std::string text = "ａｂ日本ＵＳ";  // 3-byte full-width letters
  kgx::OffsetMap map;
  const std::string n = kgx::NormalizeNfkc(text, &map);
  REQUIRE(n == "ab日本US");
  // "日本" is at bytes 2..8 of n and 6..12 of text; "US" at 8..10 and 12..18.
  CHECK(map.Begin(2) == 6);
  CHECK(map.End(8) == 12);
  CHECK(map.Begin(8) == 12);
  CHECK(map.End(10) == 18);
  // Composition: folded -> NFKC -> original.
  kgx::OffsetMap fold;
  const std::string f = kgx::FoldForMatch(n, &fold);
  kgx::OffsetMap both = kgx::OffsetMap::Compose(map, fold);
  CHECK(f == "ab日本us");
  CHECK(text.substr(both.Begin(8), both.End(10) - both.Begin(8)) == "ＵＳ");
}

TEST_CASE("IsValidUtf8 rejects malformed sequences") {
  CHECK(kgx::IsValidUtf8("日本 ok"));
  CHECK_FALSE(kgx::IsValidUtf8("\xC0\xAF"));      // overlong
  CHECK_FALSE(kgx::IsValidUtf8("\xED\xA0\x80"));  // surrogate
  CHECK_FALSE(kgx::IsValidUtf8("\xE6\x97"));      // truncated
}
