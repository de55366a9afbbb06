// Where organization names begin and end, in every claimed language:
// left-edge words of CJK names, whole capitalized heads of Latin names,
// government heads with their home country, titles before people's names,
// phrases that are no names, and one entity per organization across scripts.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "tests/test_util.h"

namespace {

struct Org {
  std::string id, country;  // country: the home the match carries ("" if none).
  bool operator==(const Org& o) const { return id == o.id && country == o.country; }
};

struct Case {
  const char* lang;
  const char* text;
  std::vector<Org> orgs;
};

// Organizations found in `text`, with the home country of each: the
// gazetteer's country= or, for a government body read by its head, the
// country written before it.
std::vector<kgx::EntityMatch> Entities(const std::string& text, const std::string& lang) {
  kgx::OffsetMap f_to_n;
  const std::string nfkc = kgx::NormalizeNfkc(text);
  const std::string folded = kgx::FoldForMatch(nfkc, &f_to_n);
  return kgx::FindEntities(kgx_test::ProjectModel().entity_tables(),
                           kgx::MatchText{nfkc, folded, &f_to_n}, lang);
}

std::vector<Org> Orgs(const std::string& text, const std::string& lang) {
  const kgx::Gazetteer& gaz = kgx_test::ProjectGazetteer();
  std::vector<Org> out;
  for (const kgx::EntityMatch& m : Entities(text, lang)) {
    if (m.kind != kgx::EntityKind::kOrganization) continue;
    if (m.entity == kgx::EntityMatch::kRule) {
      out.push_back({m.rule_name, m.rule_country});
    } else {
      const kgx::Entity& e = gaz.entities()[m.entity];
      auto c = e.attrs.find("country");
      out.push_back({e.id, c == e.attrs.end() ? "" : c->second});
    }
  }
  return out;
}

void Run(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const std::string lang = c.lang, text = c.text;
    CAPTURE(lang);
    CAPTURE(text);
    const std::vector<Org> got = Orgs(c.text, c.lang);
    std::string shown;
    for (const Org& o : got) shown += "{" + o.id + ", " + o.country + "} ";
    CAPTURE(shown);
    CHECK(got == c.orgs);
  }
}

}  // namespace

TEST_CASE("CJK names: the left edge takes no verb, preposition, determiner or adverb") {
  Run({
      {"zh-Hans", "据江西华宇稀土有限公司表示", {{"江西华宇稀土有限公司", ""}}},
      {"zh-Hans", "依照湖南华宇稀土有限公司的规定", {{"湖南华宇稀土有限公司", ""}}},
      {"zh-Hans", "其合资企业华越镍钴有限公司投产", {{"华越镍钴有限公司", ""}}},
      {"zh-Hans", "当地华宇稀土有限公司表示", {{"华宇稀土有限公司", ""}}},
      {"zh-Hans", "包括湖南华宇稀土有限公司在内", {{"湖南华宇稀土有限公司", ""}}},
      {"zh-Hans", "德国一家汽车零部件企业", {}},
      {"zh-Hant", "據台灣華宇稀土股份有限公司表示", {{"台灣華宇稀土股份有限公司", ""}}},
      {"zh-Hant", "其合資企業華越鎳鈷有限公司投產", {{"華越鎳鈷有限公司", ""}}},
      {"ja", "同社子会社ヤマト鉱業株式会社によると", {{"ヤマト鉱業株式会社", ""}}},
  });
}

TEST_CASE("Latin names run over their whole capitalized head") {
  Run({
      {"en",
       "It signed with the Supply Chain Resilience Office.",
       {{"Supply Chain Resilience Office", ""}}},
      {"en",
       "China Xinhe Metal Mining Group Co. Ltd will invest.",
       {{"China Xinhe Metal Mining Group", ""}}},
      {"en",
       "China Nonferrous Metal Mining Group will invest.",
       {{"China Nonferrous Metal Mining", "CN"}}},
      {"en",
       "The Bureau of Industry and Security added firms.",
       {{"Bureau of Industry and Security", "US"}}},
      {"en",
       "the Office of the Mining Registrar and the Chamber of Mines",
       {{"Office of the Mining Registrar", ""}}},
      // A possessive country is no part of a company's name.
      {"en", "Australia's Ardea Resources said", {{"Ardea Resources", "AU"}}},
  });
}

