#include "extract/read/segment.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/read/date_words.h"
#include "extract/read/normalize.h"

namespace kgx {
namespace {

icu::BreakIterator* SentenceIterator(const std::string& lang) {
  // Creating an iterator loads rule data; one per thread and language.
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createSentenceInstance(
      icu::Locale::forLanguageTag(lang, status), status));
  if (U_FAILURE(status) || !bi) {
    status = U_ZERO_ERROR;
    bi.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  }
  if (U_FAILURE(status) || !bi) throw std::runtime_error("ICU sentence break iterator unavailable");
  return cache.emplace(lang, std::move(bi)).first->second.get();
}

// CLDR's abbreviations after which a full stop ends no sentence (Mr., U.S.,
// Sres., z.B.), as ICU's "ss=standard" break suppressions read them, for the
// language itself (none when ICU has no list of its own for it: ja, zh, id,
// ko, vi, ar). ICU's own filter matches them as a suffix of any word, so
// "con CATL. Indonesia" (L.) and "firmó con Catl. Indonesia" stay one
// sentence in es, fr, it and pt; kgx matches a whole word (IsException).
// The words, and their distinct lengths in bytes (a break is checked with
// one lookup per length, not one comparison per word, and no copy).
struct Exceptions {
  std::set<std::string, std::less<>> words;  // Looked up by string_view.
  std::vector<size_t> lengths;
};

const Exceptions& SentenceExceptions(const std::string& lang) {
  thread_local std::map<std::string, Exceptions> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  Exceptions words;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-brkitr", locale.getName(), &status);
  const bool own =
      U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING &&
      locale.getLanguage() ==
          std::string(
              icu::Locale(ures_getLocaleByType(bundle, ULOC_ACTUAL_LOCALE, &status)).getLanguage());
  UResourceBundle* exceptions =
      own ? ures_getByKey(bundle, "exceptions", nullptr, &status) : nullptr;
  UResourceBundle* list =
      own ? ures_getByKey(exceptions, "SentenceBreak", nullptr, &status) : nullptr;
  while (own && U_SUCCESS(status) && ures_hasNext(list)) {
    int32_t length = 0;
    const UChar* word = ures_getNextString(list, &length, nullptr, &status);
    if (U_FAILURE(status)) break;
    std::string utf8;
    icu::UnicodeString(word, length).toUTF8String(utf8);
    if (std::find(words.lengths.begin(), words.lengths.end(), utf8.size()) == words.lengths.end())
      words.lengths.push_back(utf8.size());
    words.words.insert(std::move(utf8));
  }
  ures_close(list);
  ures_close(exceptions);
  ures_close(bundle);
  return cache.emplace(lang, std::move(words)).first->second;
}

// Whether the text before a break at `end` ends in one of `words` as a
// whole word (no letter or digit right before it).
bool IsException(std::string_view s, size_t end, const Exceptions& words) {
  size_t e = end;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  if (e == 0 || s[e - 1] != '.') return false;
  for (size_t n : words.lengths) {
    if (n > e || words.words.count(s.substr(e - n, n)) == 0) continue;
    int32_t at = static_cast<int32_t>(e - n);
    if (at == 0) return true;
    UChar32 c;
    U8_PREV(s.data(), 0, at, c);
    if (c < 0 || !u_isalnum(c)) return true;
  }
  return false;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHorizontalSpace(char c) { return c == ' ' || c == '\t'; }

// Whether a break ICU found at `end` is no sentence end: it falls inside an
// ordinal date ("am 14. Februar 2025": one or two digits and a full stop
// before it, a month name after it, dates.h knows the names) or after an
// initial ("S. Korea", "John F. Kennedy": one capital standing alone before
// the full stop, a capital after it; a sentence rarely ends in one).
bool FalseBreak(std::string_view s, size_t end) {
  size_t e = end;  // Where the text before the break ends.
  while (e > 0 && IsHorizontalSpace(s[e - 1])) --e;
  size_t b = end;  // Where the text after it begins.
  while (b < s.size() && IsHorizontalSpace(s[b])) ++b;
  if (e < 2 || s[e - 1] != '.' || b >= s.size()) return false;
  const char last = s[e - 2];
  if (last >= 'A' && last <= 'Z')  // An initial.
    return (e == 2 || IsHorizontalSpace(s[e - 3]) || s[e - 3] == '(') && s[b] >= 'A' && s[b] <= 'Z';
  if (!IsAsciiDigit(last)) return false;
  size_t d = e - 2;  // A day alone: 14. but not 2024. or x1.
  if (d > 0 && IsAsciiDigit(s[d - 1])) --d;
  if (d > 0 && (IsAsciiDigit(s[d - 1]) || static_cast<unsigned char>(s[d - 1]) >= 0x80 ||
                std::isalpha(static_cast<unsigned char>(s[d - 1]))))
    return false;
  size_t w = b;  // The next word: letters, Latin or not.
  while (w < s.size() && (std::isalpha(static_cast<unsigned char>(s[w])) ||
                          static_cast<unsigned char>(s[w]) >= 0x80))
    ++w;
  return w > b && MonthOfName(s.substr(b, w - b)) > 0;
}

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  *len = static_cast<size_t>(pos) - i;
  return c >= 0 && (u_isUWhiteSpace(c) || c == 0xFEFF);
}

// Byte offsets into UTF-8 text of ICU's UTF-16 break positions, which come
// in increasing order: one walk over the text for all of them.
class Utf16ToUtf8 {
 public:
  explicit Utf16ToUtf8(std::string_view utf8) : s_(utf8) {}
  size_t operator()(int32_t unit) {
    while (unit_ < unit && byte_ < s_.size()) {
      int32_t i = static_cast<int32_t>(byte_);
      UChar32 c;
      U8_NEXT(s_.data(), i, static_cast<int32_t>(s_.size()), c);
      byte_ = static_cast<size_t>(i);
      unit_ += U16_LENGTH(c);
    }
    return byte_;
  }

