// Portuguese, Russian, Vietnamese, Arabic and Italian (issue 21): language
// identification, sentences, inflected names (Russian case endings, Arabic
// attached prefixes and unvowelled script), money as each press writes it,
// dates, and offsets that stay exact through bidi controls and vowel marks.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/facts/dates.h"
#include "extract/extractor.h"
#include "extract/entities/gazetteer.h"
#include "extract/read/language.h"
#include "extract/entities/matcher.h"
#include "extract/facts/money.h"
#include "extract/read/normalize.h"
#include "extract/read/reader.h"
#include "extract/read/segment.h"
#include "tests/test_util.h"

namespace {

using kgx_test::Extract;

// A table's expectation: what is read, in order, joined by ", ".
std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& x : items) out += (out.empty() ? "" : ", ") + x;
  return out;
}

// "id=text" of every entity found, in text order.
std::string Found(const std::string& text, const std::string& lang) {
  return Joined(kgx_test::IdsAndTexts(kgx_test::Match(kgx_test::ProjectModel(), text, lang)));
}

// What the relation reader makes of one sentence in `lang` (given in front
// matter, so that a short sentence is not read as another language):
// "A-B status" per agreement and "FROM>TO type status" per measure.
std::string Relations(const std::string& text, const std::string& lang) {
  const kgx::Record r = kgx_test::ReadIn(text, lang);
  std::vector<std::string> out;
  for (const kgx::AgreementRef& a : r.agreements) {
    std::string parties;
    for (const std::string& p : a.parties) parties += (parties.empty() ? "" : "-") + p;
    out.push_back(parties + " " + a.status);
  }
  for (const kgx::RestrictionRef& m : r.restrictions)
    out.push_back(m.from + ">" + m.to + " " + m.type + " " + m.status);
  return Joined(out);
}

// A text and what is read in it, its items joined as Joined() writes them.
struct Case {
  std::string text;
  std::string found;
};

// The cases of one language, as its press writes: each text is read in
// `lang` (given, since a short text is too short to detect).
struct InLanguage {
  const char* lang;

  // Checks the entities found in each text (Found).
  void Finds(const std::vector<Case>& cases) const { Check(cases, Found); }
  // Checks the relations read in each text (Relations).
  void Reads(const std::vector<Case>& cases) const { Check(cases, Relations); }

  void Check(const std::vector<Case>& cases,
             std::string (*read)(const std::string&, const std::string&)) const {
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(read(c.text, lang) == c.found);
    }
  }
};

// A word table of `lines` in file order, each "tag:word".
kgx::WordsByLanguage Words(const std::vector<std::string>& lines) {
  std::vector<std::pair<std::string, std::string>> tagged;
  for (const std::string& line : lines) {
    const size_t colon = line.find(':');
    tagged.emplace_back(line.substr(0, colon), line.substr(colon + 1));
  }
  return kgx::WordsByLanguage(tagged);
}

}  // namespace

TEST_CASE("Russian names are found in every case, from one nominative line") {
  InLanguage{"ru"}.Finds({
      {"Казахстан подписал", "KZ=Казахстан"},
      {"из Казахстана", "KZ=Казахстана"},
      {"вместе с Казахстаном", "KZ=Казахстаном"},
      {"в Казахстане", "KZ=Казахстане"},
      {"поставки в Китай и России", "CN=Китай, RU=России"},
      {"партнерство с Китаем", "CN=Китаем"},
      {"визит в Южную Корею", "KR=Южную Корею"},
      {"добыча редкоземельных металлов", "rare earths=редкоземельных металлов"},
      {"производство лития и никеля", "lithium=лития, nickel=никеля"},
      {"поставки меди", "copper=меди"},
      {"с Евросоюзом", "EU=Евросоюзом"},
      // An acronym does not inflect (США is not read as a case of a word in -а),
      // and a longer word that only begins with a name is not the name.
      {"санкции США", "US=США"},
      {"казахстанец", ""},
      // ICU's Того (Togo) is also "of that", capitalized at a sentence start.
      {"Того же мнения эксперты", ""},
      // A genitive after the name's noun keeps its form (modifier rule);
      // a name of one noun and an apposition still declines both.
      {"цены на Лондонской бирже металлов", "London Metal Exchange=Лондонской бирже металлов"},
      {"в Офисе президента Украины", "Office of the President of Ukraine=Офисе президента Украины"},
      {"саммит Шанхайской организации сотрудничества", "SCO=Шанхайской организации сотрудничества"},
      {"с Республикой Корея и Республики Кореи", "KR=Республикой Корея, KR=Республики Кореи"},
      {"экспорт глинозёма и глинозема", "alumina=глинозёма, alumina=глинозема"},
      // индий (indium) declines into Индия (India): its forms keep their case.
      {"поставки индия в Индию", "indium=индия, IN=Индию"},
  });
}

