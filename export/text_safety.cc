#include "export/text_safety.h"

namespace kgx {

std::string CleanText(std::string_view text, size_t max_bytes) {
  std::string out;
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // Length of a well-formed UTF-8 sequence starting here, or 0.
    size_t len = 0;
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {
      const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // Overlong, surrogate.
    } else if (ok && len == 4) {
      const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    std::string_view piece = ok ? text.substr(i, len) : std::string_view("\xEF\xBF\xBD", 3);
    if (ok && len == 1 && (c < 0x20 || c == 0x7F)) piece = " ";
    // U+202A..U+202E and U+2066..U+2069: bidi embeddings, overrides, isolates.
    if (ok && len == 3 && c == 0xE2) {
      const unsigned char c1 = static_cast<unsigned char>(text[i + 1]);
      const unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
      if ((c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9))
        piece = "";
    }
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
    i += ok ? len : 1;
  }
  return out;
}

}  // namespace kgx
