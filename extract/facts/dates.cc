#include "extract/facts/dates.h"

#include <re2/re2.h>
#include <unicode/locid.h>
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

#include "base/civil_date.h"
#include "base/regex.h"
#include "extract/read/language.h"

namespace kgx {
namespace {

// Bytes read on each side of a run of digits: more than any date form holds
// around its digits ("Wednesday, 12th de septiembre de 2024").
constexpr size_t kDateWindow = 48;

// The date forms, one pattern each, tried in this order: where two overlap,
// the earlier form wins (a full date over the month and day inside it).
enum DateForm {
  kHanYmd,        // 2026年1月20日
  kHangulYmd,     // 2025년 4월 10일
  kIsoYmd,        // 2024-03-31
  kSlashDate,     // 31/03/2024 or 03/31/2024
  kDayMonthYear,  // 20 October 2025, 5 de mayo de 2025, 14. Mai 2025
  kMonthDayYear,  // October 20, 2025
  kHanYearMonth,  // 2025年6月
  kMonthYear,     // June 2025
  kCjkMonthDay,   // 4月11日, 4월 11일 (the year from publication)
  kDayMonth,      // 20 novembre
  kMonthDay,      // May 4
  kCjkYear,       // 2012年, 2012년
  kHanDay,        // 27日 (the month from publication)
  kDayWord,       // Wednesday, 水曜日, yesterday, 去年: no digit
  kDateForms
};
// Forms before this one hold a digit: they run only on windows around digits.
constexpr int kDigitForms = kDayWord;

// Which capture group of a form's pattern holds the year, the month and the
// day (0: none), and whether the month is a name (else digits). kSlashDate,
// kHanDay and kDayWord are read by hand (DateReader::ReadFields).
struct FormFields {
  int year, month, day;
  bool month_named;
};
constexpr FormFields kFormFields[kDateForms] = {
    {1, 2, 3, false},  // kHanYmd
    {1, 2, 3, false},  // kHangulYmd
    {1, 2, 3, false},  // kIsoYmd
    {3, 0, 0, false},  // kSlashDate: day or month first, by value and language
    {3, 2, 1, true},   // kDayMonthYear
    {3, 1, 2, true},   // kMonthDayYear
    {1, 2, 0, false},  // kHanYearMonth
    {2, 1, 0, true},   // kMonthYear
    {0, 1, 2, false},  // kCjkMonthDay
    {0, 2, 1, true},   // kDayMonth
    {0, 1, 2, true},   // kMonthDay
    {1, 0, 0, false},  // kCjkYear
    {0, 0, 1, false},  // kHanDay: a lone day, checked for what stands around it
    {0, 0, 0, false},  // kDayWord
};

// The date words and the patterns made of them.
struct Names : DateWords {
  // Compiled on first use: most documents need the day words and the
  // digit forms' filter only (issue 22, start-up).
  LazyRe2 patterns[kDateForms];  // By DateForm; get() null if RE2 refused it.
  LazyRe2 any_digit_date;        // Accepts every window a digit form matches in.
};

std::string WordGroup(const std::map<std::string, int>& words) {
  std::vector<std::string> w;
  for (const auto& [k, v] : words) w.push_back(k);
  return "(" + Alternation(std::move(w)) + ")";
}

const Names& GetNames() {
  static const Names* names = [] {
    auto* n = new Names();
    static_cast<DateWords&>(*n) = IcuDateWords();
    std::map<std::string, int> day_words = n->weekdays;
    for (const auto& [w, senses] : n->relative) day_words.emplace(w, 0);
    const std::string month = WordGroup(n->months), weekday = WordGroup(day_words);
    // Ordinal endings: 1st, 2nd... and the Portuguese and Italian 1º (NFKC:
    // 1o), the Italian press's 1° (a degree sign, which NFKC keeps) and the
    // French 1er.
    const std::string ord = "(?:st|nd|rd|th|o|er|\xC2\xB0)?";
    std::string p[kDateForms];
    p[kHanYmd] = "([0-9]{4}) ?年 ?([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?日";
    p[kHangulYmd] = "([0-9]{4}) ?년 ?([0-9]{1,2}) ?월 ?([0-9]{1,2}) ?일";
    p[kIsoYmd] = "\\b([0-9]{4})-([0-9]{2})-([0-9]{2})\\b";
    p[kSlashDate] = "\\b([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\\b";
    p[kDayMonthYear] =
        "\\b([0-9]{1,2})" + ord + "\\.? (?:de )?" + month + "\\.?,? (?:de |năm )?([0-9]{4})\\b";
    p[kMonthDayYear] = month + "\\.? ([0-9]{1,2})" + ord + ",? ([0-9]{4})\\b";
    p[kHanYearMonth] = "([0-9]{4}) ?年 ?([0-9]{1,2}) ?月";
    p[kMonthYear] = month + "\\.? ([0-9]{4})\\b";
    p[kCjkMonthDay] = "([0-9]{1,2}) ?[月월] ?([0-9]{1,2}) ?[日일]";
    p[kDayMonth] = "\\b([0-9]{1,2})" + ord + "\\.? (?:de )?" + month;
    p[kMonthDay] = month + "\\.? ([0-9]{1,2})" + ord + "\\b";
    p[kCjkYear] = "([0-9]{4}) ?[年년]";
    p[kHanDay] = "([0-9]{1,2}) ?日";
    p[kDayWord] = weekday;  // Latin word boundaries are checked in FindDates.
    // The filter holds the month names twice, not once per form that
    // names a month (five): it compiles in half the time, and it accepts
    // every window one of the forms matches in, since each of those forms
    // starts with one of its two month parts ("5 de mayo" or "May 5"). A
    // window it lets through where no form matches yields no date, so the
    // dates are the same.
    const std::string month_forms =
        "\\b[0-9]{1,2}" + ord + "\\.? (?:de )?" + month + "|" + month + "\\.? [0-9]";
    std::string any = "(?:" + month_forms + ")";
    for (int i = 0; i < kDateForms; ++i) {
      n->patterns[i].Set(p[i], /*case_sensitive=*/false);
      if (i < kDigitForms && !kFormFields[i].month_named) any += "|(?:" + p[i] + ")";
    }
    n->any_digit_date.Set(any, /*case_sensitive=*/false);
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
      return IsoDate(y, m, d);
    }
    case RelativeWord::kMonth: {
      int y = py, m = pm + w.offset;
      if (m == 0) m = 12, --y;
      return IsoDate(y, m);
    }
    case RelativeWord::kYear:
      return IsoDate(py + w.offset);
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
      r.date = IsoDate(y, m, d);
      r.end = day_at + 3;
    } else {
      r.date = IsoDate(y, m);
      r.end = at;
    }
    size_t drop = k + 1;
    while (drop < out->size() && (*out)[drop].begin < r.end) ++drop;
    out->erase(out->begin() + static_cast<long>(k) + 1, out->begin() + static_cast<long>(drop));
  }
}

}  // namespace

