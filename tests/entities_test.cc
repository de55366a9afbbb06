// Entity extraction beyond countries: groups, minerals, organizations,
// media, and the rules for organizations not in the gazetteer.
#include <doctest/doctest.h>

#include "tests/test_util.h"

using kgx_test::Found;
using kgx_test::Ids;
using kgx_test::Match;
using kgx_test::ProjectGazetteer;
using kgx_test::ProjectModel;
using V = std::vector<std::string>;

namespace {

void Expect(const char* lang, const std::string& text, const V& ids) {
  CAPTURE(text);
  CHECK(Ids(Match(ProjectModel(), text, lang)) == ids);
}

}  // namespace

TEST_CASE("groups of countries in every target language") {
  Expect("en", "The G7 and the European Union met the Quad and ASEAN.", {"G7", "EU", "QUAD", "ASEAN"});
  Expect("zh-Hans", "七国集团与欧盟、东盟", {"G7", "EU", "ASEAN"});
  Expect("zh-Hant", "二十國集團與歐盟", {"G20", "EU"});
  Expect("ja", "主要7カ国とアフリカ連合", {"G7", "AFRICAN_UNION"});
  Expect("ko", "유럽연합과 아세안", {"EU", "ASEAN"});
  Expect("fr", "L'Union européenne et l'Union africaine", {"EU", "AFRICAN_UNION"});
  Expect("en", "the Minerals Security Partnership and OPEC", {"MSP", "OPEC"});
  Expect("en", "a quad bike", {});  // "Quad" only with its capital
}

TEST_CASE("the Democratic Republic of the Congo by its short forms in every language") {
  Expect("fr", "la RDC et le Rwanda", {"CD", "RW"});
  Expect("es", "la RDC y Zambia", {"CD", "ZM"});
  Expect("de", "die DR Kongo und Sambia", {"CD", "ZM"});
  Expect("ru", "ДРК и Руанда", {"CD", "RW"});
  Expect("ko", "민주콩고와 르완다", {"CD", "RW"});
  Expect("fr", "la rdc", {});  // an acronym only in capitals
}

TEST_CASE("well-known firms and bodies the press names, and a mine that is no company") {
  Expect("pt", "a Suzano e a JBS exportam para os EUA", {"Suzano", "JBS", "US"});
  Expect("fr", "un arbitrage devant le CIRDI", {"ICSID"});
  Expect("de", "Salzgitter und die Wirtschaftsvereinigung Stahl", {"Salzgitter", "Wirtschaftsvereinigung Stahl"});
  Expect("vi", "Hiệp hội Thép Việt Nam", {"Vietnam Steel Association"});
  Expect("pt", "a Endiama e a mina de Catoca", {"Endiama"});
  // Mixed-case short forms of capital acronyms the press writes so.
  Expect("it", "il vertice Nato e l'Ocse", {"NATO", "OECD"});
  Expect("de", "die Reederei Cosco", {"COSCO Shipping"});
  // Arabic and Russian forms; مبادلة alone is "swap" (اتفاق مبادلة عملات).
  Expect("ar", "شركة مبادلة للاستثمار وألمنيوم البحرين", {"Mubadala", "Aluminium Bahrain"});
  Expect("ar", "اتفاق مبادلة عملات", {});
  Expect("ru", "Верховная рада и Совет безопасности РФ", {"Verkhovna Rada", "Security Council of Russia"});
  // 中芯 is SMIC only in a list of firms: 其中芯片 is "among them chips".
  Expect("zh-Hant", "華為、中芯", {"Huawei", "SMIC"});
  Expect("zh-Hans", "出口商品其中芯片占三成", {});
}

TEST_CASE("a US state, a Vietnamese province and a first name that hold a country's name") {
  Expect("ja", "米国南部のジョージア州の工場", {"US"});
  Expect("ko", "미국 조지아주에서", {"US"});
  Expect("ja", "ジョージアとアルメニア", {"GE", "AM"});
  Expect("vi", "mỏ đồng Sin Quyền ở Lào Cai", {"copper"});
  Expect("ar", "رئيسة الوزراء الإيطالية جورجيا ميلوني", {"IT", "Giorgia Meloni"});
  Expect("en", "Georgia Power, a co-owner of the Vogtle plant", {"Georgia Power"});
}