TEST_CASE("government bodies by their heads keep the country before them as home") {
  Run({
      {"en",
       "Namibia's Ministry of Industrialisation and Trade said.",
       {{"Namibia's Ministry of Industrialisation and Trade", "NA"}}},
      {"en",
       "the Zambian Ministry of Green Economy said",
       {{"Zambian Ministry of Green Economy", "ZM"}}},
      {"zh-Hans", "阿根廷财政部表示", {{"阿根廷财政部", "AR"}}},
      {"zh-Hans", "秘鲁能源矿业部周三表示", {{"秘鲁能源矿业部", "PE"}}},
      {"zh-Hant", "印尼能源礦產資源部表示", {{"印尼能源礦產資源部", "ID"}}},
      // 和 joins the words of one body's name, but not two bodies.
      {"zh-Hans", "秘鲁能源和矿业部表示", {{"秘鲁能源和矿业部", "PE"}}},
      {"zh-Hans", "秘鲁财政部和矿业部表示", {{"秘鲁财政部", "PE"}}},
      {"ja", "ペルー鉱業省が発表した", {{"ペルー鉱業省", "PE"}}},
      {"ko", "페루 에너지광업부는 밝혔다", {{"페루 에너지광업부", "PE"}}},
      {"fr", "le ministère des Mines du Niger a dit", {{"ministère des Mines du Niger", "NE"}}},
      {"es",
       "El Ministerio de Minería y Metalurgia informó",
       {{"Ministry of Mining and Metallurgy of Bolivia", "BO"}}},
      {"es",
       "El Ministerio de Comercio Exterior de Ecuador informó",
       {{"Ministerio de Comercio Exterior de Ecuador", "EC"}}},
      {"de",
       "Das Bundesministerium für Bildung und Forschung teilte mit",
       {{"Federal Ministry of Research of Germany", "DE"}}},
      {"de",
       "Das Landesamt für Bergbau, Energie und Geologie teilte mit",
       {{"Landesamt für Bergbau, Energie und Geologie", ""}}},
      {"id", "Kementerian Perhubungan menyatakan", {{"Kementerian Perhubungan", ""}}},
  });
  // Directions, governments, authorities and titles end in heads but are
  // no bodies.
  Run({
      {"zh-Hans", "中国南部的矿山和美国政府", {}},
      {"zh-Hans", "日本当局与中国局势", {}},
      {"zh-Hans", "澳大利亚签署协议", {}},
      {"ja", "中国政府は", {}},
      {"ko", "미국 정부는 밝혔다", {}},
      {"ko", "미국 요청에 따라", {}},
  });
}

TEST_CASE("a title before a person's name is no organization") {
  Run({
      {"en", "Minister Smith (Labor) said", {}},
      {"en", "Prime Minister Anthony Albanese (ALP) said", {}},
      {"en", "President Xi Jinping's project", {}},
      {"de", "Bundesfinanzminister Lindner (FDP) sagte", {}},
      {"fr", "Le Ministre Lecornu (Renaissance) a dit", {}},
      {"es", "El Presidente Boric (FA) dijo", {}},
      {"id", "Menteri Bahlil Lahadalia (Golkar) mengatakan", {}},
      {"zh-Hans", "美国总统特朗普表示", {}},
      // A ministry's name before 长 is its minister's title.
      {"zh-Hans", "美国财政部长贝森特表示", {}},
      {"zh-Hant", "美國國防部長赫格塞思表示", {}},
      {"ja", "米大統領トランプ氏は", {}},
  });
}