namespace {

// The publication date dates are completed from.
struct Publication {
  bool known = false;
  int y = 0, m = 0, d = 0;
};

// Where the digit forms may match: windows of kDateWindow bytes around each
// run of digits (most of a text has none), merged where they touch, and
// only those where the digit forms' one automaton finds a date.
std::vector<std::pair<size_t, size_t>> DigitWindows(std::string_view text, const Names& names) {
  std::vector<std::pair<size_t, size_t>> windows;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') continue;
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    size_t wb = i > kDateWindow ? i - kDateWindow : 0;
    while (wb > 0 && (static_cast<unsigned char>(text[wb]) & 0xC0) == 0x80) --wb;
    size_t we = std::min(text.size(), j + kDateWindow);
    while (we < text.size() && (static_cast<unsigned char>(text[we]) & 0xC0) == 0x80) ++we;
    if (!windows.empty() && wb <= windows.back().second)
      windows.back().second = we;
    else
      windows.emplace_back(wb, we);
    i = j;
  }
  if (const RE2* any = windows.empty() ? nullptr : names.any_digit_date.get()) {
    const re2::StringPiece input(text.data(), text.size());
    windows.erase(std::remove_if(windows.begin(), windows.end(),
                                 [&](const std::pair<size_t, size_t>& w) {
                                   return !any->Match(input, w.first, w.second, RE2::UNANCHORED,
                                                      nullptr, 0);
                                 }),
                  windows.end());
  }
  return windows;
}