TEST_CASE("Korea alone is the Republic of Korea; the North keeps its longer name") {
  Expect("en", "Korea and North Korea", {"KR", "KP"});
  Expect("ar", "بين كوريا ومجلس التعاون الخليجي", {"KR", "GCC"});
  Expect("fr", "la Corée et la Corée du Nord", {"KR", "KP"});
  Expect("en", "Korea Zinc", {"Korea Zinc"});
}

TEST_CASE("regional and trade blocs are groups in every language") {
  Expect("en", "APEC leaders, the EFTA states and the Eurasian Economic Union",
         {"APEC", "EFTA", "EAEU"});
  Expect("fr",
         "la CEDEAO, l'Espace économique européen et l'Organisation de coopération de Shanghai",
         {"ECOWAS", "EEA", "SCO"});
  Expect("es", "el Mercosur y la Comunidad de Desarrollo de África Austral", {"MERCOSUR", "SADC"});
  Expect("pt", "o Mercosul e a Comunidade de Desenvolvimento da África Austral",
         {"MERCOSUR", "SADC"});
  Expect("ru", "саммит ШОС, ЕАЭС и Евразийского экономического союза", {"SCO", "EAEU", "EAEU"});
  Expect("ru", "входит в Альянс государств Сахеля", {"AES"});
  Expect("ar", "قمة تحالف دول الساحل ومجموعة إيكواس", {"AES", "ECOWAS"});
  Expect("zh-Hans", "亚太经合组织和上合组织", {"APEC", "SCO"});
  Expect("zh-Hant", "亞太經合會", {"APEC"});
  Expect("ja", "アジア太平洋経済協力会議と欧州自由貿易連合", {"APEC", "EFTA"});
  Expect("ko", "아시아태평양경제협력체(APEC)와 남미공동시장", {"APEC", "APEC", "MERCOSUR"});
  Expect("vi", "Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương", {"APEC"});
  Expect("it", "il Mercosur e l'Associazione europea di libero scambio", {"MERCOSUR", "EFTA"});
  Expect("id", "KTT Kerja Sama Ekonomi Asia-Pasifik", {"APEC"});
  Expect("de",
         "der Europäische Wirtschaftsraum, im Europäischen Wirtschaftsraum und die Eurasische "
         "Wirtschaftsunion",
         {"EEA", "EEA", "EAEU"});
  // The Gulf's, Latin America's and the post-Soviet blocs.
  Expect("en", "the Gulf Cooperation Council and the Pacific Alliance",
         {"GCC", "PACIFIC_ALLIANCE"});
  Expect("ar", "مجلس التعاون الخليجي", {"GCC"});
  Expect("zh-Hans", "海合会", {"GCC"});
  Expect("es", "la CELAC y la Alianza del Pacífico", {"CELAC", "PACIFIC_ALLIANCE"});
  Expect("ru", "саммит ОДКБ", {"CSTO"});
  // AES alone is also a power company: the acronym only beside the full name.
  Expect("en", "AES shares rose.", {});
}

TEST_CASE("minerals in every target language map to canonical names") {
  Expect("zh-Hans", "镍、稀土和萤石", {"nickel", "rare earths", "fluorite"});
  Expect("zh-Hant", "鎳、稀土和螢石", {"nickel", "rare earths", "fluorite"});
  Expect("ja", "ニッケル、レアアース、蛍石、ガリウム、ネオジム",
         {"nickel", "rare earths", "fluorite", "gallium", "neodymium"});
  Expect("ko", "니켈과 희토류", {"nickel", "rare earths"});
  // The ore and the oxide are named as such; fluorspar is fluorite.
  Expect("en", "bauxite, alumina, fluorspar and lithium hydroxide",
         {"bauxite", "alumina", "fluorite", "lithium"});
  Expect("de", "Lithium und Seltenen Erden", {"lithium", "rare earths"});
  Expect("es", "litio y cobre", {"lithium", "copper"});
  Expect("en", "critical minerals", {});  // not a mineral
  // katakana words around ウラン, リン: no mineral (the capital is Mongolia, countries_capitals.tsv)
  Expect("ja", "ウランバートルでリンクを確認", {"MN"});
}