TEST_CASE("common phrases are no organizations") {
  Run({
      {"en", "The Joint Statement was signed.", {}},
      {"en", "The Oval Office said.", {}},
      {"en", "The Foreign Ministry said.", {}},
      // Short forms that are inside common words are not aliases.
      {"zh-Hans", "东南亚行业增长和发展面临高通胀，施工行业与欧美光伏", {}},
      {"ja", "日産1000トンの出光", {}},
      {"ko", "발레 공연", {}},
  });
}

TEST_CASE("one entity per organization across scripts and legal forms") {
  Run({
      {"ja",
       "双日と双日株式会社とソージツとSojitz",
       {{"Sojitz", "JP"}, {"Sojitz", "JP"}, {"Sojitz", "JP"}, {"Sojitz", "JP"}}},
      {"en",
       "Sojitz Corp. and Glencore plc and Umicore SA and BASF SE",
       {{"Sojitz", "JP"}, {"Glencore", "CH"}, {"Umicore", "BE"}, {"BASF", "DE"}}},
      {"zh-Hans", "江西金力永磁科技股份有限公司", {{"JL Mag Rare-Earth", "CN"}}},
      {"zh-Hant", "贛鋒鋰業與赣锋锂业", {{"Ganfeng Lithium", "CN"}, {"Ganfeng Lithium", "CN"}}},
      {"ko", "고려아연 주식회사", {{"Korea Zinc", "KR"}}},
      {"id",
       "PT Vale Indonesia Tbk dan PT Aneka Tambang Tbk",
       {{"Vale Indonesia", "ID"}, {"Antam", "ID"}}},
      {"en",
       "Glencore, グレンコア, 嘉能可, 글렌코어",
       {{"Glencore", "CH"}, {"Glencore", "CH"}, {"Glencore", "CH"}, {"Glencore", "CH"}}},
  });
}

TEST_CASE("an acronym defined after a name names the same organization later") {
  Run({
      {"es",
       "La Comisión para el Mercado Valorista (CMV) multó a la empresa. Según la CMV, sigue "
       "abierto.",
       {{"Comisión para el Mercado Valorista", ""}, {"Comisión para el Mercado Valorista", ""}}},
      {"de",
       "Die Europäische Behörde für Rohstoffprüfung (EBR) prüft. Die EBR teilte mit.",
       {{"Europäische Behörde für Rohstoffprüfung", ""},
        {"Europäische Behörde für Rohstoffprüfung", ""}}},
      {"id",
       "Badan Pengawas Tambang Nusantara (BPTN) menerbitkan izin. Kepala BPTN mengatakan.",
       {{"Badan Pengawas Tambang Nusantara", ""}, {"Badan Pengawas Tambang Nusantara", ""}}},
      {"en",
       "The Northern Cobalt Refiners Association (NCRA) met. NCRA members said prices fell.",
       {{"Northern Cobalt Refiners Association", ""},
        {"Northern Cobalt Refiners Association", ""}}},
      {"zh-Hans",
       "瀚海锂业公司（瀚锂）周三签约。瀚锂表示，项目将投产。",
       {{"瀚海锂业公司", ""}, {"瀚海锂业公司", ""}}},
      // A name the rules read takes the listed organization in its bracket.
      {"zh-Hans",
       "蒙古国家铀业公司（MonAtom）与法国企业签约。",
       {{"MonAtom", "MN"}, {"MonAtom", "MN"}}},
      // A name its acronym defines holds the listed name inside it.
      {"en",
       "Kestrel Tianqi Lumen (KTL) will build a refinery. KTL said it would hire.",
       {{"Kestrel Tianqi Lumen", ""}, {"Kestrel Tianqi Lumen", ""}}},
  });
}