// Reads one date form's match into dates; a reading that is no date is
// skipped. Keeps the dates found so far apart, so that none overlap.
class DateReader {
 public:
  DateReader(std::string_view text, const std::string& lang, const std::string& published)
      : text_(text), lang_(lang), names_(GetNames()) {
    pub_.known = ParseIsoDay(published, &pub_.y, &pub_.m, &pub_.d);
  }

  // Every match of `form` in text[from, to); false when one touches an edge
  // of the window that cuts the text (the caller then reads the whole text).
  bool Scan(DateForm form, size_t from, size_t to);
  void Clear() {
    out_.clear();
    taken_.clear();
  }
  std::vector<DateMention> Take() { return std::move(out_); }

 private:
  // The year, month and day the groups `g` of a digit form's match hold;
  // false when they make no date of that form.
  bool ReadFields(DateForm form, const re2::StringPiece* g, size_t b, size_t e, int* y, int* m,
                  int* d) const;
  // Fills dm.date (and full, relative) from the fields; false if invalid.
  bool Resolve(DateForm form, int y, int m, int d, DateMention* dm) const;
  // A weekday or relative word (kDayWord); false if it is none here.
  bool ReadDayWord(const re2::StringPiece& word, size_t b, size_t e, DateMention* dm) const;
  bool Overlaps(size_t b, size_t e) const {
    auto next = taken_.lower_bound(b);
    if (next != taken_.end() && next->first < e) return true;
    return next != taken_.begin() && std::prev(next)->second > b;
  }
  int MonthOf(const re2::StringPiece& p) const {
    auto it = names_.months.find(LowerDateWord(std::string(p.data(), p.size())));
    return it == names_.months.end() ? 0 : it->second;
  }
  // Latin month names must be capitalized where the language does so
  // (English, German, Indonesian: "may 4" is no date); not in fr and es.
  // Romance languages, Russian and Vietnamese write them in lower case,
  // Arabic has no case.
  bool SpacedLetterBefore(size_t at) const;
  bool SpacedLetterAt(size_t at) const;
  bool CapitalizedMonths() const {
    static const std::set<std::string> kLowerCaseMonths = {"fr", "es", "pt", "it",
                                                           "ru", "vi", "ar"};
    return kLowerCaseMonths.count(lang_) == 0;
  }
  bool MonthOk(const re2::StringPiece& p) const {
    return !CapitalizedMonths() || std::isupper(static_cast<unsigned char>(p[0]));
  }

  std::string_view text_;
  const std::string& lang_;
  const Names& names_;
  Publication pub_;
  std::vector<DateMention> out_;
  std::map<size_t, size_t> taken_;  // begin -> end of the dates in out_
};

bool DateReader::Scan(DateForm form, size_t from, size_t to) {
  const RE2* re = names_.patterns[form].get();
  if (re == nullptr) return true;
  const re2::StringPiece input(text_.data(), text_.size());
  re2::StringPiece g[4];
  const int groups = std::min(3, re->NumberOfCapturingGroups());
  for (size_t pos = from; pos < to && re->Match(input, pos, to, RE2::UNANCHORED, g, groups + 1);) {
    const size_t b = static_cast<size_t>(g[0].data() - text_.data()), e = b + g[0].size();
    pos = e > b ? e : b + 1;
    if ((b == from && from > 0) || (e == to && to < text_.size())) return false;
    if (Overlaps(b, e)) continue;
    DateMention dm;
    dm.begin = b;
    dm.end = e;
    if (form == kDayWord) {
      if (!ReadDayWord(g[1], b, e, &dm)) continue;
    } else {
      int y = 0, m = 0, d = 0;
      if (!ReadFields(form, g, b, e, &y, &m, &d) || !Resolve(form, y, m, d, &dm)) continue;
    }
    taken_.emplace(b, e);
    out_.push_back(dm);
  }
  return true;
}

