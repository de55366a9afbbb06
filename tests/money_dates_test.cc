// Money figures and dates (issue: "A$1.67 billion" and "16.7 億澳元" are the
// same figure; dates resolve against the publication date).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "extract/facts/dates.h"
#include "extract/facts/money.h"
#include "extract/read/language.h"
#include "extract/read/normalize.h"
#include "tests/test_util.h"

namespace {

struct Found {
  double value, high;
  std::string currency, qualifier, text;
};

std::vector<Found> Money(const std::string& raw, const std::string& lang,
                         const std::string& locale = "") {
  const std::string text = kgx::NormalizeNfkc(raw);
  std::vector<kgx::Amount> amounts;
  std::vector<kgx::ExchangeRate> rates;
  kgx_test::ProjectModel().money_parser()->Find(text, lang, locale, &amounts, &rates);
  std::vector<Found> out;
  for (const auto& a : amounts)
    out.push_back(
        {a.value, a.high, a.currency, a.qualifier, text.substr(a.begin, a.end - a.begin)});
  return out;
}

void One(const std::string& raw, const std::string& lang, double value, const char* currency,
         const char* qualifier = "") {
  CAPTURE(raw);
  auto found = Money(raw, lang);
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == value);
  CHECK(found[0].currency == currency);
  CHECK(found[0].qualifier == qualifier);
}

}  // namespace

TEST_CASE("amounts as English wires write them") {
  One("committing A$1.67 billion to the sector", "en", 1.67e9, "AUD");
  One("a US$8.5bn deal", "en", 8.5e9, "USD");
  One("raised $1 billion", "en", 1e9, "USD");
  One("funding (A$13 billion) for", "en", 13e9, "AUD");
  One("USD 2.2 billion in loans", "en", 2.2e9, "USD");
  One("Up to ¥76 Tril. in support", "en", 76e12, "JPY", "up_to");
  One("about $500 million", "en", 500e6, "USD", "approximately");
  One("more than 1.2 billion yuan", "en", 1.2e9, "CNY", "more_than");
  One("Rs 4,500 crore for mining", "en", 4.5e10, "INR");
  One("a ₹200 fee", "en", 200, "INR");
  One("signed a $1.2-billion deal", "en", 1.2e9, "USD");  // scale hyphenated on
  One("a 2-billion-yen grant", "en", 2e9, "JPY");
}

TEST_CASE("amounts in the currencies and symbols of producer countries' press") {
  // A two-letter symbol written onto its figure; a three-letter code is not
  // (COP27 is the climate summit, not 27 Colombian pesos).
  One("dana sekitar Rp45 triliun untuk smelter", "id", 45e12, "IDR", "approximately");
  One("a contract worth about RM1.2bil for the plant", "en", 1.2e9, "MYR", "approximately");
  CHECK(Money("leaders met at COP27 and COP 28 in the Gulf", "en").empty());
  // Only in the symbol's own case: not a car model, not a lower-case typo.
  CHECK(Money("the Audi RS3 sold 3,000 units and the RS6 too, rp1", "en").empty());
  One("3 millions d’euros pour la mine", "fr", 3e6, "EUR");
  One("exports of roughly GH₵170 billion last year", "en", 170e9, "GHS", "approximately");
  One("environ 180 milliards de francs CFA pour la mine", "fr", 180e9, "XOF", "approximately");
  One("إلى ٤ تريليونات درهم بحلول 2031", "ar", 4e12, "AED");
  // The "of" of Romance languages before any currency's name.
  One("un prestamo de 50 millones de bolivianos", "es", 50e6, "BOB");
  One("2 miliardi di corone norvegesi", "it", 2e9, "NOK");
}

