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

const icu::Normalizer2& Instance(Form form) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = form == Form::kNfkc
                                     ? icu::Normalizer2::getNFKCInstance(status)
                                     : icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalizer: ") + u_errorName(status));
  return *norm;
}

// ICU's normalization of text[begin, end), appended to *out, its pieces to
// *map (offsets into the whole text and the whole output).
void RunIcu(const icu::Normalizer2& norm, std::string_view text, size_t begin, size_t end,
            std::string* out, OffsetMap* map) {
  UErrorCode status = U_ZERO_ERROR;
  const size_t dst_base = out->size();
  icu::StringByteSink<std::string> sink(out, static_cast<int32_t>(end - begin));
  icu::Edits edits;
  norm.normalizeUTF8(0, icu::StringPiece(text.data() + begin, static_cast<int32_t>(end - begin)),
                     sink, map != nullptr ? &edits : nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
  if (map == nullptr) return;
  icu::Edits::Iterator it = edits.getFineIterator();
  // One character rewritten as one of the same byte length (A -> a, the
  // most common change) maps byte for byte like a copy: offsets at
  // character boundaries, the only ones asked for, come out the same,
  // and the map stays a few pieces long instead of one per capital.
  auto one_char = [](std::string_view t, size_t at, size_t len) {
    return len > 0 && at < t.size() &&
           static_cast<size_t>(U8_COUNT_TRAIL_BYTES(static_cast<uint8_t>(t[at]))) + 1 == len;
  };
  while (it.next(status)) {
    const size_t src = begin + static_cast<size_t>(it.sourceIndex());
    const size_t dst = dst_base + static_cast<size_t>(it.destinationIndex());
    const size_t old_len = static_cast<size_t>(it.oldLength());
    if (it.hasChange() && old_len == static_cast<size_t>(it.newLength()) &&
        one_char(text, src, old_len) && one_char(*out, dst, old_len)) {
      map->AppendIdentity(src, old_len);
    } else if (it.hasChange()) {
      map->Append(static_cast<size_t>(it.newLength()), src, old_len, false);
    } else {
      map->AppendIdentity(src, old_len);
    }
  }
}

// ASCII runs at least this long are done by hand; shorter ones stay inside
// ICU's pieces (a call costs more than it saves on "2026年" or "「EU」").
constexpr size_t kMinAsciiRun = 16;

// The normalized text and its map, as ICU's normalizeUTF8 of the whole text
// gives them, without handing it the ASCII runs: NFKC leaves ASCII as it is
// and NFKC_Casefold only lowers A-Z (a test holds the two to the same
// output). Mostly-English news is mostly such runs. The boundary before an
// ASCII character is always a normalization boundary; the last character of
// a run goes to ICU with what follows it, which may combine with it (e +
// U+0301).
std::string Run(Form form, std::string_view text, OffsetMap* map) {
  const icu::Normalizer2& norm = Instance(form);
  std::string out;
  out.reserve(text.size());
  if (map != nullptr) *map = OffsetMap();
  const size_t n = text.size();
  auto ascii = [&](size_t i) { return static_cast<uint8_t>(text[i]) < 0x80; };
  size_t i = 0;
  while (i < n) {
    // A long ASCII run from i, less its last byte when more text follows.
    size_t j = i;
    while (j < n && ascii(j)) ++j;
    if (j - i >= kMinAsciiRun || j == n) {
      const size_t run_end = j == n ? n : j - 1;
      if (form == Form::kNfkc) {
        out.append(text.data() + i, run_end - i);
      } else {
        for (size_t k = i; k < run_end; ++k) {
          const char c = text[k];
          out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
        }
      }
      if (map != nullptr && run_end > i) map->AppendIdentity(i, run_end - i);
      i = run_end;
      if (i == n) break;
    }
    // ICU's piece: up to the next long ASCII run (or the end).
    size_t end = j;
    while (end < n) {
      while (end < n && !ascii(end)) ++end;
      size_t run = end;
      while (run < n && ascii(run)) ++run;
      if (run - end >= kMinAsciiRun || run == n) break;
      end = run;
    }
    RunIcu(norm, text, i, end, &out, map);
    i = end;
  }
  return out;
}

}  // namespace

std::string NormalizeNfkcWhole(std::string_view utf8, OffsetMap* map) {
  if (map != nullptr) *map = OffsetMap();
  std::string out;
  RunIcu(Instance(Form::kNfkc), utf8, 0, utf8.size(), &out, map);
  return out;
}

std::string FoldForMatchWhole(std::string_view utf8, OffsetMap* map) {
  if (map != nullptr) *map = OffsetMap();
  std::string out;
  RunIcu(Instance(Form::kNfkcCasefold), utf8, 0, utf8.size(), &out, map);
  return out;
}

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