TEST_CASE("German adjectives in names take their case endings") {
  InLanguage{"de"}.Finds({
      {"die Verarbeitung Seltener Erden", "rare earths=Seltener Erden"},
      {"mit den Seltenen Erden", "rare earths=Seltenen Erden"},
      {"Kommission der Europäischen Union", "EU=Europäischen Union"},
      {"mit der Allgemeinen Zollverwaltung",
       "General Administration of Customs=Allgemeinen Zollverwaltung"},
  });
}

TEST_CASE("Arabic names are found with attached prefixes and without vowel marks") {
  InLanguage{"ar"}.Finds({
      {"الصين", "CN=الصين"},
      // و, ب, ل written onto the name: the mention is the name alone.
      {"والصين", "CN=الصين"},
      {"بالصين", "CN=الصين"},
      {"للصين", "CN=للصين"},
      {"وروسيا", "RU=روسيا"},
      {"صادرات الليثيوم والنحاس", "lithium=ليثيوم, copper=نحاس"},
      // Harakat and tatweel are not part of the match, but of the mention.
      {"\u0627\u0644\u0635\u0651\u064a\u0646", "CN=\u0627\u0644\u0635\u0651\u064a\u0646"},
      {"الصـــين", "CN=الصـــين"},
      // Alef with hamza written or not.
      {"امريكا", "US=امريكا"},
      // A letter that only looks like a prefix is part of another word.
      {"مصرفي", ""},
      // مالي is Mali and "financial": المالي, "the financial", is no country.
      {"الدعم المالي", ""},
  });
}

TEST_CASE("Portuguese and Italian contracted prepositions do not hide the name") {
  InLanguage{"pt"}.Finds({
      {"exportações do Brasil", "BR=Brasil"},
      {"reservas da China", "CN=China"},
      {"minério de ferro e terras raras", "iron ore=minério de ferro, rare earths=terras raras"},
  });
  InLanguage{"it"}.Finds({
      {"importazioni dal Kazakhstan", "KZ=Kazakhstan"},
      {"nell'Unione europea", "EU=Unione europea"},
      {"dell'Italia", "IT=Italia"},
      {"a Monaco di Baviera", ""},
      // ICU's Italian "USA" (matched as written) and the press's "Usa" of a
      // later line are both names of the United States; gold is a mineral.
      {"dazi degli Usa e degli USA sull'oro", "US=Usa, US=USA, gold=oro"},
  });
  InLanguage{"vi"}.Finds({
      {"Việt Nam và Trung Quốc", "VN=Việt Nam, CN=Trung Quốc"},
      // Đức is Germany and a given name: after Ông (Mr.) it is a person's.
      {"Ông Nguyễn Minh Đức cho biết", "Nguyễn Minh Đức=Nguyễn Minh Đức"},
  });
  InLanguage{"ru"}.Finds({{"добыча золота", "gold=золота"}});
}

