// Money figures: "A$1.67 billion", "16.7 億澳元", "1兆2000億円", "85억 달러",
// "8,5 milliards de dollars", "Rp 15 triliun", "三百億円" -> a value in whole
// units and an ISO 4217 code.
//
//   kgx::MoneyParser money(gaz.money_words());
//   for (const kgx::Amount& a : money.Find(nfkc_text, "ja", "ja-JP")) ...
//
// Words come from gazetteers/money.tsv: currency symbols and names (ICU's
// for every target locale, plus curated ones), scale words, qualifiers and
// range words. Numbers: ASCII digits with the document language's
// separators (ICU's decimal mark: a comma in fr, es, de, id...), runs of the
// gazetteer's CJK numerals through ICU's RuleBasedNumberFormat, and mixed
// forms (1兆2000億).
// A bare "$" is USD when the document writes other dollars explicitly (A$,
// HK$: the writer tells them apart); otherwise the dollar of the document's
// locale region if its currency is a dollar (en-AU: AUD, zh-HK: HKD), else
// USD. "¥"
// is CNY in Simplified Chinese documents and JPY elsewhere.
// Not money: numbers without a currency (percentages, tonnages, years,
// counts), and exchange-rate statements such as "($1 = 1.3877 Australian
// dollars)", which come back as rates.
// Thread safety: Find() is const and reentrant.
#ifndef KGX_EXTRACT_FACTS_MONEY_H_
#define KGX_EXTRACT_FACTS_MONEY_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/aho_corasick.h"
#include "base/regex.h"
#include "extract/facts/figures.h"

namespace kgx {

// The money step's words, read from the gazetteer's `@kind currency` and
// `@kind money-word` sections (gazetteers/README.md), which the gazetteer
// routes here line by line. Each Add* returns "" when the line is good, else
// what is wrong with it (the caller names the file and line).
struct MoneyWords {
  // alias -> (code, lang) in load order; an alias may name several codes.
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> currencies;
  std::vector<std::pair<std::string, double>> scales;           // word -> multiplier
  std::vector<std::pair<std::string, std::string>> qualifiers;  // text -> meaning
  std::vector<std::string> ranges;
  // CJK numerals (一, 十, 千, 两), one Han character each: a run of them is a
  // number, read by ICU's spellout rules (三百億円, 一兆二千億円).
  std::vector<std::string> numerals;
  // `local` lines (word -> its line's code): a word that names the
  // document's own currency of that name, as a bare "$" does ("dollars" in a
  // fr-CA document is the Canadian dollar; درهم under a Casablanca dateline
  // the Moroccan dirham), else the line's.
  std::vector<std::pair<std::string, std::string>> local_words;
  // `currency-of` words (lang -> word): the "of" that Romance languages put
  // between a figure and a currency's name ("50 millones de bolivianos").
  std::vector<std::pair<std::string, std::string>> currency_of;
  // `unit` words: what a figure without a currency counts when it is no money
  // (tonnes, people, тонн, 吨, 명): such a figure never takes a currency from
  // the amount beside it (MoneyParser::FindElided).
  std::vector<std::string> units;

  // `CODE<TAB>lang<TAB>alias[<TAB>local]` (fields split at tabs).
  std::string AddCurrencyLine(const std::vector<std::string>& f);
  // `scale|qualifier<TAB>lang<TAB>text<TAB>value` or
  // `range|numeral|currency-of|unit<TAB>lang<TAB>text`.
  std::string AddWordLine(const std::vector<std::string>& f);
  // `@icu-currencies<TAB>LOCALES<TAB>CODES`: ICU's symbols and names of each
  // code in each locale (comma-separated lists).
  std::string AddIcuCurrencies(const std::string& locales, const std::string& codes);
  // After every file: each currency name of a language with `currency-of`
  // words is also an alias after them ("de bolivianos", "d'euros").
  void AddCurrencyOfForms();
};

struct Amount : MoneyFigure {
  size_t begin = 0, end = 0;  // Byte offsets into the text given to Find().
};

struct ExchangeRate : RateFigure {
  size_t begin = 0, end = 0;
};

class MoneyParser {
 public:
  // With `currency_words`, what currency_words() returned for the same
  // words (the model cache, model_cache.h): it is taken instead of built.
  explicit MoneyParser(const MoneyWords& words, const AhoCorasick* currency_words = nullptr);
  ~MoneyParser();
  // The automaton over the lower-cased currency aliases (pattern i is
  // words.currencies[i]); empty without currencies or scale words.
  const AhoCorasick& currency_words() const { return currency_words_; }
  // `lang` is the document language (kgx tag), `locale` its metadata locale.
  void Find(std::string_view text, const std::string& lang, const std::string& locale,
            std::vector<Amount>* amounts, std::vector<ExchangeRate>* rates) const;

  // A number as written ("1,234.5", "8,5", "三百", "1兆2000億" without
  // currency) in `lang`; false if it is not one.
  bool ParseNumber(std::string_view number, const std::string& lang, double* value) const;