TEST_CASE("minerals the trade press names: ores, genitives and every element in every language") {
  Expect("de", "Titandioxid aus Ilmenit und Rutil; Spodumen und Titan",
         {"titanium", "titanium", "titanium", "lithium", "titanium"});
  // French chrome in a list of minerals, not the browser; or in a list only.
  Expect("fr", "de silicium, de manganèse ou de chrome", {"silicon", "manganese", "chromium"});
  Expect("fr", "Google Chrome et le navigateur Chrome", {"Alphabet"});
  Expect("fr", "tantale, étain, tungstène et or", {"tantalum", "tin", "tungsten", "gold"});
  Expect("fr", "Or, la Chine a signé.", {"CN"});
  Expect("ar", "التيلوريوم والبزموت والإنديوم والتيربيوم والساماريوم",
         {"tellurium", "bismuth", "indium", "terbium", "samarium"});
  Expect("pt", "terras raras e grafita, cério e ítrio",
         {"rare earths", "graphite", "cerium", "yttrium"});
  Expect("it", "terbio, disprosio e gadolinio", {"terbium", "dysprosium", "gadolinium"});
  Expect("vi", "xeri và lantan", {"cerium", "lanthanum"});
  Expect("ja", "カリ（ポタッシュ）", {"potash"});
  // Silver and lead where the word is common: only in a list of minerals.
  Expect("en", "copper, zinc, lead and silver", {"copper", "zinc", "lead", "silver"});
  Expect("en", "to lead the talks on a silver lining", {});
  Expect("id", "perjanjian dagang timbal balik", {});
  Expect("zh-Hans", "中国银行与铜、银、铅", {"Bank of China", "copper", "silver", "lead"});
  // Korean 은 is also a particle (미국은 리튬과...): only 은광.
  Expect("ko", "미국은 리튬과 니켈, 은광", {"US", "lithium", "nickel", "silver"});
  Expect("fr", "les diamants et l'argent", {"diamonds"});
}

TEST_CASE("steel and coal, the goods of most trade measures, in their languages and forms") {
  Expect("en", "tariffs on steel and thermal coal", {"steel", "coal"});
  Expect("ko", "철강과 석탄", {"steel", "coal"});
  Expect("vi", "thuế chống bán phá giá thép", {"steel"});
  // Russian уголь drops its о in the other cases; listed, not generated.
  Expect("ru", "экспорт угля и стали", {"coal", "steel"});
  // A steelmaker's name keeps its word; coking coal stays its own mineral.
  Expect("en", "Nippon Steel bought coking coal", {"Nippon Steel", "coking coal"});
  Expect("zh-Hans", "宝钢进口焦煤", {"Baoshan Iron & Steel", "coking coal"});
  // Iron bare is the ore only in a list of minerals; LFP is a lithium chemistry.
  Expect("pt", "cobre, ferro e terras raras", {"copper", "iron ore", "rare earths"});
  Expect("pt", "a ferrovia e o ferro de passar", {});
  Expect("fr", "les batteries lithium-fer-phosphate", {"lithium"});
  Expect("pt", "aços de alta resistência", {"steel"});
  // Indonesian baja is steel only in Indonesian (Baja California).
  Expect("es", "la baja de precios en Baja California", {});
}

TEST_CASE("an English alias marked language-only is not read in another language's words") {
  Expect("vi", "cung cấp thông tin về thiếc", {"tin"});  // thông tin: information
  Expect("en", "tin and tungsten", {"tin", "tungsten"});
}

TEST_CASE("a person's name and a place phrase keep a company's name inside them unread") {
  Expect("fr", "le premier ministre ontarien Doug Ford a suspendu la surtaxe", {"Doug Ford"});
  Expect("ko", "더그 포드 온타리오주 총리", {"Doug Ford"});
  Expect("pt", "reservas de lítio no Vale do Jequitinhonha", {"lithium"});
  Expect("pt", "a mineradora Vale", {"Vale"});
}

