#include "extract/facts/money.h"

#include <re2/re2.h>
#include <unicode/dcfmtsym.h>
#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "base/parallel.h"
#include "base/regex.h"
#include "base/strings.h"  // Split, AsciiLower, IsAsciiAlnum
#include "extract/read/language.h"
#include "extract/read/normalize.h"

namespace kgx {
namespace {

// Whether ICU's (CLDR's) locale `tag` writes a decimal comma (8,5
// milliards; 2.200 millones); ar's mark is "٫", which normalize.h reads as ".".
bool IcuDecimalComma(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status)) return false;
  const icu::DecimalFormatSymbols symbols(locale, status);
  return U_SUCCESS(status) &&
         symbols.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol) == u",";
}

// How figures of `tag` (a language, or a language with the document's region:
// Find's `numbers`) mark decimals. `mixed`: the language writes a decimal
// comma and the region a point (es-MX): its press writes both groupings
// (Mexico's 1,500 and 80.000 millones) and its point is the decimal mark;
// elsewhere the language's mark holds (an English wire from Berlin writes
// $1.125 billion, whatever en-DE says). Once per tag and thread.
struct DecimalMarks {
  bool comma = false, mixed = false;
};
DecimalMarks DecimalMarksOf(const std::string& tag) {
  return MemoizedPerThread(tag, [](const std::string& tag) {
    DecimalMarks marks;
    const bool language_comma = IcuDecimalComma(PrimaryLanguage(tag));
    marks.mixed = language_comma && !IcuDecimalComma(tag);
    marks.comma = language_comma && !marks.mixed;
    return marks;
  });
}

bool ParseDigits(std::string_view s, const std::string& lang, double* value) {
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  const size_t dots = std::count(s.begin(), s.end(), '.');
  const size_t commas = std::count(s.begin(), s.end(), ',');
  const DecimalMarks marks = DecimalMarksOf(lang);  // `lang` may carry a region (es-MX).
  const bool mixed = marks.mixed;
  char decimal = marks.comma ? ',' : '.';
  if (dots && commas) {
    decimal = s.rfind('.') > s.rfind(',') ? '.' : ',';  // The last one is the decimal mark.
  } else if (dots + commas == 1) {
    const char sep = dots ? '.' : ',';
    const size_t after = s.size() - s.find(sep) - 1;
    // One separator followed by exactly three digits groups thousands when
    // it is not this language's decimal mark (1,200 in en; 2.200 in es), and
    // either way in a region of mixed groupings.
    if (after == 3 && mixed)
      decimal = sep == ',' ? '.' : ',';
    else if (sep != decimal && after != 3)
      decimal = sep;
  } else if (dots > 1 || commas > 1) {
    decimal = dots > 1 ? ',' : '.';  // Repeated separators group thousands.
  }
  std::string plain;
  for (char c : s) {
    if (c == decimal)
      plain += '.';
    else if (c != '.' && c != ',' && c != ' ')
      plain += c;
  }
  char* end = nullptr;
  *value = std::strtod(plain.c_str(), &end);
  return end != nullptr && *end == '\0';
}

bool ParseCjkNumeral(std::string_view s, double* value) {
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  // ICU's ja rules read 億 and 兆, its zh rules 两 and 亿: try both.
  for (const char* locale : {"ja", "zh"}) {
    thread_local std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>> cache;
    auto& fmt = cache[locale];
    if (!fmt) {
      UErrorCode status = U_ZERO_ERROR;
      fmt = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale(locale),
                                                         status);
      if (U_FAILURE(status)) {
        fmt.reset();
        continue;
      }
    }
    icu::Formattable result;
    icu::ParsePosition pos(0);
    fmt->parse(text, result, pos);
    if (pos.getIndex() == text.length()) {
      UErrorCode status = U_ZERO_ERROR;
      *value = result.getDouble(status);
      if (U_SUCCESS(status)) return true;
    }
  }
  return false;
}

// Length of the text at text[pos] that equals `word` under simple case
// folding (RE2's case-insensitive rule), or 0.
size_t FoldedMatchAt(std::string_view text, size_t pos, std::string_view word) {
  const int32_t tn = static_cast<int32_t>(text.size()), wn = static_cast<int32_t>(word.size());
  int32_t t = static_cast<int32_t>(pos), w = 0;
  while (w < wn) {
    if (t >= tn) return 0;
    UChar32 a, b;
    U8_NEXT(text.data(), t, tn, a);
    U8_NEXT(word.data(), w, wn, b);
    if (a != b && (a < 0 || b < 0 ||
                   u_foldCase(a, U_FOLD_CASE_DEFAULT) != u_foldCase(b, U_FOLD_CASE_DEFAULT)))
      return 0;
  }
  return static_cast<size_t>(t) - pos;
}

bool IsRe2WordByte(char c) { return IsAsciiAlnum(c) || c == '_'; }

// A number: digits, or a run of the CJK numerals of money-word `numeral`
// lines (三百, 一千二百: ICU's spellout rules read them, ParseCjkNumeral).
// French, Russian and Portuguese news group thousands with a space ("7 000
// dollars", NFKC turns ICU's narrow no-break space into one): a group of
// exactly three digits after one to three.
std::string NumberPattern(const std::vector<std::string>& numerals) {
  std::string num = "(?:[0-9]{1,3}(?: [0-9]{3})+\\b|[0-9]+(?:[.,][0-9]+)*";
  if (!numerals.empty()) num += "|(?:" + Alternation(numerals) + ")+";
  return num + ")";
}

// Length of the digit or CJK numeral (a character a number starts with) at
// text[pos], or 0.
size_t NumeralAt(std::string_view text, size_t pos, const std::vector<std::string>& numerals) {
  if (pos >= text.size()) return 0;
  if (text[pos] >= '0' && text[pos] <= '9') return 1;
  for (const std::string& n : numerals)
    if (text.compare(pos, n.size(), n) == 0) return n.size();
  return 0;
}

// Money patterns ignore case ("Billion", "BN"); base/regex.h compiles.
std::unique_ptr<RE2> Compile(const std::string& pattern) {
  return CompileRe2(pattern, /*case_sensitive=*/false);
}

}  // namespace

namespace {

// The ISO 4217 code of `locale`'s region's currency (ICU), or "" when the
// locale names no region.
std::string LocaleCurrency(const std::string& locale) {
  if (locale.empty()) return "";
  UErrorCode status = U_ZERO_ERROR;
  std::string tag = locale;
  std::replace(tag.begin(), tag.end(), '_', '-');
  const icu::Locale loc = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || loc.getCountry()[0] == '\0') return "";
  UChar code[4] = {0};
  ucurr_forLocale(loc.getName(), code, 4, &status);
  if (U_FAILURE(status) || code[0] == 0) return "";
  std::string iso;
  icu::UnicodeString(code, 3).toUTF8String(iso);
  return iso;
}

