#include "extract/read/word_edges.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace kgx {
namespace {

constexpr UChar32 kNone = -1;

UScriptCode Script(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status);
}

// Scripts written without spaces between words: no boundary is required.
bool IsUnspacedScript(UScriptCode s) {
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA ||
         s == USCRIPT_HANGUL || s == USCRIPT_THAI || s == USCRIPT_LAO ||
         s == USCRIPT_KHMER || s == USCRIPT_MYANMAR;
}

// Whether alias text starting (ending) with `edge` needs a word boundary.
bool NeedsWordBoundary(UChar32 edge) { return IsWordChar(edge); }

UChar32 LastCodePoint(std::string_view s) { return CodePointBefore(s, s.size()); }

}  // namespace

int32_t CodePointBefore(std::string_view s, size_t pos) {
  if (pos == 0) return kNone;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c;
}

int32_t CodePointAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return kNone;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}

bool IsWordChar(int32_t c) {
  if (c == kNone) return false;
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (!(u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK))
    return false;
  return !IsUnspacedScript(Script(c));
}

bool IsKatakanaLike(int32_t c) {
  return c >= 0x80 && (Script(c) == USCRIPT_KATAKANA || c == 0x30FC);  // ー
}

bool HasUpper(std::string_view s) {
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c)) return true;
  }
  return false;
}

bool IsHangulSyllable(int32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

uint8_t AliasEdgesOf(std::string_view folded, std::string_view surface) {
  const UChar32 first = CodePointAt(folded, 0);
  const UChar32 last = LastCodePoint(folded);
  uint8_t edges = WordEdgesOf(folded);
  if (IsHangulSyllable(first) && IsHangulSyllable(CodePointAt(folded, 3)))
    edges |= kEdgeHangulFirst;
  if (IsKatakanaLike(first)) edges |= kEdgeKatakanaFirst;
  if (IsKatakanaLike(last)) edges |= kEdgeKatakanaLast;
  if (HasUpper(surface)) edges |= kEdgeUpper;
  return edges;
}

uint8_t WordEdgesOf(std::string_view word) {
  return (NeedsWordBoundary(CodePointAt(word, 0)) ? kEdgeWordFirst : 0) |
         (NeedsWordBoundary(LastCodePoint(word)) ? kEdgeWordLast : 0);
}

bool AtWordBoundaries(std::string_view text, size_t begin, size_t end, uint8_t edges) {
  if ((edges & kEdgeWordFirst) && IsWordChar(CodePointBefore(text, begin))) return false;
  if ((edges & kEdgeWordLast) && IsWordChar(CodePointAt(text, end))) return false;
  return true;
}

bool IsLatinWord(std::string_view word) {
  const UChar32 c = CodePointAt(word, 0);
  return c != kNone && Script(c) == USCRIPT_LATIN;
}

}  // namespace kgx
