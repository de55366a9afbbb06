// Agreement pairs in the languages whose frames were thin (de, es, fr,
// zh-Hans, ja) and groupings named for their members (issue 18): one group
// of cases per trap, each in at least three languages; sentences made up
// for these tests.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/read/reader.h"
#include "extract/relations/frames.h"
#include "tests/test_util.h"

namespace {

using kgx_test::ReadIn;

using Pairs = std::set<std::string>;

kgx::Record ReadAs(const std::string& lang, const std::string& text) {
  return ReadIn(text, lang);
}

Pairs Concluded(const std::string& lang, const std::string& text) {
  return kgx_test::ConcludedPairs(ReadIn(text, lang));
}

// "AU-JP planned" for each pair of each agreement, with its status.
Pairs WithStatus(const std::string& lang, const std::string& text) {
  Pairs out;
  for (const auto& a : ReadIn(text, lang).agreements)
    for (size_t i = 0; i < a.parties.size(); ++i)
      for (size_t j = i + 1; j < a.parties.size(); ++j)
        out.insert(a.parties[i] + "-" + a.parties[j] + " " + a.status);
  return out;
}

// Every pair of `ids` (sorted codes) with `status`.
Pairs Clique(std::vector<std::string> ids, const std::string& status) {
  Pairs out;
  std::sort(ids.begin(), ids.end());
  for (size_t i = 0; i < ids.size(); ++i)
    for (size_t j = i + 1; j < ids.size(); ++j) out.insert(ids[i] + "-" + ids[j] + " " + status);
  return out;
}

// A sentence in a language and the concluded pairs it must give.
struct PairCase {
  const char* lang;
  const char* text;
  Pairs pairs;
};

template <size_t N>
void CheckPairs(const PairCase (&cases)[N]) {
  for (const PairCase& c : cases) {
    CAPTURE(c.text);
    CHECK(Concluded(c.lang, c.text) == c.pairs);
  }
}

}  // namespace

TEST_CASE("frames: a grouping line lists two or more members; a forum says so in column 4") {
  kgx::FrameTable t;
  REQUIRE(t.AddFile("grouping\tCentral Asia\tKZ,KG,TJ,TM,UZ\ngrouping\tG7\tCA,JP\tmembers\n",
                    "frames/en.tsv", "en")
              .ok());
  CHECK(t.words()[0].value == "KZ,KG,TJ,TM,UZ");
  CHECK(t.words()[1].slots == kgx::FrameSlots::kMembers);
  kgx_test::CheckFrameErrors(t, {
      {"grouping\tQuad\tJP\n", "f.tsv", "en",
       "f.tsv:1: members must be two or more ISO 3166-1 alpha-2 codes joined by ',', got 'JP'"},
      {"grouping\tQuad\tJP,us\n", "f.tsv", "en",
       "f.tsv:1: members must be two or more ISO 3166-1 alpha-2 codes joined by ',', got 'JP,us'"},
      {"grouping\tG7\tCA,JP\tall\n", "f.tsv", "en",
       "f.tsv:1: unknown slots 'all' (expected members)"},
  });
}

TEST_CASE("press verbs: inflected deeds and plural nouns make agreements in de, es, fr, zh, ja") {
  CHECK(Concluded("de", "Österreich und Chile haben eine Kupferpartnerschaft vereinbart.\n") ==
        Pairs{"AT-CL"});
  CHECK(Concluded("de",
                  "Polen schloss 2024 mit Peru ein Abkommen über Kupfer. Rohstoffabkommen "
                  "hat Polen zudem mit Bolivien und Ecuador geschlossen.\n") ==
        Pairs{"BO-PL", "EC-PL", "PE-PL"});
  CHECK(Concluded("es", "Perú y Bolivia suscribieron un convenio sobre el litio.\n") ==
        Pairs{"BO-PE"});
  CHECK(Concluded("es", "Chile ya había firmado alianzas similares con Japón y Corea del Sur.\n") ==
        Pairs{"CL-JP", "CL-KR"});
  CHECK(Concluded("fr",
                  "Le Sénégal a paraphé avec le Maroc un protocole d'accord sur le "
                  "phosphate.\n") == Pairs{"MA-SN"});
  CHECK(Concluded("zh-Hans", "越南与老挝缔结了铝土矿合作谅解备忘录。\n") == Pairs{"LA-VN"});
  CHECK(Concluded("ja", "ベトナムとラオスはボーキサイトの協力覚書を交わした。\n") ==
        Pairs{"LA-VN"});
}

