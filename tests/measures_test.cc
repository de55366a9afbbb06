// Trade measures read by role (issue 18): the imposer fills the actor slot,
// the target the slot a target word opens ("tariffs on", 对, に対する,
// 에 대한, 産, 산), a reason country is no target, and a measure that is not
// in force keeps its status but is no RESTRICTS edge. One case per trap,
// each in at least three languages; sentences written for these tests.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/reader.h"
#include "tests/test_util.h"

namespace {

using Set = std::set<std::string>;

// The set's items in order, space-separated ("CA>US CN>"): doctest prints it.
std::string Join(const Set& set) {
  std::string out;
  for (const std::string& x : set) out += (out.empty() ? "" : " ") + x;
  return out;
}

kgx::Record Read(const std::string& text, const std::string& lang) {
  kgx::Document doc;
  // Front matter fixes the language: a one-line text is too short to detect.
  REQUIRE(
      kgx::ParseDocument("doc.md", "---\nlocale: " + lang + "\n---\n" + text + "\n", &doc).ok());
  return kgx::Extractor(kgx_test::ProjectModel()).Extract(doc);
}

// "CN>US" for each measure in force ("CN>" when untargeted).
std::string InForce(const std::string& text, const std::string& lang) {
  Set out;
  for (const auto& x : Read(text, lang).restrictions)
    if (kgx::IsInForce(x)) out.insert(x.from + ">" + x.to);
  return Join(out);
}

// "CN>US suspended" for every measure read, in force or not.
std::string WithStatus(const std::string& text, const std::string& lang) {
  Set out;
  for (const auto& x : Read(text, lang).restrictions)
    out.insert(x.from + ">" + x.to + ":" + x.status);
  return Join(out);
}

}  // namespace

TEST_CASE("measures: a targeted tariff points from the imposer to the target") {
  CHECK(InForce("Canada imposed a 25% tariff on most American steel.", "en") == "CA>US");
  CHECK(InForce("Washington charges tariffs on many Chinese battery parts.", "en") == "US>CN");
  CHECK(InForce("Die USA erheben Zölle auf Batterien aus China.", "de") == "US>CN");
  CHECK(InForce("Amerika Serikat mengenakan tarif 19% atas sebagian besar produk Vietnam.", "id") ==
        "US>VN");
  // A country's adjective in the target's noun phrase is the target.
  CHECK(InForce("Le Canada applique une surtaxe sur l'acier chinois.", "fr") == "CA>CN");
  CHECK(InForce("Die EU erhebt Zölle auf chinesische Elektroautos.", "de") == "EU>CN");
  CHECK(InForce("México impuso aranceles al acero chino.", "es") == "MX>CN");
  CHECK(InForce("米国は日本からの輸入品に関税を課している。", "ja") == "US>JP");
  CHECK(InForce("캐나다는 중국산 철강에 관세를 부과했다.", "ko") == "CA>CN");
  CHECK(InForce("日本对大部分韩国钢材加征关税。", "zh-Hans") == "JP>KR");
}

TEST_CASE("measures: sanctions against a country") {
  CHECK(InForce("The United Kingdom imposed sanctions against Russia.", "en") == "GB>RU");
  CHECK(InForce("Le Canada a adopté des sanctions contre la Russie.", "fr") == "CA>RU");
  CHECK(InForce("英国はロシアに対して制裁を科した。", "ja") == "GB>RU");
  CHECK(InForce("美國對俄羅斯實施制裁。", "zh-Hant") == "US>RU");
}

TEST_CASE("measures: an import ban on a country's goods") {
  CHECK(InForce("Australia announced an import ban on Russian aluminium.", "en") == "AU>RU");
  CHECK(InForce("英国禁止进口俄罗斯金属。", "zh-Hans") == "GB>RU");
  CHECK(InForce("カナダはロシア産アルミニウムの輸入禁止を決めた。", "ja") == "CA>RU");
}

TEST_CASE("measures: export controls aimed at one country") {
  CHECK(InForce("China announced export controls aimed at the United States.", "en") == "CN>US");
  CHECK(InForce("中国对日本实施出口管制。", "zh-Hans") == "CN>JP");
  CHECK(InForce("中国は日本に対する輸出規制を発表した。", "ja") == "CN>JP");
  CHECK(InForce("중국은 미국에 대한 수출 통제를 발표했다.", "ko") == "CN>US");
}

