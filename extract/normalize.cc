#include "extract/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/utf8.h>

#include <map>
#include <memory>

#include <stdexcept>

namespace kgx {
namespace {

enum class Form { kNfkc, kNfkcCasefold };

std::string Run(Form form, std::string_view utf8, OffsetMap* map) {
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

}  // namespace

std::string NormalizeNfkc(std::string_view utf8, OffsetMap* map) {
  return Run(Form::kNfkc, utf8, map);
}

std::string FoldForMatch(std::string_view utf8, OffsetMap* map) {
  return Run(Form::kNfkcCasefold, utf8, map);
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

bool IsValidUtf8(std::string_view bytes) {
  const int32_t n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(bytes.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace kgx