 private:
  std::string_view s_;
  size_t byte_ = 0;
  int32_t unit_ = 0;
};

}  // namespace

std::vector<Span> SplitSentences(std::string_view utf8, const std::string& lang) {
  std::vector<Span> out;
  if (utf8.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  icu::BreakIterator* bi = SentenceIterator(lang);
  const Exceptions& exceptions = SentenceExceptions(lang);
  // ICU's iterators run twice as fast over UTF-16 as over UTF-8 text (the
  // conversion included), so valid text is converted and the breaks mapped
  // back; invalid bytes (ICU would replace them) take the UTF-8 path.
  const bool utf16 = utf8.size() < (size_t{1} << 30) && IsValidUtf8(utf8);
  icu::UnicodeString units;
  UText* ut = nullptr;
  if (utf16) {
    units = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    bi->setText(units);
  } else {
    ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU utext_openUTF8 failed");
    bi->setText(ut, status);
  }
  Utf16ToUtf8 to_byte(utf8);
  auto next = [&]() -> int32_t {  // The next break as a byte offset, or DONE.
    const int32_t b = bi->next();
    if (b == icu::BreakIterator::DONE || !utf16) return b;
    return static_cast<int32_t>(to_byte(b));
  };
  int32_t start = bi->first();
  for (int32_t end = next(); end != icu::BreakIterator::DONE; start = end, end = next()) {
    // ICU ends a sentence at "14." in "am 14. Februar" and at "S." in
    // "S. Korea": go on to the next break.
    while (static_cast<size_t>(end) < utf8.size() &&
           (FalseBreak(utf8, static_cast<size_t>(end)) ||
            IsException(utf8, static_cast<size_t>(end), exceptions))) {
      const int32_t following = next();
      if (following == icu::BreakIterator::DONE) break;
      end = following;
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
  // Detach the iterator from the text before it goes.
  bi->setText(icu::UnicodeString());
  if (ut != nullptr) utext_close(ut);
  return out;
}

}  // namespace kgx