// ICU's English name of currency `code` in `style` (symbol or long name).
std::string EnglishCurrencyName(const std::string& code, UCurrNameStyle style) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString iso(code.c_str(), -1, US_INV);
  UBool is_choice = false;
  int32_t len = 0;
  const UChar* name =
      ucurr_getName(iso.getTerminatedBuffer(), "en", style, &is_choice, &len, &status);
  std::string out;
  if (U_SUCCESS(status)) icu::UnicodeString(name, len).toUTF8String(out);
  return out;
}

// The last word of a currency's English name: Dirham, Riyal, Dollar.
std::string CurrencyNameWord(const std::string& code) {
  const std::string name = EnglishCurrencyName(code, UCURR_LONG_NAME);
  const size_t space = name.rfind(' ');
  return space == std::string::npos ? name : name.substr(space + 1);
}

// The dollar a locale's press means by the word "dollars": its own currency
// when that is a dollar by ICU's English symbol and name (fr-CA: CAD), else
// the US dollar (es-MX: "dólares" are US dollars, the peso is "$").
std::string WordDollarForLocale(const std::string& locale) {
  return MemoizedPerThread(locale, [](const std::string& locale) -> std::string {
    const std::string code = DollarForLocale(locale);
    if (code == "USD") return code;
    return EnglishCurrencyName(code, UCURR_LONG_NAME).find("ollar") != std::string::npos ? code
                                                                                         : "USD";
  });
}

// The currency of `locale`'s region when ICU's English name for it ends in
// the same word as `code`'s ("Moroccan Dirham", "UAE Dirham"), else `code`.
std::string SameNameCurrencyForLocale(const std::string& code, const std::string& locale) {
  return MemoizedPerThread(code + "|" + locale, [&](const std::string&) -> std::string {
    const std::string own = LocaleCurrency(locale);
    if (own.empty()) return code;
    const std::string word = CurrencyNameWord(own);
    return !word.empty() && word == CurrencyNameWord(code) ? own : code;
  });
}

}  // namespace

std::string DollarForLocale(const std::string& locale) {
  return MemoizedPerThread(locale, [](const std::string& locale) -> std::string {
    const std::string code = LocaleCurrency(locale);
    if (code.empty()) return "USD";
    return EnglishCurrencyName(code, UCURR_SYMBOL_NAME).find('$') != std::string::npos ? code
                                                                                       : "USD";
  });
}

std::string MoneyWords::AddCurrencyLine(const std::vector<std::string>& f) {
  static const RE2 kCode("[A-Z]{3}");
  if (f.size() != 3 && f.size() != 4) return "expected 'CODE<TAB>lang<TAB>alias[<TAB>local]'";
  if (!RE2::FullMatch(f[0], kCode)) return "invalid ISO 4217 code '" + f[0] + "'";
  if (!IsGazetteerLanguageTag(f[1])) return "invalid language tag '" + f[1] + "'";
  if (f.size() == 4 && f[3] != "local") return "unknown item '" + f[3] + "' (expected local)";
  currencies.push_back({NormalizeNfkc(f[2]), {f[0], f[1]}});
  if (f.size() == 4) local_words.push_back({NormalizeNfkc(f[2]), f[0]});
  return "";
}

std::string MoneyWords::AddWordLine(const std::vector<std::string>& f) {
  static const char kExpected[] =
      "expected 'scale|qualifier<TAB>lang<TAB>text<TAB>value' or "
      "'range|numeral|currency-of|unit<TAB>lang<TAB>text'";
  if (f.size() < 3) return kExpected;
  if (!IsGazetteerLanguageTag(f[1])) return "invalid language tag '" + f[1] + "'";
  if (f[0] == "scale" && f.size() == 4) {
    char* end = nullptr;
    const double m = std::strtod(f[3].c_str(), &end);
    // nan and 1e999 parse too: a multiplier is a finite positive number.
    if (*end != '\0' || !std::isfinite(m) || m <= 0) return "invalid multiplier '" + f[3] + "'";
    scales.push_back({NormalizeNfkc(f[2]), m});
  } else if (f[0] == "qualifier" && f.size() == 4) {
    static const std::set<std::string> kMeanings = {"approximately", "up_to", "more_than",
                                                    "at_least"};
    if (!kMeanings.count(f[3])) return "unknown qualifier meaning '" + f[3] + "'";
    qualifiers.push_back({NormalizeNfkc(f[2]), f[3]});
  } else if (f[0] == "range" && f.size() == 3) {
    ranges.push_back(NormalizeNfkc(f[2]));
  } else if (f[0] == "unit" && f.size() == 3) {
    units.push_back(NormalizeNfkc(f[2]));
  } else if (f[0] == "currency-of" && f.size() == 3) {
    currency_of.push_back({f[1], NormalizeNfkc(f[2])});
  } else if (f[0] == "numeral" && f.size() == 3) {
    const std::string n = NormalizeNfkc(f[2]);
    int32_t i = 0;
    UChar32 c = -1;
    if (!n.empty()) U8_NEXT(n.data(), i, static_cast<int32_t>(n.size()), c);
    UErrorCode status = U_ZERO_ERROR;
    if (c < 0 || static_cast<size_t>(i) != n.size() ||
        uscript_getScript(c, &status) != USCRIPT_HAN)
      return "a numeral is one Han character (一, 十, 两), not '" + f[2] + "'";
    numerals.push_back(n);
  } else {
    return kExpected;
  }
  return "";
}

