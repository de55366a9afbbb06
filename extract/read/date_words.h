// ICU's calendar words in the languages kgx reads: month and weekday names
// (DateFormatSymbols) and relative words (RelativeDateTimeFormatter). Read
// floor: sentence breaks ask whether a word is a month ("am 14. Februar"),
// the date step builds its forms from them (extract/facts/dates.h).
//
//   if (kgx::MonthOfName("Februar") == 2) ...
//
// Thread safety: reentrant.
#ifndef KGX_EXTRACT_READ_DATE_WORDS_H_
#define KGX_EXTRACT_READ_DATE_WORDS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kgx {

// The month (1-12) a Latin-script month name or abbreviation stands for in
// any supported language (ICU's names: "Februar", "mars", "Sept"), or 0.
int MonthOfName(std::string_view word);

// A word for a day, month or year relative to publication ("yesterday",
// 上个月, 작년), read only in documents of its language ("hier" is French
// for yesterday but German for here).
struct RelativeWord {
  std::string lang;  // Primary language subtag: en, fr, zh...
  enum Unit { kDay, kMonth, kYear } unit;
  int offset;  // -1 last, 0 this
};

// The words the date forms are made of, lower-cased: ICU's month and
// weekday names (DateFormatSymbols) and relative words
// (RelativeDateTimeFormatter) in the languages kgx reads. Building them
// from ICU costs a tenth of a warm start, so the model cache keeps them.
struct DateWords {
  std::map<std::string, int> months;    // Latin scripts: january -> 1
  std::map<std::string, int> weekdays;  // wednesday -> 4 (1 = Sunday), 水曜日 -> 4
  std::map<std::string, std::vector<RelativeWord>> relative;  // yesterday, 昨天, 지난달
};

// The words FindDates reads: built from ICU on the first call (or by the
// first FindDates), unless OfferDateWords() came first. The same on every
// call and thread.
const DateWords& IcuDateWords();

// Offers words an earlier IcuDateWords() returned, in this process or
// another with the same ICU (the model cache), so that they need not be
// built from ICU again; ignored when they are built already.
// Thread safety: may be called concurrently with FindDates.
void OfferDateWords(DateWords words);

// A word lower-cased as DateWords holds it (ICU's root case mapping).
std::string LowerDateWord(const std::string& s);

}  // namespace kgx

#endif  // KGX_EXTRACT_READ_DATE_WORDS_H_
