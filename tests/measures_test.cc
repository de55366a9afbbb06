// Trade measures read by role (issue 18): the imposer fills the actor slot,
// the target the slot a target word opens ("tariffs on", 对, に対する,
// 에 대한, 産, 산), a reason country is no target, and a measure that is not
// in force keeps its status but is no RESTRICTS edge. One case per trap,
// each in at least three languages; sentences written for these tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "extract/extractor.h"
#include "extract/read/reader.h"
#include "tests/test_util.h"

namespace {

using kgx_test::ReadIn;

using Set = std::set<std::string>;

// The set's items in order, space-separated ("CA>US CN>"): doctest prints it.
std::string Join(const Set& set) {
  std::string out;
  for (const std::string& x : set) out += (out.empty() ? "" : " ") + x;
  return out;
}

// "CN>US" for each measure in force ("CN>" when untargeted).
std::string InForce(const std::string& text, const std::string& lang) {
  Set out;
  for (const auto& x : ReadIn(text, lang).restrictions)
    if (kgx::IsInForce(x)) out.insert(x.from + ">" + x.to);
  return Join(out);
}

// "CN>US suspended" for every measure read, in force or not.
std::string WithStatus(const std::string& text, const std::string& lang) {
  Set out;
  for (const auto& x : ReadIn(text, lang).restrictions)
    out.insert(x.from + ">" + x.to + ":" + x.status);
  return Join(out);
}

}  // namespace

// Status bound to its trigger (issue 18): a status word speaks of a measure
// or a deal only in the trigger's clause and where it scopes over it.
namespace {

// The statuses of the measures read ("in_force threatened").
std::string Statuses(const std::string& text, const std::string& lang) {
  Set out;
  for (const auto& x : ReadIn(text, lang).restrictions) out.insert(x.status);
  return Join(out);
}

// "JP-US:talks" for every agreement read.
std::string Deals(const std::string& text, const std::string& lang) {
  Set out;
  for (const auto& a : ReadIn(text, lang).agreements) {
    std::string parties;
    for (const std::string& p : a.parties) parties += (parties.empty() ? "" : "-") + p;
    out.insert(parties + ":" + a.status);
  }
  return Join(out);
}

}  // namespace

TEST_CASE("status: a measure named as the background is in force") {
  // Who imposes is the measure reader's business: here only the status.
  CHECK(Statuses("Chipmakers in Japan hope to prepare for China's export controls on gallium.",
                 "en") == "in_force");
  CHECK(Statuses("日本计划应对中国的镓出口管制。", "zh-Hans") == "in_force");
}

TEST_CASE("status: an agreement word under negotiation makes talks, whatever was agreed") {
  CHECK(Deals("Japan and India agreed to advance the trade agreement under negotiation.", "en") ==
        "IN-JP:talks");
  CHECK(Deals("España y Chile acordaron impulsar el acuerdo comercial en negociación.", "es") ==
        "CL-ES:talks");
  CHECK(Deals("中国与巴西同意推进正在谈判的贸易协定。", "zh-Hans") == "BR-CN:talks");
  CHECK(Deals("日米両政府は交渉中の通商協定の前進で一致した。", "ja") == "JP-US:talks");
  // Signed outright, it is concluded.
  CHECK(Deals("Japan and India signed the trade agreement.", "en") == "IN-JP:concluded");
}

TEST_CASE("status: a cooperation word alone does not conclude what a later sentence calls talks") {
  CHECK(Deals("米国とインドは資源協力を再加速。両国は交渉中の通商協定の前進で一致した。", "ja") ==
        "IN-US:talks");
  CHECK(Deals("Japan and Chile deepen copper cooperation. The two countries are negotiating a "
              "copper agreement.",
              "en") == "CL-JP:talks");
}