TEST_CASE("amounts in Chinese, Japanese and Korean, with CJK numerals") {
  One("投入 16.7 億澳元以支持", "zh-Hant", 1.67e9, "AUD");
  One("約 3.7 億澳元", "zh-Hant", 3.7e8, "AUD", "approximately");
  One("逾50亿美元", "zh-Hans", 5e9, "USD", "more_than");
  One("390億円を拠出", "ja", 39e9, "JPY");
  One("1兆2000億円の基金", "ja", 1.2e12, "JPY");
  One("74億ドル", "ja", 7.4e9, "USD");
  One("１２億円", "ja", 1.2e9, "JPY");       // full-width digits
  One("三百億円の予算", "ja", 3e10, "JPY");  // kanji numerals via ICU
  One("一兆二千億円", "ja", 1.2e12, "JPY");
  One("85억 달러 규모", "ko", 8.5e9, "USD");
  One("1조 원을 투자", "ko", 1e12, "KRW");
  One("总额达1.5万亿韩元", "zh-Hans", 1.5e12, "KRW");  // 万亿: 10^4 x 10^8
  One("耗資新臺幣120億元", "zh-Hant", 1.2e10, "TWD");  // 臺 as well as 台
  One("新台幣1,200萬元", "zh-Hant", 1.2e7, "TWD");
  // A small scale before a large one multiplies it; a number written onto
  // the last scale word is added.
  One("1억5천만 달러를 투자", "ko", 1.5e8, "USD");
  One("3천억 원을 투입", "ko", 3e11, "KRW");
  One("최대 7천500달러의 세액공제", "ko", 7500, "USD", "up_to");
  // Small scales add up to a group the next myriad multiplies as a whole.
  One("4천300억 달러 규모의 법안", "ko", 4.3e11, "USD");
  One("4천3백억 달러 규모", "ko", 4.3e11, "USD");
  One("55억4천만 달러를 들여", "ko", 5.54e9, "USD");
  One("总投资3千5百万美元", "zh-Hans", 3.5e7, "USD");
  // Elsewhere a larger scale multiplies what came before it; a smaller one adds.
  One("2 billion 500 million dollars", "en", 2.5e9, "USD");
  One("una inversión de 2 mil 500 millones de dólares", "es", 2.5e9, "USD");
  One("政府は3千億円を投じる", "ja", 3e11, "JPY");
  One("投资承诺约1700亿令吉", "zh-Hans", 1.7e11, "MYR", "approximately");
  One("价值7470亿林吉特", "zh-Hans", 7.47e11, "MYR");
}

TEST_CASE("amounts in French, Spanish, German and Indonesian number styles") {
  One("8,5 milliards de dollars", "fr", 8.5e9, "USD");
  One("2.200 millones de dólares", "es", 2.2e9, "USD");
  One("1,5 Milliarden Euro", "de", 1.5e9, "EUR");
  One("Rp 15 triliun", "id", 15e12, "IDR");
}

TEST_CASE("the decimal mark of a language is ICU's: 2,200 is 2.2 where it writes a comma") {
  const kgx::MoneyParser& money = *kgx_test::ProjectModel().money_parser();
  struct Case {
    const char* lang;
    double comma, dot;  // "2,200" and "2.200" in that language.
  };
  const Case cases[] = {
      {"en", 2200, 2.2},    {"ja", 2200, 2.2},    {"zh-Hant", 2200, 2.2}, {"ko", 2200, 2.2},
      {"ar", 2200, 2.2},    {"fr", 2.2, 2200},    {"es", 2.2, 2200},      {"de", 2.2, 2200},
      {"id", 2.2, 2200},    {"pt-BR", 2.2, 2200}, {"it", 2.2, 2200},      {"nl", 2.2, 2200},
      {"ru", 2.2, 2200},    {"vi", 2.2, 2200},
      // Languages kgx has no words for take ICU's mark too (CLDR: Polish,
      // Swedish and Turkish write a decimal comma, Malay a point).
      {"pl", 2.2, 2200},    {"sv", 2.2, 2200},    {"tr", 2.2, 2200},      {"ms", 2200, 2.2},
      {"", 2200, 2.2},
  };
  for (const Case& c : cases) {
    CAPTURE(c.lang);
    double comma = 0, dot = 0;
    REQUIRE(money.ParseNumber("2,200", c.lang, &comma));
    REQUIRE(money.ParseNumber("2.200", c.lang, &dot));
    CHECK(comma == doctest::Approx(c.comma));
    CHECK(dot == doctest::Approx(c.dot));
  }
  // Not this language's mark, or not three digits after it: never grouping.
  double v = 0;
  REQUIRE(money.ParseNumber("8,5", "en", &v));
  CHECK(v == doctest::Approx(8.5));
}

