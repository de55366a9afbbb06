// Word edges in many scripts: which letters need a word boundary (those of
// space-separated scripts: "Oman" is not in "woman"), katakana runs (マリ is
// not in マリン) and case. The gazetteer works these out once per alias at
// Compile(); the matcher and relation finder check them at each occurrence.
// Below both, so that neither includes the other for them.
//
//   uint8_t edges = kgx::WordEdgesOf("agree");
//   kgx::AtWordBoundaries("disagreement", 3, 8, edges) == false
//
// Thread safety: reentrant.
#ifndef KGX_EXTRACT_READ_WORD_EDGES_H_
#define KGX_EXTRACT_READ_WORD_EDGES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kgx {

// What the matcher checks of an alias's own letters, worked out once by
// Gazetteer::Compile() (AliasEdgesOf) rather than at every occurrence.
enum AliasEdge : uint8_t {
  kEdgeWordFirst = 1,      // Starts with a letter of a space-separated script.
  kEdgeWordLast = 2,       // Ends with one.
  kEdgeKatakanaFirst = 4,  // Starts with katakana (or ー).
  kEdgeKatakanaLast = 8,   // Ends with katakana.
  kEdgeUpper = 16,         // The surface form has an upper-case letter.
  // Starts with two Hangul syllables (a one-syllable abbreviation has its
  // own context rules): Korean writes a
  // word's particles after it, so a syllable right before the name belongs
  // to another word (요인도 is no 인도, 협정이란 no 이란), unless it is a
  // prefix the inflection rules attach (대중국, 주인도).
  kEdgeHangulFirst = 32,
};

// Whether `c` is a Hangul syllable (U+AC00..U+D7A3).
bool IsHangulSyllable(int32_t c);

// The code point at (before) byte `pos` of UTF-8 `s`; -1 outside `s` or
// for a malformed sequence.
int32_t CodePointAt(std::string_view s, size_t pos);
int32_t CodePointBefore(std::string_view s, size_t pos);

// A letter, digit or mark of a space-separated script: part of a word.
bool IsWordChar(int32_t c);
// Katakana or the prolonged sound mark ー.
bool IsKatakanaLike(int32_t c);
// Whether `s` holds an upper-case letter.
bool HasUpper(std::string_view s);

// The AliasEdge bits of an alias: folded as matched, surface as written.
uint8_t AliasEdgesOf(std::string_view folded, std::string_view surface);

// Whether text[begin, end) starts and ends at word boundaries where its
// first and last letters belong to space-separated scripts ("agree" is not
// inside "disagreement"); CJK and kana need none. `edges` are the
// kEdgeWordFirst and kEdgeWordLast bits of the word (WordEdgesOf()).
bool AtWordBoundaries(std::string_view text, size_t begin, size_t end, uint8_t edges);
uint8_t WordEdgesOf(std::string_view word);
// Whether `word` starts with a Latin letter.
bool IsLatinWord(std::string_view word);

}  // namespace kgx

#endif  // KGX_EXTRACT_READ_WORD_EDGES_H_
