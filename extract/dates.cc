#include "extract/dates.h"

#include <re2/re2.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/reldatefmt.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>

namespace kgx {
namespace {

// Bytes read on each side of a run of digits: more than any date form holds
// around its digits ("Wednesday, 12th de septiembre de 2024").
constexpr size_t kDateWindow = 48;

// A civil date of a day number (DaysFromCivil, dates.h).
void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

bool ValidDay(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

std::string Iso(int y, int m = 0, int d = 0) {
  char buf[40];
  if (d > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (m > 0) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

bool ParsePublished(const std::string& pub, int* y, int* m, int* d) {
  return pub.size() == 10 && std::sscanf(pub.c_str(), "%4d-%2d-%2d", y, m, d) == 3 &&
         ValidDay(*y, *m, *d);
}

std::string Lower(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

// A word for a day, month or year relative to publication ("yesterday",
// 上个月, 작년), read only in documents of its language ("hier" is French
// for yesterday but German for here).
struct RelativeWord {
  std::string lang;  // Primary language subtag: en, fr, zh...
  enum Unit { kDay, kMonth, kYear } unit;
  int offset;  // -1 last, 0 this
};

// Month and weekday names from ICU, lower-cased -> number, and the
// relative words.
struct Names {
  std::map<std::string, int> months;    // Latin scripts: january -> 1
  std::map<std::string, int> weekdays;  // wednesday -> 4 (1 = Sunday), 水曜日 -> 4
  std::map<std::string, std::vector<RelativeWord>> relative;  // yesterday, 昨天, 지난달
  std::unique_ptr<RE2> patterns[14];
  std::unique_ptr<RE2> any_digit_date;  // Patterns 0-12 in one: does a window hold a date?
};

std::string Alternation(const std::map<std::string, int>& words) {
  std::vector<std::string> w;
  for (const auto& [k, v] : words) w.push_back(k);
  std::sort(w.begin(), w.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out = "(";
  for (size_t i = 0; i < w.size(); ++i) out += (i ? "|" : "") + RE2::QuoteMeta(w[i]);
  return out + ")";
}

const Names& GetNames() {
  static const Names* names = [] {
    auto* n = new Names();
    for (const char* loc :
         {"en", "fr", "es", "de", "id", "ja", "zh", "ko", "pt", "ru", "vi", "ar", "it"}) {
      UErrorCode status = U_ZERO_ERROR;
      icu::DateFormatSymbols sym(icu::Locale(loc), status);
      if (U_FAILURE(status)) continue;
      const bool latin = std::string(loc) != "ja" && std::string(loc) != "zh" &&
                         std::string(loc) != "ko";
      for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
        for (auto ctx : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
          int32_t count = 0;
          const icu::UnicodeString* months = sym.getMonths(count, ctx, width);
          for (int32_t i = 0; latin && i < count && i < 12; ++i) {
            std::string s;
            months[i].toUTF8String(s);
            s = Lower(s);
            while (!s.empty() && s.back() == '.') s.pop_back();
            if (s.size() >= 3) n->months.emplace(s, i + 1);
          }
          if (width != icu::DateFormatSymbols::WIDE) continue;  // 水 alone is no weekday.
          const icu::UnicodeString* days = sym.getWeekdays(count, ctx, width);
          for (int32_t i = 1; i < count && i <= 7; ++i) {
            std::string s;
            days[i].toUTF8String(s);
            s = Lower(s);
            if (s.size() >= 3) n->weekdays.emplace(s, i);
          }
        }
      }
    }
    n->months.emplace("sept", 9);
    // ICU's words for yesterday, today, last and this month and year. Not
    // "tomorrow": mañana and morgen are also "morning".
    for (const char* loc : {"en", "fr", "es", "de", "id", "ja", "zh", "zh-Hant", "ko", "pt", "ru",
                            "vi", "ar", "it"}) {
      UErrorCode status = U_ZERO_ERROR;
      icu::RelativeDateTimeFormatter fmt(icu::Locale::forLanguageTag(loc, status), status);
      if (U_FAILURE(status)) continue;
      const std::string lang = std::string(loc).substr(0, 2);
      const std::pair<UDateAbsoluteUnit, RelativeWord::Unit> units[] = {
          {UDAT_ABSOLUTE_DAY, RelativeWord::kDay},
          {UDAT_ABSOLUTE_MONTH, RelativeWord::kMonth},
          {UDAT_ABSOLUTE_YEAR, RelativeWord::kYear}};
      for (const auto& [icu_unit, unit] : units)
        for (const auto& [dir, offset] : {std::pair{UDAT_DIRECTION_LAST, -1},
                                          std::pair{UDAT_DIRECTION_THIS, 0}}) {
          icu::UnicodeString u;
          status = U_ZERO_ERROR;
          fmt.format(dir, icu_unit, u, status);
          if (U_FAILURE(status) || u.isEmpty()) continue;
          u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)), "'");  // aujourd’hui
          std::string w;
          u.toUTF8String(w);
          w = Lower(w);
          auto& senses = n->relative[w];
          if (std::none_of(senses.begin(), senses.end(),
                           [&](const RelativeWord& r) { return r.lang == lang; }))
            senses.push_back({lang, unit, offset});
        }
    }
    std::map<std::string, int> day_words = n->weekdays;
    for (const auto& [w, senses] : n->relative) day_words.emplace(w, 0);
    const std::string month = Alternation(n->months), weekday = Alternation(day_words);
    // Ordinal endings: 1st, 2nd... and the Portuguese and Italian 1º (NFKC: 1o).
    const std::string ord = "(?:st|nd|rd|th|o)?";
    const char* const kPatterns[] = {
        // 0-6: absolute, full dates.
        "([0-9]{4}) ?年 ?([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?日",
        "([0-9]{4}) ?년 ?([0-9]{1,2}) ?월 ?([0-9]{1,2}) ?일",
        "\\b([0-9]{4})-([0-9]{2})-([0-9]{2})\\b",
        "\\b([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\\b",
        nullptr,  // day month year (built below)
        nullptr,  // month day, year
        // 6-7: year and month.
        "([0-9]{4}) ?年 ?([0-9]{1,2}) ?月",
        nullptr,  // month year
        // 8-10: month and day, completed with the year.
        "([0-9]{1,2}) ?[月월] ?([0-9]{1,2}) ?[日일]",
        nullptr,  // day month
        nullptr,  // month day
        // 11: year; 12: day; 13: weekday or relative word (yesterday, 去年).
        "([0-9]{4}) ?[年년]",
        "([0-9]{1,2}) ?日",
        nullptr,
    };
    const std::string built[] = {
        "\\b([0-9]{1,2})" + ord + "\\.? (?:de )?" + month + "\\.?,? (?:de |năm )?([0-9]{4})\\b",
        "\\b" + month + "\\.? ([0-9]{1,2})" + ord + ",? ([0-9]{4})\\b",
        "\\b" + month + "\\.? ([0-9]{4})\\b",
        "\\b([0-9]{1,2})" + ord + "\\.? (?:de )?" + month + "\\b",
        "\\b" + month + "\\.? ([0-9]{1,2})" + ord + "\\b",
        weekday,  // Latin word boundaries are checked in FindDates.
    };
    const int built_at[] = {4, 5, 7, 9, 10, 13};
    RE2::Options opt;
    opt.set_case_sensitive(false);
    opt.set_log_errors(false);
    std::string any;
    for (int i = 0; i < 14; ++i) {
      std::string p;
      if (kPatterns[i] != nullptr) p = kPatterns[i];
      for (int k = 0; k < 6; ++k)
        if (built_at[k] == i) p = built[k];
      n->patterns[i] = std::make_unique<RE2>(p, opt);
      if (i < 13) any += (any.empty() ? "(?:" : "|(?:") + p + ")";
    }
    n->any_digit_date = std::make_unique<RE2>(any, opt);
    return n;
  }();
  return *names;
}

// The date a relative word names, from the publication date.
std::string RelativeDate(const RelativeWord& w, int py, int pm, int pd) {
  switch (w.unit) {
    case RelativeWord::kDay: {
      int y, m, d;
      CivilFromDays(DaysFromCivil(py, pm, pd) + w.offset, &y, &m, &d);
      return Iso(y, m, d);
    }
    case RelativeWord::kMonth: {
      int y = py, m = pm + w.offset;
      if (m == 0) m = 12, --y;
      return Iso(y, m);
    }
    case RelativeWord::kYear:
      return Iso(py + w.offset);
  }
  return "";
}

int ToInt(const re2::StringPiece& p) { return std::atoi(std::string(p.data(), p.size()).c_str()); }

// 今年3月, 去年3月5日, 작년 3월: a relative year (already resolved to
// "YYYY") takes the month, and the day, written right after it; the
// month-day mention read there on its own (with a guessed year) goes.
void CompleteRelativeYears(std::string_view text, std::vector<DateMention>* out) {
  auto digits = [&](size_t at, size_t* end) {
    size_t e = at;
    while (e < text.size() && e - at < 2 && text[e] >= '0' && text[e] <= '9') ++e;
    *end = e;
    return e > at ? std::atoi(std::string(text.substr(at, e - at)).c_str()) : 0;
  };
  auto skip_space = [&](size_t at) { return at < text.size() && text[at] == ' ' ? at + 1 : at; };
  auto word = [&](size_t at, const char* a, const char* b) {
    return text.compare(at, std::strlen(a), a) == 0 || text.compare(at, std::strlen(b), b) == 0;
  };
  for (size_t k = 0; k < out->size(); ++k) {
    DateMention& r = (*out)[k];
    if (!r.relative || r.date.size() != 4) continue;
    size_t at = skip_space(r.end), end;
    const int m = digits(at, &end);
    at = skip_space(end);
    if (m < 1 || m > 12 || !word(at, "月", "월")) continue;
    at += 3;  // Both are three bytes in UTF-8.
    const int y = std::atoi(r.date.c_str());
    size_t day_at = skip_space(at);
    const int d = digits(day_at, &end);
    day_at = skip_space(end);
    if (d > 0 && word(day_at, "日", "일") && ValidDay(y, m, d)) {
      r.date = Iso(y, m, d);
      r.end = day_at + 3;
    } else {
      r.date = Iso(y, m);
      r.end = at;
    }
    size_t drop = k + 1;
    while (drop < out->size() && (*out)[drop].begin < r.end) ++drop;
    out->erase(out->begin() + static_cast<long>(k) + 1, out->begin() + static_cast<long>(drop));
  }
}

}  // namespace

long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int MonthOfName(std::string_view word) {
  const Names& names = GetNames();
  auto it = names.months.find(Lower(std::string(word)));
  return it == names.months.end() ? 0 : it->second;
}

std::string NormalizeDate(const std::string& published) {
  int y, m, d;
  if (published.size() >= 10 && ParsePublished(published.substr(0, 10), &y, &m, &d))
    return Iso(y, m, d);
  return "";
}

std::vector<DateMention> FindDates(std::string_view text, const std::string& lang,
                                   const std::string& published) {
  const Names& names = GetNames();
  int py = 0, pm = 0, pd = 0;
  const bool has_pub = ParsePublished(published, &py, &pm, &pd);
  // Months are capitalized in English, German and Indonesian: "may 4" is no
  // date. Romance languages, Russian and Vietnamese write them in lower case,
  // Arabic has no case.
  static const std::set<std::string> kLowerCaseMonths = {"fr", "es", "pt", "it", "ru", "vi", "ar"};
  const bool capitalized_months = kLowerCaseMonths.count(lang) == 0;
  std::vector<DateMention> out;
  std::map<size_t, size_t> taken;  // begin -> end of the dates in `out`
  auto overlaps = [&](size_t b, size_t e) {
    auto next = taken.lower_bound(b);
    if (next != taken.end() && next->first < e) return true;
    return next != taken.begin() && std::prev(next)->second > b;
  };
  auto month_of = [&](const re2::StringPiece& p) {
    std::string s = Lower(std::string(p.data(), p.size()));
    auto it = names.months.find(s);
    return it == names.months.end() ? 0 : it->second;
  };
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece g[4];
  // Patterns 0-12 hold a digit, so they run only on windows around digit
  // runs (most of a text has none); a match that reaches a window edge that
  // cuts the text sends the whole text through every pattern instead.
  std::vector<std::pair<size_t, size_t>> windows;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') continue;
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    size_t wb = i > kDateWindow ? i - kDateWindow : 0;
    while (wb > 0 && (static_cast<unsigned char>(text[wb]) & 0xC0) == 0x80) --wb;
    size_t we = std::min(text.size(), j + kDateWindow);
    while (we < text.size() && (static_cast<unsigned char>(text[we]) & 0xC0) == 0x80) ++we;
    if (!windows.empty() && wb <= windows.back().second) windows.back().second = we;
    else windows.emplace_back(wb, we);
    i = j;
  }
  // One automaton pass (no groups) drops the windows that hold no date.
  if (names.any_digit_date->ok())
    windows.erase(std::remove_if(windows.begin(), windows.end(),
                                 [&](const std::pair<size_t, size_t>& w) {
                                   return !names.any_digit_date->Match(input, w.first, w.second,
                                                                       RE2::UNANCHORED, nullptr, 0);
                                 }),
                  windows.end());
  bool whole_text = false;
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) {
      if (!whole_text) break;
      out.clear();
      taken.clear();
      windows.assign(1, {0, text.size()});
    }
    for (int i = 0; i < 14 && !(pass == 0 && whole_text); ++i) {
      const RE2& re = *names.patterns[i];
      if (!re.ok()) continue;
      const int groups = std::min(3, re.NumberOfCapturingGroups());
      // The weekday names (13) need no digit: one pass over the whole text.
      const std::vector<std::pair<size_t, size_t>> all = {{0, text.size()}};
      for (const auto& [from, to] : i == 13 ? all : windows) {
        for (size_t pos = from;
             pos < to && re.Match(input, pos, to, RE2::UNANCHORED, g, groups + 1);) {
          const size_t b = static_cast<size_t>(g[0].data() - text.data()), e = b + g[0].size();
          pos = e > b ? e : b + 1;
          if ((b == from && from > 0) || (e == to && to < text.size())) {
            whole_text = true;
            break;
          }
          if (overlaps(b, e)) continue;
          DateMention dm;
          dm.begin = b;
          dm.end = e;
          int y = 0, m = 0, d = 0;
          // Latin month names must be capitalized where the language does so.
          auto month_ok = [&](const re2::StringPiece& p) {
            return !capitalized_months || std::isupper(static_cast<unsigned char>(p[0]));
          };
          switch (i) {
            case 0: case 1: case 2: y = ToInt(g[1]); m = ToInt(g[2]); d = ToInt(g[3]); break;
            case 3: {
              // 31/03/2024 is day first, 03/31/2024 month first; when both could
              // be, English is read month first and other languages day first.
              const int a = ToInt(g[1]), c = ToInt(g[2]);
              y = ToInt(g[3]);
              const bool day_first = a > 12 || (c <= 12 && lang != "en");
              d = day_first ? a : c;
              m = day_first ? c : a;
              break;
            }
            case 4: if (!month_ok(g[2])) continue; d = ToInt(g[1]); m = month_of(g[2]); y = ToInt(g[3]); break;
            case 5: if (!month_ok(g[1])) continue; m = month_of(g[1]); d = ToInt(g[2]); y = ToInt(g[3]); break;
            case 6: y = ToInt(g[1]); m = ToInt(g[2]); break;
            case 7: if (!month_ok(g[1])) continue; m = month_of(g[1]); y = ToInt(g[2]); break;
            case 8: m = ToInt(g[1]); d = ToInt(g[2]); break;
            case 9: if (!month_ok(g[2])) continue; d = ToInt(g[1]); m = month_of(g[2]); break;
            case 10: if (!month_ok(g[1])) continue; m = month_of(g[1]); d = ToInt(g[2]); break;
            case 11: y = ToInt(g[1]); break;
            case 12: {
              // A lone day: not part of a longer number or a month-day form.
              if (b > 0 && (std::isdigit(static_cast<unsigned char>(text[b - 1])))) continue;
              // 30日間 is a duration, 10日元 an amount in yen.
              const std::string_view next = text.substr(e);
              if (next.rfind("間", 0) == 0 || next.rfind("元", 0) == 0 || next.rfind("以", 0) == 0)
                continue;
              d = ToInt(g[1]);
              break;
            }
            case 13: {
              // A whole word in the scripts that space words: среда
              // (Wednesday) is not in средах; CJK ones need no boundary.
              const int32_t n = static_cast<int32_t>(text.size());
              auto spaced = [](UChar32 c) {
                UErrorCode status = U_ZERO_ERROR;
                const UScriptCode sc = uscript_getScript(c, &status);
                return u_isalpha(c) && (sc == USCRIPT_LATIN || sc == USCRIPT_CYRILLIC ||
                                        sc == USCRIPT_ARABIC || sc == USCRIPT_GREEK);
              };
              auto letter_before = [&](size_t at) {
                if (at == 0) return false;
                int32_t i = static_cast<int32_t>(at);
                UChar32 c;
                U8_PREV(text.data(), 0, i, c);
                return c >= 0 && spaced(c);
              };
              auto letter_at = [&](size_t at) {
                if (at >= text.size()) return false;
                int32_t i = static_cast<int32_t>(at);
                UChar32 c;
                U8_NEXT(text.data(), i, n, c);
                return c >= 0 && spaced(c);
              };
              if (letter_before(b) || letter_at(e)) continue;
              const std::string word = Lower(std::string(g[1].data(), g[1].size()));
              auto rel = names.relative.find(word);
              // Weekdays are capitalized where months are; "yesterday" is not.
              if (capitalized_months && !std::isupper(static_cast<unsigned char>(g[1][0])) &&
                  static_cast<unsigned char>(g[1][0]) < 0x80 && rel == names.relative.end())
                continue;
              if (rel != names.relative.end()) {
                const std::string doc_lang = lang.substr(0, 2);
                auto sense = std::find_if(rel->second.begin(), rel->second.end(),
                                          [&](const RelativeWord& r) { return r.lang == doc_lang; });
                if (sense == rel->second.end()) continue;
                dm.relative = true;
                if (has_pub) dm.date = RelativeDate(*sense, py, pm, pd);
                taken.emplace(b, e);
                out.push_back(dm);
                continue;
              }
              auto it = names.weekdays.find(word);
              if (it == names.weekdays.end()) continue;
              dm.relative = true;
              if (has_pub) {
                const long pub = DaysFromCivil(py, pm, pd);
                const int pub_wday = static_cast<int>(((pub % 7) + 11) % 7) + 1;  // 1 = Sunday
                const long day = pub - ((pub_wday - it->second + 7) % 7);
                CivilFromDays(day, &y, &m, &d);
                dm.date = Iso(y, m, d);
              }
              taken.emplace(b, e);
              out.push_back(dm);
              continue;
            }
          }
          if (i <= 5) {
            if (!ValidDay(y, m, d)) continue;
            dm.full = true;
            dm.date = Iso(y, m, d);
          } else if (i == 6 || i == 7) {
            if (y < 1900 || y > 2100 || m < 1 || m > 12) continue;
            dm.date = Iso(y, m);
          } else if (i == 11) {
            if (y < 1900 || y > 2100) continue;
            dm.date = Iso(y);
          } else if (i == 12) {
            if (d < 1 || d > 31) continue;
            dm.relative = true;
            if (has_pub) {
              int yy = py, mm = pm;
              if (d > pd + 3) {  // Later in the month than publication: last month.
                if (--mm == 0) mm = 12, --yy;
              }
              if (ValidDay(yy, mm, d)) dm.date = Iso(yy, mm, d);
            }
          } else {  // 8-10: month and day.
            if (m < 1 || m > 12 || d < 1 || d > 31) continue;
            dm.relative = true;
            if (has_pub) {
              int yy = py;
              const long pub = DaysFromCivil(py, pm, pd);
              if (ValidDay(yy, m, d)) {
                const long at = DaysFromCivil(yy, m, d);
                if (at - pub > 180) --yy;
                else if (pub - at > 185) ++yy;
              }
              if (ValidDay(yy, m, d)) dm.date = Iso(yy, m, d);
            }
          }
          taken.emplace(b, e);
          out.push_back(dm);
        }
        if (whole_text) break;
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
  CompleteRelativeYears(text, &out);
  return out;
}

}  // namespace kgx