TEST_CASE("an acronym after a phrase without an organization's head names no organization") {
  Run({
      {"es", "El Régimen de Fomento para Nuevas Exportaciones (RFNE) entró en vigor.", {}},
      {"id", "Kedua negara menandatangani Perjanjian Kerja Sama Investasi (IPA) pekan lalu.", {}},
      {"en", "Congress passed the Critical Supply Chain Act (CSCA) last year.", {}},
  });
}

TEST_CASE("CJK names end in association and sector words of every script") {
  Run({
      {"zh-Hans", "中国稀土材料行业协会周一表示，价格上涨。", {{"中国稀土材料行业协会", ""}}},
      {"zh-Hant", "台灣稀土材料行業協會週一表示", {{"台灣稀土材料行業協會", ""}}},
      {"ja",
       "豪州のノーザン・リソーシズは月曜日、増産を発表した。",
       {{"ノーザン・リソーシズ", ""}}},
      {"ko", "캐나다의 한빛인더스트리즈는 월요일 증산을 발표했다.", {{"한빛인더스트리즈", ""}}},
  });
}

TEST_CASE("a listed company, a country and a suffix name its local arm, not the parent") {
  Run({
      {"zh-Hans", "首钢智利铜矿公司周一表示，产量增加。", {{"首钢智利铜矿公司", ""}}},
      {"zh-Hant", "首鋼智利銅礦公司週一表示", {{"首鋼智利銅礦公司", ""}}},
      // Without a country the words after the listed name are its own.
      {"zh-Hans", "宝钢集团周一表示", {{"Baoshan Iron & Steel", "CN"}}},
  });
}

TEST_CASE("a short alias inside a longer ordinary word is not read") {
  Run({
      {"zh-Hans", "中秘自贸协定于2010年生效。", {}},
      {"zh-Hant", "中秘自貿協定於2010年生效。", {}},
  });
}

TEST_CASE("EU bodies in every claimed language") {
  Run({
      {"fr",
       "Le texte doit être approuvé par le Conseil de l'UE.",
       {{"Council of the European Union", "BE"}}},
      {"id",
       "Perjanjian itu harus disetujui Dewan Uni Eropa dan Parlemen Eropa.",
       {{"Council of the European Union", "BE"}, {"European Parliament", "FR"}}},
      {"de",
       "Der Rat der EU und die EU-Kommission stimmten zu.",
       {{"Council of the European Union", "BE"}, {"European Commission", "BE"}}},
      {"zh-Hant", "歐盟執委會週三表示", {{"European Commission", "BE"}}},
  });
}

TEST_CASE("Latin names keep a bracketed place inside and are no verbal-noun phrases") {
  Run({
      {"en",
       "China Xinhe (Hong Kong) Rare Metals Resources Co. Ltd. sold its stake.",
       {{"China Xinhe (Hong Kong) Rare Metals Resources", ""}}},
      {"en", "Nordlicht (Sachsen) Lithium GmbH baut.", {{"Nordlicht (Sachsen) Lithium", ""}}},
      // A ticker in brackets still ends a name.
      {"en", "Zed Minerals (ZED) Mining Corp rose", {{"Zed Minerals", ""}}},
      {"en", "the Mining and Processing of Critical Minerals framework", {}},
      {"en", "the Financing of Battery Metals plan", {}},
  });
}