TEST_CASE("inflection rules: a bad line names its file and line") {
  kgx::Model gaz;
  kgx::Status s = gaz.LoadString("t.tsv",
                                 "@kind\tinflection\n"
                                 "suffix\tru\tа\tа ы е\n"
                                 "suffix\tru\tя\tя и\n");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "t.tsv:3: a ru suffix rule needs 3 forms, one per case, got 2");
  kgx::Model gaz2;
  s = gaz2.LoadString("t.tsv", "@kind\tinflection\nsuffix\tru\tа\n");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().rfind("t.tsv:2: expected 'suffix|prefix", 0) == 0);
  // A rule of more cases than any language has is refused, not expanded.
  std::string many = "@kind\tinflection\nsuffix\tru\tа\t";
  for (int i = 0; i < 40; ++i) many += i ? " а" : "а";
  kgx::Model gaz3;
  s = gaz3.LoadString("t.tsv", many + "\n");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "t.tsv:2: at most 32 forms, got 40");
}

TEST_CASE("inflection rules apply to aliases of their language only") {
  const auto gaz = kgx_test::CompiledModel(
      "@kind\tinflection\n"
      "suffix\tru\tа\tа ы\n"
      "prefix\tar\t*\tو~\n"
      "@kind\tcountry\n"
      "CU\tru\tКуба\n"
      "CU\tbg\tКуба\n"
      "EG\tar\tمصر\n");
  // Attached words are read before a match, not generated.
  CHECK(kgx_test::AliasForms(*gaz) ==
        std::vector<std::string>{"ru:куба", "bg:куба", "ar:مصر", "ru:кубы"});
  const auto found = kgx_test::Match(*gaz, "ومصر وكوبا", "ar");
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "EG");
  CHECK(found[0].text == "مصر");
}

TEST_CASE("modifier rules: a name's genitive keeps its form, besides every word declined") {
  const auto gaz = kgx_test::CompiledModel(
      "@kind\tinflection\n"
      "suffix\tru\tа\tа ы\n"
      "suffix\tru\tая\tая ой\n"
      "modifier\tru\tая\n"
      "@kind\tgroup\n"
      "X\tru\tНовая биржа Африка\n");
  CHECK(kgx_test::AliasForms(*gaz) == std::vector<std::string>{"ru:новая биржа африка",
                                                               "ru:новой биржы африка",
                                                               "ru:новой биржы африкы"});
  kgx::Model bad;
  const kgx::Status s = bad.LoadString("t.tsv", "@kind\tinflection\nmodifier\tru\t,\n");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "t.tsv:2: a modifier rule needs at least one edge");
}

TEST_CASE("spelling rules: an alias written one way is also written the other, then prefixed") {
  const auto gaz = kgx_test::CompiledModel(
      "@kind\tinflection\n"
      "spelling\tar\tأمريك\tأميرك\n"
      "prefix\tar\tال\tلل\n"
      "@kind\torganization\n"
      "US Treasury\tar\tالخزانة الأمريكية\n"
      "Other\tfr\tSociété américaine\n");
  CHECK(kgx_test::AliasForms(*gaz) ==
        std::vector<std::string>{"ar:الخزانة الامريكية", "fr:société américaine",
                                 "ar:الخزانة الاميركية", "ar:للخزانة الامريكية",
                                 "ar:للخزانة الاميركية"});  // Folded: أ is ا.
  const auto found = kgx_test::Match(*gaz, "أعلنت الخزانة الأميركية", "ar");
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "US Treasury");
  kgx::Model bad;
  // Forms the matcher folds alike (أ is ا) are one form.
  const kgx::Status s =
      bad.LoadString("t.tsv", "@kind\tinflection\nspelling\tar\tأمريكا\tامريكا\n");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "t.tsv:2: a spelling rule needs two different forms");
}