 private:
  std::string Currency(std::string_view alias, const std::string& lang,
                       const std::string& locale) const;
  // A span of a line being read: text[begin, end), part of the line
  // [line_begin, line_end); `masked` is `text` with currency words masked.
  struct Span {
    std::string_view text, masked;
    size_t begin, end, line_begin, line_end;
    const std::string& lang;
    const std::string& numbers;  // The tag whose figures these are: lang, or locale (es-MX).
    const std::string& locale;
    const std::string& bare_dollar;  // What a bare "$" is in this document.
    // A match that starts or ends at an edge that cuts the line is
    // unreliable: it may go on past it.
    bool Cut(size_t b, size_t e) const {
      return (b == begin && begin > line_begin) || (e == end && end < line_end);
    }
  };
  // Amounts and rates in `span`. False, adding nothing, when a match is Cut.
  bool FindInSpan(const Span& span, std::vector<Amount>* amounts,
                  std::vector<ExchangeRate>* rates) const;
  // FindInSpan's steps, in this order; `taken` holds the spans read so far
  // (begin -> end). False when a match is Cut.
  // Exchange-rate statements first: their numbers are not amounts.
  bool FindRates(const Span& span, std::map<size_t, size_t>* taken,
                 std::vector<ExchangeRate>* rates) const;
  bool FindAmounts(const Span& span, std::map<size_t, size_t>* taken,
                   std::vector<Amount>* amounts) const;
  // Scaled figures whose currency the writer named only once, on the amount
  // beside them in the same clause: "$14.4 billion, Rusal's some 12.2
  // billion", "66 miliardi di euro, ma solo 19 miliardi", "5,500億及6,000億
  // 美元". A figure takes the currency of the amount right after it (only a
  // joining word between) or of the nearest one before it (no figure and no
  // sentence end between); never a figure of a unit word (tonnes, people)
  // or a percentage, nor one under ten thousand.
  void FindElided(const Span& span, std::map<size_t, size_t>* taken,
                  std::vector<Amount>* amounts) const;
  // A number expression (numbers and scale words) -> value; false when it
  // is not an amount. *scaled: whether a scale word was read.
  bool ValueOf(std::string_view expr, const std::string& lang, double* value,
               bool* scaled) const;
  // The ISO code of a currency word read in `span`.
  std::string CurrencyOf(const Span& span, std::string_view alias) const;
  // Bytes read on each side of a currency word: longer than any amount
  // ("approximately 1.2 to 1.5 billion Australian dollars").
  static constexpr size_t kWindow = 96;
  double Scale(std::string_view word) const;
  // The multiplier of the first scale word in `expr` (its first number's),
  // or 1.
  double FirstScale(std::string_view expr) const;
  // Whether a unit word (MoneyWords::units) or "%" follows text[pos] after
  // spaces.
  bool UnitAfter(std::string_view text, size_t pos) const;
  // The next number and its scale word in *rest (number_scale_'s next
  // match, read without RE2's submatch search); consumes through them.
  bool NumberAndScale(std::string_view* rest, std::string_view* num,
                      std::string_view* scale) const;

  MoneyWords words_;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> currency_index_;
  std::map<std::string, double> scale_index_;
  std::map<std::string, std::string> qualifier_index_;
  // Compiled on first use (a run without money, or without an exchange
  // rate, compiles none or fewer: issue 22, start-up).
  LazyRe2 prefix_form_, suffix_form_, rate_, number_scale_, scaled_figure_;
  std::unique_ptr<re2::RE2> range_;
  bool groups_by_hand_ = false;  // See AmountMatcher (money.cc).
  std::vector<std::string> scale_words_;  // In the alternation's order; empty: use RE2.
  AhoCorasick currency_words_;      // Lower-cased aliases: where a currency is named.
  std::vector<bool> other_dollar_;  // Per alias of currency_words_: a non-US dollar (A$).
  std::map<std::string, std::string> local_words_;  // Lowered `local` word -> its line's code.
};

// What each figure of one agreement is, so that the agreement's money is
// counted once (`roles` gets one entry per index of `of_agreement`, which
// point into `amounts`, found in `text`):
//   ""            an amount of its own (counted);
//   "conversion"  a figure in parentheses right after another one, in another
//                 currency ("A$1.67 billion (US$1.2 billion)");
//   "repeat"      the same value and currency as an earlier figure (headline
//                 and body, a summary and the story);
//   "part"        one of several figures whose sum is another figure of the
//                 same currency (A$1.3 billion and A$370 million of A$1.67
//                 billion): the total is counted.
// Figures are taken in text order; a sum matches to within 1%.
void AmountRoles(std::string_view text, const std::vector<Amount>& amounts,
                 const std::vector<size_t>& of_agreement, std::vector<std::string>* roles);

// The ISO 4217 code of `locale`'s region if that currency is a dollar
// (ICU's symbol for it contains "$"), else USD.
std::string DollarForLocale(const std::string& locale);

}  // namespace kgx

#endif  // KGX_EXTRACT_FACTS_MONEY_H_
