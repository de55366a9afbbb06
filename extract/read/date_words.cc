#include "extract/read/date_words.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/reldatefmt.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "base/strings.h"
#include "base/utf8.h"
#include "extract/read/language.h"

namespace kgx {
namespace {

// The languages whose ICU month, weekday and relative words are read (the
// languages kgx reads; zh-Hant for its own relative words: 上個月).
constexpr const char* kDateLocales[] = {"en", "fr", "es", "de", "id", "ja", "zh",
                                        "zh-Hant", "ko", "pt", "ru", "vi", "ar", "it"};


DateWords BuildDateWords() {
  DateWords words;
  for (const char* loc : kDateLocales) {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols sym(icu::Locale::forLanguageTag(loc, status), status);
    if (U_FAILURE(status)) continue;
    // CJK months are digits and 月 (the Han forms below), not names.
    const bool latin = !IsCjkLanguage(loc);
    for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
      for (auto ctx : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
        int32_t count = 0;
        const icu::UnicodeString* months = sym.getMonths(count, ctx, width);
        for (int32_t i = 0; latin && i < count && i < 12; ++i) {
          std::string s;
          months[i].toUTF8String(s);
          s = LowerDateWord(s);
          while (!s.empty() && s.back() == '.') s.pop_back();
          if (s.size() >= 3) words.months.emplace(s, i + 1);
        }
        if (width != icu::DateFormatSymbols::WIDE) continue;  // 水 alone is no weekday.
        const icu::UnicodeString* days = sym.getWeekdays(count, ctx, width);
        for (int32_t i = 1; i < count && i <= 7; ++i) {
          std::string s;
          days[i].toUTF8String(s);
          s = LowerDateWord(s);
          if (s.size() >= 3) words.weekdays.emplace(s, i);
        }
      }
    }
  }
  // ICU's words for yesterday, today, last and this month and year. Not
  // "tomorrow": mañana and morgen are also "morning".
  for (const char* loc : kDateLocales) {
    UErrorCode status = U_ZERO_ERROR;
    icu::RelativeDateTimeFormatter fmt(icu::Locale::forLanguageTag(loc, status), status);
    if (U_FAILURE(status)) continue;
    const std::string lang = std::string(loc).substr(0, 2);
    const std::pair<UDateAbsoluteUnit, RelativeWord::Unit> units[] = {
        {UDAT_ABSOLUTE_DAY, RelativeWord::kDay},
        {UDAT_ABSOLUTE_MONTH, RelativeWord::kMonth},
        {UDAT_ABSOLUTE_YEAR, RelativeWord::kYear}};
    for (const auto& [icu_unit, unit] : units)
      for (const auto& [dir, offset] :
           {std::pair{UDAT_DIRECTION_LAST, -1}, std::pair{UDAT_DIRECTION_THIS, 0}}) {
        icu::UnicodeString u;
        status = U_ZERO_ERROR;
        fmt.format(dir, icu_unit, u, status);
        if (U_FAILURE(status) || u.isEmpty()) continue;
        u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)), "'");  // aujourd’hui
        std::string w;
        u.toUTF8String(w);
        w = LowerDateWord(w);
        auto& senses = words.relative[w];
        if (std::none_of(senses.begin(), senses.end(),
                         [&](const RelativeWord& r) { return r.lang == lang; }))
          senses.push_back({lang, unit, offset});
      }
  }
  return words;
}

// Words offered before they were built (OfferDateWords), and whether they
// are built.
std::mutex offered_mu;
std::unique_ptr<DateWords> offered_words;
bool date_words_built = false;

}  // namespace

std::string LowerDateWord(const std::string& s) {
  // ASCII (most words a name or date scan asks about): no ICU round trip.
  if (IsAscii(s)) return AsciiLower(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

const DateWords& IcuDateWords() {
  static const DateWords* words = [] {
    std::lock_guard<std::mutex> lock(offered_mu);
    date_words_built = true;
    return offered_words != nullptr ? offered_words.release() : new DateWords(BuildDateWords());
  }();
  return *words;
}

void OfferDateWords(DateWords words) {
  std::lock_guard<std::mutex> lock(offered_mu);
  if (!date_words_built && offered_words == nullptr)
    offered_words = std::make_unique<DateWords>(std::move(words));
}

int MonthOfName(std::string_view word) {
  const std::map<std::string, int>& months = IcuDateWords().months;
  auto it = months.find(LowerDateWord(std::string(word)));
  return it == months.end() ? 0 : it->second;
}

}  // namespace kgx