bool DateReader::ReadFields(DateForm form, const re2::StringPiece* g, size_t b, size_t e, int* y,
                            int* m, int* d) const {
  if (form == kDayWord || form == kDateForms) return false;
  const FormFields& f = kFormFields[form];
  if (f.month_named && !MonthOk(g[f.month])) return false;
  // A month name is a whole word: RE2's \\b is ASCII only, so the forms
  // leave it out beside the name (марте 2023, 5 мая, مارس 2023 went unread)
  // and the letters around it are checked here.
  if (f.month_named) {
    const size_t mb = static_cast<size_t>(g[f.month].data() - text_.data());
    if (SpacedLetterBefore(mb) || SpacedLetterAt(mb + g[f.month].size())) return false;
  }
  if (f.year != 0) *y = ToInt(g[f.year]);
  if (f.month != 0) *m = f.month_named ? MonthOf(g[f.month]) : ToInt(g[f.month]);
  if (f.day != 0) *d = ToInt(g[f.day]);
  if (form == kSlashDate) {
    // 31/03/2024 is day first, 03/31/2024 month first; when both could
    // be, English is read month first and other languages day first.
    const int a = ToInt(g[1]), c = ToInt(g[2]);
    const bool day_first = a > 12 || (c <= 12 && lang_ != "en");
    *d = day_first ? a : c;
    *m = day_first ? c : a;
  } else if (form == kHanDay) {
    // A lone day: not part of a longer number or a month-day form.
    if (b > 0 && (std::isdigit(static_cast<unsigned char>(text_[b - 1])))) return false;
    // 30日間 is a duration, 10日元 an amount in yen.
    const std::string_view next = text_.substr(e);
    if (next.rfind("間", 0) == 0 || next.rfind("元", 0) == 0 || next.rfind("以", 0) == 0)
      return false;
  }
  return true;
}

bool DateReader::Resolve(DateForm form, int y, int m, int d, DateMention* dm) const {
  switch (form) {
    case kHanYmd:
    case kHangulYmd:
    case kIsoYmd:
    case kSlashDate:
    case kDayMonthYear:
    case kMonthDayYear:
      if (!ValidDay(y, m, d)) return false;
      dm->full = true;
      dm->date = IsoDate(y, m, d);
      return true;
    case kHanYearMonth:
    case kMonthYear:
      if (y < 1900 || y > 2100 || m < 1 || m > 12) return false;
      dm->date = IsoDate(y, m);
      return true;
    case kCjkYear:
      if (y < 1900 || y > 2100) return false;
      dm->date = IsoDate(y);
      return true;
    case kHanDay:
      if (d < 1 || d > 31) return false;
      dm->relative = true;
      if (pub_.known) {
        int yy = pub_.y, mm = pub_.m;
        if (d > pub_.d + 3) {  // Later in the month than publication: last month.
          if (--mm == 0) mm = 12, --yy;
        }
        if (ValidDay(yy, mm, d)) dm->date = IsoDate(yy, mm, d);
      }
      return true;
    case kCjkMonthDay:
    case kDayMonth:
    case kMonthDay:
      if (m < 1 || m > 12 || d < 1 || d > 31) return false;
      dm->relative = true;
      if (pub_.known) {
        // The publication year, moved by one where that puts the day more
        // than six months from publication.
        int yy = pub_.y;
        const long pub = DaysFromCivil(pub_.y, pub_.m, pub_.d);
        if (ValidDay(yy, m, d)) {
          const long at = DaysFromCivil(yy, m, d);
          if (at - pub > 180)
            --yy;
          else if (pub - at > 185)
            ++yy;
        }
        if (ValidDay(yy, m, d)) dm->date = IsoDate(yy, m, d);
      }
      return true;
    case kDayWord:
    case kDateForms:
      break;
  }
  return false;
}

