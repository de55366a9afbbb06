// What a money figure, an exchange rate and a date say, apart from where
// they were read: shared by the step that reads them (money.h, dates.h:
// offsets into the normalized text) and the record (record.h: offsets into
// the file and the original bytes), so the record takes the value whole
// instead of field by field.
// Thread safety: plain values.
#ifndef KGX_EXTRACT_FACTS_FIGURES_H_
#define KGX_EXTRACT_FACTS_FIGURES_H_

#include <string>

namespace kgx {

struct MoneyFigure {
  double value = 0;       // Whole units; the low end of a range.
  double high = 0;        // High end of a range, else equal to value.
  std::string currency;   // ISO 4217.
  std::string qualifier;  // "", approximately, up_to, more_than, at_least
};

struct RateFigure {
  std::string from, to;  // ISO 4217 codes ("" when not named).
  double rate = 0;       // 1 `from` = rate `to`.
};

struct DateFigure {
  std::string date;       // ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY; "" if unresolved.
  bool relative = false;  // Completed from the publication date (4月11日, Wednesday).
};

}  // namespace kgx

#endif  // KGX_EXTRACT_FACTS_FIGURES_H_