TEST_CASE("CJK boundary words: before a name, after it, both, in zh-Hans, zh-Hant and ja") {
  Run({
      // cjk-lead: a preposition or a verb that takes a company before the name.
      {"zh-Hans", "公司计划向华宇矿业出售股份", {{"华宇矿业", ""}}},
      {"zh-Hans", "伊斯兰堡希望带动更多外国资本进入矿业。", {}},
      {"zh-Hant", "公司計劃向華宇礦業出售股份", {{"華宇礦業", ""}}},
      {"ja", "資源大手ヤマト鉱業株式会社は増産する", {{"ヤマト鉱業株式会社", ""}}},
      // cjk-trail: a verb of saying after a body read forward from its
      // country ends it before a later head.
      {"zh-Hans", "智利能源部表示工业局将审查", {{"智利能源部", "CL"}}},
      {"zh-Hant", "智利能源部稱該局將審查", {{"智利能源部", "CL"}}},
      {"ja", "オーストラリア産業省等関係局が審査する", {{"オーストラリア産業省", "AU"}}},
      // cjk-stop: both sides; a dictionary word of boundary words (将与) too.
      {"zh-Hans", "中方将与华宇矿业合作", {{"华宇矿业", ""}}},
      {"zh-Hant", "中方將與華宇礦業合作", {{"華宇礦業", ""}}},
      {"ja", "豪州のヤマト鉱業株式会社によると", {{"ヤマト鉱業株式会社", ""}}},
      // Only a word of its own cuts: 对 in 对外 and 和 in 共和国 do not.
      {"zh-Hans", "中国对外承包工程商会表示", {{"中国对外承包工程商会", ""}}},
      {"zh-Hans", "刚果民主共和国华宇矿业公司表示", {{"刚果民主共和国华宇矿业公司", ""}}},
  });
}

TEST_CASE("CJK government heads in their language: 省 is a ministry in Japanese only") {
  Run({
      {"zh-Hans", "巴基斯坦俾路支省的铜金矿", {}},
      {"zh-Hant", "巴基斯坦俾路支省的銅金礦", {}},
      {"ja", "オーストラリア資源省は発表した", {{"オーストラリア資源省", "AU"}}},
      {"zh-Hans", "巴基斯坦总理府公布的照片", {{"巴基斯坦总理府", "PK"}}},
      {"zh-Hans", "美企入局哈萨克斯坦钨矿", {}},
  });
}

TEST_CASE("Chinese rule words are written once: the other script is made at load") {
  kgx::OrganizationRuleWords words;
  words.Add("cjk-lead", "zh", "据");
  words.Add("cjk-trail", "zh", "表示");
  words.Add("cjk-suffix", "zh-Hans", "集团");
  words.Add("not-government", "zh-Hant", "當局");
  words.Add("cjk-lead", "ja", "同社");
  words.AddScriptConversions();
  using Words = std::vector<std::pair<std::string, std::string>>;
  CHECK(words.cjk_lead == Words{{"zh", "据"}, {"ja", "同社"}, {"zh", "據"}});
  // 表示 is both scripts' form: nothing to add.
  CHECK(words.cjk_trail == Words{{"zh", "表示"}});
  CHECK(words.cjk_suffix == Words{{"zh-Hans", "集团"}, {"zh-Hant", "集團"}});
  CHECK(words.not_government == Words{{"zh-Hant", "當局"}, {"zh-Hans", "当局"}});
  // Once is enough: a second call adds nothing.
  words.AddScriptConversions();
  CHECK(words.cjk_lead.size() == 3);
}

TEST_CASE("the press of the five languages and Spanish names listed bodies and companies") {
  Run({
      {"es",
       "El precio subió en la Bolsa de Metales de Londres.",
       {{"London Metal Exchange", "GB"}}},
      {"pt", "A medida foi aprovada pelo Parlamento Europeu.", {{"European Parliament", "FR"}}},
      {"it", "Il Parlamento europeo ha votato.", {{"European Parliament", "FR"}}},
      {"ru",
       "Министерство промышленности и строительства Казахстана сообщило.",
       {{"Ministry of Industry and Construction of Kazakhstan", "KZ"}}},
      {"vi", "Bộ Thương mại Trung Quốc công bố.", {{"MOFCOM", "CN"}}},
      {"ar", "وقع المجمع الشريف للفوسفاط اتفاقا.", {{"OCP Group", "MA"}}},
      {"es", "El Conicet firmó con YPF Tecnología.", {{"CONICET", "AR"}, {"Y-TEC", "AR"}}},
  });
}