TEST_CASE("every plural form ICU has for the locale, and Korean currency names run together") {
  // Russian counts take the genitive plural ("many") and the genitive
  // singular ("few"), which are neither "one" nor "other".
  One("пошлины на 29,8 млрд канадских долларов", "ru", 29.8e9, "CAD");
  One("сделка на 3 млрд канадского доллара", "ru", 3e9, "CAD");
  // "di dollari" (a dollar) and ICU's "dollari canadesi" overlap: the
  // longer reading names the currency, in every Romance language.
  One("contratto da 2 miliardi di dollari canadesi", "it", 2e9, "CAD");
  One("un programme de 2 milliards de dollars canadiens", "fr", 2e9, "CAD");
  One("un programa de 2 millones de dólares canadienses", "es", 2e6, "CAD");
  One("um programa de 2 bilhões de dólares canadenses", "pt", 2e9, "CAD");
  One("un programma da 2 miliardi di dollari", "it", 2e9, "USD");
  One("298억 캐나다달러 규모의 제품", "ko", 29.8e9, "CAD");
  One("300억 캐나다 달러 규모", "ko", 30e9, "CAD");
}

TEST_CASE("thousands grouped by a space, as French and Russian print them") {
  One("un minimum de 7 000 dollars par véhicule", "fr", 7000, "USD");
  One("une enveloppe de 1 000 000 euros", "fr", 1e6, "EUR");
  // A narrow no-break space (ICU's French grouping mark) reads the same.
  One("un minimum de 7\u202f000 dollars", "fr", 7000, "USD");
  One("инвестиции в 250 000 долларов", "ru", 250000, "USD");
  // A year then a figure stays two numbers, never one.
  for (const auto& f : Money("in 2024 500 dollars were paid", "en")) CHECK(f.value != 2024500);
}

TEST_CASE("ranges keep both ends, and a low end without scale takes the high end scale") {
  auto r = Money("between $1 billion to $2 billion", "en");
  REQUIRE(r.size() == 1);
  CHECK(r[0].value == 1e9);
  CHECK(r[0].high == 2e9);
  r = Money("1-2 billion dollars", "en");
  REQUIRE(r.size() == 1);
  CHECK(r[0].value == 1e9);
  CHECK(r[0].high == 2e9);
}

TEST_CASE("a rate statement is a rate, not an amount") {
  const std::string text = "($1 = 1.3877 Australian dollars)";
  std::vector<kgx::Amount> amounts;
  std::vector<kgx::ExchangeRate> rates;
  kgx_test::ProjectModel().money_parser()->Find(text, "en", "", &amounts, &rates);
  CHECK(amounts.empty());
  REQUIRE(rates.size() == 1);
  CHECK(rates[0].from == "USD");
  CHECK(rates[0].to == "AUD");
  CHECK(rates[0].rate == doctest::Approx(1.3877));
}

TEST_CASE("bare dollars and yen follow the documented rule") {
  CHECK(Money("$5 million", "en", "en-AU")[0].currency == "AUD");  // locale's dollar
  CHECK(Money("$5 million and A$3 million", "en", "en-AU")[0].currency == "USD");  // A$ written
  CHECK(Money("$5 million", "en", "")[0].currency == "USD");
  CHECK(Money("¥5 billion", "zh-Hans")[0].currency == "CNY");
  CHECK(Money("¥5 billion", "en")[0].currency == "JPY");
  // The word "dollars" is the locale's dollar where the locale has one
  // (money.tsv `local`), the US dollar where its currency is no dollar (the
  // Mexican peso) or the document writes other dollars.
  CHECK(Money("29,8 milliards de dollars", "fr", "fr-CA")[0].currency == "CAD");
  CHECK(Money("29,8 milliards de dollars", "fr", "fr")[0].currency == "USD");
  CHECK(Money("3.000 millones de dólares", "es", "es-MX")[0].currency == "USD");
  CHECK(Money("5 billion dollars", "en", "en-AU")[0].currency == "AUD");
  CHECK(Money("5 billion dollars and A$3 billion", "en", "en-AU")[0].currency == "USD");
  CHECK(Money("5 billion US dollars", "en", "en-AU")[0].currency == "USD");
}

TEST_CASE("a document's region: its locale's, else its address's country-code domain") {
  CHECK(kgx::RegionalLocale("fr-CA", "https://example.com/x", "fr") == "fr-CA");
  CHECK(kgx::RegionalLocale("", "https://www.affaires-quebec.ca/eco/1", "fr") == "fr-CA");
  CHECK(kgx::RegionalLocale("fr", "https://www.affaires-quebec.ca:443/eco", "fr") == "fr-CA");
  CHECK(kgx::RegionalLocale("", "https://news.example.co.uk/a", "en") == "en-GB");
  CHECK(kgx::RegionalLocale("", "https://example.com/a", "en") == "");
  CHECK(kgx::RegionalLocale("", "https://example.zz/a", "en") == "");  // no such locale
  CHECK(kgx::RegionalLocale("", "not a url", "en") == "");
}

