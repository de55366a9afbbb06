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

TEST_CASE("measures: a sanction, import ban or tariff read without its target is dropped") {
  // The country named with the goods is their origin, never the imposer of a
  // sanction on them; with no target read the reader abstains.
  CHECK(InForce("Sanctions on Russian aluminium have cut the smelters' exports.", "en").empty());
  CHECK(InForce("Die Sanktionen gegen russisches Aluminium bleiben bestehen.", "de").empty());
  CHECK(InForce("As sanções contra os diamantes russos continuam.", "pt").empty());
  CHECK(InForce("Санкции против российского алюминия сохраняются.", "ru").empty());
  // A tariff with a rate but no target read: a bystander's rate, not a measure
  // on every country.
  CHECK(InForce("Vietnam's exporters still pay a 10% tariff, the minister said.", "en").empty());
  // A safeguard or a tariff "without exception" applies to every origin: kept.
  CHECK(InForce("India imposed a 12% safeguard duty on flat steel imports.", "en") == "IN>");
  CHECK(InForce("L'Inde a adopté une mesure de sauvegarde sur l'acier plat.", "fr") == "IN>");
  CHECK(InForce("США ввели пошлины на сталь для всех поставщиков без исключений.", "ru") == "US>");
  // An export ban is often rightly untargeted: kept.
  CHECK(InForce("Gabon banned exports of manganese ore.", "en") == "GA>");
}