TEST_CASE("trap in de, es, fr: a hub pairs with each member of its partner list") {
  CHECK(Concluded("de",
                  "Japan hat Absichtserklärungen mit Kanada, Peru und Chile "
                  "unterzeichnet.\n") == Pairs{"CA-JP", "CL-JP", "JP-PE"});
  CHECK(Concluded("es", "Corea del Sur firmó acuerdos con Perú, Chile y México.\n") ==
        Pairs{"CL-KR", "KR-MX", "KR-PE"});
  CHECK(Concluded("fr", "L'Inde a signé des accords avec le Chili, le Pérou et la Bolivie.\n") ==
        Pairs{"BO-IN", "CL-IN", "IN-PE"});
}

TEST_CASE("trap in de, es, fr: a capital stands for its government only in a slot") {
  // Brussels for the EU as the actor; in a venue it is no party.
  CHECK(Concluded("es", "Bruselas ya había firmado alianzas con Namibia y Chile.\n") ==
        Pairs{"CL-EU", "EU-NA"});
  // de "Brüssel" is the EU only in a document that names the EU (a short
  // form, groups.tsv).
  CHECK(Concluded("de",
                  "Die EU sucht Rohstoffe.\n\n"
                  "Brüssel hat mit Namibia eine Rohstoffpartnerschaft vereinbart.\n") ==
        Pairs{"EU-NA"});
  CHECK(Concluded("fr", "Le Chili et le Pérou ont signé à Bruxelles un accord sur le cuivre.\n") ==
        Pairs{"CL-PE"});
}

TEST_CASE("capitals of minerals countries stand for their governments in every language") {
  const PairCase cases[] = {
      {"fr", "Astana avait déjà signé en 2022 un partenariat avec l'Union européenne.\n",
       {"EU-KZ"}},
      {"es", "Hanói y Brasilia firmaron ayer un acuerdo de cooperación minera.\n", {"BR-VN"}},
      {"de", "Berlin und Astana unterzeichneten am Montag ein Rohstoffabkommen.\n", {"DE-KZ"}},
      {"ru", "Астана и Ханой подписали в понедельник соглашение о сотрудничестве.\n",
       {"KZ-VN"}},
      {"zh-Hans", "河内与堪培拉签署了关键矿产合作协议。\n", {"AU-VN"}},
      // Where the meeting was is no party.
      {"fr", "Au sommet de Hanoï, le Japon et la Corée du Sud ont signé un accord.\n",
       {"JP-KR"}},
      {"en", "In Astana, Japan and South Korea signed a minerals agreement.\n", {"JP-KR"}},
      {"ko", "한국과 일본은 하노이에서 핵심광물 협정을 체결했다.\n", {"JP-KR"}},
  };
  CheckPairs(cases);
}

TEST_CASE("trap: a country a deal is compared with, or one that has not joined, is no party") {
  const PairCase cases[] = {
      {"es", "Brasil no se ha adherido a la iniciativa, al igual que México.\n", {}},
      {"pt", "O Brasil não aderiu à iniciativa, assim como o México.\n", {}},
      {"en", "Brazil, just like Mexico, has not joined the initiative.\n", {}},
      {"fr", "Le Chili a signé un accord avec le Japon, à l'instar de l'Australie.\n", {"CL-JP"}},
      {"ru", "Казахстан, как и Узбекистан, подписал соглашение с Японией.\n", {"JP-KZ"}},
      {"de", "Chile hat ebenso wie Peru ein Abkommen mit Japan unterzeichnet.\n", {"CL-JP"}},
  };
  CheckPairs(cases);
}

TEST_CASE("hubs: plural strategic partnerships pair the hub with each listed country") {
  const Pairs hub{"AE-CN", "CN-DZ", "CN-EG"};
  const std::pair<const char*, const char*> cases[] = {
      {"ar", "وكانت الصين قد أقامت شراكات استراتيجية شاملة مع مصر والجزائر والإمارات.\n"},
      {"en", "China had established comprehensive strategic partnerships with Egypt, Algeria "
             "and the UAE.\n"},
      {"it", "La Cina aveva già stretto partenariati strategici con Egitto, Algeria ed Emirati "
             "Arabi Uniti.\n"},
      {"fr", "La Chine a déjà noué des partenariats stratégiques avec l'Égypte, l'Algérie et les "
             "Émirats arabes unis.\n"},
      {"ru", "Китай установил всеобъемлющие стратегические партнерства с Египтом, Алжиром и "
             "ОАЭ.\n"},
  };
  for (const auto& [lang, text] : cases) {
    CAPTURE(text);
    CHECK(Concluded(lang, text) == hub);
  }
}

