// Text made safe for every output format: valid UTF-8 (malformed bytes become
// U+FFFD), no control characters (C0, DEL and C1 become spaces), no bidi
// controls (U+202A..U+202E, U+2066..U+2069, U+200E/F, U+061C: dropped so a
// label cannot reorder what is printed after it) and no noncharacters
// (U+FDD0..U+FDEF, U+FFFE, U+FFFF and their kin in every plane: dropped).
//
//   std::string s = kgx::CleanText(untrusted, 400);
//
// Thread safety: pure function.
#ifndef KGX_EXPORT_TEXT_SAFETY_H_
#define KGX_EXPORT_TEXT_SAFETY_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace kgx {

// Evidence sentences in the exports are cut here: a broken file's run-on
// "sentence" can be megabytes long.
constexpr size_t kEvidenceTextBytes = 2000;

// Cleans `text`, stopping before `max_bytes` (never inside a character).
std::string CleanText(std::string_view text, size_t max_bytes = std::string::npos);

}  // namespace kgx

#endif  // KGX_EXPORT_TEXT_SAFETY_H_
