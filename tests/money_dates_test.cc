// Money figures and dates (issue: "A$1.67 billion" and "16.7 億澳元" are the
// same figure; dates resolve against the publication date).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/facts/dates.h"
#include "extract/facts/money.h"
#include "extract/read/language.h"
#include "extract/read/normalize.h"
#include "extract/read/reader.h"
#include "tests/test_util.h"

namespace {

struct Found {
  double value, high;
  std::string currency, qualifier, text;
};

std::vector<Found> Money(const std::string& raw, const std::string& lang,
                         const std::string& locale = "") {
  std::string text;
  std::vector<Found> out;
  for (const auto& a : kgx_test::AmountsIn(raw, lang, locale, &text))
    out.push_back(
        {a.value, a.high, a.currency, a.qualifier, text.substr(a.begin, a.end - a.begin)});
  return out;
}

}  // namespace

TEST_CASE("amounts in the currencies and symbols of producer countries' press") {
  // A three-letter code written onto a figure is not a currency, as a
  // two-letter symbol is (tests/cases/amounts.tsv): COP27 is the climate
  // summit, not 27 Colombian pesos.
  CHECK(Money("leaders met at COP27 and COP 28 in the Gulf", "en").empty());
  // Only in the symbol's own case: not a car model, not a lower-case typo.
  CHECK(Money("the Audi RS3 sold 3,000 units and the RS6 too, rp1", "en").empty());
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

TEST_CASE("thousands grouped by a space, as French and Russian print them") {
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
  // A `local` dirham or riyal is the place's own where its currency has that
  // name (a Casablanca dateline: ar-MA), the line's currency elsewhere.
  CHECK(Money("3 مليارات درهم", "ar", "ar-MA")[0].currency == "MAD");
  CHECK(Money("3 مليارات درهم", "ar", "ar-AE")[0].currency == "AED");
  CHECK(Money("3 مليارات درهم", "ar", "ar-EG")[0].currency == "AED");
  CHECK(Money("3 مليارات درهم", "ar", "ar")[0].currency == "AED");
  CHECK(Money("5 مليارات ريال", "ar", "ar-QA")[0].currency == "QAR");
  CHECK(Money("5 مليارات ريال", "ar", "ar-SA")[0].currency == "SAR");
  // Figures as the region writes them: es-MX groups thousands with a comma, es-ES with a dot.
  CHECK(Money("1,500 millones de dólares", "es", "es-MX")[0].value == 1.5e9);
  CHECK(Money("1,5 millones de dólares", "es", "es-ES")[0].value == 1.5e6);
  CHECK(Money("1.500 millones de dólares", "es", "es-ES")[0].value == 1.5e9);
  CHECK(Money("1,5 milliards de dollars", "fr", "fr-CA")[0].value == 1.5e9);
  CHECK(Money("80.000 millones de euros", "es", "es-MX")[0].value == 8e10);
  CHECK(Money("2.5 millones de dólares", "es", "es-MX")[0].value == 2.5e6);
  // A region whose mark differs the other way keeps the language's: an English
  // wire from Berlin (en-DE) writes $1.125 billion.
  CHECK(Money("$1.125 billion", "en", "en-DE")[0].value == 1.125e9);
  CHECK(Money("2.375 billion rand", "en", "en-ZA")[0].value == 2.375e9);
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

TEST_CASE("a document's region: else its dateline's place (ICU's exemplar cities)") {
  const std::string quebec = "Titre\n\nMONTRÉAL, le 3 mars 2025 — Ottawa investira.";
  CHECK(kgx::DatelineRegion(quebec, "fr") == "CA");
  CHECK(kgx::RegionalLocale("", "", "fr", quebec) == "fr-CA");
  CHECK(kgx::RegionalLocale("fr", "", "fr", "**PERTH**, May 2 -- The state will invest.") ==
        "fr");  // no French press in Australia: ICU has no fr-AU
  CHECK(kgx::RegionalLocale("", "", "en", "PERTH, May 2 -- The state will invest.") == "en-AU");
  CHECK(kgx::RegionalLocale("", "", "ar", "الدار البيضاء – 6 شتنبر 2023") == "ar-MA");
  // The address's domain comes first; a sentence that only starts with a city is none.
  CHECK(kgx::RegionalLocale("", "https://news.example.co.uk/a", "en", "PERTH, May 2") == "en-GB");
  CHECK(kgx::DatelineRegion("Sydney and Perth signed a memorandum, officials said.", "en") == "");
  CHECK(kgx::DatelineRegion("LONDON, May 2 -- The fund will invest.", "en") == "GB");
}

TEST_CASE("a document's region: else its dateline's place as the gazetteer's capital") {
  // ICU has Canberra only as a link to Sydney's zone, with no exemplar city.
  const std::string canberra = "CANBERRA, June 20 2023 -- The government adds $500 million.";
  CHECK(kgx::DatelineRegion(canberra, "en") == "");
  const kgx::PlaceRegion capitals = [](std::string_view place) {
    return place == "CANBERRA" ? std::string("AU") : std::string();
  };
  CHECK(kgx::DatelineRegion(canberra, "en", capitals) == "AU");
  CHECK(kgx::RegionalLocale("", "", "en", canberra, capitals) == "en-AU");
  // Through the extractor: the project's capitals give the bare dollar its country.
  kgx::Document doc;
  REQUIRE(kgx::ParseDocument("doc.md", "---\nlocale: en\n---\n" + canberra + "\n", &doc).ok());
  const kgx::Record r = kgx::Extractor(kgx_test::ProjectModel()).Extract(doc);
  REQUIRE(r.amounts.size() == 1);
  CHECK(r.amounts[0].currency == "AUD");
  // A headline that opens with a capital and a comma is no dateline.
  const kgx::PlaceRegion any_case = [](std::string_view place) {
    return place == "CANBERRA" || place == "Canberra" ? std::string("AU") : std::string();
  };
  CHECK(kgx::DatelineRegion("Canberra, Tokyo sign $500 million pact", "en", any_case) == "");
  CHECK(kgx::DatelineRegion("Canberra (Reuters) - The government adds $5 million.", "en",
                            any_case) == "AU");
  // A capital that only opens a sentence is no dateline.
  REQUIRE(kgx::ParseDocument(
              "doc.md", "---\nlocale: en\n---\nCanberra and Tokyo will add $500 million.\n", &doc)
              .ok());
  const kgx::Record plain = kgx::Extractor(kgx_test::ProjectModel()).Extract(doc);
  REQUIRE(plain.amounts.size() == 1);
  CHECK(plain.amounts[0].currency == "USD");
}

TEST_CASE("not money: percentages, tonnages, years, counts, tickers, phone numbers") {
  CHECK(Money("rose 3.5% to 1,200 tonnes in 2024", "en").empty());
  CHECK(Money("生産量は30万トン、前年比15%増", "ja").empty());
  CHECK(Money("Sojitz ( SZHFF ) and 5,000 workers; call +61 2 9999 1234", "en").empty());
  CHECK(Money("一元化を進める", "ja").empty());       // a CJK numeral word, not one yuan
  CHECK(Money("le 12 mars, à Paris", "fr").empty());  // "ars" inside a word is no peso
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