TEST_CASE("money as the Portuguese, Russian, Vietnamese, Arabic and Italian press writes it") {
  struct M {
    const char* lang;
    const char* text;
    double value;
    const char* currency;
  };
  const M cases[] = {
      {"pt", "um aporte de R$ 1,2 bilhão", 1.2e9, "BRL"},
      {"pt", "investimento de US$ 500 milhões", 5e8, "USD"},
      {"pt", "R$ 5 bilhões para minerais", 5e9, "BRL"},
      {"ru", "сделка на 2,5 млрд долларов", 2.5e9, "USD"},
      {"ru", "программа на 1,2 трлн рублей", 1.2e12, "RUB"},
      {"ru", "выручка 12,5 млрд долл. США", 12.5e9, "USD"},
      {"vi", "dự án 3 tỷ USD", 3e9, "USD"},
      {"vi", "khoản vay 500 triệu đô la", 5e8, "USD"},
      {"vi", "hơn 3.300 tỷ đồng", 3.3e12, "VND"},
      {"ar", "صفقة بقيمة ٣٫٥ مليار دولار", 3.5e9, "USD"},
      {"ar", "استثمار 6.4 مليار دولار", 6.4e9, "USD"},
      {"ar", "\u200f٢٫٦ مليار دولار\u200f", 2.6e9, "USD"},
      {"it", "1,5 miliardi di euro di investimenti", 1.5e9, "EUR"},
      {"it", "un fondo da 1 miliardo di euro", 1e9, "EUR"},
  };
  for (const M& m : cases) {
    const std::string text = kgx::NormalizeNfkc(m.text);
    CAPTURE(m.text);
    std::vector<kgx::Amount> amounts;
    std::vector<kgx::ExchangeRate> rates;
    kgx_test::ProjectModel().money_parser()->Find(text, m.lang, "", &amounts, &rates);
    REQUIRE(amounts.size() == 1);
    CHECK(amounts[0].value == doctest::Approx(m.value));
    CHECK(amounts[0].currency == m.currency);
  }
}

TEST_CASE("Arabic-Indic digits, bidi controls and vowel marks keep offsets into the file") {
  // RLM and LRE around the figure, a vowel mark inside the country: the
  // record's offsets still cut the original bytes at the words.
  const std::string text =
      "\u0648\u0642\u0639\u062a \u0627\u0644\u0635\u0651\u064a\u0646 \u200f\u0663\u066b\u0665 "
      "\u0645\u0644\u064a\u0627\u0631 \u062f\u0648\u0644\u0627\u0631\u200f \u0645\u0639 "
      "\u202a\u0645\u0635\u0631\u202c.";
  const kgx::Record r = Extract("ar.txt", text);
  CHECK(r.lang == "ar");
  REQUIRE(r.amounts.size() == 1);
  CHECK(r.amounts[0].value == doctest::Approx(3.5e9));
  CHECK(r.amounts[0].currency == "USD");
  CHECK(text.substr(r.amounts[0].start, r.amounts[0].end - r.amounts[0].start) ==
        "\u0663\u066b\u0665 \u0645\u0644\u064a\u0627\u0631 \u062f\u0648\u0644\u0627\u0631");
  std::vector<std::string> mentions;
  for (const kgx::Mention& m : r.mentions) {
    CHECK(text.substr(m.start, m.end - m.start) == m.text);
    mentions.push_back(m.id + "=" + m.text);
  }
  CHECK(mentions == std::vector<std::string>{"CN=\u0627\u0644\u0635\u0651\u064a\u0646",
                                             "EG=\u0645\u0635\u0631"});
}

TEST_CASE("language of Portuguese, Russian, Vietnamese, Arabic and Italian text") {
  const kgx::StopwordTable& stop = kgx_test::ProjectModel().stopwords();
  CHECK(kgx::DetectLanguage("Норникель рассматривает перенос выплавки меди в Китай", "", stop) ==
        "ru");
  CHECK(kgx::DetectLanguage("أعلنت شركة منارة للمعادن أنها ستشتري حصة في Vale", "", stop) == "ar");
  CHECK(kgx::DetectLanguage("A Vale anunciou a venda de uma participação, mas não disse o preço "
                            "pela unidade",
                            "", stop) == "pt");
  CHECK(kgx::DetectLanguage("Il governo ha approvato il decreto sulle materie prime critiche che "
                            "sono della Ue",
                            "", stop) == "it");
  CHECK(kgx::DetectLanguage("Việt Nam và Hoa Kỳ đã ký một bản ghi nhớ về hợp tác trong lĩnh vực "
                            "khoáng sản",
                            "", stop) == "vi");
  CHECK(kgx::DetectLanguage("anything", "pt-BR", stop) == "pt");
  // A firm's name in Han characters inside Arabic or Russian text leaves it
  // Arabic or Russian; a Chinese text with a Latin name stays Chinese.
  CHECK(
      kgx::DetectLanguage("وقعت الحكومة المغربية اتفاقية مع مجموعة غوشن (国轩高科) الصينية لإنشاء "
                          "مصنع للبطاريات في القنيطرة",
                          "", stop) == "ar");
  CHECK(kgx::DetectLanguage(
            "Компания «Цзянси Ганьфэн» (江西赣锋) купила долю в проекте в Аргентине", "", stop) ==
        "ru");
  CHECK(kgx::DetectLanguage("赣锋锂业与Lithium Americas签署了供货协议", "", stop) == "zh-Hans");
}

