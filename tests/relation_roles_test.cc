// The relation reader by roles: frames as data, slots, status. One group of
// cases per trap of issue 18, each in at least three languages; made-up
// sentences. The first cases use a ten-line frame table and no gazetteer.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/read/reader.h"
#include "extract/relations/frames.h"
#include "extract/relations/roles.h"
#include "tests/test_util.h"

namespace doctest {
template <>
struct StringMaker<std::set<std::string>> {
  static String convert(const std::set<std::string>& v) {
    std::string out = "{";
    for (const std::string& x : v) out += (out.size() > 1 ? ", " : "") + x;
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace {

using Pairs = std::set<std::string>;

using kgx_test::ConcludedPairs;
using kgx_test::ReadIn;

// "CN>US" for each measure in force.
Pairs InForce(const kgx::Record& r) {
  Pairs out;
  for (const auto& x : r.restrictions)
    if (kgx::IsInForce(x)) out.insert(x.from + ">" + x.to);
  return out;
}

// What the project's model reads in `text`, its language detected.
kgx::Record Read(const std::string& text) { return kgx_test::Extract("doc.txt", text); }

// A sentence of a trap and the pairs of the deals it concludes, written as
// tests/cases writes them ("AU-JP JP-PH", "" for none). Its language is
// detected, or given in front matter when `lang` is set.
struct Concludes {
  std::string text;
  std::string pairs;
  const char* lang = nullptr;
};

// Reads each sentence as a document of its own and checks its pairs.
void CheckConcluded(const std::vector<Concludes>& cases) {
  for (const Concludes& c : cases) {
    CAPTURE(c.text);
    CHECK(kgx_test::Concluded(c.lang == nullptr ? Read(c.text) : ReadIn(c.text, c.lang)) ==
          c.pairs);
  }
}

// A sentence of fillers and markers built by hand: `text` with each filler
// and marker found by its words.
struct Built {
  std::string text;
  kgx::FrameInput in;
};

void AddFiller(Built* b, const std::string& words, const std::string& id,
               kgx::Filler::Kind kind = kgx::Filler::Kind::kCountry) {
  const size_t at = b->text.find(words);
  REQUIRE(at != std::string::npos);
  b->in.fillers.push_back({id, at, at + words.size(), kind});
}

void AddMarker(Built* b, const std::string& words, kgx::FrameRole role, size_t from = 0) {
  const size_t at = b->text.find(words, from);
  REQUIRE(at != std::string::npos);
  b->in.markers.push_back({at, at + words.size(), role});
}

void Finish(Built* b, const std::string& trigger) {
  b->in.text = b->text;
  b->in.sentence = {0, b->text.size()};
  const size_t at = b->text.find(trigger);
  REQUIRE(at != std::string::npos);
  b->in.trigger = {at, at + trigger.size()};
  auto by_pos = [](const auto& x, const auto& y) { return x.begin < y.begin; };
  std::sort(b->in.fillers.begin(), b->in.fillers.end(), by_pos);
  std::sort(b->in.markers.begin(), b->in.markers.end(), by_pos);
}

Pairs PairsOf(const kgx::FrameReading& r) {
  Pairs out;
  for (const auto& [a, b] : r.pairs) out.insert(a + "-" + b);
  return out;
}

}  // namespace

TEST_CASE("frames: a ten-line table parses; bad lines name file, line and fault") {
  kgx::FrameTable t;
  const std::string table =
      "# a test table\n"
      "agreement\tsign\tcooperation\n"
      "agreement\tjoint statement\tjoint_statement\tmembers\n"
      "strong\tsigned\n"
      "measure\ttariffs\ttariff\n"
      "status\thopes to\tplanned\n"
      "status\tlifted\tlifted\n"
      "partner-before\twith\n"
      "list-joiner\tand\n"
      "reason-before\tother than\n";
  REQUIRE(t.AddFile(table, "frames/en.tsv", "en").ok());
  REQUIRE(t.words().size() == 9);
  CHECK(t.words()[1].slots == kgx::FrameSlots::kMembers);
  CHECK(t.words()[0].lang == "en");
  kgx_test::CheckFrameErrors(
      t,
      {
          {"agree\n", "frames/en.tsv", "en",
           "frames/en.tsv:1: expected 'role<TAB>word[<TAB>value]'"},
          {"agreement\tsign\tfriendship\n", "frames/en.tsv", "en",
           "frames/en.tsv:1: unknown value 'friendship'"},
          {"\nmeasure\tban\tembargo\n", "x/frames/de.tsv", "de",
           "x/frames/de.tsv:2: unknown value 'embargo'"},
          {"partner-before\twith\textra\n", "f.tsv", "en",
           "f.tsv:1: expected 'partner-before<TAB>word'"},
          {"status\tmaybe\tperhaps\n", "f.tsv", "en", "f.tsv:1: unknown value 'perhaps'"},
          // RE2's \b is ASCII only: beside a letter outside it, or beside a
          // group one of whose alternatives begins or ends with one, it never
          // matches ("soumet à licence", "retiró de sus redes").
          {"measure-pattern\t(?i)\\bsoumet\\b[^.;]{0,16}\\bà licence\tlicensing\n", "f.tsv", "fr",
           "f.tsv:1: '\\b' beside a letter outside ASCII never matches there (RE2's \\b is ASCII "
           "only): (?i)\\bsoumet\\b[^.;]{0,16}\\bà licence"},
          {"measure-pattern\t(?i)\\b(?:retirar|retiró)\\b[^.;]{0,40}\\bredes\tsanction\n", "f.tsv",
           "es",
           "f.tsv:1: '\\b' beside a letter outside ASCII never matches there (RE2's \\b is ASCII "
           "only): (?i)\\b(?:retirar|retiró)\\b[^.;]{0,40}\\bredes"},
      });
  // Beside a mark outside ASCII that is no letter, \\b does match ("€5").
  CHECK(t.AddFile("measure-pattern\t€\\b[0-9]+ de droits\ttariff\n", "f.tsv", "fr").ok());
  // A worldwide pattern is checked alike, and takes no value.
  kgx::FrameTable w;
  CHECK(
      w.AddFile("worldwide-pattern\t(?i)\\ball\\b[^.;]{0,30}\\bimports\\b\n", "f.tsv", "en").ok());
  kgx_test::CheckFrameErrors(
      w, {
             {"worldwide-pattern\t(?i)(all\n", "g.tsv", "en",
              "g.tsv:1: invalid RE2 pattern: missing ): (?i)(all"},
             {"worldwide-pattern\tall imports\ttariff\n", "h.tsv", "en",
              "h.tsv:1: expected 'worldwide-pattern<TAB>word'"},
             {"worldwide-pattern\t(?i)\\bétrangères\n", "i.tsv", "fr",
              "i.tsv:1: '\\b' beside a letter outside ASCII never matches there (RE2's \\b is "
              "ASCII only): (?i)\\bétrangères"},
         });
}

TEST_CASE("frames: a '~' at a word's end lets it run on into letters there") {
  kgx::FrameTable t;
  REQUIRE(t.AddFile("agreement\tсоглашени~\tcooperation\n"
                    "strong\t~اتفاقية\n"
                    "list-joiner\tو~\n"
                    "clause-start\t; \n",
                    "frames/ru.tsv", "ru")
              .ok());
  REQUIRE(t.words().size() == 4);
  CHECK(t.words()[0].word == "соглашени");
  CHECK((!t.words()[0].open_begin && t.words()[0].open_end));
  CHECK(t.words()[1].word == "اتفاقية");
  CHECK((t.words()[1].open_begin && !t.words()[1].open_end));
  CHECK(t.words()[2].word == "و");
  CHECK((!t.words()[3].open_begin && !t.words()[3].open_end));
  kgx_test::CheckFrameErrors(t, {
      {"\nlist-joiner\t~\n", "frames/ar.tsv", "ar",
       "frames/ar.tsv:2: '~' has no letters beside its '~' (stem~, ~word)"},
      {"strong\t~~\n", "frames/ar.tsv", "ar",
       "frames/ar.tsv:1: '~~' has no letters beside its '~' (stem~, ~word)"},
      {"minerals-in-general\tкритическ~ сырь~\n", "frames/ru.tsv", "ru",
       "frames/ru.tsv:1: 'критическ~ сырь~' has a '~' inside; only a word's ends run on"},
  });
}

TEST_CASE("frames: grammar lines: a known word order; articles glue a marker to its list") {
  kgx::FrameTable t;
  REQUIRE(t.AddFile("word-order\tverb-final\narticle\tthe\n", "frames/ja.tsv", "ja").ok());
  CHECK(t.words()[0].role == kgx::FrameRole::kWordOrder);
  CHECK(t.AddFile("word-order\tsubject-first\n", "frames/xx.tsv", "xx").message() ==
        "frames/xx.tsv:1: unknown word order 'subject-first' (expected verb-final, target-first, "
        "imposer-after, home-imposes, verb-subject, adjective-after or and-with)");
  // A capital counts only in a slot: the partner marker reaches the list
  // over "the" only when the frames list it as an article.
  Built b{"Tokyo signed with the Philippines.", {}};
  AddFiller(&b, "Tokyo", "JP", kgx::Filler::Kind::kCapital);
  AddFiller(&b, "Philippines", "PH");
  AddMarker(&b, "with", kgx::FrameRole::kPartnerBefore);
  Finish(&b, "signed");
  CHECK(PairsOf(kgx::ReadAgreementFrame(b.in)).empty());
  const std::vector<std::string> articles = {"the"};
  b.in.articles = &articles;
  CHECK(PairsOf(kgx::ReadAgreementFrame(b.in)) == Pairs{"JP-PH"});
}

TEST_CASE("roles: a hub's partner list pairs the hub with each member, never members together") {
  Built b{"Ottawa has signed accords with Peru, Ghana and Mongolia.", {}};
  AddFiller(&b, "Ottawa", "CA", kgx::Filler::Kind::kCapital);
  AddFiller(&b, "Peru", "PE");
  AddFiller(&b, "Ghana", "GH");
  AddFiller(&b, "Mongolia", "MN");
  AddMarker(&b, "with", kgx::FrameRole::kPartnerBefore);
  AddMarker(&b, "and", kgx::FrameRole::kListJoiner);
  Finish(&b, "signed");
  const kgx::FrameReading r = kgx::ReadAgreementFrame(b.in);
  CHECK(PairsOf(r) == Pairs{"CA-GH", "CA-MN", "CA-PE"});
  REQUIRE(r.fills.size() == 4);
  CHECK(r.fills[0].slot == kgx::Slot::kActor);
  CHECK(r.fills[3].slot == kgx::Slot::kPartner);
}

TEST_CASE("roles: a reason fills no slot; a capital outside a slot is no party") {
  Built b{"Japan signed with Chile to find suppliers other than China, in Santiago.", {}};
  AddFiller(&b, "Japan", "JP");
  AddFiller(&b, "Chile", "CL");
  AddFiller(&b, "China", "CN");
  AddFiller(&b, "Santiago", "CL", kgx::Filler::Kind::kCapital);
  AddMarker(&b, "with", kgx::FrameRole::kPartnerBefore);
  AddMarker(&b, "other than", kgx::FrameRole::kReasonBefore);
  Finish(&b, "signed");
  CHECK(PairsOf(kgx::ReadAgreementFrame(b.in)) == Pairs{"CL-JP"});
  // No slot and three names: abstain.
  Built c{"Japan, Chile and China are named in a report on copper deals.", {}};
  AddFiller(&c, "Japan", "JP");
  AddFiller(&c, "Chile", "CL");
  AddFiller(&c, "China", "CN");
  Finish(&c, "deals");
  CHECK(kgx::ReadAgreementFrame(c.in).pairs.empty());
}

// Each trap: sentences in three or more languages, the pairs a reader of
// the news would draw.
TEST_CASE("trap: hub lists pair the hub with each member") {
  CheckConcluded({
      {"Canada has signed comparable accords with Peru, Ghana and Mongolia.\n",
       "CA-GH CA-MN CA-PE"},
      {"日本はチリ、ペルーと銅の協力で合意した。\n", "CL-JP JP-PE"},
      {"中国同巴西、秘鲁签署了锂合作协议。\n", "BR-CN CN-PE"},
      {"Deutschland unterzeichnete Abkommen mit Chile, Peru und Bolivien.\n", "BO-DE CL-DE DE-PE"},
  });
}

// A relative clause on the deal names the hub inside it and the partners
// outside: its antecedent, or examples after it; never a clique of them.
TEST_CASE("trap: a relative clause's subject is the hub of the partners it describes") {
  CheckConcluded({
      {"Chile joins Australia and Japan, countries with which the United States already has "
       "minerals agreements.\n",
       "AU-US JP-US"},
      {"The deal adds to the partners with which Canada has free trade agreements, including "
       "Chile, Peru and South Korea.\n",
       "CA-CL CA-KR CA-PE"},
      {"Partners with which Canada has free trade agreements — including Britain and Japan — will "
       "rise.\n",
       "CA-GB CA-JP"},
      {"Le Chili rejoint l'Australie et le Japon, pays avec lesquels les États-Unis ont déjà signé "
       "des accords.\n",
       "AU-US JP-US"},
      {"Australia y Japón, países con los que Estados Unidos ya firmó acuerdos, abrieron el "
       "camino.\n",
       "AU-US JP-US"},
      {"Чили присоединилась к Австралии и Японии — странам, с которыми США уже подписали "
       "соглашения.\n",
       "AU-US JP-US"},
      // Before the noun (zh): 的 after the deed; the list after it each with the hub.
      {"与美国签署协议的日本和韩国已获得豁免。\n", "JP-US KR-US"},
      // No antecedent list and no examples: nothing read from the clause.
      {"Canada is looking for partners with which it can sign agreements.\n", ""},
  });
}

// A country excepted from a measure may be the subject of a deal told in a
// relative clause right after it: the exception keeps it out of the
// measure, not out of the deal.
TEST_CASE("trap: an excepted country that signed in a relative clause is the deal's party") {
  CheckConcluded({
      {"The tariffs apply to every country except Britain, which signed a trade deal with "
       "Washington in May.\n",
       "GB-US"},
      {"Gli esportatori hanno accolto la notizia con cautela. I dazi si applicano a tutti i Paesi, "
       "ad eccezione del Regno Unito, che con Washington ha chiuso a maggio un accordo "
       "commerciale.\n",
       "GB-US"},
      {"Les droits de douane s'appliquent à tous les pays, sauf le Royaume-Uni, qui a signé un "
       "accord commercial avec Washington en mai.\n",
       "GB-US"},
  });
  // Without the relative clause the exception is no party.
  CHECK(ConcludedPairs(Read("The tariffs apply to every country except Britain after the deal "
                            "with Washington.\n"))
            .count("GB-US") == 0);
}

TEST_CASE("trap: capitals and leaders act for their country only in a slot") {
  // Leaders as actor and partner.
  CheckConcluded({
      {"Trump signed a minerals agreement with Albanese on Monday.\n", "AU-US"},
      {"石破首相はマルコス大統領と重要鉱物の協力で合意した。\n", "JP-PH"},
      {"习近平同托卡耶夫签署了稀土合作协议。\n", "CN-KZ"},
      // A capital that only reports or hosts is no party.
      {"Japan and Chile signed a copper pact, Beijing's state media reported.\n", "CL-JP"},
      {"日本与智利签署铜协议，据北京官方媒体报道。\n", "CL-JP"},
      {"日本とチリは銅の協定に署名したと北京の国営メディアが伝えた。\n", "CL-JP"},
  });
}

TEST_CASE("trap: a person named like a country stands for their own country") {
  // "Jordan" begins a person's name; the title gives the person's country.
  CheckConcluded({
      {"U.S. Trade Representative Jordan Greer signed a critical minerals deal with Japan.\n",
       "JP-US"},
      {"Israel Katz signed a lithium accord with Chile on Monday.\n", ""},
      {"チャド・ウルフ氏はチリと銅の協定に署名した。\n", ""},
  });
}

TEST_CASE("trap: a country that is only the reason is no party") {
  CheckConcluded({
      {"Japan signed a rare earths deal with Australia to find suppliers other than China.\n",
       "AU-JP"},
      {"脱中国を掲げ、日本は豪州とレアアースの協定に署名した。\n", "AU-JP"},
      {"La France a signé avec le Canada un accord sur le nickel pour réduire sa dépendance "
       "vis-à-vis de la Russie.\n",
       "CA-FR"},
  });
}

TEST_CASE("trap: deals that did not happen keep their status and make no edge") {
  auto status_of = [](const kgx::Record& r) {
    REQUIRE(r.agreements.size() == 1);
    return r.agreements[0].status;
  };
  kgx::Record r = Read("Indonesia hopes to sign a nickel agreement with Japan next year.\n");
  CHECK(status_of(r) == "planned");
  CHECK(ConcludedPairs(r).empty());
  r = Read("日本とインドはレアアースの協定締結を目指す方針だ。\n");
  CHECK(status_of(r) == "planned");
  r = Read("中国与刚果（金）暂停续约钴合作协议。\n");
  CHECK(status_of(r) == "failed");
  r = Read("Brazil did not sign the lithium agreement with China.\n");
  CHECK(status_of(r) == "failed");
  CHECK(ConcludedPairs(r).empty());
}

TEST_CASE("trap: 'the two countries' are the pair the story is about") {
  CheckConcluded({
      {"Japan and Australia signed a gallium pact on Monday. Officials from China and South Korea "
       "were surprised. The two countries also agreed to share data.\n",
       "AU-JP"},
      {"日本と豪州はガリウムの協定に署名した。中国と韓国の関係者は驚いた。"
       "両国はデータ共有でも合意した。\n",
       "AU-JP"},
      {"한국과 호주는 리튬 협정에 서명했다. 중국과 일본 관계자들은 놀랐다. "
       "양국은 정보 공유에도 합의했다.\n",
       "AU-KR"},
  });
}

TEST_CASE("trap: multilateral frames make every member pair") {
  CheckConcluded({
      {"Albanese, Marcos and Ishiba jointly signed a statement on critical minerals.\n",
       "AU-JP AU-PH JP-PH"},
      {"习近平同托卡耶夫、米尔济约耶夫共同签署联合宣言。\n", "CN-KZ CN-UZ KZ-UZ"},
      {"石破首相、アルバニージー首相、マルコス大統領は重要鉱物に関する共同声明を"
       "発表した。\n",
       "AU-JP AU-PH JP-PH"},
      // Titles that name the country (日本首相, 美国总统) overlap it: the list keeps
      // its first member whichever it is.
      {"日本首相石破茂、美国总统特朗普和澳大利亚总理阿尔巴尼斯共同签署了"
       "锂联合声明。\n",
       "AU-JP AU-US JP-US"},
      {"美国总统特朗普、日本首相石破茂和澳大利亚总理阿尔巴尼斯共同签署了"
       "锂联合声明。\n",
       "AU-JP AU-US JP-US"},
  });
}

TEST_CASE("trap: measures against a country, imposer first; lifted or threatened not in force") {
  CHECK(InForce(Read("The United States imposed a 25% tariff on steel from Canada.\n")) ==
        Pairs{"US>CA"});
  CHECK(InForce(Read("The European Union imposed sanctions on Russia over nickel.\n")) ==
        Pairs{"EU>RU"});
  CHECK(InForce(Read("米国はロシア産アルミニウムの輸入禁止を発表した。\n")) == Pairs{"US>RU"});
  CHECK(InForce(Read("미국은 중국산 흑연에 관세를 부과했다.\n")) == Pairs{"US>CN"});
  kgx::Record r = Read("中国暂停对美国的镓出口管制。\n");
  REQUIRE(r.restrictions.size() == 1);
  CHECK(r.restrictions[0].status == "suspended");
  CHECK(InForce(r).empty());
  r = Read("Washington threatens tariffs on Chinese graphite.\n");
  REQUIRE(r.restrictions.size() == 1);
  CHECK(r.restrictions[0].status == "threatened");
  r = Read(
      "Le gouvernement de l'Indonésie a levé l'interdiction d'exporter la bauxite vers la "
      "Chine, selon le ministère des Mines.\n");
  REQUIRE(r.restrictions.size() >= 1);
  CHECK(InForce(r).empty());
}

TEST_CASE("records carry the role fillers with offsets and the status") {
  const std::string text = "Canada signed accords with Peru and Ghana.\n";
  kgx::Record r = Read(text);
  REQUIRE(r.agreements.size() == 2);
  for (const auto& a : r.agreements) {
    REQUIRE(a.roles.size() == 2);
    CHECK(a.roles[0].slot == "actor");
    CHECK(a.roles[0].text == "Canada");
    CHECK(text.substr(a.roles[1].start, a.roles[1].end - a.roles[1].start) == a.roles[1].text);
    CHECK(a.roles[1].slot == "partner");
    CHECK(a.status == "concluded");
  }
}

TEST_CASE("frames: a word with two statuses of one kind is an error naming both lines") {
  kgx::FrameTable t;
  CHECK(t.AddFile("status\tfailed to\tplanned\n# note\nstatus\tfailed to\tfailed\n",
                  "frames/en.tsv", "en")
            .message() ==
        "frames/en.tsv:3: 'failed to' is status 'failed' here and 'planned' at frames/en.tsv:1");
  // A deal's status and a measure's are two kinds: 検討 is planned and threatened.
  kgx::FrameTable u;
  CHECK(u.AddFile("status\t検討\tplanned\nstatus\t検討\tthreatened\n", "frames/ja.tsv", "ja").ok());
  CHECK(u.AddFile("status\tanalysts\tplanned\tsentence\n", "frames/en.tsv", "en").ok());
  CHECK(u.words().back().whole_sentence);
  CHECK(u.AddFile("status\tmaybe\tplanned\tclause\n", "f.tsv", "en").message() ==
        "f.tsv:1: unknown scope 'clause' (expected sentence, no-deed, before, pending or entry)");
  // `entry` marks a measure's entry into force ahead: threatened only.
  CHECK(u.AddFile("status\twill take effect\tthreatened\tentry\n", "frames/en.tsv", "en").ok());
  CHECK(u.words().back().entry);
  CHECK_FALSE(u.words().back().whole_sentence);
  CHECK(u.AddFile("status\tsoon\tplanned\tentry\n", "g.tsv", "en").message() ==
        "g.tsv:1: scope 'entry' takes the status threatened, not 'planned'");
}

// Round 7's kinds: hubs, members slots, pair words and forums (issue 18).
TEST_CASE("roles: a partner list without its actor is no pair of its members") {
  Built b{"Later similar documents were signed with Germany and France.", {}};
  AddFiller(&b, "Germany", "DE");
  AddFiller(&b, "France", "FR");
  AddMarker(&b, "with", kgx::FrameRole::kPartnerBefore);
  AddMarker(&b, "and", kgx::FrameRole::kListJoiner);
  Finish(&b, "signed");
  CHECK(kgx::ReadAgreementFrame(b.in).pairs.empty());
}

TEST_CASE("trap: a hub named by its capital, or left unsaid, pairs with each partner") {
  CheckConcluded({
      {"Соглашение подписано в январе. Позднее аналогичные документы Киев заключил с Германией и "
       "Францией.\n",
       "DE-UA FR-UA"},
      // Pro-drop: the actor is the one party of the sentence before.
      {"한국은 올해 핵심광물 협력 상대를 늘리고 있다. 지난 6월에는 카자흐스탄, "
       "우즈베키스탄과 협력 약정을 맺었고, 탄자니아와도 MOU에 서명했다.\n",
       "KR-KZ KR-TZ KR-UZ"},
      // A members word ("joint declaration") whose partner is marked keeps the hub.
      {"وتندرج الشراكة مع مصر ضمن نهج أوسع؛ إذ وقّع الاتحاد الأوروبي مذكرة تفاهم مع تونس في يوليو "
       "2023، ثم إعلانًا مشتركًا مع موريتانيا.\n",
       "EG-EU EU-MR EU-TN"},
      // 與 joins a conjoined actor when another list is the marked partner, and
      // the partner that tariffs are cut with stays a party; 先後 ("one after
      // the other") makes each member of the actor deal with the partner on its
      // own: Japan and Korea are no parties to each other.
      {"日本與南韓在7月下旬與美方敲定貿易協議，換取關稅降至15%。\n", "JP-KR JP-US KR-US"},
      {"日本與南韓在7月下旬先後與美方敲定貿易協議，換取關稅降至15%。\n", "JP-US KR-US"},
  });
}

TEST_CASE("trap: a members slot names every party; a list before it is not their actor") {
  CheckConcluded({
      {"L'associazione chiede che Roma e Bruxelles facciano valere l'intesa commerciale raggiunta "
       "tra l'Unione europea e gli Stati Uniti.\n",
       "EU-US"},
      {"The association asked Rome and Brussels to defend the deal reached between the European "
       "Union and the United States.\n",
       "EU-US"},
  });
}

TEST_CASE("trap: 'the two countries' beside another party pair with it, not with each other") {
  CheckConcluded({
      {"Le point sensible concerne la Norvège et l'Islande. Liées à l'UE par un accord, les deux "
       "pays n'ont pas été exemptés.\n",
       "EU-IS EU-NO"},
      // The body they are members of is no party (reason-before: membres de).
      {"Le Liechtenstein et la Norvège restent à part. Membres de l'Espace économique européen et "
       "liés à l'UE par un accord, les deux pays ont obtenu un quota.\n",
       "EU-LI EU-NO"},
  });
}

TEST_CASE("trap: 'the two' right after two names is their apposition, not the story's pair") {
  // The story's pair (AU-JP) must not join the two named right before the pair word.
  CheckConcluded({
      {"日本と豪州はガリウムの協定に署名した。"
       "ケニアとタンザニア両首脳は鉱物協力の協定に署名した。\n",
       "AU-JP KE-TZ"},
      {"Japan and Australia signed a gallium pact on Monday. Kenya and Tanzania, the two "
       "countries, signed a minerals accord.\n",
       "AU-JP KE-TZ"},
  });
}

TEST_CASE("trap: a framework a minister is expected to discuss is no deal done (预计, 讨论)") {
  CheckConcluded({
      {"韩国产业通商资源部长官预计将与澳大利亚资源部长讨论具体的锂合作框架。\n", ""},
      {"韓國產業通商資源部長官預計將與澳洲資源部長討論具體的鋰合作框架。\n", ""},
  });
}

TEST_CASE("trap: a forum one joins is no party; a supply chain's lean is a reason") {
  CheckConcluded({
      {"India will join the Minerals Security Partnership, India and the United States said in a "
       "joint statement.\n",
       "IN-US"},
      // The country a supply chain leans on is the reason (중국에 편중된).
      {"중국에 편중된 공급망을 다변화하려면 페루와의 직접 협력이 필수다.\n", ""},
  });
}

TEST_CASE("trap: a country of a comparison is no party; a deal not reached is no deal") {
  // "Than X" compares; X did not sign (일본보다: than Japan).
  CheckConcluded({
      {"한국 정부는 일본보다 현금 투자 비중을 줄이는 데 협상력을 집중했다고 설명했다.\n", ""},
      {"한국은 일본보다 많은 금액을 미국에 투자하기로 합의했다.\n", "KR-US"},
      // 합의에 이르지 못한 상태: talks, no concluded pair.
      {"한미 양국은 투자 방식을 두고 아직 최종 합의에 이르지 못한 상태다.\n", ""},
  });
}

TEST_CASE("trap: a deal announced for a later day is planned (拟, 将于, 將於)") {
  CheckConcluded({
      {"中国和巴西拟就锂矿合作达成协议。\n", ""},
      {"日本和澳大利亚将于5月在东京签署关键矿产合作协议。\n", ""},
      {"日本和澳大利亞將於5月在東京簽署關鍵礦產合作協議。\n", ""},
      // Signed: still concluded.
      {"日本和澳大利亚在东京签署了关键矿产合作协议。\n", "AU-JP"},
  });
}

TEST_CASE("trap: a unilateral act signed (decree, executive order, 大統領令) is no deal") {
  CheckConcluded({
      {"美国总统签署行政令，日本随即表示关注。\n", ""},
      {"米大統領は日本製鉄に関する大統領令に署名し、日本政府は遺憾の意を示した。\n", ""},
      {"El presidente de Estados Unidos firmó un decreto que Japón celebró.\n", ""},
      {"Президент России подписал указ о поставках урана, Казахстан приветствовал это решение.\n",
       ""},
      // The deal a decree or law ratifies is still a deal.
      {"Президент России подписал закон о ратификации договора с КНДР.\n", "KP-RU"},
  });
}

TEST_CASE("trap: a deal only named, in a clause that tells it was hoped for, is no deal done") {
  CheckConcluded({
      {"Persiste la frustración con el acuerdo entre Japón y el Perú, que Lima esperaba cerrar "
       "antes de diciembre.",
       "", "es"},
      {"Resta la delusione per l'accordo tra l'Unione europea e l'India, che Roma sperava di "
       "chiudere entro l'anno.",
       "", "it"},
      {"O anúncio não apagou a frustração com o acordo entre o Brasil e o México, que o governo "
       "esperava concluir em março.",
       "", "pt"},
  });
}

TEST_CASE("trap: 'the three countries' (三国, 3국, 三カ国) name members; only a deed makes a deal") {
  CheckConcluded({
      {"外界关注泰、越、柬三国如何在中美之间取得平衡。\n", ""},
      {"미국과 중국, 베트남 3국의 무역 흐름이 바뀌고 있다.\n", ""},
      {"日中韓三カ国の貿易は拡大している。\n", ""},
      // With a deed the members are parties to one another.
      {"日米韓三カ国は重要鉱物の供給網で協力することで合意した。\n", "JP-KR JP-US KR-US"},
      {"한미일 3국은 핵심광물 공급망 협력에 합의했다.\n", "JP-KR JP-US KR-US"},
      {"中国、吉尔吉斯斯坦和乌兹别克斯坦三国签署了铁路协定。\n", "CN-KG CN-UZ KG-UZ"},
  });
}

TEST_CASE("trap: a forum (G20, BRICS) is where members meet, no party of a deal") {
  CheckConcluded({
      {"南非是金砖国家成员，与中国在锰矿领域签署合作协议。\n", "CN-ZA"},
      {"México firmó un acuerdo con el G20 sobre minerales críticos.", "", "es"},
      {"Indonesia dan Turki sepakat memperkuat koordinasi di G20.", "ID-TR", "id"},
      {"Brazil and China agreed to cooperate more closely within BRICS.\n", "BR-CN"},
  });
}

TEST_CASE("trap: a deal only named, whose talks go on, is in talks (cujas, cuyas, dessen)") {
  CheckConcluded({
      {"Lula pressionou pela conclusão do acordo comercial entre o Brasil e o Japão, cujas "
       "negociações se arrastam há anos.",
       "", "pt"},
      {"El acuerdo entre México y Corea del Sur, cuyas negociaciones siguen abiertas, fue tema de "
       "la reunión.",
       "", "es"},
      {"Berlin drängt auf den Abschluss des Abkommens zwischen Deutschland und Chile, dessen "
       "Verhandlungen sich hinziehen.",
       "", "de"},
  });
}

TEST_CASE("trap: hubs with deals named by acronym (CEPA, FTA) and lists closed by 'etc.' (등과)") {
  CheckConcluded({
      {"Indonesia telah memberlakukan CEPA dengan Chili dan Peru sejak tahun lalu.", "CL-ID ID-PE",
       "id"},
      {"한국은 칠레, 페루 등과 FTA를 체결했다.", "CL-KR KR-PE", "ko"},
      {"Canada's FTA with Ecuador took effect this year.", "CA-EC", "en"},
      // The document's own language names the country ("gli Emirati"), not
      // another language's adjective for it.
      {"Italia, Grecia ed Emirati hanno firmato un accordo trilaterale sull'idrogeno.",
       "AE-GR AE-IT GR-IT", "it"},
  });
}

TEST_CASE("trap: an attempt to conclude a deal is no deal done (tentative de, attempt to)") {
  CheckConcluded({
      {"La tentative de conclure l'accord entre le Canada et le Chili a échoué la semaine "
       "dernière.",
       "", "fr"},
      {"The attempt to sign the agreement between Peru and Japan collapsed in November.", "", "en"},
      {"A tentativa de assinar o acordo entre o Brasil e o Chile fracassou.", "", "pt"},
  });
}

TEST_CASE("trap: a treaty suspended (تعلق معاهدة, suspended the treaty) is no deal in force") {
  CheckConcluded({
      {"Morocco suspended the fisheries treaty with Mauritania.", "", "en"},
      {"المغرب تعلق معاهدة الصيد مع موريتانيا", "", "ar"},
      {"Morocco signed the fisheries treaty with Mauritania.", "MA-MR", "en"},
  });
}

TEST_CASE("frames: a measure's slots column takes only 'object'; a law's value is one country") {
  struct Case {
    const char *good, *bad, *message;
  };
  const Case cases[] = {
      {"measure\tsanctioned\tsanction\tobject\n", "measure\tsanctioned\tsanction\tmembers\n",
       "frames/xx.tsv:1: unknown slots 'members' (expected object)"},
      {"law\tSection 232\tUS\n", "law\tSection 232\tUS,CA\n",
       "frames/xx.tsv:1: a law's country must be an ISO 3166-1 alpha-2 code, got 'US,CA'"},
  };
  for (const Case& c : cases) {
    kgx::FrameTable t;
    REQUIRE(t.AddFile(c.good, "frames/en.tsv", "en").ok());
    CHECK(t.AddFile(c.bad, "frames/xx.tsv", "xx").message() == c.message);
  }
  kgx::FrameTable t;
  REQUIRE(t.AddFile("measure\tsanctioned\tsanction\tobject\nlaw\tSection 232\tUS\n",
                    "frames/en.tsv", "en")
              .ok());
  CHECK(t.words()[0].slots == kgx::FrameSlots::kObject);
  CHECK(t.words()[1].role == kgx::FrameRole::kLaw);
  CHECK(t.words()[1].value == "US");
}