TEST_CASE("Latin aliases of other languages are read only in that language") {
  Expect("en", "It will bore investors, said the Indio mayor.", {});
  Expect("fr", "le bore et le nickel", {"boron", "nickel"});
}

TEST_CASE("the longest match wins; a country inside an organization name is not a mention") {
  Expect("ja", "住友金属鉱山と三菱商事", {"Sumitomo Metal Mining", "Mitsubishi Corporation"});
  Expect("en", "Sumitomo Metal Mining and Korea Zinc", {"Sumitomo Metal Mining", "Korea Zinc"});
  Expect("en", "Magnium Australia and Indonesia Battery Corporation",
         {"Magnium Australia", "Indonesia Battery Corporation"});
  Expect("zh-Hans", "刚果（金）的钴", {"CD", "cobalt"});
}

TEST_CASE("organizations in every script, with their home country") {
  const kgx::Gazetteer& gaz = ProjectGazetteer();
  int orgs = 0;
  for (const kgx::Entity& e : gaz.entities()) orgs += e.kind == kgx::EntityKind::kOrganization;
  CHECK(orgs >= 300);
  Expect("zh-Hans", "日本金属矿产资源机构", {"JOGMEC"});
  Expect("zh-Hant", "日本金屬礦產資源機構與雙日", {"JOGMEC", "Sojitz"});  // Hant from Hans line
  Expect("ko", "고려아연과 포스코", {"Korea Zinc", "POSCO"});
  const int sojitz = gaz.Find(kgx::EntityKind::kOrganization, "Sojitz");
  REQUIRE(sojitz >= 0);
  CHECK(gaz.entities()[sojitz].attrs.at("country") == "JP");
}

TEST_CASE("news outlets are media, not parties") {
  const kgx::Gazetteer& gaz = ProjectGazetteer();
  auto found = Match(kgx_test::ProjectModel(), "Reuters and ロイター and 日経 reported.", "ja");
  REQUIRE(found.size() == 3);
  for (const Found& f : found) {
    const int e = gaz.Find(kgx::EntityKind::kMedia, f.id);
    CHECK(e >= 0);
  }
}

TEST_CASE("organizations not in the gazetteer are found from the shape of their names") {
  Expect("en", "Pan Asia Metals Ltd signed a deal.", {"Pan Asia Metals"});
  Expect("en", "Australia's Ardea Resources said", {"AU", "Ardea Resources"});
  Expect("en", "Acme Gold ( ACGD ) shares", {"Acme Gold"});
  Expect("en", "Zed Corp (ASX: ZED) rose", {"Zed"});
  Expect("en", "Tivanox's Speewah project", {"Tivanox"});
  Expect("en", "The Copi Critical Minerals Project", {});  // a project, not a company
  Expect("en", "Critical Minerals are key", {});
  // A legal form makes a company of words that alone are not a name;
  // sentence openers still do not start one.
  Expect("en", "Strategic Resources Inc. plans a plant", {"Strategic Resources"});
  Expect("en", "The Critical Minerals Corp. said", {"Critical Minerals"});
  Expect("en", "Critical Minerals Resources said", {});
  // Chinese news verbs are not inside names; German nouns with connectors
  // are not companies.
  Expect("zh-Hans", "沙特阿拉伯与巴基斯坦签署矿业合作协议", {"SA", "PK"});
  Expect("de", "eine Rohstoffpartnerschaft für Lithium", {"lithium"});
  Expect("en", "Japan, France To Cooperate Over Supply Of Key Minerals", {"JP", "FR"});  // headline
  Expect("en", "Prime Minister Anthony Albanese said", {"Anthony Albanese"});  // a person, no organization
  Expect("zh-Hans", "据报道江西华宇永磁科技股份有限公司表示", {"江西华宇永磁科技股份有限公司"});
  Expect("ja", "株式会社ヤマト金属と、ノースリッジ社が提携", {"株式会社ヤマト金属", "ノースリッジ"});
  Expect("ko", "(주)한빛광업은 밝혔다", {"(주)한빛광업"});
}