TEST_CASE("sentences and dates in the five languages") {
  auto count = [](const std::string& text, const std::string& lang) {
    return kgx::SplitSentences(text, lang).size();
  };
  CHECK(count("Россия и Китай подписали соглашение. Его сумма не раскрывается.", "ru") == 2);
  CHECK(count("وقعت الحكومة اتفاقية. هل تشمل الليثيوم؟ لم يتضح بعد.", "ar") == 3);
  CHECK(count("Việt Nam có trữ lượng lớn. Mỹ muốn hợp tác.", "vi") == 2);
  auto date = [](const std::string& text, const std::string& lang) {
    const auto found =
        kgx_test::ProjectModel().date_finder()->Find(kgx::NormalizeNfkc(text), lang, "2026-03-01");
    return found.empty() ? std::string() : found[0].date;
  };
  CHECK(date("АСТАНА, 8 ноября 2022 года", "ru") == "2022-11-08");
  CHECK(date("HÀ NỘI, ngày 11 tháng 9 năm 2023", "vi") == "2023-09-11");
  CHECK(date("الرياض، 27 يوليو 2023", "ar") == "2023-07-27");
  CHECK(date("الرياض، ٢٧ يوليو ٢٠٢٣", "ar") == "2023-07-27");
  CHECK(date("RIO DE JANEIRO, 21 de janeiro de 2025", "pt") == "2025-01-21");
  CHECK(date("em vigor em 1º de março de 2025", "pt") == "2025-03-01");
  CHECK(date("ROMA, 20 giugno 2024", "it") == "2024-06-20");
  // A weekday is a whole word: среда (Wednesday) is not in средах.
  CHECK(date("в природных средах", "ru").empty());
}

TEST_CASE("agreements and trade measures in Portuguese and Italian, from their frames") {
  InLanguage{"pt"}.Reads({
      // A deed with its partner (com o, con il: the article is part of the marker).
      {"O Brasil assinou com o Japão um memorando de entendimento sobre terras raras.",
       "BR-JP concluded"},
      // A plan is no deed.
      {"O Chile pretende assinar um acordo com a Índia sobre o lítio.", "CL-IN planned"},
      {"Os Estados Unidos impuseram tarifas sobre produtos do Brasil.", "US>BR tariff in_force"},
      // A list goes on after an article: the hub with each partner.
      {"A União Europeia firmou acordos com a Namíbia, o Cazaquistão e o Chile.",
       "CL-EU concluded, EU-KZ concluded, EU-NA concluded"},
  });
  InLanguage{"it"}.Reads({
      {"L'Italia ha firmato con il Kazakhstan un memorandum d'intesa sulle terre rare.",
       "IT-KZ concluded"},
      {"L'Italia e il Cile potrebbero firmare un accordo sul litio.", "CL-IT planned"},
      {"Gli Stati Uniti hanno imposto dazi contro la Cina sul gallio.", "US>CN tariff in_force"},
  });
}

TEST_CASE("agreements and trade measures in Russian, with inflected countries and triggers") {
  InLanguage{"ru"}.Reads({
      // Both countries in the instrumental case, the trigger in a participle form.
      {"Между Казахстаном и Южной Кореей подписан меморандум о литии.", "KR-KZ concluded"},
      {"Россия подписала с Монголией соглашение о поставках урана.", "MN-RU concluded"},
      {"Россия и Индия не подписали соглашение о никеле.", "IN-RU failed"},
      {"США ввели санкции против России из-за поставок палладия.", "US>RU sanction in_force"},
      // A hub: Brussels (the EU) with each partner, never the partners together.
      {"Брюссель заключил меморандумы с Намибией, Чили и Аргентиной.",
       "AR-EU concluded, CL-EU concluded, EU-NA concluded"},
  });
}

