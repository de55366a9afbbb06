// Unicode normalization with offset maps, on ICU's Normalizer2.
//
// Two views of the text are used downstream:
//  - NFKC: width folding (full-width Latin and digits, half-width kana) and
//    compatibility forms; sentences are split on this view, evidence quoted.
//  - NFKC_Casefold: NFKC plus case folding and removal of default-ignorable
//    code points (soft hyphens, zero-width and bidi controls); gazetteer
//    aliases and text are matched on this view, so both go through the same
//    function and width or case variants need no extra gazetteer lines.
//
// Each function returns the normalized UTF-8 and fills `map` (output -> input)
// from ICU's Edits, so offsets survive normalization. Invalid UTF-8 in the
// input is replaced by U+FFFD by ICU.
// Thread safety: reentrant (ICU's Normalizer2 instances are immutable).
#ifndef KGX_EXTRACT_READ_NORMALIZE_H_
#define KGX_EXTRACT_READ_NORMALIZE_H_

#include <string>
#include <string_view>

#include "extract/read/offset_map.h"

namespace kgx {

std::string NormalizeNfkc(std::string_view utf8, OffsetMap* map = nullptr);
std::string FoldForMatch(std::string_view utf8, OffsetMap* map = nullptr);

// Runs ICU transliterator `id` ("Hant-Hans", "Hans-Hant"...) on UTF-8 text;
// returns "" if ICU lacks it. One cached transliterator per thread and id.
std::string Transliterate(const char* id, std::string_view utf8);

}  // namespace kgx

#endif  // KGX_EXTRACT_READ_NORMALIZE_H_
