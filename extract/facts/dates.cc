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

// Where a form's capture groups are, from its fields: "" or what is wrong.
std::string ReadFields(const std::string& fields, DateForms::Form* form) {
  std::string letters = fields;
  std::sort(letters.begin(), letters.end());
  // The dates a form can make: full (ymd, or xxy by value and language), a
  // year and month, a year, a month and day, a lone day, a day word.
  static const std::set<std::string> kDates = {"dmy", "my", "y", "dm", "d", "xxy", "w"};
  for (char c : letters)
    if (std::string("dmwxy").find(c) == std::string::npos)
      return "unknown field '" + std::string(1, c) + "' (expected y m d x w)";
  if (kDates.count(letters) == 0)
    return "fields '" + fields + "' make no date (ymd, ym, y, md, d, xxy or w in any order)";
  int either = 0;
  for (size_t i = 0; i < fields.size(); ++i) {
    const int group = static_cast<int>(i) + 1;
    const char f = fields[i];
    int* slot = f == 'y'   ? &form->year
                : f == 'm' ? &form->month
                : f == 'd' ? &form->day
                : f == 'w' ? &form->word
                           : &form->either[either++];  // 'x', twice
    *slot = group;
  }
  return "";
}

// The pattern with its words put in: {month} and {weekday} as a capture
// group of the words, {ord} as optional ordinal endings.
std::string Expand(std::string pattern, const std::string& month, const std::string& weekday,
                   const std::string& ord) {
  for (const auto& [name, words] : {std::pair<const char*, const std::string*>{"{month}", &month},
                                    {"{weekday}", &weekday},
                                    {"{ord}", &ord}}) {
    const std::string key = name;
    for (size_t at = pattern.find(key); at != std::string::npos; at = pattern.find(key, at)) {
      pattern.replace(at, key.size(), *words);
      at += words->size();
    }
  }
  return pattern;
}

// "" or what is wrong with a pattern: a placeholder it does not know, or
// RE2 refuses it (the words put in as one word each), or it has not
// `groups` capture groups (-1: any).
std::string CheckPattern(const std::string& pattern, int groups) {
  for (size_t at = pattern.find('{'); at != std::string::npos; at = pattern.find('{', at + 1)) {
    if (at + 1 < pattern.size() && std::isalpha(static_cast<unsigned char>(pattern[at + 1])) &&
        pattern.compare(at, 7, "{month}") != 0 && pattern.compare(at, 9, "{weekday}") != 0 &&
        pattern.compare(at, 5, "{ord}") != 0)
      return "unknown placeholder in '" + pattern + "' (expected {month}, {weekday}, {ord})";
  }
  std::unique_ptr<RE2> re = CompileRe2(Expand(pattern, "(m)", "(w)", "(?:o)?"), false);
  if (re == nullptr) return "RE2 does not take the pattern '" + pattern + "'";
  if (groups >= 0 && re->NumberOfCapturingGroups() != groups)
    return "the pattern has " + std::to_string(re->NumberOfCapturingGroups()) +
           " capture groups, the fields name " + std::to_string(groups);
  return "";
}

std::string WordGroup(const std::map<std::string, int>& words) {
  std::vector<std::string> w;
  for (const auto& [k, v] : words) w.push_back(k);
  return "(" + Alternation(std::move(w)) + ")";
}

}  // namespace

std::string DateForms::AddFormLine(const std::vector<std::string>& f) {
  if (f.size() != 3) return "expected 'name<TAB>fields<TAB>pattern'";
  if (f[1] == "filter") {
    std::string error = CheckPattern(f[2], -1);
    if (error.empty()) filters.push_back(f[2]);
    return error;
  }
  Form form;
  form.name = f[0];
  form.pattern = f[2];
  std::string error = ReadFields(f[1], &form);
  if (error.empty()) error = CheckPattern(f[2], static_cast<int>(f[1].size()));
  if (!error.empty()) return error;
  form.month_named = form.month != 0 && f[2].find("{month}") != std::string::npos;
  forms.push_back(std::move(form));
  return "";
}

