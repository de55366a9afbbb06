#include "extract/read/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>

#include "base/utf8.h"

namespace kgx {
namespace {

enum class Form { kNfkc, kNfkcCasefold };

std::string Run(Form form, std::string_view utf8, OffsetMap* map) {
  // ASCII text is its own NFKC, and its NFKC_Casefold is its ASCII lower
  // case: ICU's answer without the walk through its tables (a fifth of
  // the every-byte floor on English news). The map is the one ICU's edits
  // give: one identity piece (a letter lowered is mapped as a copy).
  if (IsAscii(utf8)) {
    std::string out(utf8);
    if (form == Form::kNfkcCasefold)
      for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (map != nullptr) {
      *map = OffsetMap();
      map->AppendIdentity(0, out.size());
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = form == Form::kNfkc
                                     ? icu::Normalizer2::getNFKCInstance(status)
                                     : icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalizer: ") + u_errorName(status));
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(utf8.size()));
  icu::Edits edits;
  norm->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                      sink, map != nullptr ? &edits : nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
  if (map != nullptr) {
    *map = OffsetMap();
    icu::Edits::Iterator it = edits.getFineIterator();
    // One character rewritten as one of the same byte length (A -> a, the
    // most common change) maps byte for byte like a copy: offsets at
    // character boundaries, the only ones asked for, come out the same,
    // and the map stays a few pieces long instead of one per capital.
    auto one_char = [](std::string_view text, size_t at, size_t len) {
      return len > 0 && at < text.size() &&
             static_cast<size_t>(U8_COUNT_TRAIL_BYTES(static_cast<uint8_t>(text[at]))) + 1 == len;
    };
    while (it.next(status)) {
      size_t src = static_cast<size_t>(it.sourceIndex());
      const size_t old_len = static_cast<size_t>(it.oldLength());
      if (it.hasChange() && old_len == static_cast<size_t>(it.newLength()) &&
          one_char(utf8, src, old_len) &&
          one_char(out, static_cast<size_t>(it.destinationIndex()), old_len)) {
        map->AppendIdentity(src, old_len);
      } else if (it.hasChange()) {
        map->Append(static_cast<size_t>(it.newLength()), src,
                    static_cast<size_t>(it.oldLength()), false);
      } else {
        map->AppendIdentity(src, static_cast<size_t>(it.oldLength()));
      }
    }
  }
  return out;
}

// What the second pass does to one code point (`len` bytes at `p`): false
// keeps it; true replaces it with *to ("" deletes it).
//  - Both views: bidi controls (LRM, RLM, ALM, embeddings, isolates) go, so
//    an Arabic figure reads the same with or without them; Arabic-Indic
//    digits become ASCII ones (٣٫٥ -> 3.5, ٪ -> %) for the money and date
//    patterns.
//  - Folded view: Arabic is matched without its vowel marks (harakat, the
//    dagger alef) and tatweel, and with the hamza forms of alef as bare alef
//    and final alef maqsura as ya, the spellings the press mixes (أمريكا,
//    امريكا; مصرى, مصري). Han: 臺 is matched as 台, the two forms Taiwan's
//    own press and everyone else's write (臺灣, 台灣; 臺北; 臺積電), same length.
//    Russian: ё is matched as е, the press writing either (Соединённые Штаты,
//    CLDR's Соединенные Штаты; Объединённые, Объединенные), same length.
bool SecondPass(const unsigned char* p, int32_t len, bool fold, std::string* to) {
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(p, i, len, c);
  if (c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2066 && c <= 0x2069)) {
    to->clear();
  } else if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) {
    to->assign(1, static_cast<char>('0' + (c & 0xF)));
  } else if (c == 0x066B || c == 0x066C || c == 0x066A) {
    *to = c == 0x066B ? "." : c == 0x066C ? "," : "%";
  } else if (fold && ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)) {
    to->clear();
  } else if (fold && (c == 0x0622 || c == 0x0623 || c == 0x0625)) {
    *to = "\xD8\xA7";  // ا
  } else if (fold && c == 0x0649) {
    *to = "\xD9\x8A";  // ي
  } else if (fold && c == 0x81FA) {
    *to = "\xE5\x8F\xB0";  // 臺 -> 台
  } else if (fold && c == 0x0451) {
    *to = "\xD0\xB5";  // ё -> е
  } else {
    return false;
  }
  return true;
}

// Runs SecondPass() over `text` (the output of Run()), updating `map`.
// Most text holds none of these characters and is returned untouched.
void RunSecondPass(bool fold, std::string* text, OffsetMap* map) {
  const auto* s = reinterpret_cast<const unsigned char*>(text->data());
  const size_t n = text->size();
  // Lead bytes of U+0600-06FF (D8-DB), of U+2000-206F (E2), of
  // U+8000-8FFF (E8: 臺) and ё (D1 91).
  auto candidate = [&](size_t i) {
    return (s[i] >= 0xD8 && s[i] <= 0xDB) || s[i] == 0xE2 ||
           (fold && (s[i] == 0xE8 || (s[i] == 0xD1 && i + 1 < n && s[i + 1] == 0x91)));
  };
  size_t first = 0;
  std::string to;
  for (; first < n; ++first) {
    if (!candidate(first)) continue;
    const int32_t len = U8_COUNT_TRAIL_BYTES(s[first]) + 1;
    if (first + static_cast<size_t>(len) <= n && SecondPass(s + first, len, fold, &to)) break;
  }
  if (first == n) return;
  std::string out(text->data(), first);
  OffsetMap pass;
  pass.AppendIdentity(0, first);
  for (size_t i = first; i < n;) {
    const size_t len = std::min<size_t>(n - i, U8_COUNT_TRAIL_BYTES(s[i]) + 1);
    if (candidate(i) && SecondPass(s + i, static_cast<int32_t>(len), fold, &to)) {
      // A same-length rewrite (臺 -> 台, أ -> ا) keeps offsets one to one.
      if (to.size() == len)
        pass.AppendIdentity(i, len);
      else
        pass.Append(to.size(), i, len, false);
      out += to;
    } else {
      pass.AppendIdentity(i, len);
      out.append(text->data() + i, len);
    }
    i += len;
  }
  if (map != nullptr) *map = OffsetMap::Compose(*map, pass);
  *text = std::move(out);
}

}  // namespace

std::string NormalizeNfkc(std::string_view utf8, OffsetMap* map) {
  std::string out = Run(Form::kNfkc, utf8, map);
  RunSecondPass(false, &out, map);
  return out;
}

std::string FoldForMatch(std::string_view utf8, OffsetMap* map) {
  std::string out = Run(Form::kNfkcCasefold, utf8, map);
  RunSecondPass(true, &out, map);
  return out;
}

std::string Transliterate(const char* id, std::string_view utf8) {
  thread_local std::map<std::string, std::unique_ptr<icu::Transliterator>> cache;
  auto it = cache.find(id);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    it = cache.emplace(id, std::move(t)).first;
  }
  if (!it->second) return "";
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  it->second->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace kgx
