// Text made safe for every output format: valid UTF-8 (malformed bytes become
// U+FFFD), no control characters (they become spaces; bidi overrides are
// dropped so a label cannot reorder what is printed after it).
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

// Cleans `text`, stopping before `max_bytes` (never inside a character).
std::string CleanText(std::string_view text, size_t max_bytes = std::string::npos);

}  // namespace kgx

#endif  // KGX_EXPORT_TEXT_SAFETY_H_
