// Dates in news text, as ISO 8601, resolved against the publication date.
//
//   kgx::DateForms forms;                 // gazetteers/dates.tsv, by Model
//   forms.AddFormLine({"iso", "ymd", "\\b([0-9]{4})-([0-9]{2})-([0-9]{2})\\b"});
//   kgx::DateFinder dates(forms);
//   std::string pub = kgx::NormalizeDate(doc.meta.published);   // "2024-03-31"
//   for (const kgx::DateMention& d : dates.Find(nfkc, lang, pub)) ...
//
// The forms are gazetteer lines (@kind date-form: 2026年1月20日, 2024-03-31,
// 31/03/2024, "20 October 2025", "5 de mayo de 2025", "October 20, 2025",
// 4月11日, "May 4", 27日, "Wednesday", 水曜日...) built of ICU's month,
// weekday and relative words (DateFormatSymbols, RelativeDateTimeFormatter:
// "Sept" is ICU's French "sept.") and the words of @kind date-word lines
// (ordinal endings, units, the languages that write months in lower case).
// Year-only (2012年) and month-only (2025年6月, "June 2025") dates keep their
// precision (2012, 2025-06).
// Resolution: a month and day take the publication year, moved by one year
// when that puts them more than six months from publication; a lone day takes
// the publication month (the previous month when the day is more than three
// days after publication); a weekday is the latest such day on or before
// publication. Without a publication date these stay unresolved ("").
// Thread safety: a DateFinder's Find() may run concurrently.
#ifndef KGX_EXTRACT_FACTS_DATES_H_
#define KGX_EXTRACT_FACTS_DATES_H_

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Day arithmetic and NormalizeDate moved to base/civil_date.h (no language
// knowledge); included here so the date step's callers keep one include.
#include "base/civil_date.h"
#include "base/noncopyable.h"
#include "extract/facts/figures.h"
#include "extract/read/date_words.h"  // The words the forms are made of.

namespace kgx {

struct DateMention : DateFigure {
  bool full = false;      // Year, month and day all written out.
  size_t begin = 0, end = 0;  // Byte offsets into the text.
};

// The date forms and their words, as gazetteer lines (gazetteers/README.md,
// "Dates"); each Add* returns "" or what is wrong with the line.
class DateForms {
 public:
  // name, fields (the capture groups: y m d x w, or "filter"), pattern.
  std::string AddFormLine(const std::vector<std::string>& f);
  // word, role (ordinal, not-after-day, month-unit, day-unit; with
  // lower-case-months and month-first-slash the word is a language).
  std::string AddWordLine(const std::vector<std::string>& f);

  // One form: where its capture groups are (1-based; 0 none).
  struct Form {
    std::string name, pattern;  // pattern: with {month}, {weekday}, {ord}
    int year = 0, month = 0, day = 0;
    int either[2] = {0, 0};  // x: day or month, by value and language
    int word = 0;            // w: a weekday or relative word
    bool month_named = false;
  };
  std::vector<Form> forms;           // In the order they are tried.
  std::vector<std::string> filters;  // Patterns of the digit windows' filter.
  std::vector<std::string> ordinals, not_after_day, month_units, day_units;
  std::set<std::string> lower_case_months;  // Language subtags: fr, ru...
  // Where 03/04/2025 is read month first when both could be (en); day
  // first elsewhere.
  std::set<std::string> month_first_slash;
};

// Finds the dates of a text by the forms; compiled on first use (most runs
// need few of them: issue 22, start-up).
class DateFinder : NonCopyable {
 public:
  explicit DateFinder(DateForms forms);
  ~DateFinder();
  // `published` is "YYYY-MM-DD" or "".
  std::vector<DateMention> Find(std::string_view text, const std::string& lang,
                                const std::string& published) const;

 private:
  struct Compiled;
  const Compiled& compiled() const;
  DateForms forms_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<Compiled> compiled_;
};

}  // namespace kgx

#endif  // KGX_EXTRACT_FACTS_DATES_H_