std::string MoneyWords::AddIcuCurrencies(const std::string& locales, const std::string& codes) {
  static const RE2 kCode("[A-Z]{3}");
  for (const std::string& tag : Split(locales, ',')) {
    if (!IsGazetteerLanguageTag(tag) || tag == "*")
      return "invalid locale '" + tag + "' in @icu-currencies";
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale icu_locale = icu::Locale::forLanguageTag(tag, status);
    const std::string locale = icu_locale.getName();
    std::vector<std::string> plurals = {"one", "other"};
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu_locale, status));
    if (U_SUCCESS(status) && rules != nullptr) {
      std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
      const char* keyword = nullptr;
      while (U_SUCCESS(status) && keywords != nullptr &&
             (keyword = keywords->next(nullptr, status)) != nullptr) {
        if (std::find(plurals.begin(), plurals.end(), keyword) == plurals.end())
          plurals.push_back(keyword);
      }
    }
    for (const std::string& code : Split(codes, ',')) {
      if (!RE2::FullMatch(code, kCode)) return "invalid ISO 4217 code '" + code + "'";
      icu::UnicodeString ucode = icu::UnicodeString::fromUTF8(code);
      const UChar* iso = ucode.getTerminatedBuffer();
      std::vector<icu::UnicodeString> names;
      UBool is_choice = false;
      int32_t len = 0;
      status = U_ZERO_ERROR;
      for (UCurrNameStyle style : {UCURR_SYMBOL_NAME, UCURR_LONG_NAME}) {
        const UChar* n = ucurr_getName(iso, locale.c_str(), style, &is_choice, &len, &status);
        if (U_SUCCESS(status) && n != nullptr) names.emplace_back(n, len);
      }
      // Every plural form the locale has: Russian writes "канадских
      // долларов" (many) and "канадских доллара" (few), not only one/other.
      for (const std::string& plural : plurals) {
        status = U_ZERO_ERROR;
        const UChar* n =
            ucurr_getPluralName(iso, locale.c_str(), &is_choice, plural.c_str(), &len, &status);
        if (U_SUCCESS(status) && n != nullptr) names.emplace_back(n, len);
      }
      for (const icu::UnicodeString& n : names) {
        std::string utf8;
        n.toUTF8String(utf8);
        std::string text = NormalizeNfkc(utf8);
        if (text.empty()) continue;
        currencies.push_back({text, {code, tag}});
        // Korean, Japanese and Chinese news often write the name as one
        // word (캐나다달러 beside ICU's 캐나다 달러).
        std::string joined = text;
        joined.erase(std::remove(joined.begin(), joined.end(), ' '), joined.end());
        if (IsCjkLanguage(tag) && joined != text) currencies.push_back({joined, {code, tag}});
      }
    }
  }
  return "";
}

// A currency's name in a language with an "of" before it is also read with
// it ("millones de bolivianos", "milliards de francs suisses"): the figure's
// patterns then see one currency word. Names only (a lower-case letter in
// them), not symbols; an elided "d'" is written onto the name.
void MoneyWords::AddCurrencyOfForms() {
  auto with_of = [](const std::string& of, const std::string& name) {
    const bool elided = EndsWithApostrophe(of);  // d', d’
    return elided ? of + name : of + " " + name;
  };
  std::set<std::string> known;
  for (const auto& c : currencies) known.insert(AsciiLower(c.first));
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> out;
  out.reserve(currencies.size());
  for (const auto& c : currencies) {
    out.push_back(c);
    // Names only: a lower-case letter, and more than a symbol's few letters (Rs, Rp).
    if (c.first.size() <= 3 ||
        std::none_of(c.first.begin(), c.first.end(), [](char x) { return x >= 'a' && x <= 'z'; }))
      continue;
    const std::string lang = c.second.second.substr(0, c.second.second.find('-'));
    const std::string lower = AsciiLower(c.first);
    // A name already written with its "of" ("de dólares") is not given another.
    bool has_of = false;
    for (const auto& [l, of] : currency_of)
      if (l == lang && lower.rfind(AsciiLower(with_of(of, "")), 0) == 0) has_of = true;
    if (has_of) continue;
    for (const auto& [l, of] : currency_of) {
      if (l != lang) continue;
      const std::string alias = with_of(of, c.first);
      if (known.insert(AsciiLower(alias)).second) out.push_back({alias, c.second});
    }
  }
  currencies.swap(out);
}

MoneyParser::MoneyParser(const MoneyWords& words, const AhoCorasick* currency_words)
    : words_(words) {
  std::vector<std::string> currencies, scales, qualifiers;
  for (const auto& [alias, code_lang] : words_.currencies) {
    currency_index_[AsciiLower(alias)].push_back(code_lang);
    currencies.push_back(alias);
  }
  for (const auto& [word, mult] : words_.scales) {
    scale_index_.emplace(AsciiLower(word), mult);
    scales.push_back(word);
  }
  for (const auto& [w, code] : words_.local_words) local_words_[AsciiLower(w)] = code;
  for (const auto& [text, meaning] : words_.qualifiers) {
    qualifier_index_.emplace(AsciiLower(text), meaning);
    qualifiers.push_back(text);
  }
  if (currencies.empty() || scales.empty()) return;
  std::vector<std::string> lowered;
  for (const auto& [alias, code_lang] : words_.currencies) {
    lowered.push_back(AsciiLower(alias));
    other_dollar_.push_back(code_lang.first != "USD" && alias != "$" &&
                            alias.find('$') != std::string::npos);
  }
  if (currency_words != nullptr)
    currency_words_ = *currency_words;
  else
    currency_words_.Build(lowered);
  // Find() masks every currency word found by the automaton as \x01\x02...
  // (same length), so the patterns name a currency with one small token
  // instead of hundreds of alternatives.
  const std::string cur = "\x01\x02*", scale = Alternation(scales, /*word_end=*/true);
  const std::string qual = qualifiers.empty() ? "(?:)" : Alternation(qualifiers, /*word_end=*/true);
  const std::string range =
      words_.ranges.empty() ? "(?:-)" : Alternation(words_.ranges, /*word_end=*/true);
  const std::string num = NumberPattern(words_.numerals);
  // A scale word may be hyphenated onto its number ("a $1.2-billion deal").
  // A number written right onto the last scale word ends the figure: 7천500달러 (7,500).
  const std::string num_expr =
      num + "(?:[ -]?" + scale + "(?: ?" + num + " ?" + scale + ")*(?:" + num + ")?)?";
  // Groups: 1 qualifier, 2 currency, 3 amount, 4 high end [, 5 currency].
  // Money patterns ignore case ("Billion", "BN").
  prefix_form_.Set("(?:(" + qual + ") ?)?(" + cur + ") ?(" + num_expr + ")(?: ?" + range + " ?(?:" +
                       cur + ")? ?(" + num_expr + "))?",
                   /*case_sensitive=*/false);
  suffix_form_.Set("(?:(" + qual + ") ?)?(" + num_expr + ")(?: ?" + range + " ?(" + num_expr +
                       "))?[ -]?(" + cur + ")",  // "2 billion yen", "a 2-billion-yen grant"
                   /*case_sensitive=*/false);
  rate_.Set("\\(? ?(" + cur + ")? ?1 ?(" + cur + ")? ?= ?(" + cur + ")? ?(" + num + ") ?(" + cur +
                ")? ?\\)?",
            /*case_sensitive=*/false);
  number_scale_.Set("(" + num + ")[ -]?(" + scale + ")?", /*case_sensitive=*/false);
  scaled_figure_.Set(num + "[ -]?" + scale + "(?: ?" + num + " ?" + scale + ")*",
                     /*case_sensitive=*/false);
  // NumberAndScale() reads number_scale_'s matches by hand: the scale words
  // in the alternation's order (longest first), none starting with a
  // separator the number may be followed by.
  scale_words_ = LongestFirst(scales);
  // Checked before clearing: clearing inside a loop over the same vector
  // would free what the loop still reads.
  if (std::any_of(scale_words_.begin(), scale_words_.end(),
                  [](const std::string& w) { return w.empty() || w[0] == ' ' || w[0] == '-'; }))
    scale_words_.clear();
  range_ = Compile(range);
  // FindInSpan() reads the groups of a match without the regex's costly
  // submatch search when its words cannot blur where the groups meet: no
  // qualifier holds a numeral or ends in a space, and no scale word ends in
  // a space or hyphen (the separators before a currency).
  groups_by_hand_ = range_ != nullptr;
  for (const std::string& q : qualifiers) {
    if (q.empty() || q.back() == ' ') groups_by_hand_ = false;
    for (size_t i = 0; i < q.size(); ++i)
      if (NumeralAt(q, i, words_.numerals) > 0) groups_by_hand_ = false;
  }
  for (const std::string& w : scales)
    if (w.empty() || w.back() == ' ' || w.back() == '-') groups_by_hand_ = false;
}