// A letter of a script that spaces its words (Latin, Cyrillic, Arabic, Greek).
bool SpacedLetter(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode sc = uscript_getScript(c, &status);
  return c >= 0 && u_isalpha(c) &&
         (sc == USCRIPT_LATIN || sc == USCRIPT_CYRILLIC || sc == USCRIPT_ARABIC ||
          sc == USCRIPT_GREEK);
}

bool DateReader::SpacedLetterBefore(size_t at) const {
  if (at == 0) return false;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_PREV(text_.data(), 0, i, c);
  return SpacedLetter(c);
}

bool DateReader::SpacedLetterAt(size_t at) const {
  if (at >= text_.size()) return false;
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(text_.data(), i, static_cast<int32_t>(text_.size()), c);
  return SpacedLetter(c);
}

bool DateReader::ReadDayWord(const re2::StringPiece& g, size_t b, size_t e, DateMention* dm) const {
  // A whole word in the scripts that space words: среда (Wednesday) is not
  // in средах; CJK ones need no boundary.
  if (SpacedLetterBefore(b) || SpacedLetterAt(e)) return false;
  const std::string word = LowerDateWord(std::string(g.data(), g.size()));
  auto rel = names_.relative.find(word);
  // Weekdays are capitalized where months are; "yesterday" is not.
  if (CapitalizedMonths() && !std::isupper(static_cast<unsigned char>(g[0])) &&
      static_cast<unsigned char>(g[0]) < 0x80 && rel == names_.relative.end())
    return false;
  if (rel != names_.relative.end()) {
    const std::string doc_lang = lang_.substr(0, 2);
    auto sense = std::find_if(rel->second.begin(), rel->second.end(),
                              [&](const RelativeWord& r) { return r.lang == doc_lang; });
    if (sense == rel->second.end()) return false;
    dm->relative = true;
    if (pub_.known) dm->date = RelativeDate(*sense, pub_.y, pub_.m, pub_.d);
    return true;
  }
  auto it = names_.weekdays.find(word);
  if (it == names_.weekdays.end()) return false;
  dm->relative = true;
  if (pub_.known) {
    // The latest such weekday on or before publication.
    const long pub = DaysFromCivil(pub_.y, pub_.m, pub_.d);
    const int pub_wday = static_cast<int>(((pub % 7) + 11) % 7) + 1;  // 1 = Sunday
    const long day = pub - ((pub_wday - it->second + 7) % 7);
    int y, m, d;
    CivilFromDays(day, &y, &m, &d);
    dm->date = IsoDate(y, m, d);
  }
  return true;
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text, const std::string& lang,
                                   const std::string& published) {
  const Names& names = GetNames();
  DateReader reader(text, lang, published);
  // The digit forms read windows around digit runs; a match that reaches a
  // window edge that cuts the text sends the whole text through every form
  // instead (a second pass). The day words need no digit: one pass over the
  // whole text.
  std::vector<std::pair<size_t, size_t>> windows = DigitWindows(text, names);
  bool whole_text = false;
  for (int pass = 0; pass < 2 && !(pass == 1 && !whole_text); ++pass) {
    if (pass == 1) {
      reader.Clear();
      windows.assign(1, {0, text.size()});
    }
    for (int form = 0; form < kDateForms && !(pass == 0 && whole_text); ++form) {
      const std::vector<std::pair<size_t, size_t>> all = {{0, text.size()}};
      for (const auto& [from, to] : form == kDayWord ? all : windows) {
        if (!reader.Scan(static_cast<DateForm>(form), from, to)) {
          whole_text = true;
          break;
        }
      }
    }
  }
  std::vector<DateMention> out = reader.Take();
  std::sort(out.begin(), out.end(),
            [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
  CompleteRelativeYears(text, &out);
  return out;
}

}  // namespace kgx