TEST_CASE("measures: lifted, suspended and threatened ones are not in force") {
  CHECK(WithStatus("The United States suspended its tariffs on Mexican steel.", "en") ==
        "US>MX:suspended");
  CHECK(WithStatus("Canada would impose tariffs on Chinese steel.", "en") == "CA>CN:threatened");
  CHECK(WithStatus("Estados Unidos amenazó con aranceles a Chile.", "es") == "US>CL:threatened");
  CHECK(WithStatus("Die EU erwägt Zölle auf Aluminium aus Russland.", "de") == "EU>RU:threatened");
  CHECK(WithStatus("米国は中国に対する関税を一時停止した。", "ja") == "US>CN:suspended");
  CHECK(WithStatus("中国解除了对日本的出口禁令。", "zh-Hans") == "CN>JP:lifted");
  // Put off: postponed, a status of its own (not a threat), in each language
  // that has the word.
  CHECK(WithStatus("Chile postponed its tariffs on Chinese steel.", "en") == "CL>CN:postponed");
  CHECK(WithStatus("Die EU hat die Zölle auf Aluminium aus Russland verschoben.", "de") ==
        "EU>RU:postponed");
  CHECK(WithStatus("México aplazó los aranceles a Chile.", "es") == "MX>CL:postponed");
  CHECK(WithStatus("豪州は中国向けのリチウム輸出規制を見送り、協議を優先した。", "ja") ==
        "AU>CN:postponed");
  CHECK(WithStatus("印度推迟了对中国的稀土出口禁令。", "zh-Hans") == "IN>CN:postponed");
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

TEST_CASE("status: a status word in another clause does not speak of the measure") {
  CHECK(WithStatus("Tokyo plans to diversify suppliers, while China's export ban on gallium "
                   "stays in place.",
                   "en") == "CN>:in_force");
  CHECK(WithStatus("Japan will neue Lieferanten finden, denn China hat ein Exportverbot für "
                   "Gallium verhängt.",
                   "de") == "CN>:in_force");
  CHECK(WithStatus("日本は調達先を多様化する方針で、中国はガリウムの輸出規制を強化した。", "ja") ==
        "CN>:in_force");
  // In its own clause it still does.
  CHECK(WithStatus("China plans to impose an export ban on gallium.", "en") == "CN>:threatened");
  CHECK(WithStatus("中国はガリウムの輸出規制を検討している。", "ja") == "CN>:threatened");
}

TEST_CASE("status: a measure named as the background is in force") {
  // Who imposes is the measure reader's business: here only the status.
  CHECK(Statuses("Chipmakers in Japan hope to prepare for China's export controls on gallium.",
                 "en") == "in_force");
  CHECK(WithStatus("政府は中国の輸出規制に備える方針だ。", "ja") == "CN>:in_force");
  CHECK(WithStatus("정부는 중국의 갈륨 수출 통제에 대비할 계획이다.", "ko") == "CN>:in_force");
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








TEST_CASE("measures: postponed or yet to take effect is not in force") {
  CHECK(WithStatus("Beijing's tariffs on American farm goods will take effect on March 10.", "en") ==
        "CN>US:threatened");
  CHECK(WithStatus("Mexico postponed its tariffs on American goods.", "en") == "MX>US:postponed");
  CHECK(WithStatus("Пошлины Пекина на американскую продукцию вступят в силу 10 марта.", "ru") ==
        "CN>US:threatened");
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

TEST_CASE("measures: a measure on a company targets the company's home country") {
  // Listed companies carry their home (organizations_*.tsv country=).
  CHECK(InForce("Beijing announced countermeasures against Micron and other chipmakers.", "en") ==
        "CN>US");
  CHECK(InForce("Pékin a annoncé des contre-mesures contre Skydio.", "fr") == "CN>US");
  CHECK(InForce("中国对美光科技实施制裁。", "zh-Hans") == "CN>US");
  // A country's firms (美国实体, 미국 기업) stand for it: the measure's object
  // before the measure word in Chinese and Korean.
  CHECK(InForce("商务部将28家美国实体列入出口管制管控名单。", "zh-Hans") == "CN>US");
  CHECK(InForce("베이징은 미국 기업 15곳을 수출통제 명단에 올렸다.", "ko") == "CN>US");
  // Firms named after the measure word there are the news around it.
  CHECK(InForce("剛果(金)鈷出口配額制上路 洛陽鉬業、華友鈷業股價受關注", "zh-Hant") == "CD>");
}

TEST_CASE("measures: a company never makes its home country the target of that country") {
  // The imposer's own firm: never US>US; and a sanction left without a
  // target is dropped (measures aimed by nature abstain untargeted).
  CHECK(InForce("Washington imposed sanctions on Micron.", "en").empty());
  // A Chilean firm beside the goods' country does not stop Chile imposing.
  CHECK(InForce("Chile aplica sobretasas al acero chino y Huachipato celebra.", "es") == "CL>CN");
  // A company of unknown home (found by rule only): no target is guessed,
  // and the untargeted sanction is dropped.
  CHECK(InForce("China imposed sanctions on Zorbex Drone Systems Inc.", "en").empty());
  CHECK(WithStatus("China imposed sanctions on Zorbex Drone Systems Inc.", "en").empty());
}

TEST_CASE("measures: the goods' origin (原產於) names the target") {
  CHECK(InForce("中國商務部認定原產於美國和日本的聚甲醛存在傾銷，決定課徵反傾銷稅。", "zh-Hant") ==
        "CN>JP CN>US");
  CHECK(InForce("商务部认定原产于美国和日本的聚甲醛存在倾销，决定征收反倾销税。", "zh-Hans") ==
        "CN>JP CN>US");
}

TEST_CASE("measures: a pattern's own verb is the measure, not its status") {
  // "suspendu ses importations": a halt of imports, in force.
  CHECK(WithStatus("La Chine a suspendu ses importations de produits de la mer en provenance du "
                   "Japon.",
                   "fr") == "CN>JP:in_force");
  CHECK(WithStatus("China halted exports of gallium to the United States.", "en") ==
        "CN>US:in_force");
  // A measure word inside the pattern is what the verb acts on: suspended.
  CHECK(WithStatus("China suspended its export ban on gallium to the United States.", "en") ==
        "CN>US:suspended");
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

TEST_CASE("measures: controls on a mineral are not the entity list of another sentence") {
  CHECK(InForce("中国对镓和锗实施出口管制。商务部将28家美国实体列入出口管制管控名单。", "zh-Hans") ==
        "CN> CN>US");
}

TEST_CASE("measures: a status in the clause after the measure (which, qui, которые, 后)") {
  CHECK(WithStatus("In 2019 the United States imposed tariffs on Mexican steel, which were lifted "
                   "in May 2019.",
                   "en") == "US>MX:lifted");
  CHECK(WithStatus("Les États-Unis ont imposé des droits de douane sur l’acier chinois, une mesure "
                   "qui a été suspendue en 2020.",
                   "fr") == "US>CN:suspended");
  CHECK(WithStatus("В 2018 году США ввели пошлины на китайскую сталь, которые были отменены в 2020 "
                   "году.",
                   "ru") == "US>CN:lifted");
  CHECK(WithStatus("美国曾对中国钢铁加征关税，后已暂停。", "zh-Hans") == "US>CN:suspended");
  // A clause about something else keeps the measure in force.
  CHECK(WithStatus("The United States imposed tariffs on Mexican steel, which hurt exports.",
                   "en") == "US>MX:in_force");
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
    CAPTURE(text);
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
    CAPTURE(text);
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



TEST_CASE("measures: what a government will impose (将对, 將對) or threatens (ancaman) is not in force") {
  CHECK(WithStatus("美国也将对所有中国商品加征10%关税。", "zh-Hans") == "US>CN:threatened");
  CHECK(WithStatus("美國將對所有中國商品加徵10%關稅。", "zh-Hant") == "US>CN:threatened");
  CHECK(InForce("Indonesia menghadapi ancaman tarif 32% dari Amerika Serikat.", "id").empty());
  // Done: in force.
  CHECK(InForce("美国对所有中国商品加征了10%关税。", "zh-Hans") == "US>CN");
}

TEST_CASE("measures: a country that receives a quota is its target, not its imposer") {
  CHECK(InForce("Chile e Peru também receberam cotas próprias no novo regime.", "pt").empty());
  CHECK(InForce("Chile y Perú recibieron cuotas propias en el nuevo régimen.", "es").empty());
  CHECK(InForce("Chile and Peru received their own quotas under the Chinese safeguard.", "en") ==
        "CN>CL CN>PE");
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
