#include "tools/messages.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>

namespace kgx {
namespace {

bool g_quiet = false;

bool IsControl(UChar32 c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

void Print(const char* prefix, const std::string& message) {
  std::fprintf(stderr, "kgx: %s%s\n", prefix, EscapeForTerminal(message).c_str());
}

}  // namespace

std::string EscapeForTerminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    char buf[16];
    if (c < 0) {  // Not UTF-8: each byte of the bad sequence.
      for (int32_t k = start; k < i; ++k) {
        std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(text[k]));
        out += buf;
      }
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c < 0x80 && IsControl(c)) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
      out += buf;
    } else if (IsControl(c)) {
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.append(text.data() + start, static_cast<size_t>(i - start));
    }
  }
  return out;
}

void SetQuiet(bool quiet) { g_quiet = quiet; }

void Error(const std::string& message) { Print("", message); }

void Warning(const std::string& message) {
  if (!g_quiet) Print("warning: ", message);
}

void Note(const std::string& message) {
  if (!g_quiet) Print("note: ", message);
}

void Info(const std::string& message) {
  if (!g_quiet) Print("", message);
}

std::string Counted(size_t n, const std::string& word, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? word : plural.empty() ? word + "s" : plural);
}

}  // namespace kgx