MoneyParser::~MoneyParser() = default;

bool MoneyParser::NumberAndScale(std::string_view* rest, std::string_view* num,
                                 std::string_view* scale) const {
  if (scale_words_.empty()) {
    re2::StringPiece in(rest->data(), rest->size()), n, sc;
    const RE2* number_scale = number_scale_.get();  // Made of prefix_form_'s parts.
    if (number_scale == nullptr || !RE2::FindAndConsume(&in, *number_scale, &n, &sc))
      return false;
    *rest = std::string_view(in.data(), in.size());
    *num = std::string_view(n.data(), n.size());
    *scale = std::string_view(sc.data(), sc.size());
    return true;
  }
  // The leftmost number ([0-9]+(?:[.,][0-9]+)* or a run of CJK numerals),
  // then [ -]?, then the first scale word of the alternation that matches:
  // the first parse RE2 would take, every later part being optional.
  const std::string_view r = *rest;
  size_t p = 0;
  while (p < r.size() && NumeralAt(r, p, words_.numerals) == 0) ++p;
  if (p == r.size()) return false;
  size_t q = p;
  auto digit = [&](size_t i) { return i < r.size() && r[i] >= '0' && r[i] <= '9'; };
  if (digit(p)) {
    while (digit(q)) ++q;
    // Space-grouped thousands, as NumberPattern() reads them.
    if (q - p <= 3)
      while (q + 4 <= r.size() && r[q] == ' ' && digit(q + 1) && digit(q + 2) && digit(q + 3) &&
             !digit(q + 4))
        q += 4;
    while (q + 1 < r.size() && (r[q] == '.' || r[q] == ',') && digit(q + 1)) {
      ++q;
      while (digit(q)) ++q;
    }
  } else {
    for (size_t k; !digit(q) && (k = NumeralAt(r, q, words_.numerals)) > 0;) q += k;
  }
  *num = r.substr(p, q - p);
  size_t e = q < r.size() && (r[q] == ' ' || r[q] == '-') ? q + 1 : q;
  *scale = std::string_view();
  for (const std::string& w : scale_words_) {
    const size_t len = FoldedMatchAt(r, e, w);
    if (len == 0) continue;
    // A word ending in a letter or digit ends at a word boundary (\b).
    if (IsAsciiAlnum(w.back()) && e + len < r.size() && IsRe2WordByte(r[e + len])) continue;
    *scale = r.substr(e, len);
    e += len;
    break;
  }
  *rest = r.substr(e);
  return true;
}

double MoneyParser::Scale(std::string_view word) const {
  auto it = scale_index_.find(AsciiLower(word));
  return it == scale_index_.end() ? 1 : it->second;
}

std::string MoneyParser::Currency(std::string_view alias, const std::string& lang,
                                  const std::string& locale) const {
  if (alias == "$") return DollarForLocale(locale);  // Find() decides bare "$" itself.
  auto it = currency_index_.find(AsciiLower(alias));
  // A word run together from two overlapping ones (Find()): the longest
  // tail after a space that is a currency word names the currency.
  for (size_t sp = alias.find(' '); it == currency_index_.end() && sp != std::string_view::npos;
       sp = alias.find(' ', sp + 1))
    it = currency_index_.find(AsciiLower(alias.substr(sp + 1)));
  if (it == currency_index_.end()) return "";
  // An alias that names several currencies (¥: JPY and CNY) takes the one
  // whose line is in the document's language.
  for (const auto& [code, line_lang] : it->second)
    if (line_lang == lang ||
        (line_lang.size() == 2 && lang.compare(0, 2, line_lang) == 0 && line_lang != "en"))
      return code;
  return it->second.front().first;
}

bool MoneyParser::ParseNumber(std::string_view number, const std::string& lang,
                              double* value) const {
  if (ParseDigits(number, lang, value)) return true;
  return ParseCjkNumeral(number, value);
}

