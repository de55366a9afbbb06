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
    const char* sentence = text;  // CAPTURE cannot take a structured binding (clang).
    CAPTURE(sentence);
    CHECK(Concluded(lang, text) == hub);
  }
}

TEST_CASE("trap in de, es, fr: a deal not done makes no edge") {
  CHECK(
      Concluded("de", "Chile und Japan wollen ein Abkommen über Lithium unterzeichnen.\n").empty());
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

TEST_CASE("trap: a grouping beside a party pairs its members with that party only") {
  const Pairs c5_with_kr{"KG-KR", "KR-KZ", "KR-TJ", "KR-TM", "KR-UZ"};
  CHECK(Concluded("zh-Hans", "韩国与中亚五国签署了关键矿产合作备忘录。\n") == c5_with_kr);
  CHECK(Concluded("ja", "「中央アジア+韓国」の首脳は重要鉱物の共同宣言に署名した。\n") ==
        c5_with_kr);
  CHECK(Concluded("fr", "La Corée du Sud a signé un partenariat avec l'Asie centrale.\n") ==
        c5_with_kr);
  CHECK(Concluded("en", "South Korea signed a minerals pact with the Central Asian states.\n") ==
        c5_with_kr);
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
}

TEST_CASE("treaties: a customs union is an agreement, and its tariff word no measure") {
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
  CHECK(Concluded("en",
                  "Japan and Australia signed a minerals pact on Monday. Chile, which signed a "
                  "deal with Peru, and Canada also joined.\n")
            .count("CL-JP") == 0);
  // A second joining sentence joins the deal the first one grew.
  CHECK(WithStatus("en",
                   "The United States, Japan and South Korea signed a framework on chip supply "
                   "chains on Monday. The Netherlands also joined. Britain also joined.\n") ==
        Clique({"US", "JP", "KR", "NL", "GB"}, "concluded"));
}

TEST_CASE("groups: a body countries belong to, join or leave is no party") {
  // (Read at all: the signatories pair; the body they leave is in no pair.)
  const Pairs aes = Concluded(
      "ar",
      "وقعت مالي وبوركينا فاسو والنيجر معاهدة تأسيس الكونفدرالية، في خطوة تكرس القطيعة مع "
      "إيكواس.\n");
  CHECK(aes.count("BF-NE") == 1);
  for (const std::string& p : aes) CHECK(p.find("ECOWAS") == std::string::npos);
  // A meeting of a group named with its bracketed acronym is a venue.
  CHECK(Concluded("ja", "モディ首相は上海協力機構（SCO）首脳会議に出席するため中国に向かう。\n")
            .empty());
}

TEST_CASE("count words: 'the three countries' are the list of three named just before") {
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
  CHECK(Concluded("ar", "ولا تُعدّ قطر ولا إسرائيل طرفاً في الاتفاقية الجديدة مع باكستان.\n")
            .empty());
}