TEST_CASE("trap in de, es, fr: a person named like a country is no country") {
  CHECK(Concluded("fr", "Jordan Bardella a dénoncé l'accord signé par le Chili avec le Pérou.\n") ==
        Pairs{"CL-PE"});
  CHECK(Concluded("es", "Israel Katz criticó el acuerdo que firmaron Chile y Perú.\n") ==
        Pairs{"CL-PE"});
  CHECK(Concluded("de",
                  "Chad Wolf kritisierte das Abkommen, das Chile und Peru unterzeichneten.\n") ==
        Pairs{"CL-PE"});
}

TEST_CASE("trap in de, es, fr: a country that is only the reason is no party") {
  CHECK(Concluded("de",
                  "Um die Abhängigkeit von China zu senken, hat Japan mit Kanada ein "
                  "Abkommen über Graphit unterzeichnet.\n") == Pairs{"CA-JP"});
  CHECK(Concluded("es",
                  "Para reducir la dependencia de China, Japón firmó un acuerdo con Canadá "
                  "sobre el grafito.\n") == Pairs{"CA-JP"});
  CHECK(Concluded("fr",
                  "Pour réduire sa dépendance vis-à-vis de la Chine, le Japon a signé avec "
                  "le Canada un accord sur le graphite.\n") == Pairs{"CA-JP"});
}

TEST_CASE("trap in de, es, fr: a deal not done makes no edge") {
  CHECK(
      Concluded("de", "Chile und Japan wollen ein Abkommen über Lithium unterzeichnen.\n").empty());
  CHECK(Concluded("es", "El acuerdo entre Chile y Japón sigue sin firmarse.\n").empty());
  CHECK(Concluded("fr", "Le Chili n'a pas signé l'accord sur le lithium avec le Japon.\n").empty());
  // The deal a measure waits for ("tariffs until a deal is reached").
  CHECK(Concluded("en",
                  "Goods from Norway, Sweden and Finland face a 10% tariff until a deal "
                  "is reached.\n")
            .empty());
  CHECK(Concluded("es",
                  "Los productos de Noruega, Suecia y Finlandia pagarán aranceles hasta que "
                  "se alcance un acuerdo.\n")
            .empty());
}

TEST_CASE("trap in de, es, fr: 'the two countries' are the pair the story is about") {
  CHECK(Concluded("de",
                  "Chile und Japan haben ein Abkommen über Kupfer vereinbart. Vertreter "
                  "aus Peru und Bolivien waren anwesend. Beide Länder vereinbarten auch "
                  "eine Partnerschaft.\n") == Pairs{"CL-JP"});
  CHECK(Concluded("es",
                  "Chile y Japón firmaron un acuerdo sobre el cobre. Delegados de Perú y "
                  "Bolivia asistieron. Ambos países firmaron también un memorando.\n") ==
        Pairs{"CL-JP"});
  CHECK(Concluded("fr",
                  "Le Chili et le Japon ont signé un accord sur le cuivre. Des délégués "
                  "du Pérou et de la Bolivie étaient présents. Les deux pays ont aussi "
                  "signé un protocole d'accord.\n") == Pairs{"CL-JP"});
}

TEST_CASE("trap: a grouping beside a party pairs its members with that party only") {
  const Pairs c5_with_kr{"KG-KR", "KR-KZ", "KR-TJ", "KR-TM", "KR-UZ"};
  CHECK(Concluded("zh-Hans", "韩国与中亚五国签署了关键矿产合作备忘录。\n") == c5_with_kr);
  CHECK(Concluded("ja", "「中央アジア+韓国」の首脳は重要鉱物の共同宣言に署名した。\n") ==
        c5_with_kr);
  CHECK(Concluded("fr", "La Corée du Sud a signé un partenariat avec l'Asie centrale.\n") ==
        c5_with_kr);
  CHECK(Concluded("en", "South Korea signed a minerals pact with the Central Asian states.\n") ==
        c5_with_kr);
  // Mercosur beside the EU: the EU with each member.
  CHECK(Concluded("es", "La Unión Europea y el Mercosur firmaron un acuerdo.\n") ==
        Pairs{"AR-EU", "BR-EU", "EU-PY", "EU-UY"});
  // Mercosur is also a group of its own (groups.tsv): the record lists it,
  // and the grouping's members still stand for it in the pairs.
  const kgx::Record r = ReadAs("fr", "L'Union européenne et le Mercosur ont signé un accord.\n");
  CHECK(r.groups == std::vector<std::string>{"EU", "MERCOSUR"});
  CHECK(kgx_test::ConcludedPairs(r) == Pairs{"AR-EU", "BR-EU", "EU-PY", "EU-UY"});
}