// The rules name a body the gazetteer does not list; the ministries of the
// countries gen_government.py covers (India, China...) are listed by function
// (the test of one entity in every language, below), so these use others.
TEST_CASE("bodies written before their home country: Russian cases, Arabic clitics, Vietnamese") {
  Run({
      // The head takes its case ending; the name runs to the country's genitive.
      {"ru", "Министерство торговли Аргентины ввело пошлины.", {{"Министерство торговли Аргентины", "AR"}}},
      {"ru",
       "Представители министерства сельского хозяйства Бразилии приехали.",
       {{"министерства сельского хозяйства Бразилии", "BR"}}},
      {"ru",
       "Меморандум с Министерством энергетики и горнорудной промышленности Перу.",
       {{"Министерством энергетики и горнорудной промышленности Перу", "PE"}}},
      // A preposition between the head and the country: no name.
      {"ru", "Министерство направило письмо в Индию.", {}},
      // The conjunction or preposition written onto the head is left out,
      // the article kept.
      {"ar", "واجتمع الوفد بالبنك المركزي الروسي أمس.", {{"البنك المركزي الروسي", "RU"}}},
      {"ar", "وقالت هيئة الطاقة الذرية البرازيلية إن", {{"هيئة الطاقة الذرية البرازيلية", "BR"}}},
      {"ar", "أرسلت الهيئة خطابا إلى البرازيل.", {}},
      // Latin script: the word after the head has a capital (a minister is
      // no ministry).
      {"vi", "Bộ Tài chính Argentina cho biết", {{"Bộ Tài chính Argentina", "AR"}}},
      {"vi", "Ngân hàng Trung ương Brazil giữ lãi suất", {{"Ngân hàng Trung ương Brazil", "BR"}}},
      {"vi", "Bộ trưởng Tài chính Ấn Độ cho biết", {}},
      // The name ends at the first name after its head: a listed body and a
      // verb before a later country adjective are no longer one name.
      {"ru", "Министерство коммерции КНР назвало канадские пошлины ошибкой.", {{"MOFCOM", "CN"}}},
      {"ru",
       "Министерство финансов Аргентины и Канады заявило об этом.",
       {{"Министерство финансов Аргентины", "AR"}}},
  });
}

TEST_CASE("an Arabic company head and a country adjective name the company between them") {
  Run({
      {"ar", "استحوذت شركة هايكسين الروسية على المنجم", {{"هايكسين", "RU"}}},
      {"ar", "ووقعت مجموعة فالكور البرازيلية العقد", {{"فالكور", "BR"}}},
      // A common noun (with the article) between them is no name.
      {"ar", "استحوذت شركة التعدين الروسية على المنجم", {}},
  });
}

TEST_CASE("Russian company names in every case, acronyms with their lower-case endings") {
  Run({
      {"ru", "акции Росатома и РУСАЛа выросли", {{"Rosatom", "RU"}, {"Rusal", "RU"}}},
      {"ru", "договор с Норильским никелем", {{"Nornickel", "RU"}}},
      {"ru",
       "письмо Министерства промышленности и торговли",
       {{"Ministry of Industry and Trade of Russia", "RU"}}},
      {"ru",
       "решение ФАС и Госдумы",
       {{"Federal Antimonopoly Service of Russia", "RU"}, {"State Duma", "RU"}}},
  });
}

TEST_CASE("Russian adjectives before a head belong to the name when the first has a capital") {
  Run({
      {"ru",
       "решение Федеральной таможенной службы Индии",
       {{"Федеральной таможенной службы Индии", "IN"}}},
      {"ru", "заседание новой комиссии торговли Бразилии", {{"комиссии торговли Бразилии", "BR"}}},
  });
}