TEST_CASE("not money: percentages, tonnages, years, counts, tickers, phone numbers") {
  CHECK(Money("rose 3.5% to 1,200 tonnes in 2024", "en").empty());
  CHECK(Money("生産量は30万トン、前年比15%増", "ja").empty());
  CHECK(Money("Sojitz ( SZHFF ) and 5,000 workers; call +61 2 9999 1234", "en").empty());
  CHECK(Money("一元化を進める", "ja").empty());       // a CJK numeral word, not one yuan
  CHECK(Money("le 12 mars, à Paris", "fr").empty());  // "ars" inside a word is no peso
  One("a 100USD fee", "en", 100, "USD");
}

TEST_CASE(
    "long lines: amounts far from the line start and amounts longer than the reading window") {
  // Patterns run on a window around each currency word; amounts anywhere on a
  // long line, and amounts whose number reaches past the window, read the same.
  const std::string filler(5000, 'x');
  auto far = Money(filler + " about $500 million " + filler + " 1.2 billion yuan " + filler, "en");
  REQUIRE(far.size() == 2);
  CHECK(far[0].value == 500e6);
  CHECK(far[0].qualifier == "approximately");
  CHECK(far[1].value == 1.2e9);
  CHECK(far[1].currency == "CNY");
  std::string digits(150, '1');
  auto wide = Money("paid " + digits + " dollars", "en");
  REQUIRE(wide.size() == 1);
  CHECK(wide[0].text == digits + " dollars");
  auto wide_prefix = Money("paid $" + digits + " in cash", "en");
  REQUIRE(wide_prefix.size() == 1);
  CHECK(wide_prefix[0].text == "$" + digits);
}

TEST_CASE("dates: publication-date forms") {
  CHECK(kgx::NormalizeDate("2026-05-04T05:01:00.000Z") == "2026-05-04");
  CHECK(kgx::NormalizeDate("2025-06-02") == "2025-06-02");
  CHECK(kgx::NormalizeDate("yesterday") == "");
}