void MoneyParser::Find(std::string_view text, const std::string& lang, const std::string& locale,
                       std::vector<Amount>* amounts, std::vector<ExchangeRate>* rates) const {
  // Every amount names a currency: one automaton pass finds the currency
  // words, and the large patterns run only on a window around each of them
  // that also holds a number (most of a news text is neither).
  const std::string lower = AsciiLower(text);
  struct Hit {
    size_t begin, end;
  };
  std::vector<Hit> hits;
  std::string bare_dollar;
  // Latin words stand alone: "ars" in "mars" is no peso ("100USD" is a dollar
  // amount). A symbol of two letters may be written onto its figure in its
  // own case ("Rp45 triliun", "RM3bil"; not the Audi RS3, not "rp1"); a code
  // of three is no symbol there (COP27 is a summit).
  auto boundary = [&](const Hit& h, uint32_t id) {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (h.begin > 0 && IsAsciiAlnum(text[h.begin]) && letter(text[h.begin - 1])) return false;
    if (!IsAsciiAlnum(text[h.end - 1]) || h.end >= text.size()) return true;
    if (digit(text[h.end]))
      return h.end - h.begin <= 2 &&
             text.substr(h.begin, h.end - h.begin) == words_.currencies[id].first;
    return !(letter(text[h.end]) || text[h.end] == '_');
  };
  currency_words_.FindAll(lower, [&](size_t b, size_t e, uint32_t id) {
    // A bare "$" is the US dollar when the document writes other dollars
    // explicitly (A$, HK$); else the locale's dollar.
    if (other_dollar_[id]) bare_dollar = "USD";
    // Half the words found are inside others (euro in Europe, ars in
    // dollars): dropped here, they are not sorted.
    if (boundary({b, e}, id)) hits.push_back({b, e});
  });
  if (hits.empty()) return;
  if (bare_dollar.empty()) bare_dollar = DollarForLocale(locale);
  // Figures are written as the regional press of the document's language
  // writes them (es-MX "1,500 millones" is 1.5 billion), else as the language.
  const std::string numbers =
      locale.find('-') != std::string::npos && PrimaryLanguage(locale) == PrimaryLanguage(lang)
          ? locale
          : lang;
  // At each start the longest word that ends at a word boundary, then
  // leftmost first without overlaps: what the alternation would have read.
  std::sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  std::string masked(text);
  {
    std::vector<Hit> chosen;
    for (const Hit& h : hits) {
      if (!chosen.empty() && h.begin < chosen.back().end) {
        // "de dollars" then "dollars canadiens": one currency word that
        // runs to the later end; Currency() reads its longest known tail.
        if (h.end <= chosen.back().end) continue;
        std::fill(masked.begin() + static_cast<std::ptrdiff_t>(chosen.back().end),
                  masked.begin() + static_cast<std::ptrdiff_t>(h.end), '\x02');
        chosen.back().end = h.end;
        continue;
      }
      chosen.push_back(h);
      masked[h.begin] = '\x01';
      std::fill(masked.begin() + static_cast<std::ptrdiff_t>(h.begin) + 1,
                masked.begin() + static_cast<std::ptrdiff_t>(h.end), '\x02');
    }
    hits.swap(chosen);
  }

  auto line_begin = [&](size_t pos) {
    const size_t nl = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
  };
  auto line_end = [&](size_t pos) {
    const size_t nl = text.find('\n', pos);
    return nl == std::string_view::npos ? text.size() : nl;
  };
  // Window edges fall on UTF-8 character starts.
  auto char_start = [&](size_t pos, size_t floor) {
    while (pos > floor && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
    return pos;
  };
  auto has_number = [&](std::string_view w) {
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
    for (const std::string& n : words_.numerals)
      if (w.find(n) != std::string_view::npos) return true;
    return false;
  };
  for (size_t i = 0; i < hits.size();) {
    const size_t lb = line_begin(hits[i].begin), le = line_end(hits[i].begin);
    const size_t amounts_before = amounts->size(), rates_before = rates->size();
    bool whole_line = false;
    while (i < hits.size() && hits[i].begin < le) {
      const size_t wb =
          char_start(std::max(lb, hits[i].begin - std::min(hits[i].begin, kWindow)), lb);
      size_t we = std::min(le, hits[i].end + kWindow);
      // Hits whose windows touch share one window.
      for (++i; i < hits.size() && hits[i].begin < le && hits[i].begin <= we + kWindow; ++i)
        we = std::max(we, std::min(le, hits[i].end + kWindow));
      while (we < le && (static_cast<unsigned char>(text[we]) & 0xC0) == 0x80) ++we;
      if (!has_number(text.substr(wb, we - wb))) continue;
      // A match that reaches a cut edge may go on past it: read the whole line.
      if (!FindInSpan({text, masked, wb, we, lb, le, lang, numbers, locale, bare_dollar}, amounts,
                      rates)) {
        whole_line = true;
        break;
      }
    }
    if (whole_line) {
      amounts->resize(amounts_before);
      rates->resize(rates_before);
      FindInSpan({text, masked, lb, le, lb, le, lang, numbers, locale, bare_dollar}, amounts,
                 rates);
      while (i < hits.size() && hits[i].begin < le) ++i;
    }
  }
}

namespace {

// Groups found in the masked text -> the same bytes of the original text.
void ToOriginal(std::string_view text, std::string_view masked, re2::StringPiece* groups, int n) {
  for (int i = 0; i < n; ++i)
    if (groups[i].data() != nullptr)
      groups[i] =
          re2::StringPiece(text.data() + (groups[i].data() - masked.data()), groups[i].size());
}

std::string_view View(const re2::StringPiece& p) { return std::string_view(p.data(), p.size()); }

// The two amount forms and where their groups are.
struct AmountForm {
  const RE2* re;
  int qual, cur, amount, high;
  bool prefix;  // The currency comes before the number.
};

// The next match of an amount form from `pos`, with its groups in g[0..4].
// RE2's submatch search costs several times the match itself, so with
// `by_hand` the groups are read from the match where that is sure: the
// currency is the masked run, the qualifier what precedes it (prefix form)
// or the first numeral (suffix form), and with no range word between, the
// amount is the rest. A match with a range word takes RE2's groups.
class AmountMatcher {
 public:
  // `range` (the range words' pattern) is used only `by_hand`; it may then
  // not be null.
  AmountMatcher(std::string_view masked, size_t end, const RE2* range, bool by_hand,
                const std::vector<std::string>& numerals)
      : masked_(masked),
        input_(masked.data(), end),
        end_(end),
        range_(range),
        by_hand_(by_hand),
        numerals_(numerals) {}

  bool Next(const AmountForm& form, size_t pos, re2::StringPiece* g) const {
    if (!by_hand_) return form.re->Match(input_, pos, end_, RE2::UNANCHORED, g, 5);
    if (!form.re->Match(input_, pos, end_, RE2::UNANCHORED, g, 1)) return false;
    const size_t b = static_cast<size_t>(g[0].data() - masked_.data()), e = b + g[0].size();
    size_t cur_b = masked_.find('\x01', b), cur_e = 0, amount_b = 0, amount_e = 0, qual_e = 0;
    if (form.prefix) {
      if (cur_b == std::string_view::npos || cur_b >= e) return false;
      cur_e = cur_b + 1;
      while (cur_e < e && masked_[cur_e] == '\x02') ++cur_e;
      qual_e = cur_b;
      amount_b = cur_e < e && masked_[cur_e] == ' ' ? cur_e + 1 : cur_e;
      amount_e = e;
    } else {
      cur_b = masked_.rfind('\x01', e - 1);
      if (cur_b == std::string_view::npos || cur_b < b) return false;
      cur_e = e;
      amount_b = b;
      while (amount_b < cur_b && NumeralAt(masked_, amount_b, numerals_) == 0) ++amount_b;
      qual_e = amount_b;
      amount_e = cur_b > amount_b && (masked_[cur_b - 1] == ' ' || masked_[cur_b - 1] == '-')
                     ? cur_b - 1
                     : cur_b;
    }
    if (qual_e > b && masked_[qual_e - 1] == ' ') --qual_e;
    const re2::StringPiece amount = Piece(amount_b, amount_e);
    if (amount.empty() || RE2::PartialMatch(amount, *range_))
      return form.re->Match(input_, pos, end_, RE2::UNANCHORED, g, 5);
    g[form.qual] = Piece(b, qual_e);
    g[form.cur] = Piece(cur_b, cur_e);
    g[form.amount] = amount;
    g[form.high] = re2::StringPiece();
    return true;
  }

 private:
  re2::StringPiece Piece(size_t from, size_t to) const {
    return from < to ? re2::StringPiece(masked_.data() + from, to - from) : re2::StringPiece();
  }

  std::string_view masked_;
  re2::StringPiece input_;
  size_t end_;
  const RE2* range_;
  bool by_hand_;
  const std::vector<std::string>& numerals_;
};

bool Overlaps(const std::map<size_t, size_t>& taken, size_t b, size_t e) {
  auto next = taken.lower_bound(b);
  if (next != taken.end() && next->first < e) return true;
  return next != taken.begin() && std::prev(next)->second > b;
}

}  // namespace

bool MoneyParser::FindInSpan(const Span& span, std::vector<Amount>* amounts,
                             std::vector<ExchangeRate>* rates) const {
  // The rate and number patterns are made of the amount forms' parts: when
  // these compile, so do those.
  if (prefix_form_.get() == nullptr || suffix_form_.get() == nullptr) return true;
  std::map<size_t, size_t> taken;  // begin -> end of accepted spans, non-overlapping
  std::vector<ExchangeRate> found_rates;
  std::vector<Amount> found;
  if (!FindRates(span, &taken, &found_rates) || !FindAmounts(span, &taken, &found)) return false;
  FindElided(span, &taken, &found);
  std::sort(found.begin(), found.end(),
            [](const Amount& x, const Amount& y) { return x.begin < y.begin; });
  amounts->insert(amounts->end(), found.begin(), found.end());
  rates->insert(rates->end(), found_rates.begin(), found_rates.end());
  return true;
}

bool MoneyParser::ValueOf(std::string_view expr, const std::string& lang, double* value,
                          bool* scaled) const {
  std::string_view rest = expr, num, scale;
  // In Chinese, Japanese and Korean a scale is a small one (十 百 千, at
  // most a thousand) times a myriad (万 億 兆, a power of ten thousand): 천억
  // is 천 × 억. The parts written with small scales add up to a group that
  // the next myriad multiplies as a whole: 4천300억 is (4천 + 300) × 억,
  // 3千5百万 (3千 + 5百) × 万, and 55억4천만 is 55억 + 4천 × 만. Elsewhere a
  // larger scale after a smaller one multiplies what came before it ("2 mil
  // 500 millones" is 2,500 millones); a smaller one adds ("2 billion 500
  // million").
  const bool myriads = IsCjkLanguage(lang);
  double total = 0, group = 0, last_scale = 0;
  int parts = 0;
  bool any_digit = false;
  *scaled = false;
  while (!rest.empty() && NumberAndScale(&rest, &num, &scale)) {
    double n = 0;
    if (!ParseNumber(num, lang, &n)) return false;
    any_digit |= std::isdigit(static_cast<unsigned char>(num[0])) != 0;
    const double m = scale.empty() ? 1 : Scale(scale);
    *scaled |= !scale.empty();
    if (myriads) {
      double myriad = 1;
      while (myriad * 1e4 <= m) myriad *= 1e4;
      group += n * (m / myriad);
      if (myriad > 1) {
        total += group * myriad;
        group = 0;
      }
    } else if (group != 0 && m > last_scale) {
      group = (group + n) * m;
    } else {
      total += group;
      group = n * m;
    }
    last_scale = m;
    ++parts;
  }
  total += group;
  // CJK numerals alone (一元化) are words, not amounts, unless scaled.
  if (parts == 0 || (!any_digit && !*scaled)) return false;
  // A 400-digit figure overflows to infinity: not an amount.
  if (!std::isfinite(total)) return false;
  *value = total;
  return true;
}

std::string MoneyParser::CurrencyOf(const Span& span, std::string_view alias) const {
  // A bare "$" is the locale's dollar, unless the document itself writes
  // other dollars explicitly (A$, HK$): then "$" is the US dollar (Find()).
  // A `local` word ("dollars") is the locale's dollar if it has one (fr-CA),
  // under the same condition.
  if (alias == "$") return span.bare_dollar;
  // Another currency's `local` word (درهم) is the one of that name of the
  // document's place, when it has one.
  if (const auto w = local_words_.find(AsciiLower(alias)); w != local_words_.end()) {
    if (w->second != "USD") return SameNameCurrencyForLocale(w->second, span.locale);
    return span.bare_dollar == "USD" ? "USD" : WordDollarForLocale(span.locale);
  }
  return Currency(alias, span.lang, span.locale);
}

bool MoneyParser::FindRates(const Span& span, std::map<size_t, size_t>* taken,
                            std::vector<ExchangeRate>* rates) const {
  // Every rate statement has its "=".
  if (span.masked.substr(span.begin, span.end - span.begin).find('=') == std::string_view::npos)
    return true;
  const RE2* rate = rate_.get();
  if (rate == nullptr) return true;
  const re2::StringPiece input(span.masked.data(), span.end);
  re2::StringPiece g[6];
  for (size_t pos = span.begin;
       pos < span.end && rate->Match(input, pos, span.end, RE2::UNANCHORED, g, 6);) {
    ToOriginal(span.text, span.masked, g, 6);
    const size_t b = static_cast<size_t>(g[0].data() - span.text.data()), e = b + g[0].size();
    pos = e > b ? e : b + 1;
    if (span.Cut(b, e)) return false;
    const bool has_from = !g[1].empty() || !g[2].empty();
    const bool has_to = !g[3].empty() || !g[5].empty();
    if (!has_from || !has_to) continue;
    ExchangeRate r;
    r.from = CurrencyOf(span, View(g[1].empty() ? g[2] : g[1]));
    r.to = CurrencyOf(span, View(g[3].empty() ? g[5] : g[3]));
    if (!ParseNumber(View(g[4]), span.numbers, &r.rate) || !std::isfinite(r.rate)) continue;
    r.begin = b;
    r.end = e;
    rates->push_back(r);
    taken->emplace(b, e);
  }
  return true;
}

bool MoneyParser::FindAmounts(const Span& span, std::map<size_t, size_t>* taken,
                              std::vector<Amount>* amounts) const {
  const AmountForm forms[] = {{prefix_form_.get(), 1, 2, 3, 4, true},
                              {suffix_form_.get(), 1, 4, 2, 3, false}};
  const AmountMatcher matcher(span.masked, span.end, range_.get(), groups_by_hand_,
                              words_.numerals);
  // Every amount holds a (masked) currency word: none left, no search.
  auto currency_from = [&](size_t pos) {
    const size_t at = span.masked.find('\x01', pos);
    return at != std::string_view::npos && at < span.end;
  };
  const std::string_view text = span.text;
  re2::StringPiece g[5];
  for (const AmountForm& form : forms) {
    for (size_t pos = span.begin;
         pos < span.end && currency_from(pos) && matcher.Next(form, pos, g);) {
      ToOriginal(text, span.masked, g, 5);
      const size_t b = static_cast<size_t>(g[0].data() - text.data()), e = b + g[0].size();
      pos = e > b ? e : b + 1;
      if (span.Cut(b, e)) return false;
      // Starts and ends at word boundaries in Latin text ("xUSD", "5 dollarsx").
      if (b > 0 && IsAsciiAlnum(text[b - 1]) && IsAsciiAlnum(text[b])) continue;
      if (Overlaps(*taken, b, e)) continue;
      Amount a;
      bool scaled = false, high_scaled = false;
      if (!ValueOf(View(g[form.amount]), span.numbers, &a.value, &scaled)) continue;
      a.high = a.value;
      if (!g[form.high].empty()) {
        if (!ValueOf(View(g[form.high]), span.numbers, &a.high, &high_scaled)) continue;
        // "1-2 billion dollars": the low end takes the high end's scale.
        if (!scaled && high_scaled) {
          std::string_view rest = View(g[form.high]), num, scale;
          if (NumberAndScale(&rest, &num, &scale) && !scale.empty()) a.value *= Scale(scale);
        }
      }
      a.currency = CurrencyOf(span, View(g[form.cur]));
      if (a.currency.empty()) continue;
      if (!g[form.qual].empty()) {
        auto q = qualifier_index_.find(AsciiLower(View(g[form.qual])));
        if (q != qualifier_index_.end()) a.qualifier = q->second;
      }
      // Whole currency units, to the cent (1.67 billion -> 1670000000).
      a.value = std::round(a.value * 100) / 100;
      a.high = std::round(a.high * 100) / 100;
      a.begin = b;
      a.end = e;
      amounts->push_back(a);
      taken->emplace(b, e);
    }
  }
  return true;
}

namespace {

// Whether text[from, to) runs over a sentence's end (". ", 。, "; ", a line
// break...): a currency named there is another statement's. With
// `semicolons` false, only a full stop ends it ("2,2 млрд долларов;
// денежная часть — около 1,5 млрд.": the same statement).
bool CrossesSentence(std::string_view text, size_t from, size_t to, bool semicolons = true) {
  static const char* const kStops[] = {". ", "! ", "? ", "\n", "。", "！", "？"};
  static const char* const kSemicolons[] = {"; ", "；", "؛"};
  const std::string_view gap = text.substr(from, to - from);
  for (const char* end : kStops)
    if (gap.find(end) != std::string_view::npos) return true;
  if (semicolons)
    for (const char* end : kSemicolons)
      if (gap.find(end) != std::string_view::npos) return true;
  return !gap.empty() && (gap.back() == '.' || (semicolons && gap.back() == ';'));
}

// Whether a clause ends at text[pos] after spaces: the text's end, a line
// break or a punctuation mark (". , ; : ! ? )", 。，、；：！？ and the Arabic
// comma and semicolon).
bool EndsClause(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos >= text.size() || std::string_view(".,;:!?)\n").find(text[pos]) != std::string_view::npos)
    return true;
  for (std::string_view mark : {"。", "，", "、", "；", "：", "！", "？", "،", "؛"})
    if (text.compare(pos, mark.size(), mark) == 0) return true;
  return false;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

double MoneyParser::FirstScale(std::string_view expr) const {
  std::string_view rest = expr, num, scale;
  return NumberAndScale(&rest, &num, &scale) && !scale.empty() ? Scale(scale) : 1;
}

bool MoneyParser::UnitAfter(std::string_view text, size_t pos) const {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos < text.size() && text[pos] == '%') return true;
  for (const std::string& unit : words_.units) {
    const size_t len = FoldedMatchAt(text, pos, unit);
    if (len == 0) continue;
    // A word ending in a letter ends at a word boundary ("t" is no "tax").
    if (IsAsciiAlnum(unit.back()) && pos + len < text.size() && IsRe2WordByte(text[pos + len]))
      continue;
    return true;
  }
  return false;
}

void MoneyParser::FindElided(const Span& span, std::map<size_t, size_t>* taken,
                             std::vector<Amount>* amounts) const {
  if (amounts->empty()) return;
  const RE2* figure = scaled_figure_.get();
  if (figure == nullptr) return;
  const std::string_view text = span.text;
  std::vector<Amount> sorted(*amounts);
  auto by_begin = [](const Amount& x, const Amount& y) { return x.begin < y.begin; };
  std::sort(sorted.begin(), sorted.end(), by_begin);
  // The last figure that borrowed: it lends in turn ("$5bn, 3bn and 2bn"),
  // as the nearest amount before the next figures it precedes.
  Amount lent;
  bool has_lent = false;
  // The amount a figure at [b, e) borrows its currency from, or null: the
  // next one when only a joining word stands between ("5,500億及6,000億美元",
  // "5 and 6 billion dollars" being a range), else the one before in its
  // sentence, with no other figure, no currency word and no bracket
  // between, when the figure ends its clause ("…, «Русала» – около 12,2
  // млрд.") or has that amount's scale: a figure of another scale that a
  // word follows may count other things ("paid $3 billion for 2 million
  // iPhones").
  auto neighbour = [&](size_t b, size_t e) -> const Amount* {
    auto next = std::lower_bound(sorted.begin(), sorted.end(), e,
                                 [](const Amount& a, size_t pos) { return a.begin < pos; });
    if (next != sorted.end() && next->begin - e <= 16 && next->value >= 1e4 &&
        NumeralAt(text, next->begin, words_.numerals) > 0 &&
        !HasDigit(text.substr(e, next->begin - e)) && !CrossesSentence(text, e, next->begin) &&
        text.substr(e, next->begin - e).find_first_of(",(") == std::string_view::npos)
      return &*next;
    const Amount* nearest = next == sorted.begin() ? nullptr : &*std::prev(next);
    if (has_lent && lent.end <= b && (nearest == nullptr || lent.begin > nearest->begin))
      nearest = &lent;
    if (nearest == nullptr) return nullptr;
    const Amount& before = *nearest;
    if (before.end > b || before.value < 1e4) return nullptr;
    // A word after the figure: only with the amount's own scale ("66 miliardi
    // di euro, ma solo 19 miliardi sono…"; not "$3 billion for 2 million
    // iPhones").
    constexpr size_t kSentenceReach = 120;  // bytes
    const bool same_scale = FirstScale(text.substr(before.begin, before.end - before.begin)) ==
                            FirstScale(text.substr(b, e - b));
    if (b - before.end <= kSentenceReach && !EndsClause(text, e) && !same_scale) return nullptr;
    const std::string_view gap = text.substr(before.end, b - before.end);
    // A figure in brackets after an amount is its conversion into a
    // currency the writer names ("(environ 13 milliards de dirhams)"): one
    // that is not read is not guessed.
    if (gap.find('(') != std::string_view::npos || gap.find("（") != std::string_view::npos ||
        span.masked.substr(before.end, b - before.end).find('\x01') != std::string_view::npos)
      return nullptr;
    if (b - before.end <= kSentenceReach && !HasDigit(gap) && !CrossesSentence(text, before.end, b))
      return &before;
    // A little later in its sentence, past other figures and a semicolon: a
    // bare figure of the amount's own scale that ends its clause ("2,2 млрд
    // долларов; денежная часть — около 1,5 млрд."). Not past a full stop:
    // "…$3 billion. India's population is 1.4 billion." counts people.
    constexpr size_t kParagraphReach = 400;  // bytes
    if (b - before.end <= kParagraphReach && !CrossesSentence(text, before.end, b, false) &&
        EndsClause(text, e) && same_scale)
      return &before;
    return nullptr;
  };
  const re2::StringPiece input(span.masked.data(), span.end);
  re2::StringPiece g;
  for (size_t pos = span.begin;
       pos < span.end && figure->Match(input, pos, span.end, RE2::UNANCHORED, &g, 1);) {
    const size_t b = static_cast<size_t>(g.data() - span.masked.data()), e = b + g.size();
    pos = e > b ? e : b + 1;
    if (span.Cut(b, e) || Overlaps(*taken, b, e)) continue;
    if (b > 0 && (IsAsciiAlnum(text[b - 1]) || text[b - 1] == '.' || text[b - 1] == ','))
      continue;  // Inside a word or a longer number.
    if (e < text.size() && IsAsciiAlnum(text[e])) continue;
    // A scale of at least ten thousand, written as a word of two bytes or
    // more: "5 m" may be metres, "80 mil" inhabitants.
    std::string_view rest = text.substr(b, e - b), num, scale;
    if (!NumberAndScale(&rest, &num, &scale) || scale.size() < 2 || Scale(scale) < 1e4) continue;
    Amount a;
    bool scaled = false;
    if (!ValueOf(text.substr(b, e - b), span.numbers, &a.value, &scaled) || !scaled) continue;
    if (UnitAfter(text, e)) continue;
    const Amount* from = neighbour(b, e);
    if (from == nullptr) continue;
    a.currency = from->currency;
    a.value = std::round(a.value * 100) / 100;
    a.high = a.value;
    a.begin = b;
    a.end = e;
    amounts->push_back(a);
    taken->emplace(b, e);
    lent = a;
    has_lent = true;
  }
}

void AmountRoles(std::string_view text, const std::vector<Amount>& amounts,
                 const std::vector<size_t>& of_agreement, std::vector<std::string>* roles) {
  std::vector<size_t> order(of_agreement.size());  // Positions in of_agreement, by text order.
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return amounts[of_agreement[x]].begin < amounts[of_agreement[y]].begin;
  });
  roles->assign(of_agreement.size(), "");
  const Amount* previous = nullptr;
  std::set<std::tuple<std::string, double, double>> seen;
  for (size_t k : order) {
    const Amount& a = amounts[of_agreement[k]];
    // A conversion: "(" and spaces only between the figure before and it.
    if (previous != nullptr && previous->currency != a.currency && previous->end <= a.begin) {
      const std::string_view gap = text.substr(previous->end, a.begin - previous->end);
      const size_t paren = gap.find_first_not_of(" \t");
      if (paren != std::string_view::npos && gap[paren] == '(' &&
          gap.find_first_not_of(" \t", paren + 1) == std::string_view::npos)
        (*roles)[k] = "conversion";
    }
    // A repeat: the same figure earlier in the text, not as a conversion.
    // (A set, not a scan of every earlier figure: an agreement may hold
    // thousands of figures in a hostile text.)
    const auto figure = std::make_tuple(a.currency, a.value, a.high);
    if ((*roles)[k].empty() && seen.count(figure)) (*roles)[k] = "repeat";
    if ((*roles)[k] != "conversion") seen.insert(figure);
    previous = &a;
  }
  // A total and its parts: a figure equal to the sum of every other counted
  // figure of its currency (at least two of them).
  // Sums per currency once, so each candidate total costs no scan.
  std::map<std::string, std::pair<double, size_t>> counted;  // currency -> sum, figures
  for (size_t j = 0; j < of_agreement.size(); ++j)
    if ((*roles)[j].empty()) {
      auto& c = counted[amounts[of_agreement[j]].currency];
      c.first += amounts[of_agreement[j]].value;
      ++c.second;
    }
  for (size_t k = 0; k < of_agreement.size(); ++k) {
    if (!(*roles)[k].empty()) continue;
    const Amount& total = amounts[of_agreement[k]];
    const auto& c = counted[total.currency];
    const double sum = c.first - total.value;
    const size_t parts = c.second - 1;
    if (parts < 2 || std::fabs(sum - total.value) > 0.01 * total.value) continue;
    for (size_t j = 0; j < of_agreement.size(); ++j)
      if (j != k && (*roles)[j].empty() && amounts[of_agreement[j]].currency == total.currency)
        (*roles)[j] = "part";
    break;
  }
}

}  // namespace kgx