TEST_CASE("agreements and trade measures in Vietnamese") {
  InLanguage{"vi"}.Reads({
      {"Việt Nam đã ký biên bản ghi nhớ với Hàn Quốc về đất hiếm.", "KR-VN concluded"},
      {"Việt Nam và Úc chưa ký thỏa thuận về khoáng sản.", "AU-VN failed"},
      // Goods of a country "bear" (chịu, a target verb) a tariff in the
      // market they are sold in: the subject is the target, the
      // destination the imposer (never VN>US).
      {"Hàng hóa Việt Nam xuất khẩu sang Mỹ chịu mức thuế đối ứng 20%.", "US>VN tariff in_force"},
  });
}

TEST_CASE("agreements and trade measures in Arabic, with letters written onto the words") {
  InLanguage{"ar"}.Reads({
      // The verb first, then the subject: the actor is read before the noun of the deed.
      {"وقعت مصر اتفاقية مع الصين والهند في مجال التعدين.", "CN-EG concluded, EG-IN concluded"},
      // و on the country and on the verb, ال on the trigger.
      {"ووقعت السعودية والولايات المتحدة الاتفاقية في الرياض.", "SA-US concluded"},
      {"لم توقع مصر والأردن الاتفاقية بعد.", "EG-JO failed"},
      {"فرضت الولايات المتحدة رسوما على الصين.", "US>CN tariff in_force"},
  });
  // A bidi mark inside the sentence changes nothing, and the roles' offsets
  // still cut the file's bytes at the words.
  const std::string text = "---\nlocale: ar\n---\n\u200fوقعت مصر اتفاقية مع \u202bالصين\u202c.\n";
  const kgx::Record r = Extract("b.md", text);
  REQUIRE(r.agreements.size() == 1);
  CHECK(r.agreements[0].parties == std::vector<std::string>{"CN", "EG"});
  for (const kgx::RoleRef& role : r.agreements[0].roles)
    CHECK(text.substr(role.start, role.end - role.start) == role.text);
}

TEST_CASE("Vietnamese copper and gold are read bare only in a list with another mineral") {
  InLanguage{"vi"}.Finds({
      {"giá nhôm, đồng và nikel tăng", "aluminium=nhôm, copper=đồng, nickel=nikel"},
      {"xuất khẩu đồng, kẽm sang Nhật Bản", "copper=đồng, zinc=kẽm, JP=Nhật Bản"},
      {"than chì hoặc vàng", "graphite=than chì, gold=vàng"},
      // Agreeing, the currency, a colour: no mineral.
      {"Việt Nam đồng ý với Mỹ", "VN=Việt Nam, US=Mỹ"},
      {"hỗ trợ 500 tỷ đồng cho Vinacomin", "Vinacomin=Vinacomin"},
      // Two listed words hold each other up only beside a plain one.
      {"màu vàng và đồng hồ", ""},
      // More than one short word between: no list.
      {"đồng hồ của nhà máy nhôm", "aluminium=nhôm"},
  });
}

TEST_CASE("list gaps are commas, slashes and one short joining word") {
  CHECK(kgx::IsListGap(", "));
  CHECK(kgx::IsListGap(" và "));
  CHECK(kgx::IsListGap(", hoặc "));
  CHECK(kgx::IsListGap("/"));
  CHECK_FALSE(kgx::IsListGap(""));
  CHECK_FALSE(kgx::IsListGap(" của nhà "));
  CHECK_FALSE(kgx::IsListGap(" trong khi "));
  CHECK_FALSE(kgx::IsListGap(". "));
}