TEST_CASE("trap: a bloc-to-bloc deal pairs every member of one bloc with each of the other") {
  const Pairs efta_mercosur{"AR-CH", "AR-IS", "AR-LI", "AR-NO", "BR-CH", "BR-IS",
                            "BR-LI", "BR-NO", "CH-PY", "CH-UY", "IS-PY", "IS-UY",
                            "LI-PY", "LI-UY", "NO-PY", "NO-UY"};
  CHECK(Concluded("en", "EFTA and Mercosur signed a free trade agreement on Tuesday.\n") ==
        efta_mercosur);
  CHECK(Concluded("es", "La AELC y el Mercosur firmaron el martes un tratado de libre "
                        "comercio.\n") == efta_mercosur);
  CHECK(Concluded("de", "Die EFTA und der Mercosur haben am Dienstag ein Freihandelsabkommen "
                        "unterzeichnet.\n") == efta_mercosur);
  CHECK(Concluded("ru", "ЕАСТ и Меркосур подписали во вторник соглашение о свободной "
                        "торговле.\n") == efta_mercosur);
  // A genitive list ("os países do Mercosul e da EFTA") and the bloc's
  // abbreviation in an aside after its name: one bloc, no pairs inside it.
  CHECK(Concluded("pt", "Os países do Mercosul e da EFTA assinaram ontem o acordo de livre "
                        "comércio.\n") == efta_mercosur);
  CHECK(Concluded("pt", "A Associação Europeia de Livre Comércio (EFTA) e o Mercosul "
                        "assinaram ontem um acordo de livre comércio.\n") == efta_mercosur);
  // A bloc named as context of a member is no party.
  CHECK(Concluded("pt", "A China assinou ontem um acordo com a Argentina, membro do "
                        "Mercosul.\n") == Pairs{"AR-CN"});
  CHECK(Concluded("en", "Japan signed a minerals pact with Norway, a member of EFTA.\n") ==
        Pairs{"JP-NO"});
  CHECK(Concluded("es", "Japón firmó un acuerdo con Uruguay, miembro del Mercosur.\n") ==
        Pairs{"JP-UY"});
  // A bloc beside a market named by its adjective: where goods go, no party.
  const PairCase markets[] = {
      {"pt", "O acordo elimina tarifas sobre as exportações do Mercosul para os mercados "
             "europeus do grupo.\n", {}},
      {"es", "El acuerdo reduce aranceles a las exportaciones del Mercosur hacia los mercados "
             "europeos.\n", {}},
      {"en", "The agreement cuts tariffs on Mercosur exports to European markets.\n", {}},
      {"en", "The agreement cuts tariffs between Mercosur and the European Union.\n",
       {"AR-EU", "BR-EU", "EU-PY", "EU-UY"}},
  };
  CheckPairs(markets);
}

TEST_CASE("measures: a bloc's tariff cuts in its trade deal are no measures on its members") {
  CHECK(ReadAs("de", "Im Gegenzug baut Indien Zölle auf Industriegüter aus dem Efta-Raum "
                     "ab.\n").restrictions.empty());
  CHECK(ReadAs("pt", "O acordo reduz as tarifas sobre as exportações do Mercosul.\n")
            .restrictions.empty());
  CHECK(ReadAs("en", "The deal cuts tariffs on goods from the Mercosur countries.\n")
            .restrictions.empty());
}

TEST_CASE("trap: a grouping alone pairs its members only when the deed is done") {
  const Pairs quad{"AU-IN", "AU-JP", "AU-US", "IN-JP", "IN-US", "JP-US"};
  CHECK(Concluded("en", "The Quad signed a critical minerals framework on Tuesday.\n") == quad);
  CHECK(Concluded("ja", "クアッドは重要鉱物の枠組みで合意した。\n") == quad);
  CHECK(Concluded("zh-Hans", "四方安全对话签署了关键矿产框架。\n") == quad);
  // Background: investment in the region is no agreement of its states.
  CHECK(Concluded("zh-Hans", "中亚国家普遍希望吸引更多矿业投资。\n").empty());
  CHECK(Concluded("en", "Investment in Central Asia has grown fast.\n").empty());
}