std::string DateForms::AddWordLine(const std::vector<std::string>& f) {
  if (f.size() != 2) return "expected 'word<TAB>role'";
  for (const auto& [role, set] :
       {std::pair<const char*, std::set<std::string>*>{"lower-case-months", &lower_case_months},
        {"month-first-slash", &month_first_slash}}) {
    if (f[1] != role) continue;
    if (!IsGazetteerLanguageTag(f[0]) || f[0] == "*") return "invalid language tag '" + f[0] + "'";
    set->insert(f[0]);
    return "";
  }
  const std::pair<const char*, std::vector<std::string>*> roles[] = {
      {"ordinal", &ordinals},
      {"not-after-day", &not_after_day},
      {"month-unit", &month_units},
      {"day-unit", &day_units}};
  for (const auto& [name, list] : roles) {
    if (f[1] == name) {
      list->push_back(f[0]);
      return "";
    }
  }
  return "unknown date word role '" + f[1] +
         "' (expected ordinal, not-after-day, month-unit, day-unit, lower-case-months or "
         "month-first-slash)";
}

// The forms compiled with the date words: a pattern each, and the filter of
// the windows around digits.
struct DateFinder::Compiled {
  DateWords words;
  std::vector<LazyRe2> patterns;  // By form; get() null if RE2 refused it.
  LazyRe2 any_digit_date;         // Accepts every window a digit form matches in.
};

DateFinder::DateFinder(DateForms forms) : forms_(std::move(forms)) {}
DateFinder::~DateFinder() = default;

const DateFinder::Compiled& DateFinder::compiled() const {
  std::call_once(once_, [this] {
    auto c = std::make_unique<Compiled>();
    c->words = IcuDateWords();
    std::map<std::string, int> day_words = c->words.weekdays;
    for (const auto& [w, senses] : c->words.relative) day_words.emplace(w, 0);
    const std::string month = WordGroup(c->words.months), weekday = WordGroup(day_words);
    const std::string ord = "(?:" + Alternation(forms_.ordinals) + ")?";
    c->patterns = std::vector<LazyRe2>(forms_.forms.size());
    std::string any;
    for (const std::string& f : forms_.filters)
      any += (any.empty() ? "(?:" : "|(?:") + Expand(f, month, weekday, ord) + ")";
    for (size_t i = 0; i < forms_.forms.size(); ++i) {
      const DateForms::Form& form = forms_.forms[i];
      std::string p = Expand(form.pattern, month, weekday, ord);
      // A month form is stood for by the filter lines when there are any
      // (their contract, gazetteers/README.md "Dates").
      if (form.word == 0 && (!form.month_named || forms_.filters.empty()))
        any += (any.empty() ? "(?:" : "|(?:") + p + ")";
      c->patterns[i].Set(std::move(p), /*case_sensitive=*/false);
    }
    c->any_digit_date.Set(any, /*case_sensitive=*/false);
    compiled_ = std::move(c);
  });
  return *compiled_;
}