TEST_CASE("Arabic indefinite accusative deeds and treaties; Vietnamese MoU without a verb") {
  InLanguage{"ar"}.Reads({
      // بيانا مشتركا: the accusative with tanween alif.
      {"أعلنت الصين والبرازيل الخميس بيانا مشتركا بشأن الليثيوم.", "BR-CN concluded"},
      // The subject between the verb and the treaty: leaders of three countries.
      {"وقع قادة الصين والبرازيل والهند السبت في بكين معاهدة للتعاون.", "BR-CN-IN concluded"},
  });
  InLanguage{"vi"}.Reads({
      // MoU and ghi nhớ without a verb of signing.
      {"Việt Nam và Hàn Quốc trao đổi MoU về đất hiếm.", "KR-VN concluded"},
      {"Việt Nam và Hàn Quốc trao đổi ghi nhớ về đất hiếm.", "KR-VN concluded"},
  });
}

TEST_CASE("words by language: the tags covering a document are the ones LanguageCovers names") {
  const std::vector<std::string> tags = {"*",  "zh", "zh-Hans", "zh-Hant", "zh-Hant-TW",
                                         "ja", "ru", "pt",      "pt-BR",   "z"};
  for (const char* doc : {"zh-Hant", "zh-Hant-TW", "zh", "ja", "pt-BR", "pt", "en", ""}) {
    std::vector<std::string> covering;
    kgx::ForEachCoveringTag(doc, [&](std::string_view t) { covering.emplace_back(t); });
    for (const std::string& tag : tags) {
      CAPTURE(doc);
      CAPTURE(tag);
      const bool listed = std::find(covering.begin(), covering.end(), tag) != covering.end();
      CHECK(listed == kgx::LanguageCovers(tag, doc));
    }
  }
}

TEST_CASE("words by language: the earliest line of a covering language wins") {
  const kgx::WordsByLanguage heads =
      Words({"ru:Министерств~", "*:Bank", "zh:部", "ru:Министерство", "zh-Hant:部門", "vi:Bộ"});
  auto first = [&](const std::string& lang, auto accept) {
    const std::string* w = heads.First(lang, accept);
    return w == nullptr ? std::string("-") : *w;
  };
  auto any = [](const std::string&) { return true; };
  CHECK(first("ru", any) == "Министерств~");
  CHECK(first("vi", any) == "Bank");  // "*" covers every language; its line comes first.
  CHECK(first("zh-Hant", [](const std::string& w) { return w != "Bank"; }) == "部");
  CHECK(first("zh-Hant", [](const std::string& w) { return w.size() > 3 && w != "Bank"; }) ==
        "部門");
  // Lines of other languages are not read: "Bộ" is Vietnamese, 部 Chinese.
  CHECK(first("ru", [](const std::string& w) { return w == "Bộ" || w == "部"; }) == "-");
  CHECK(first("ja", [](const std::string& w) { return w != "Bank"; }) == "-");
  CHECK(kgx::WordsByLanguage().First("ru", any) == nullptr);
}

TEST_CASE("words by language: ForEach visits the lines whose tag covers the language") {
  const kgx::WordsByLanguage words =
      Words({"zh:部", "ja:省", "*:any", "zh-Hant:處", "zh:局", "zh-Hans:处"});
  auto visited = [&](const std::string& lang) {
    std::vector<std::string> out;
    words.ForEach(lang, [&](const std::string& w) { out.push_back(w); });
    return out;
  };
  // "*" first, then each covering tag, each tag's words in line order.
  CHECK(visited("zh-Hant") == std::vector<std::string>{"any", "部", "局", "處"});
  CHECK(visited("ja") == std::vector<std::string>{"any", "省"});
  CHECK(visited("ko") == std::vector<std::string>{"any"});
  // A tag is a whole subtag: "zh" covers no "zhx".
  CHECK(visited("zhx") == std::vector<std::string>{"any"});
}

TEST_CASE("CJK languages are the ones ICU writes with Han characters") {
  for (const char* lang : {"zh", "zh-Hans", "zh-Hant", "zh-TW", "ja", "ja-JP", "ko", "yue"}) {
    CAPTURE(lang);
    CHECK(kgx::IsCjkLanguage(lang));
  }
  for (const char* lang : {"en", "vi", "ru", "ar", "mn", "yi", "zha", "*", "", "xx"}) {
    CAPTURE(lang);
    CHECK_FALSE(kgx::IsCjkLanguage(lang));
  }
}
