#include "base/utf8.h"

#include <unicode/utf8.h>

#include <cstring>

namespace kgx {

bool IsAscii(std::string_view bytes) {
  // Eight bytes at a time: most of a Latin-script document is ASCII.
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < bytes.size(); ++i)
    if (static_cast<unsigned char>(bytes[i]) >= 0x80) return false;
  return true;
}

bool IsValidUtf8(std::string_view bytes, size_t* bad_at) {
  const int32_t n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    // ASCII needs no decoding: most text is mostly ASCII.
    if (static_cast<unsigned char>(bytes[static_cast<size_t>(i)]) < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, n, c);
    if (c < 0) {
      if (bad_at != nullptr) *bad_at = static_cast<size_t>(start);
      return false;
    }
  }
  return true;
}

void AppendUtf8(int32_t c, std::string* out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, c, error);
  if (error) {
    out->append("\xEF\xBF\xBD");
  } else {
    out->append(buf, static_cast<size_t>(len));
  }
}

size_t CharCount(std::string_view bytes) {
  size_t n = 0;
  for (const char c : bytes) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

size_t CharsForward(std::string_view bytes, size_t from, size_t n) {
  if (from >= bytes.size()) return bytes.size();
  // ICU's own stepping (U8_FWD_N): past n code points, never past the end.
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t at = static_cast<int32_t>(from);
  const int32_t length = static_cast<int32_t>(bytes.size());
  U8_FWD_N(s, at, length, n);
  return static_cast<size_t>(at);
}

}  // namespace kgx