// Ministries named by function and country in each language's press form
// (gazetteers/organizations_government_generated.tsv, made by
// tools/gazetteer_gen/gen_government.py) are the country's one body, whatever
// the language, case or attached prefix: not a new name per spelling.
TEST_CASE("government bodies by function and country are one entity in every language") {
  Run({
      {"ar", "وصرح متحدث باسم وزارة الخارجية اليابانية أمس", {{"MOFA Japan", "JP"}}},
      {"ar", "وأعلنت ووزارة المالية الكندية", {{"Finance Canada", "CA"}}},
      {"ar", "قالت وزارة الدفاع التركية", {{"Ministry of National Defence of Turkey", "TR"}}},
      {"ar", "أعلنت الهيئة العامة للجمارك الصينية", {{"General Administration of Customs", "CN"}}},
      {"ko", "일본 외교부는 밝혔다", {{"MOFA Japan", "JP"}}},
      {"ko", "캐나다 재무부는 발표했다", {{"Finance Canada", "CA"}}},
      {"ko", "튀르키예 국방부가", {{"Ministry of National Defence of Turkey", "TR"}}},
      {"ru", "Минфин Японии сообщил", {{"Ministry of Finance of Japan", "JP"}}},
      {"ru", "заявили в МИД Китая", {{"Ministry of Foreign Affairs of China", "CN"}}},
      {"ru", "с Министерством обороны Турции", {{"Ministry of National Defence of Turkey", "TR"}}},
      {"ru", "данные Федеральной таможенной службы", {{"Federal Customs Service of Russia", "RU"}}},
      {"fr", "selon le ministère japonais des Affaires étrangères", {{"MOFA Japan", "JP"}}},
      {"fr", "le ministère turc du Commerce a annoncé", {{"Ministry of Trade of Turkey", "TR"}}},
      {"fr",
       "l'Administration générale des douanes chinoises a publié",
       {{"General Administration of Customs", "CN"}}},
      {"it", "il ministero della Difesa giapponese", {{"Ministry of Defense of Japan", "JP"}}},
      {"pt", "o Ministério das Finanças do Japão", {{"Ministry of Finance of Japan", "JP"}}},
      {"vi", "Bộ Quốc phòng Nhật Bản cho biết", {{"Ministry of Defense of Japan", "JP"}}},
      // The Arabic press drops وزارة before الخارجية: still the ministry.
      {"ar", "وقالت الخارجية الصينية إن", {{"Ministry of Foreign Affairs of China", "CN"}}},
      {"ar", "فرضت الخزانة الأمريكية عقوبات", {{"US Treasury", "US"}}},
      // Arabic feminine of a two-word adjective: only the word in ي takes ة.
      {"ar",
       "أعلنت وزارة التجارة الجنوب أفريقية",
       {{"Department of Trade, Industry and Competition", "ZA"}}},
      {"ru",
       "в Министерстве горнодобывающей промышленности Монголии",
       {{"Ministry of Mining and Heavy Industry of Mongolia", "MN"}}},
  });
}

// A seat of government written for the government inside it is its country
// acting, like a capital (gazetteers/countries_seats.tsv): no organization.
TEST_CASE("seats of government are their country, not organizations") {
  const struct {
    const char* lang;
    const char* text;
    const char* country;
  } kCases[] = {
      {"ar", "وقال البيت الأبيض إن", "US"},    {"ru", "В Кремле заявили", "RU"},
      {"ko", "청와대는 밝혔다", "KR"},         {"fr", "la Maison-Blanche a annoncé", "US"},
      {"ja", "首相官邸で会談した", "JP"},      {"zh-Hans", "中南海决定", "CN"},
      {"en", "Downing Street said on Monday", "GB"},
      {"it", "Palazzo Chigi ha deciso il veto", "IT"}, {"es", "la Casa Rosada anunció", "AR"},
  };
  for (const auto& c : kCases) {
    const std::string text = c.text;
    CAPTURE(text);
    CHECK(Orgs(c.text, c.lang).empty());
    std::set<std::string> countries;
    for (const kgx::EntityMatch& m : Entities(text, c.lang))
      if (m.kind == kgx::EntityKind::kCountry)
        countries.insert(kgx_test::ProjectGazetteer().entities()[m.entity].id);
    CHECK(countries == std::set<std::string>{c.country});
  }
}

