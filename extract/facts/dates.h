// Dates in news text, as ISO 8601, resolved against the publication date.
//
//   std::string pub = kgx::NormalizeDate(doc.meta.published);   // "2024-03-31"
//   for (const kgx::DateMention& d : kgx::FindDates(nfkc, lang, pub)) ...
//
// Forms: 2026年1月20日, 2025년 4월 10일, 2024-03-31, 31/03/2024, "20 October
// 2025", "October 20, 2025", "5 de mayo de 2025", "14. Mai 2025", and, completed
// from the publication date: 4月11日, "May 4", "20 novembre", 27日 and
// weekdays ("Wednesday", 水曜日). Months and weekdays are ICU's names
// (DateFormatSymbols) in the languages kgx reads, so no table is kept here
// ("Sept" is ICU's French "sept."). Year-only (2012年) and month-only (2025年6月, "June 2025") dates
// keep their precision (2012, 2025-06).
// Resolution: a month and day take the publication year, moved by one year
// when that puts them more than six months from publication; a lone day takes
// the publication month (the previous month when the day is more than three
// days after publication); a weekday is the latest such day on or before
// publication. Without a publication date these stay unresolved ("").
// Thread safety: reentrant.
#ifndef KGX_EXTRACT_FACTS_DATES_H_
#define KGX_EXTRACT_FACTS_DATES_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

// Day arithmetic and NormalizeDate moved to base/civil_date.h (no language
// knowledge); included here so callers of FindDates keep one include.
#include "base/civil_date.h"
#include "extract/facts/figures.h"
#include "extract/read/date_words.h"  // The words the forms are made of.

namespace kgx {

struct DateMention : DateFigure {
  bool full = false;      // Year, month and day all written out.
  size_t begin = 0, end = 0;  // Byte offsets into the text.
};

// `published` is "YYYY-MM-DD" or "".
std::vector<DateMention> FindDates(std::string_view text, const std::string& lang,
                                   const std::string& published);

}  // namespace kgx

#endif  // KGX_EXTRACT_FACTS_DATES_H_