TEST_CASE("measures: a forum (the G20) imposes no measure and is no target") {
  // kind=forum in groups.tsv: a forum's paper against export controls is no
  // export control of its own.
  for (const auto& [text, lang] : std::vector<std::pair<std::string, std::string>>{
           {"G20サミットに向けた文書は、重要鉱物を一方的な輸出規制から守る方針を打ち出した。", "ja"},
           {"The G20 imposed export controls on gallium.", "en"},
           {"Japan imposed export controls on gallium against the G20.", "en"}}) {
    const kgx::Record r = ReadIn(text, lang);
  // The forum is read (it is a group of the record); it only takes no side.
    REQUIRE(std::find(r.groups.begin(), r.groups.end(), "G20") != r.groups.end());
    for (const auto& x : r.restrictions) {
      CHECK(x.from != "G20");
      CHECK(x.to != "G20");
    }
  }
}

TEST_CASE("measures: a second measure of the sentence without target or mineral shares the "
          "first's target") {
  CHECK(InForce("商务部将28家美国实体列入出口管制管控名单，禁止向其出口两用物项。", "zh-Hans") ==
        "CN>US");
  CHECK(InForce("베이징은 미국 기업 15곳을 수출통제 명단에 올려 이중용도 물자의 수출을 금지했다.",
                "ko") == "CN>US");
  // One naming its own minerals is another measure ("export controls on
  // graphite ... and banned exports of gallium to the US").
  CHECK(InForce("China imposed export controls on graphite last year and banned exports of "
                "gallium to the United States in December.",
                "en") == "CN> CN>US");
}

// Issue 18, kinds 6 and 7: a measure read by its verb alone, aimed at the
// origin adjective after the goods or at a company's home.
TEST_CASE("measures: a ban by its verb, aimed at the goods' origin or at a company's home") {
  const char* const cases[][3] = {
      {"ru", "США запретили импорт российского золота.", "US>RU"},
      {"fr", "L'Union européenne a interdit les importations de diamants russes.", "EU>RU"},
      {"it", "L'Italia ha vietato le importazioni di acciaio russo.", "IT>RU"},
      {"es", "España prohibió las importaciones de gas ruso.", "ES>RU"},
      {"pt", "O Canadá proibiu as importações de alumínio russo.", "CA>RU"},
      {"vi", "Campuchia đã cấm nhập khẩu rau quả của Thái Lan.", "KH>TH"},
      {"vi", "Campuchia ngừng nhập nhiên liệu Thái Lan.", "KH>TH"},
      {"vi", "Liên minh châu Âu đến nay chưa cấm nhập khẩu nhôm của Nga.", ""},
      {"de", "Großbritannien hatte 2020 beschlossen, Huawei aus seinem 5G-Netz zu verbannen.",
       "GB>CN"},
      {"en", "Canada ordered Hikvision to wind up its operations.", "CA>CN"},
      {"en", "Italy vetoed Sinochem's plans for Pirelli.", "IT>CN"},
      {"it", "L'Italia ha usato il golden power per limitare Sinochem in Pirelli.", "IT>CN"},
      {"fr", "La Suède a exclu Huawei de son réseau 5G.", "SE>CN"},
      {"pt", "Portugal excluiu a Huawei de suas redes 5G.", "PT>CN"},
      // A listed bank right after a target word: its home.
      {"ru", "США ввели санкции против Газпромбанка.", "US>RU"},
      {"fr", "Les États-Unis ont imposé des sanctions contre Gazprombank.", "US>RU"},
      {"de", "Die USA verhängten Sanktionen gegen die Gazprombank.", "US>RU"},
      {"en", "Gazprombank said the US sanctions would hurt exporters.", ""},
      // Imports or a company named without such a verb are no measure.
      {"fr", "Le Japon a augmenté ses importations de diamants russes.", ""},
      {"en", "Italy welcomed Sinochem's plans for Pirelli.", ""},
      {"de", "Großbritannien kauft weiter Netztechnik von Huawei.", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c[1]);
    CHECK(InForce(c[1], c[0]) == c[2]);
  }
}