namespace {

std::vector<std::string> Dates(const std::string& text, const std::string& lang,
                               const std::string& pub) {
  std::vector<std::string> out;
  for (const auto& d : kgx_test::ProjectModel().date_finder()->Find(text, lang, pub))
    out.push_back(d.date);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("dates far into a long text read the same as near its start") {
  // Date patterns run on windows around digits; the result is the same as
  // reading the whole text.
  const std::string filler(3000, 'x');
  CHECK(Dates(filler + " signed on 20 October 2025. " + filler + " 2026年1月20日 " + filler +
                  " Wednesday",
              "en", "2024-05-02") == V{"2025-10-20", "2026-01-20", "2024-05-01"});
  CHECK(Dates(filler + " Wednesday, September 12, 2024 " + filler, "en", "2024-09-13") ==
        V{"2024-09-11", "2024-09-12"});
}

TEST_CASE("dates in the text, absolute and resolved against publication") {
  CHECK(Dates("2026年1月20日に発表", "ja", "") == V{"2026-01-20"});
  CHECK(Dates("4月11日と12月4日", "zh-Hans", "2024-03-31") == V{"2024-04-11", "2023-12-04"});
  CHECK(Dates("27日に署名した", "ja", "2026-01-28") == V{"2026-01-27"});
  CHECK(Dates("27日に署名した", "ja", "2026-02-03") == V{"2026-01-27"});  // last month
  CHECK(Dates("signed on 20 October 2025", "en", "") == V{"2025-10-20"});
  CHECK(Dates("20:00 JST, May 2, 2024", "en", "") == V{"2024-05-02"});
  CHECK(Dates("31/03/2024", "en", "") == V{"2024-03-31"});
  CHECK(Dates("MELBOURNE, May 4 (Reuters)", "en", "2026-05-04") == V{"2026-05-04"});
  CHECK(Dates("said on Wednesday", "en", "2024-05-02") == V{"2024-05-01"});  // a Thursday
  CHECK(Dates("水曜日に会談", "ja", "2024-05-02") == V{"2024-05-01"});
  CHECK(Dates("2012年に結んだ協力", "ja", "") == V{"2012"});
  CHECK(Dates("2025년 4월 10일", "ko", "") == V{"2025-04-10"});
  CHECK(Dates("le 20 novembre", "fr", "2025-11-21") == V{"2025-11-20"});
  // The first of the month: the Italian press's degree sign, the French 1er.
  CHECK(Dates("dazi dal 1° agosto", "it", "2025-07-13") == V{"2025-08-01"});
  CHECK(Dates("à compter du 1er août 2025", "fr", "") == V{"2025-08-01"});
  CHECK(Dates("el 5 de mayo de 2025", "es", "") == V{"2025-05-05"});
  CHECK(Dates("am 14. Mai 2025", "de", "") == V{"2025-05-14"});
  CHECK(Dates("pada 8 Juli 2025", "id", "") == V{"2025-07-08"});
  CHECK(Dates("June 2025", "en", "") == V{"2025-06"});
  // Month names outside ASCII: RE2's \\b does not see them as words, so the
  // forms check the letters around the name themselves.
  CHECK(Dates("وفي مارس 2023 فرضت", "ar", "") == V{"2023-03"});
  CHECK(Dates("встреча 5 мая", "ru", "2025-06-18") == V{"2025-05-05"});
  CHECK(Dates("встреча 5 маяка", "ru", "2025-06-18").empty());  // No month in маяка.
}

TEST_CASE("relative words from ICU, in documents of their language") {
  CHECK(Dates("signed the pact yesterday", "en", "2025-06-18") == V{"2025-06-17"});
  CHECK(Dates("双方于昨天签署协议", "zh-Hans", "2025-03-01") == V{"2025-02-28"});
  CHECK(Dates("昨日、協定に署名した", "ja", "2025-06-18") == V{"2025-06-17"});
  CHECK(Dates("양국은 지난달 협정을 체결했다", "ko", "2025-01-10") == V{"2024-12"});
  CHECK(Dates("signé hier", "fr", "2025-06-18") == V{"2025-06-17"});
  CHECK(Dates("was agreed last year", "en", "2025-06-18") == V{"2024"});
  // A relative year takes the month and day after it.
  CHECK(Dates("协议于今年3月签署", "zh-Hans", "2025-06-18") == V{"2025-03"});
  CHECK(Dates("双方去年3月5日签署协议", "zh-Hans", "2025-06-18") == V{"2024-03-05"});
  CHECK(Dates("작년 3월 협정", "ko", "2025-06-18") == V{"2024-03"});
  // "hier" is "here" in German; no "tomorrow" (mañana is also "morning").
  CHECK(Dates("Das Abkommen wurde hier unterzeichnet", "de", "2025-06-18").empty());
  CHECK(Dates("firmado esta mañana", "es", "2025-06-18").empty());
}

TEST_CASE("not dates: may as a verb, durations, days without publication") {
  CHECK(Dates("prices may 4 times rise", "en", "2024-05-02").empty());
  CHECK(Dates("30日間の協議", "ja", "2024-05-02").empty());
  auto unresolved = kgx_test::ProjectModel().date_finder()->Find("27日に署名", "ja", "");
  REQUIRE(unresolved.size() == 1);
  CHECK(unresolved[0].date.empty());
  CHECK(unresolved[0].relative);
}

// Regression (issue 17): a user scale word starting with a separator made the
// parser clear its scale-word list inside a loop over that list (heap use
// after free, seen under AddressSanitizer, which CI runs this suite with).
// The parser then reads scale words through RE2 and must still work.
TEST_CASE("a user scale word that starts with a hyphen leaves the money parser sound") {
  const auto owned = kgx_test::CompiledModel("@kind\tmoney-word\nscale\ten\t-mrd\t1e9\n",
                                             /*with_project=*/true);
  const kgx::Model& gaz_model = *owned;
  std::vector<kgx::Amount> amounts;
  std::vector<kgx::ExchangeRate> rates;
  gaz_model.money_parser()->Find(kgx::NormalizeNfkc("a US$2.5 billion fund"), "en", "", &amounts,
                                 &rates);
  REQUIRE(amounts.size() == 1);
  CHECK(amounts[0].value == 2.5e9);
  CHECK(amounts[0].currency == "USD");
}

namespace {

// Roles (AmountRoles) of every figure of `raw`, taken as one agreement's.
std::vector<std::string> Roles(const std::string& raw, const std::string& lang) {
  const std::string text = kgx::NormalizeNfkc(raw);
  std::vector<kgx::Amount> amounts;
  std::vector<kgx::ExchangeRate> rates;
  kgx_test::ProjectModel().money_parser()->Find(text, lang, "", &amounts, &rates);
  std::vector<size_t> all(amounts.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::vector<std::string> roles;
  kgx::AmountRoles(text, amounts, all, &roles);
  return roles;
}

}  // namespace

TEST_CASE("an agreement's money counts once: conversions, repeats and parts are not new money") {
  using V = std::vector<std::string>;
  // A figure and its conversion in parentheses (full-width ones too).
  CHECK(Roles("Chile and Korea pledged NZ$2.4 billion (US$1.4 billion) to it.", "en") ==
        V{"", "conversion"});
  CHECK(Roles("雙方投入 24 億加元（18 億美元）。", "zh-Hant") == V{"", "conversion"});
  // A total and its parts, the total written first or last.
  CHECK(Roles("NZ$2.4 billion in all: Chile gives NZ$1.5 billion and Korea NZ$900 million.",
              "en") == V{"", "part", "part"});
  CHECK(Roles("Chile gives NZ$1.5 billion and Korea NZ$900 million, NZ$2.4 billion in all.",
              "en") == V{"part", "part", ""});
  // The same figure in a summary and in the story.
  CHECK(Roles("A NZ$2.4 billion deal. The deal is worth NZ$2.4 billion.", "en") == V{"", "repeat"});
  // Unrelated figures stay: neither sums the other, a bracket far from a figure.
  CHECK(Roles("NZ$2.4 billion for mines and NZ$700 million for ports.", "en") == V{"", ""});
  CHECK(Roles("NZ$2.4 billion for mines and (later) US$1.4 billion more.", "en") == V{"", ""});
}

TEST_CASE("a figure too large for a double is not an amount") {
  const std::string huge = "$" + std::string(400, '9') + " billion";
  CHECK(Money("a " + huge + " deal", "en").empty());
  CHECK(Money("a $1.5 billion deal and a " + huge + " one", "en").size() == 1);
}

TEST_CASE("CJK numerals are money-word lines: a run of them is a number ICU reads") {
  const std::string words =
      "@kind\tcurrency\nJPY\tja\t円\n@kind\tmoney-word\nscale\tja\t億\t1e8\n";
  auto amounts_in = [](const kgx::Model& model, const std::string& text) {
    std::vector<kgx::Amount> amounts;
    std::vector<kgx::ExchangeRate> rates;
    model.money_parser()->Find(kgx::NormalizeNfkc(text), "ja", "", &amounts, &rates);
    return amounts;
  };
  const auto with = kgx_test::CompiledModel(words + "numeral\tja\t三\nnumeral\tja\t百\n");
  const auto found = amounts_in(*with, "予算は三百億円と300億円");
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == 3e10);
  CHECK(found[1].value == 3e10);
  // Without the lines only digits are numbers.
  const auto without = kgx_test::CompiledModel(words);
  const auto digits_only = amounts_in(*without, "予算は三百億円と300億円");
  REQUIRE(digits_only.size() == 1);
  CHECK(digits_only[0].value == 3e10);
  CHECK(kgx_test::LoadError("@kind\tmoney-word\nnumeral\tja\t12\n") ==
        "user.tsv:2: a numeral is one Han character (一, 十, 两), not '12'");
  CHECK(kgx_test::LoadError("@kind\tmoney-word\nnumeral\tja\t三百\n") ==
        "user.tsv:2: a numeral is one Han character (一, 十, 两), not '三百'");
}

TEST_CASE("month names are ICU's in every language kgx reads, abbreviations included") {
  CHECK(kgx::MonthOfName("Sept") == 9);  // ICU's French "sept."
  CHECK(kgx::MonthOfName("Februar") == 2);
  CHECK(kgx::MonthOfName("mars") == 3);
  CHECK(kgx::MonthOfName("settembre") == 9);
  CHECK(kgx::MonthOfName("сентября") == 9);
  CHECK(kgx::MonthOfName("Wednesday") == 0);
  CHECK(kgx::MonthOfName("月") == 0);  // CJK months are digits and 月, not names.
}