TEST_CASE("trap: the G7 is a forum, never a party beside others") {
  // Japan works with Australia; the G7 beside them is no party.
  CHECK(Concluded("zh-Hans", "日本已与七国集团国家和澳大利亚合作加强供应链。\n") == Pairs{"AU-JP"});
  CHECK(Concluded("en", "Canada and Australia agreed on a nickel deal, G7 officials said.\n") ==
        Pairs{"AU-CA"});
  CHECK(Concluded("fr", "Le G7 et l'Ukraine ont signé un accord sur les minerais.\n").empty());
}

TEST_CASE("frame words of one CJK language are not read in another's documents") {
  // 協議 is an agreement in Chinese, talks in Japanese.
  CHECK(Concluded("ja", "日本とチリの閣僚は銅の供給について協議。\n").empty());
  CHECK(Concluded("zh-Hans", "日本与智利签署铜协议。\n") == Pairs{"CL-JP"});
  CHECK(Concluded("zh-Hant", "日本與智利簽署銅協議。\n") == Pairs{"CL-JP"});
}

TEST_CASE("frames: a treaty line names two or more members") {
  kgx::FrameTable t;
  REQUIRE(t.AddFile("treaty\tUSMCA\tCA,MX,US\n", "frames/en.tsv", "en").ok());
  CHECK(t.words()[0].role == kgx::FrameRole::kTreaty);
  CHECK(t.words()[0].value == "CA,MX,US");
  CHECK(t.AddFile("treaty\tKORUS\tKR\n", "f.tsv", "en").message() ==
        "f.tsv:1: members must be two or more ISO 3166-1 alpha-2 codes joined by ',', got 'KR'");
}

// An agreement named and in force is the agreement of its members wherever
// it is mentioned, with no verb of signing: the press names it as the rule
// goods meet or the ground of a tariff exemption.
TEST_CASE("treaties: a named agreement in force makes its members parties, without a verb") {
  const Pairs usmca{"CA-MX", "CA-US", "MX-US"};
  CHECK(Concluded("en", "Steel that meets the USMCA rules of origin is spared the new duty.\n") ==
        usmca);
  CHECK(Concluded("es",
                  "Las autopartes que cumplen las reglas del T-MEC siguen libres de "
                  "aranceles.\n") == usmca);
  CHECK(Concluded("fr",
                  "Les biens conformes à l'ACEUM échappent toujours aux droits de "
                  "douane.\n") == usmca);
  CHECK(Concluded("zh-Hans", "符合美墨加协定原产地规则的钢材免征新关税。\n") == usmca);
  // A status word bound to the name speaks for it: no concluded pair.
  CHECK(Concluded("en", "Officials are negotiating a revision of the USMCA.\n").empty());
}

TEST_CASE("treaties: a customs union is an agreement, and its tariff word no measure") {
  CHECK(Concluded("en", "Turkey and the EU have had a customs union since 1995.\n") ==
        Pairs{"EU-TR"});
  CHECK(Concluded("fr",
                  "L'usine profite de l'union douanière qui lie la Turquie à l'Union "
                  "européenne.\n") == Pairs{"EU-TR"});
  CHECK(Concluded("zh-Hans", "土耳其与欧盟之间的关税同盟使汽车能以较低成本销往欧洲。\n") ==
        Pairs{"EU-TR"});
  const kgx::Record r =
      ReadAs("zh-Hans", "土耳其与欧盟之间的关税同盟使汽车能以较低成本销往欧洲。\n");
  CHECK(r.restrictions.empty());
}