TEST_CASE("measures: one announced for later (введет, vai impor, impondrá, imporrà) is threatened") {
  const std::pair<const char*, const char*> later[] = {
      {"ru", "Великобритания объявила, что введет запрет на импорт российской меди."},
      {"pt", "O Reino Unido vai impor tarifas sobre o aço russo."},
      {"es", "El Reino Unido impondrá aranceles al acero ruso."},
      {"it", "Il Regno Unito imporrà dazi sull'acciaio russo."},
  };
  for (const auto& [lang, text] : later) {
    const char* sentence = text;  // CAPTURE cannot take a structured binding (clang).
    CAPTURE(sentence);
    CHECK(WithStatus(text, lang) == "GB>RU:threatened");
  }
  // Imposed already: in force.
  CHECK(WithStatus("Великобритания ввела запрет на импорт российской меди.", "ru") ==
        "GB>RU:in_force");
}

TEST_CASE("measures: a duty recommended or under investigation is no measure in force") {
  const std::tuple<const char*, const char*, const char*> pending[] = {
      {"ko", "한국 무역위원회는 일본산 스테인리스강에 반덤핑관세 부과를 건의했다.", "KR>JP"},
      {"fr", "L'UE recommande des droits antidumping sur l'acier chinois.", "EU>CN"},
      {"es", "México recomendó aranceles antidumping al acero de China.", "MX>CN"},
      {"ru", "Россия начала расследование и ввела бы пошлины на китайскую сталь.", "RU>CN"},
  };
  for (const auto& [lang, text, pair] : pending) {
    const char* sentence = text;  // CAPTURE cannot take a structured binding (clang).
    CAPTURE(sentence);
    CHECK(InForce(text, lang).empty());
    CHECK(WithStatus(text, lang) == std::string(pair) + ":threatened");
  }
  // Decided: in force.
  CHECK(InForce("México impuso aranceles antidumping al acero de China.", "es") == "MX>CN");
}

TEST_CASE("measures: a forum acting together imposes through each member; a bloc's area is no target") {
  const std::string g7 = "CA>RU DE>RU FR>RU GB>RU IT>RU JP>RU US>RU";
  CHECK(InForce("The Group of Seven imposed new sanctions on Russia.", "en") == g7);
  CHECK(InForce("Die G7 verhängten neue Sanktionen gegen Russland.", "de") == g7);
  CHECK(InForce("Le G7 a imposé de nouvelles sanctions contre la Russie.", "fr") == g7);
  CHECK(InForce("El G7 impuso nuevas sanciones a Rusia.", "es") == g7);
  CHECK(InForce("G7は対ロシア制裁を科した。", "ja") == g7);
  // A free-trade bloc named as the goods' origin: no measure on its states
  // (the bloc itself may be read, as the EU would be).
  CHECK(InForce("Chile cut tariffs on goods from the EFTA area.", "en").find("CL>CH") ==
        std::string::npos);
}

TEST_CASE("deals: negotiating or trying to is talks, not a deal done (id, ar)") {
  CHECK(Deals("Indonesia masih merundingkan perjanjian dagang dengan Kanada.", "id") ==
        "CA-ID:talks");
  CHECK(Deals("Jakarta masih berupaya merundingkan perjanjian mineral kritis dengan Amerika "
              "Serikat.",
              "id") == "ID-US:planned");
  CHECK(Deals("تتواصل المحادثات بين الإمارات وإندونيسيا بشأن اتفاقية الشراكة.", "ar") ==
        "AE-ID:talks");
}

