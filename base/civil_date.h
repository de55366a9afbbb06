// Civil (proleptic Gregorian) dates as day numbers and ISO 8601 text: the
// arithmetic both the date reader (extract/dates) and the graph (agreements
// close in time) need, with no language knowledge.
//
//   long day = kgx::DaysFromCivil(2025, 6, 2);   // days since 1970-01-01
//   kgx::NormalizeDate("2024-03-31T15:15:02Z") == "2024-03-31"
//
// Thread safety: reentrant.
#ifndef KGX_BASE_CIVIL_DATE_H_
#define KGX_BASE_CIVIL_DATE_H_

#include <string>

namespace kgx {

// Days since 1970-01-01 of a civil date.
long DaysFromCivil(int y, int m, int d);

// The civil date of a day number (the inverse of DaysFromCivil).
void CivilFromDays(long z, int* y, int* m, int* d);

// Whether y-m-d is a real day of a year from 1900 to 2100.
bool ValidDay(int y, int m, int d);

// "YYYY-MM-DD", "YYYY-MM" (d == 0) or "YYYY" (m == 0).
std::string IsoDate(int y, int m = 0, int d = 0);

// Reads exactly "YYYY-MM-DD" of a ValidDay; false otherwise.
bool ParseIsoDay(const std::string& iso, int* y, int* m, int* d);

// "2024-03-31T15:15:02Z", "2025-06-02", "2026-05-04T05:01:00.000Z" ->
// "YYYY-MM-DD"; "" when it does not start with a date.
std::string NormalizeDate(const std::string& published);

}  // namespace kgx

#endif  // KGX_BASE_CIVIL_DATE_H_
