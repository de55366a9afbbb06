#include "extract/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <map>
#include <memory>
#include <stdexcept>

namespace kgx {
namespace {

icu::BreakIterator* SentenceIterator(const std::string& lang) {
  // Creating an iterator loads rule data; one per thread and language.
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" turns on CLDR's break suppressions (Mr., Dr., U.S. ...)
  // where the locale has them, so titles do not end sentences.
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createSentenceInstance(
      icu::Locale::forLanguageTag(lang + "-u-ss-standard", status), status));
  if (U_FAILURE(status) || !bi) {
    status = U_ZERO_ERROR;
    bi.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }
  if (U_FAILURE(status) || !bi) throw std::runtime_error("ICU sentence break iterator unavailable");
  return cache.emplace(lang, std::move(bi)).first->second.get();
}

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  *len = static_cast<size_t>(pos) - i;
  return c >= 0 && (u_isUWhiteSpace(c) || c == 0xFEFF);
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view utf8, const std::string& lang) {
  std::vector<Span> out;
  if (utf8.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU utext_openUTF8 failed");
  icu::BreakIterator* bi = SentenceIterator(lang);
  bi->setText(ut, status);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    size_t b = static_cast<size_t>(start);
    size_t e = static_cast<size_t>(end);
    size_t len = 0;
    while (b < e && IsSpaceAt(utf8, b, &len)) b += len;
    while (e > b) {
      size_t p = e - 1;
      while (p > b && (static_cast<unsigned char>(utf8[p]) & 0xC0) == 0x80) --p;
      if (!IsSpaceAt(utf8, p, &len)) break;
      e = p;
    }
    if (e > b) out.push_back(Span{b, e});
  }
  // Detach the iterator from the UText before closing it.
  bi->setText(icu::UnicodeString());
  utext_close(ut);
  return out;
}

}  // namespace kgx