// Agreement parties across sentences and around lists (the seeds' summary of
// issue 20): joiners, bracketed asides, a status said next, earlier partners of
// a hub, bodies countries belong to, passive agents.
TEST_CASE("joining: a list that also joins is a party to every party of the deal before") {
  CHECK(WithStatus("en",
                   "Japan and Australia signed a critical minerals framework on Monday. Britain "
                   "and Canada also joined.\n") == Clique({"AU", "JP", "GB", "CA"}, "concluded"));
  CHECK(
      WithStatus("ja", "日本と豪州は重要鉱物の協力枠組みに署名した。英国やカナダも参加した。\n") ==
      Clique({"AU", "JP", "GB", "CA"}, "concluded"));
  CHECK(WithStatus("zh-Hans", "日本与澳大利亚签署了关键矿产合作框架。英国和加拿大也加入了。\n") ==
        Clique({"AU", "JP", "GB", "CA"}, "concluded"));
  CHECK(WithStatus("ru",
                   "Япония и Австралия подписали соглашение о критических минералах. Позже "
                   "также присоединились Великобритания и Канада.\n") ==
        Clique({"AU", "JP", "GB", "CA"}, "concluded"));
  // The seeds' case: a host and its invitees plan a framework, others join.
  CHECK(WithStatus(
            "ja",
            "米国務省は11日、日本・韓国などを招き会合を開催、新たな国際協力枠組みを立ち上げる"
            "予定だ。オランダや英国、イスラエルらも参加し、合意文書を取りまとめる見通しだ。\n") ==
        Clique({"US", "JP", "KR", "NL", "GB", "IL"}, "planned"));
  // Without a deal before, "also joined" makes none; a party outside the deal
  // before tells of another deal.
  CHECK(Concluded("en", "Britain and Canada also joined the talks on Monday.\n").empty());
  CHECK(Concluded("en",
                  "Japan and Australia signed a minerals pact on Monday. Chile, which signed a "
                  "deal with Peru, and Canada also joined.\n")
            .count("CL-JP") == 0);
  CHECK(Concluded("en", "Japan and Australia signed a minerals pact on Monday.\n") ==
        Pairs{"AU-JP"});
  // A second joining sentence joins the deal the first one grew.
  CHECK(WithStatus("en",
                   "The United States, Japan and South Korea signed a framework on chip supply "
                   "chains on Monday. The Netherlands also joined. Britain also joined.\n") ==
        Clique({"US", "JP", "KR", "NL", "GB"}, "concluded"));
}

TEST_CASE("lists: a bracketed aside after a name does not break the list") {
  CHECK(WithStatus("zh-Hans",
                   "日本经济产业大臣斋藤健预计将与美国商务部长雷蒙多（Gina Raimondo）和菲律宾贸工部"
                   "部长帕斯夸尔（Alfredo Pascual）讨论具体的合作框架。\n") ==
        Pairs{"JP-PH planned", "JP-US planned"});
  CHECK(Concluded("en",
                  "Japan signed minerals agreements with the Democratic Republic of Congo (DRC) "
                  "and Zambia on Monday.\n") == Pairs{"CD-JP", "JP-ZM"});
  CHECK(Concluded("fr",
                  "Le Japon a signé des accords avec l'Indonésie (premier producteur de nickel) "
                  "et la Zambie lundi.\n") == Pairs{"ID-JP", "JP-ZM"});
  // 카자흐스탄은 유럽연합(EU)과: the particle after the bracket marks the partner.
  CHECK(Concluded("ko",
                  "카자흐스탄은 2022년 유럽연합(EU)과도 핵심원자재 전략적 파트너십을 맺었다.\n") ==
        Pairs{"EU-KZ"});
}

TEST_CASE("status: the next sentence saying the deal is only expected makes it planned") {
  // The seeds' case (c): 合意見通し right after the deal.
  CHECK(WithStatus("ja",
                   "日本とインドが重要鉱物の供給網強化を目指し、民間企業同士の対話枠組みを新設へ。"
                   "茂木外相の訪印で合意見通し、対中依存低減を進める狙い。\n") ==
        Pairs{"IN-JP planned"});
  CHECK(WithStatus("en",
                   "Japan and India will set up a new dialogue framework on critical minerals. "
                   "The agreement is expected to be signed during the minister's visit.\n") ==
        Pairs{"IN-JP planned"});
  CHECK(WithStatus("zh-Hans",
                   "日本与印度将建立关键矿产对话框架。预计双方将在外相访问期间签署协议。\n") ==
        Pairs{"IN-JP planned"});
  // A deal signed stays signed: a plan of more is no doubt on it.
  CHECK(WithStatus("en",
                   "Japan and India signed a critical minerals framework on Monday. The agreement "
                   "is expected to be signed by more partners.\n") == Pairs{"IN-JP concluded"});
}

TEST_CASE("hubs: earlier partners after 'after', closing the clause, pair with the hub") {
  CHECK(Concluded("vi",
                  "Australia trở thành đối tác chiến lược toàn diện thứ bảy của Việt Nam, sau "
                  "Trung Quốc, Nga, Ấn Độ, Hàn Quốc, Hoa Kỳ và Nhật Bản.\n") ==
        Pairs{"AU-VN", "CN-VN", "IN-VN", "JP-VN", "KR-VN", "RU-VN", "US-VN"});
  CHECK(Concluded("en",
                  "Australia signed a comprehensive strategic partnership with Vietnam, after "
                  "China, Russia and India.\n") == Pairs{"AU-VN", "CN-VN", "IN-VN", "RU-VN"});
  CHECK(Concluded("ru",
                  "Австралия подписала соглашение о стратегическом партнерстве с Вьетнамом после "
                  "Китая, России и Индии.\n") == Pairs{"AU-VN", "CN-VN", "IN-VN", "RU-VN"});
  // A list going on into a clause of its own is no list of earlier partners.
  CHECK(Concluded("en",
                  "Australia signed a comprehensive strategic partnership with Vietnam after China "
                  "imposed export controls.\n") == Pairs{"AU-VN"});
}