TEST_CASE("deals: a status word between two partner lists speaks of the later one") {
  CHECK(Deals("Brazil has free trade agreements in force with Israel and Egypt and is negotiating "
              "with the UAE and Canada.",
              "en") == "AE-BR:talks BR-CA:talks BR-EG:concluded BR-IL:concluded");
  CHECK(Deals("O Brasil tem acordos de livre comércio em vigor com Israel e o Egito e mantém "
              "negociações com os Emirados Árabes Unidos e o Canadá.",
              "pt") == "AE-BR:talks BR-CA:talks BR-EG:concluded BR-IL:concluded");
  CHECK(Deals("México tiene tratados de libre comercio vigentes con Japón y Chile y negocia con "
              "Ecuador y Corea del Sur.",
              "es") == "CL-MX:concluded EC-MX:talks JP-MX:concluded KR-MX:talks");
  // Before both lists it speaks of both.
  CHECK(Deals("Brazil is negotiating free trade agreements with Israel and Egypt and with the UAE "
              "and Canada.",
              "en") == "AE-BR:talks BR-CA:talks BR-EG:talks BR-IL:talks");
}

// A measure its own clause dates after the day of publication is announced,
// not yet in force; one dated before it, or a yearless day far from it (the
// "last December" of a June article), says nothing of its status.
namespace {

std::string StatusesOn(const std::string& published, const std::string& text,
                       const std::string& lang) {
  kgx::Document doc;
  REQUIRE(kgx::ParseDocument("doc.md",
                             "---\nlocale: " + lang + "\ndate: " + published + "\n---\n" + text +
                                 "\n",
                             &doc)
              .ok());
  Set out;
  for (const auto& x : kgx::Extractor(kgx_test::ProjectModel()).Extract(doc).restrictions)
    out.insert(x.from + ">" + x.to + ":" + x.status);
  return Join(out);
}

}  // namespace

TEST_CASE("trap: a measure dated after publication is not yet in force") {
  CHECK(StatusesOn("2025-07-13", "Washington impone dazi del 30% sulle merci canadesi dal 1° agosto.",
                   "it") == "US>CA:threatened");
  CHECK(StatusesOn("2025-07-13", "Washington impone dazi del 30% sulle merci canadesi dal 1° marzo.",
                   "it") == "US>CA:in_force");
  CHECK(StatusesOn("2025-07-13",
                   "Ottawa appliquera une surtaxe de 25 % sur l'acier chinois à compter du 1er "
                   "septembre 2026.",
                   "fr") == "CA>CN:threatened");
  CHECK(StatusesOn("2024-06-20", "Pechino sottopone a licenza le esportazioni di grafite verso il "
                                 "Giappone dal 1° dicembre scorso.",
                   "it") == "CN>JP:in_force");
}

// A measure its own clause dates after the day of publication is announced,
// not in force: the date may stand before the measure word as after it.
TEST_CASE("status: a measure dated after publication in its clause is not yet in force") {
  auto read = [](const std::string& text, const std::string& lang) {
    kgx::Document doc;
    REQUIRE(kgx::ParseDocument(
                "doc.md", "---\nlocale: " + lang + "\ndate: 2026-03-10\n---\n" + text + "\n", &doc)
                .ok());
    Set out;
    for (const auto& x : kgx::Extractor(kgx_test::ProjectModel()).Extract(doc).restrictions)
      out.insert(x.from + ">" + x.to + " " + x.status);
    return Join(out);
  };
  CHECK(read("Dal 1° maggio 2026 gli Stati Uniti applicano dazi del 20% sull'acciaio del "
             "Brasile.",
             "it") == "US>BR threatened");
  CHECK(read("Ab dem 1. Mai 2026 erhebt Kanada Zölle auf Stahl aus Vietnam.", "de") ==
        "CA>VN threatened");
  CHECK(read("Seit dem 1. Februar 2026 erhebt Kanada Zölle auf Stahl aus Vietnam.", "de") ==
        "CA>VN in_force");
  // In another clause a later date says nothing of the measure.
  CHECK(read("Am 1. Mai 2026 tagt der Rat, und Kanada erhebt Zölle auf Stahl aus Vietnam.", "de") ==
        "CA>VN in_force");
}
