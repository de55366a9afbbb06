#include "export/text_safety.h"

namespace kgx {
namespace {

// Whether code point `cp` is dropped from every label: bidi controls (they
// reorder what is printed after them: "…dm.jpg"), implicit marks that do the
// same (U+200E/F, U+061C), and noncharacters (U+FDD0..U+FDEF, U+xxFFFE/F),
// which XML forbids in part and no reader expects.
bool Dropped(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

}  // namespace

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
    if (ok) {
      char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
      for (size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      // C0 and C1 controls and DEL become spaces (XML 1.0 forbids C0 ones).
      if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        piece = " ";
      else if (Dropped(cp))
        piece = "";
    }
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
    i += ok ? len : 1;
  }
  return out;
}

}  // namespace kgx