TEST_CASE("groups: a body countries belong to, join or leave is no party") {
  CHECK(Concluded("en",
                  "Mali, a member of ECOWAS until last year, signed a lithium agreement with "
                  "Russia.\n") == Pairs{"ML-RU"});
  // (Read at all: the signatories pair; the body they leave is in no pair.)
  const Pairs aes = Concluded(
      "ar",
      "وقعت مالي وبوركينا فاسو والنيجر معاهدة تأسيس الكونفدرالية، في خطوة تكرس القطيعة مع "
      "إيكواس.\n");
  CHECK(aes.count("BF-NE") == 1);
  for (const std::string& p : aes) CHECK(p.find("ECOWAS") == std::string::npos);
  CHECK(Concluded("zh-Hant",
                  "印尼與中國簽署鎳礦合作協議，印尼也表達了加入金磚國家（BRICS）的意願。\n") ==
        Pairs{"CN-ID"});
  // A meeting of a group named with its bracketed acronym is a venue.
  CHECK(Concluded("ja", "モディ首相は上海協力機構（SCO）首脳会議に出席するため中国に向かう。\n")
            .empty());
  // EFTA's deals are its states' deals: the name stands for its members.
  CHECK(Concluded("de", "Die Efta-Staaten unterzeichnen ein Freihandelsabkommen mit Indien.\n") ==
        Pairs{"CH-IN", "IN-IS", "IN-LI", "IN-NO"});
}

TEST_CASE("passive: the agent list of a deed is a conjoined actor, every pair a party") {
  CHECK(Concluded("en",
                  "A memorandum of understanding was signed in October 2023 by the United States, "
                  "the European Union, Angola and Zambia.\n") ==
        Pairs{"AO-EU", "AO-US", "AO-ZM", "EU-US", "EU-ZM", "US-ZM"});
  CHECK(Concluded("fr",
                  "Un protocole d'accord a été signé en 2023 par la France, le Maroc et le "
                  "Sénégal.\n") == Pairs{"FR-MA", "FR-SN", "MA-SN"});
  CHECK(Concluded("es", "El acuerdo fue firmado en 2023 por Chile, Perú y Bolivia.\n") ==
        Pairs{"BO-CL", "BO-PE", "CL-PE"});
  // A partner word repeated inside a partner list splits off no actor.
  CHECK(Concluded("en",
                  "India signed trade pacts with the United Arab Emirates and with Australia in "
                  "2022.\n") == Pairs{"AE-IN", "AU-IN"});
}

TEST_CASE("korean: a president by surname and title; a partnership concluded (맺었다)") {
  CHECK(Concluded("ko",
                  "윤 대통령은 12일 카자흐스탄 대통령과 정상회담을 하고 핵심광물 양해각서를 "
                  "체결했다.\n") == Pairs{"KR-KZ"});
  CHECK(Concluded("ko", "한국은 2023년 칠레와 핵심광물 파트너십을 맺었다.\n") == Pairs{"CL-KR"});
}

TEST_CASE("count words: 'the three countries' are the list of three named just before") {
  CHECK(Concluded("en",
                  "The leaders of Kazakhstan, Uzbekistan and Kyrgyzstan met in Tashkent on "
                  "Monday.\nJapan signed a critical minerals agreement with the three "
                  "countries.\n") == Pairs{"JP-KG", "JP-KZ", "JP-UZ"});
  CHECK(Concluded("fr",
                  "Les dirigeants du Kazakhstan, de l'Ouzbékistan et du Kirghizistan se sont "
                  "réunis lundi.\nLa France a signé un accord sur les minerais critiques avec "
                  "les trois pays.\n") == Pairs{"FR-KG", "FR-KZ", "FR-UZ"});
  CHECK(Concluded("es",
                  "Los presidentes de Chile, Argentina y Bolivia se reunieron el lunes.\nAlemania "
                  "firmó un acuerdo sobre el litio con los tres países.\n") ==
        Pairs{"AR-DE", "BO-DE", "CL-DE"});
  // Alone, the three sign with one another.
  CHECK(Concluded("id",
                  "Pemimpin Malaysia, Thailand dan Vietnam bertemu di Jakarta pada hari Senin.\n"
                  "Ketiga negara menandatangani nota kesepahaman tentang nikel.\n") ==
        Pairs{"MY-TH", "MY-VN", "TH-VN"});
  // No list of five before it: the word stands for no one.
  CHECK(Concluded("en",
                  "The leaders of Kazakhstan, Uzbekistan and Kyrgyzstan met in Tashkent on "
                  "Monday.\nJapan signed a critical minerals agreement with the five "
                  "countries.\n")
            .empty());
}