TEST_CASE("miners, traders, state funds and export-credit agencies in the other scripts") {
  Run({
      {"ru", "трейдер Меркурия заявил", {{"Mercuria", "CH"}}},
      {"ko", "싱가포르 국부펀드 테마섹은", {{"Temasek", "SG"}}},
      {"ar", "بتمويل من بنك اليابان للتعاون الدولي", {{"JBIC", "JP"}}},
      {"en", "cover from Euler Hermes", {{"Allianz Trade", "DE"}}},
      {"vi", "Ngân hàng Hợp tác Quốc tế Nhật Bản tài trợ", {{"JBIC", "JP"}}},
  });
}

TEST_CASE("a listed body beside another country's adjective is that country's") {
  const std::string de_ministry = "Federal Ministry for Economic Affairs and Energy";
  Run({
      // A bare German ministry is Germany's; with a foreign adjective before
      // it, the adjective's country's, named as written.
      {"de", "Das belgische Wirtschaftsministerium prüft.", {{"belgische Wirtschaftsministerium", "BE"}}},
      {"de", "Das Wirtschaftsministerium in Berlin prüft.", {{de_ministry, "DE"}}},
      {"de", "Das deutsche Wirtschaftsministerium prüft.", {{de_ministry, "DE"}}},
      // The adjective after the body, in the languages that write it there.
      {"es", "El Ministerio de Minería peruano aprobó.", {{"Ministerio de Minería peruano", "PE"}}},
      {"fr", "Le ministère des Mines malien a suspendu.", {{"ministère des Mines malien", "ML"}}},
      // Bare, the listed body stays (Chile's, in the Chilean press), and so
      // with its own home's adjective.
      {"es", "El Ministerio de Minería aprobó.", {{"Ministry of Mining of Chile", "CL"}}},
      {"es", "El Ministerio de Minería chileno aprobó.", {{"Ministry of Mining of Chile", "CL"}}},
      // An adjective before a capital is the next noun's (German nouns).
      {"de", "Laut Wirtschaftsministerium chinesische Firmen.", {{de_ministry, "DE"}}},
  });
}

TEST_CASE("embassies are their country's bodies in every script") {
  // Each sentence names Peru's embassy: {language, sentence, name}.
  const char* const embassies[][3] = {
      {"en", "On Friday the Embassy of Peru in Tokyo protested.", "Embassy of Peru"},
      // A sentence's article is no part of the name its country starts.
      {"en", "The Peru Embassy in Tokyo protested.", "Peru Embassy"},
      {"fr", "Vendredi, l'ambassade du Pérou a protesté.", "ambassade du Pérou"},
      {"es", "El viernes la Embajada de Perú protestó.", "Embajada de Perú"},
      // 驻 and the host country inside the name: the first country is the home.
      {"zh-Hans", "秘鲁驻日本大使馆周五表示抗议。", "秘鲁驻日本大使馆"},
      {"zh-Hant", "秘魯駐日本大使館週五表示抗議。", "秘魯駐日本大使館"},
  };
  for (const auto& e : embassies) Run({{e[0], e[1], {{e[2], "PE"}}}});
}

TEST_CASE("a name-shaped phrase that ends in a treaty word is a treaty, not a body") {
  Run({
      {"en", "The Trade and Economic Partnership Agreement (TEPA) took effect on Monday.", {}},
      {"en", "The Critical Minerals Security Accord (CMSA) entered into force.", {}},
      {"de", "Das Umfassende Wirtschaftspartnerschaftsabkommen (CEPA) gilt seit Mai.", {}},
      // A body defined by its acronym still is one.
      {"en", "The Andean Mining Bank (AMB) lent the money.", {{"Andean Mining Bank", ""}}},
  });
}