TEST_CASE("measures: an untargeted ban has an imposer only") {
  CHECK(InForce("Zimbabwe banned all exports of raw lithium ore.", "en") == "ZW>");
  CHECK(InForce("Indonesia melarang ekspor bijih nikel sejak 2020.", "id") == "ID>");
  CHECK(InForce("津巴布韦禁止锂矿出口。", "zh-Hans") == "ZW>");
  // Nobody named imposes: no measure, not the home of a body that judges it.
  CHECK(InForce("The WTO said the export ban on nickel ore stays.", "en").empty());
}

TEST_CASE("measures: lifted, suspended and threatened ones are not in force") {
  CHECK(WithStatus("The United States suspended its tariffs on Mexican steel.", "en") ==
        "US>MX:suspended");
  CHECK(WithStatus("Canada would impose tariffs on Chinese steel.", "en") == "CA>CN:threatened");
  CHECK(WithStatus("Estados Unidos amenazó con aranceles a Chile.", "es") == "US>CL:threatened");
  CHECK(WithStatus("Die EU erwägt Zölle auf Aluminium aus Russland.", "de") == "EU>RU:threatened");
  CHECK(WithStatus("米国は中国に対する関税を一時停止した。", "ja") == "US>CN:suspended");
  CHECK(WithStatus("中国解除了对日本的出口禁令。", "zh-Hans") == "CN>JP:lifted");
  // A tariff that is the topic of a deal or talks is no measure.
  CHECK(InForce("日米関税合意の履行を確認した。", "ja").empty());
  CHECK(InForce("Japan and Korea signed a tariff agreement.", "en").empty());
}

TEST_CASE("measures: a country that is only the reason is no target") {
  CHECK(InForce("Australia tightened export controls on lithium to reduce reliance on China.",
                "en") == "AU>");
  CHECK(InForce("中国依存を減らすため、日本は黒鉛の輸出規制を導入した。", "ja") == "JP>");
  CHECK(InForce("중국 의존을 줄이기 위해 한국은 흑연 수출 통제를 도입했다.", "ko") == "KR>");
  CHECK(InForce("印度为减少对中国依赖实施了稀土出口管制。", "zh-Hans") == "IN>");
  // "according to" names a speaker, not an actor.
  CHECK(InForce("Menurut Jepang, larangan ekspor bauksit berlaku sejak 2014.", "id").empty());
}

// A country's adjective (demonyms.tsv) in the noun phrase after the measure
// word is its target, before or after the noun; before the measure word, or
// right after it where adjectives follow nouns, it is the imposer.
namespace {

struct AdjectiveCase {
  const char* text;
  const char* lang;
  const char* want;
};

void CheckAll(const std::vector<AdjectiveCase>& cases) {
  for (const AdjectiveCase& c : cases) {
    CAPTURE(c.text);
    CHECK(InForce(c.text, c.lang) == c.want);
  }
}

}  // namespace

TEST_CASE("measures: a country's adjective after the measure word is its target") {
  CheckAll({
      {"The United States imposed tariffs on Chinese steel.", "en", "US>CN"},
      {"Le Canada impose une surtaxe sur les véhicules électriques chinois.", "fr", "CA>CN"},
      {"Kanada erhebt Zölle auf chinesische Elektroautos.", "de", "CA>CN"},
      {"Brasil impuso aranceles a los vehículos eléctricos chinos.", "es", "BR>CN"},
      {"L'Italia applica dazi sulle auto elettriche cinesi.", "it", "IT>CN"},
      {"O Brasil aplicou uma sobretaxa ao aço chinês.", "pt", "BR>CN"},
      {"Канада ввела пошлины на китайскую сталь.", "ru", "CA>CN"},
      {"فرضت الهند رسوما على الصلب الصيني.", "ar", "IN>CN"},
  });
}

TEST_CASE("measures: the imposer's adjective is no target") {
  CheckAll({
      // Before the measure word: the imposer (China's export controls).
      {"Chinese export controls on gallium took effect in August.", "en", "CN>"},
      {"Chinesische Exportkontrollen auf Gallium gelten seit August.", "de", "CN>"},
      {"Американские пошлины на китайскую сталь действуют.", "ru", "US>CN"},
      // Right after it, where adjectives follow nouns.
      {"Les sanctions européennes contre la Russie visent l'aluminium.", "fr", "EU>RU"},
      {"I dazi americani sulle auto elettriche cinesi sono in vigore.", "it", "US>CN"},
      {"Los aranceles estadounidenses al acero chino siguen vigentes.", "es", "US>CN"},
      {"As tarifas americanas sobre o aço chinês continuam em vigor.", "pt", "US>CN"},
      {"الرسوم الأمريكية على الصلب الصيني سارية.", "ar", "US>CN"},
      // English puts a verb's object there and capitalizes it: no imposer.
      {"The United States sanctioned Russian banks.", "en", "US>"},
  });
}