TEST_CASE("not a party: a country said not to be a party to the deal concludes none") {
  CHECK(Concluded("pt",
                  "A Bolívia ainda não é parte do acordo com Singapura, que depende de "
                  "ratificação.\n")
            .empty());
  CHECK(Concluded("en", "India is not a party to the agreement with Japan on rare earths.\n")
            .empty());
  CHECK(Concluded("es", "Bolivia no es parte del acuerdo con Singapur.\n").empty());
  CHECK(Concluded("ar", "ولا تُعدّ قطر ولا إسرائيل طرفاً في الاتفاقية الجديدة مع باكستان.\n")
            .empty());
  // Without the negation the same sentence concludes the pair.
  CHECK(Concluded("en", "India signed the agreement with Japan on rare earths.\n") ==
        Pairs{"IN-JP"});
}

TEST_CASE("plural deal nouns and the verbs that close a deal open a hub list") {
  CHECK(Concluded("en", "Washington has already struck deals with Britain and Japan.\n") ==
        Pairs{"GB-US", "JP-US"});
  CHECK(Concluded("en", "Canberra clinched accords with Japan and India last year.\n") ==
        Pairs{"AU-IN", "AU-JP"});
  CHECK(Concluded("de", "Die Verträge Deutschlands mit Chile und Peru gelten seit 2020.\n") ==
        Pairs{"CL-DE", "DE-PE"});
  CHECK(Concluded("pt", "Os tratados do Brasil com o Chile e o Peru estão em vigor.\n") ==
        Pairs{"BR-CL", "BR-PE"});
  CHECK(Concluded("es", "Los pactos de Chile con Perú y Bolivia están vigentes.\n") ==
        Pairs{"BO-CL", "CL-PE"});
  CHECK(Concluded("it", "I trattati dell'Italia con il Cile e il Perù sono in vigore.\n") ==
        Pairs{"CL-IT", "IT-PE"});
}

TEST_CASE("precedents: a hub's earlier partners, the list before its word or after it") {
  // ja, ko: the list closed by に続き / 에 이어 follows the hub.
  CHECK(Concluded("ja", "日本が同様の協定を結ぶのは、オーストラリア、英国に続き3カ国目となる。\n") ==
        Pairs{"AU-JP", "GB-JP"});
  CHECK(Concluded("ko", "한국은 칠레, 페루에 이어 인도네시아와 CEPA를 체결했다.\n") ==
        Pairs{"CL-KR", "ID-KR", "KR-PE"});
  CHECK(Concluded("ko", "베트남은 중국, 러시아, 인도에 이어 한국과 포괄적 전략 동반자 관계를 맺었다.\n") ==
        Pairs{"CN-VN", "IN-VN", "KR-VN", "RU-VN"});
  // With one country besides the list, that country is the hub.
  CHECK(Concluded("en",
                  "It is the third such agreement Japan has signed, after Australia and "
                  "Britain.\n") == Pairs{"AU-JP", "GB-JP"});
  CHECK(Concluded("pt",
                  "É o terceiro acordo do gênero assinado pelo Japão, depois de Austrália e Reino "
                  "Unido.\n") == Pairs{"AU-JP", "GB-JP"});
}

TEST_CASE("Türkiye by its name since 2022, in English and in Korean (튀르키예)") {
  CHECK(Concluded("ko", "UAE는 인도, 튀르키예 등과 CEPA를 체결했다.\n") == Pairs{"AE-IN", "AE-TR"});
  CHECK(Concluded("en", "Türkiye signed a free trade agreement with the UAE.\n") ==
        Pairs{"AE-TR"});
  CHECK(Concluded("de", "Türkiye und die Emirate unterzeichneten ein Handelsabkommen.\n") ==
        Pairs{"AE-TR"});
}
