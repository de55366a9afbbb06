#include "extract/segment.h"

#include <unicode/brkiter.h>
#include <unicode/dtfmtsym.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

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

// The language's month names (ICU's wide forms, format and stand-alone),
// one cached list per thread and language.
const std::vector<std::string>& MonthNames(const std::string& lang) {
  thread_local std::map<std::string, std::vector<std::string>> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  std::vector<std::string> names;
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols sym(icu::Locale::forLanguageTag(lang, status), status);
  if (U_SUCCESS(status))
    for (auto ctx : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      int32_t count = 0;
      const icu::UnicodeString* months = sym.getMonths(count, ctx, icu::DateFormatSymbols::WIDE);
      for (int32_t i = 0; i < count; ++i) {
        std::string m;
        months[i].toUTF8String(m);
        if (!m.empty()) names.push_back(m);
      }
    }
  return cache.emplace(lang, std::move(names)).first->second;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Whether a break ICU found at `end` falls inside an ordinal date ("am 14.
// Februar 2025", "den 3. maj"): the text before it ends in a day of one or
// two digits and a full stop, and the text after it starts with a month name
// of the language.
bool InsideOrdinalDate(std::string_view s, size_t end, const std::vector<std::string>& months) {
  size_t e = end;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  if (e < 2 || s[e - 1] != '.' || !IsAsciiDigit(s[e - 2])) return false;
  size_t d = e - 2;
  if (d > 0 && IsAsciiDigit(s[d - 1])) --d;
  if (d > 0 && (IsAsciiDigit(s[d - 1]) || static_cast<unsigned char>(s[d - 1]) >= 0x80 ||
                std::isalpha(static_cast<unsigned char>(s[d - 1]))))
    return false;  // 2024. or x1.: not a day alone.
  size_t b = end;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
  for (const std::string& m : months) {
    if (s.compare(b, m.size(), m) != 0) continue;
    const size_t after = b + m.size();
    if (after == s.size() || !std::isalpha(static_cast<unsigned char>(s[after]))) return true;
  }
  return false;
}

// Whether a break ICU found at `end` follows an initial ("S. Korea", "John
// F. Kennedy"): one capital Latin letter standing alone before the full
// stop. A sentence rarely ends in one ("Plan B."); a name often has one.
bool AfterInitial(std::string_view s, size_t end) {
  size_t e = end;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  if (e < 2 || s[e - 1] != '.' || s[e - 2] < 'A' || s[e - 2] > 'Z') return false;
  if (e > 2 && s[e - 3] != ' ' && s[e - 3] != '(' && s[e - 3] != '\t') return false;
  size_t b = end;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
  return b < s.size() && s[b] >= 'A' && s[b] <= 'Z';
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
  const std::vector<std::string>& months = MonthNames(lang);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    // ICU ends a sentence at "14." in "am 14. Februar" and at "S." in
    // "S. Korea": go on to the next break.
    while (static_cast<size_t>(end) < utf8.size() &&
           (InsideOrdinalDate(utf8, static_cast<size_t>(end), months) ||
            AfterInitial(utf8, static_cast<size_t>(end)))) {
      const int32_t next = bi->next();
      if (next == icu::BreakIterator::DONE) break;
      end = next;
    }
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