namespace {

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
// "YYYY") takes the month, and the day, written right after it in the
// forms' units; the month-day mention read there on its own (with a guessed
// year) goes.
void CompleteRelativeYears(std::string_view text, const DateForms& forms,
                           std::vector<DateMention>* out) {
  auto digits = [&](size_t at, size_t* end) {
    size_t e = at;
    while (e < text.size() && e - at < 2 && text[e] >= '0' && text[e] <= '9') ++e;
    *end = e;
    return e > at ? std::atoi(std::string(text.substr(at, e - at)).c_str()) : 0;
  };
  auto skip_space = [&](size_t at) { return at < text.size() && text[at] == ' ' ? at + 1 : at; };
  // The length of the unit written at `at`, or 0.
  auto unit = [&](size_t at, const std::vector<std::string>& units) -> size_t {
    for (const std::string& u : units)
      if (text.compare(at, u.size(), u) == 0) return u.size();
    return 0;
  };
  for (size_t k = 0; k < out->size(); ++k) {
    DateMention& r = (*out)[k];
    if (!r.relative || r.date.size() != 4) continue;
    size_t at = skip_space(r.end), end;
    const int m = digits(at, &end);
    at = skip_space(end);
    const size_t month_unit = unit(at, forms.month_units);
    if (m < 1 || m > 12 || month_unit == 0) continue;
    at += month_unit;
    const int y = std::atoi(r.date.c_str());
    size_t day_at = skip_space(at);
    const int d = digits(day_at, &end);
    day_at = skip_space(end);
    const size_t day_unit = d > 0 ? unit(day_at, forms.day_units) : 0;
    if (day_unit > 0 && ValidDay(y, m, d)) {
      r.date = IsoDate(y, m, d);
      r.end = day_at + day_unit;
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
// only those where the digit forms' one filter finds a date.
std::vector<std::pair<size_t, size_t>> DigitWindows(std::string_view text, const RE2* filter) {
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
  if (filter != nullptr && !windows.empty()) {
    const re2::StringPiece input(text.data(), text.size());
    windows.erase(std::remove_if(windows.begin(), windows.end(),
                                 [&](const std::pair<size_t, size_t>& w) {
                                   return !filter->Match(input, w.first, w.second, RE2::UNANCHORED,
                                                         nullptr, 0);
                                 }),
                  windows.end());
  }
  return windows;
}

// A letter of a script that spaces its words (Latin, Cyrillic, Arabic, Greek).
bool SpacedLetter(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode sc = uscript_getScript(c, &status);
  return c >= 0 && u_isalpha(c) &&
         (sc == USCRIPT_LATIN || sc == USCRIPT_CYRILLIC || sc == USCRIPT_ARABIC ||
          sc == USCRIPT_GREEK);
}

// Reads one form's matches into dates; a reading that is no date is
// skipped. Keeps the dates found so far apart, so that none overlap.
class DateReader {
 public:
  DateReader(std::string_view text, const std::string& lang, const std::string& published,
             const DateForms& forms, const DateWords& words)
      : text_(text), lang_(lang), forms_(forms), words_(words) {
    pub_.known = ParseIsoDay(published, &pub_.y, &pub_.m, &pub_.d);
  }

  // Every match of `form` (by `re`) in text[from, to); false when one
  // touches an edge of the window that cuts the text (the caller then
  // reads the whole text).
  bool Scan(const DateForms::Form& form, const RE2& re, size_t from, size_t to);
  void Clear() {
    out_.clear();
    taken_.clear();
  }
  std::vector<DateMention> Take() { return std::move(out_); }

 private:
  // The year, month and day the groups `g` of a digit form's match hold;
  // false when they make no date of that form.
  bool ReadFields(const DateForms::Form& form, const re2::StringPiece* g, size_t b, size_t e,
                  int* y, int* m, int* d) const;
  // Fills dm.date (and full, relative) from the fields; false if invalid.
  bool Resolve(const DateForms::Form& form, int y, int m, int d, DateMention* dm) const;
  // A weekday or relative word; false if it is none here.
  bool ReadDayWord(const re2::StringPiece& word, size_t b, size_t e, DateMention* dm) const;
  // The dates completed from publication: a month and day, a lone day.
  void ResolveMonthDay(int m, int d, DateMention* dm) const;
  void ResolveLoneDay(int d, DateMention* dm) const;
  bool Overlaps(size_t b, size_t e) const {
    auto next = taken_.lower_bound(b);
    if (next != taken_.end() && next->first < e) return true;
    return next != taken_.begin() && std::prev(next)->second > b;
  }
  int MonthOf(const re2::StringPiece& p) const {
    auto it = words_.months.find(LowerDateWord(std::string(p.data(), p.size())));
    return it == words_.months.end() ? 0 : it->second;
  }
  bool SpacedLetterBefore(size_t at) const;
  bool SpacedLetterAt(size_t at) const;
  // Latin month and weekday names must be capitalized where the language
  // does so (English, German, Indonesian: "may 4" is no date), not where
  // its press writes them in lower case (date-word lines).
  bool CapitalizedMonths() const { return forms_.lower_case_months.count(lang_) == 0; }
  bool MonthOk(const re2::StringPiece& p) const {
    return !CapitalizedMonths() || std::isupper(static_cast<unsigned char>(p[0]));
  }

  std::string_view text_;
  const std::string& lang_;
  const DateForms& forms_;
  const DateWords& words_;
  Publication pub_;
  std::vector<DateMention> out_;
  std::map<size_t, size_t> taken_;  // begin -> end of the dates in out_
};

bool DateReader::Scan(const DateForms::Form& form, const RE2& re, size_t from, size_t to) {
  const re2::StringPiece input(text_.data(), text_.size());
  re2::StringPiece g[4];
  const int groups = std::min(3, re.NumberOfCapturingGroups());
  for (size_t pos = from; pos < to && re.Match(input, pos, to, RE2::UNANCHORED, g, groups + 1);) {
    const size_t b = static_cast<size_t>(g[0].data() - text_.data()), e = b + g[0].size();
    pos = e > b ? e : b + 1;
    if ((b == from && from > 0) || (e == to && to < text_.size())) return false;
    if (Overlaps(b, e)) continue;
    // A field a form's line made optional and the match left out reads no
    // date ("(?:{month} )?([0-9]{4})" on a bare year).
    if (std::any_of(g + 1, g + groups + 1, [](const re2::StringPiece& x) { return x.empty(); }))
      continue;
    DateMention dm;
    dm.begin = b;
    dm.end = e;
    if (form.word != 0) {
      if (!ReadDayWord(g[form.word], b, e, &dm)) continue;
    } else {
      int y = 0, m = 0, d = 0;
      if (!ReadFields(form, g, b, e, &y, &m, &d) || !Resolve(form, y, m, d, &dm)) continue;
    }
    taken_.emplace(b, e);
    out_.push_back(dm);
  }
  return true;
}

bool DateReader::ReadFields(const DateForms::Form& f, const re2::StringPiece* g, size_t b, size_t e,
                            int* y, int* m, int* d) const {
  if (f.month_named) {
    if (!MonthOk(g[f.month])) return false;
    // A month name is a whole word: RE2's \\b is ASCII only, so the forms
    // leave it out beside the name (марте 2023, 5 мая, مارس 2023 went
    // unread) and the letters around it are checked here.
    const size_t mb = static_cast<size_t>(g[f.month].data() - text_.data());
    if (SpacedLetterBefore(mb) || SpacedLetterAt(mb + g[f.month].size())) return false;
  }
  if (f.year != 0) *y = ToInt(g[f.year]);
  if (f.month != 0) *m = f.month_named ? MonthOf(g[f.month]) : ToInt(g[f.month]);
  if (f.day != 0) *d = ToInt(g[f.day]);
  if (f.either[0] != 0) {
    // 31/03/2024 is day first, 03/31/2024 month first; when both could
    // be, the month-first-slash languages (en) read it month first.
    const int a = ToInt(g[f.either[0]]), c = ToInt(g[f.either[1]]);
    const bool day_first = a > 12 || (c <= 12 && forms_.month_first_slash.count(lang_) == 0);
    *d = day_first ? a : c;
    *m = day_first ? c : a;
  } else if (f.day != 0 && f.month == 0 && f.year == 0) {
    // A lone day: not part of a longer number, nor a duration or an
    // amount (30日間, 10日元: the not-after-day words).
    if (b > 0 && (std::isdigit(static_cast<unsigned char>(text_[b - 1])))) return false;
    const std::string_view next = text_.substr(e);
    for (const std::string& w : forms_.not_after_day)
      if (next.rfind(w, 0) == 0) return false;
  }
  return true;
}

bool DateReader::Resolve(const DateForms::Form& f, int y, int m, int d, DateMention* dm) const {
  const bool has_year = f.year != 0 || f.either[0] != 0;
  const bool has_month = f.month != 0 || f.either[0] != 0;
  const bool has_day = f.day != 0 || f.either[0] != 0;
  if (has_year && has_month && has_day) {
    if (!ValidDay(y, m, d)) return false;
    dm->full = true;
    dm->date = IsoDate(y, m, d);
  } else if (has_year && has_month) {
    if (y < 1900 || y > 2100 || m < 1 || m > 12) return false;
    dm->date = IsoDate(y, m);
  } else if (has_year) {
    if (y < 1900 || y > 2100) return false;
    dm->date = IsoDate(y);
  } else if (has_month) {
    if (m < 1 || m > 12 || d < 1 || d > 31) return false;
    ResolveMonthDay(m, d, dm);
  } else {
    if (d < 1 || d > 31) return false;
    ResolveLoneDay(d, dm);
  }
  return true;
}

void DateReader::ResolveMonthDay(int m, int d, DateMention* dm) const {
  dm->relative = true;
  if (!pub_.known) return;
  // The publication year, moved by one where that puts the day more than
  // six months from publication.
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

void DateReader::ResolveLoneDay(int d, DateMention* dm) const {
  dm->relative = true;
  if (!pub_.known) return;
  int yy = pub_.y, mm = pub_.m;
  if (d > pub_.d + 3) {  // Later in the month than publication: last month.
    if (--mm == 0) mm = 12, --yy;
  }
  if (ValidDay(yy, mm, d)) dm->date = IsoDate(yy, mm, d);
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
  auto rel = words_.relative.find(word);
  // Weekdays are capitalized where months are; "yesterday" is not.
  if (CapitalizedMonths() && !std::isupper(static_cast<unsigned char>(g[0])) &&
      static_cast<unsigned char>(g[0]) < 0x80 && rel == words_.relative.end())
    return false;
  if (rel != words_.relative.end()) {
    const std::string doc_lang = lang_.substr(0, 2);
    auto sense = std::find_if(rel->second.begin(), rel->second.end(),
                              [&](const RelativeWord& r) { return r.lang == doc_lang; });
    if (sense == rel->second.end()) return false;
    dm->relative = true;
    if (pub_.known) dm->date = RelativeDate(*sense, pub_.y, pub_.m, pub_.d);
    return true;
  }
  auto it = words_.weekdays.find(word);
  if (it == words_.weekdays.end()) return false;
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

std::vector<DateMention> DateFinder::Find(std::string_view text, const std::string& lang,
                                          const std::string& published) const {
  const Compiled& c = compiled();
  DateReader reader(text, lang, published, forms_, c.words);
  // The digit forms read windows around digit runs; a match that reaches a
  // window edge that cuts the text sends the whole text through every form
  // instead (a second pass). The day words need no digit: one pass over the
  // whole text.
  std::vector<std::pair<size_t, size_t>> windows = DigitWindows(text, c.any_digit_date.get());
  const std::vector<std::pair<size_t, size_t>> whole = {{0, text.size()}};
  bool whole_text = false;
  for (int pass = 0; pass < 2 && !(pass == 1 && !whole_text); ++pass) {
    if (pass == 1) {
      reader.Clear();
      windows = whole;
    }
    for (size_t i = 0; i < forms_.forms.size() && !(pass == 0 && whole_text); ++i) {
      const DateForms::Form& form = forms_.forms[i];
      const RE2* re = c.patterns[i].get();
      if (re == nullptr) continue;
      for (const auto& [from, to] : form.word != 0 ? whole : windows) {
        if (!reader.Scan(form, *re, from, to)) {
          whole_text = true;
          break;
        }
      }
    }
  }
  std::vector<DateMention> out = reader.Take();
  std::sort(out.begin(), out.end(),
            [](const DateMention& a, const DateMention& b) { return a.begin < b.begin; });
  CompleteRelativeYears(text, forms_, &out);
  return out;
}

}  // namespace kgx
