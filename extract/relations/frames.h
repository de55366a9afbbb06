// Relation frames: the words of one language that make agreements and trade
// measures, the slot markers that say which country fills which role, and
// the words that set a deal's or a measure's status. They are data
// (gazetteers/frames/<lang>.tsv, format in gazetteers/README.md, "Frames"):
// adding a language or a verb is a line, not code.
//
//   FrameTable table;
//   Status s = table.AddFile("agreement\tsign\tcooperation\n"
//                            "partner-before\twith\n", "en.tsv", "en");
//   for (const FrameWord& w : table.words()) ...
//
// The table parses its own lines (not the gazetteer's loader), so the
// relation reader can be tested with a ten-line table.
// Thread safety: a built table is read-only.
#ifndef KGX_EXTRACT_RELATIONS_FRAMES_H_
#define KGX_EXTRACT_RELATIONS_FRAMES_H_

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "base/status.h"

namespace kgx {

enum class FrameRole {
  // Triggers.
  kAgreement,       // value: the agreement kind; slots below
  kMeasure,         // value: the measure type
  kMeasurePattern,  // an RE2 pattern; value: the measure type
  kStrong,          // the deed is done (signed, 合意): concluded
  kStatus,          // value: planned, talks, failed, lifted, suspended, threatened, postponed
  // Slot markers.
  kPartnerBefore,   // with, avec, 与: the partner slot follows
  kPartnerAfter,    // と, 와/과: the partner slot precedes
  kActorAfter,      // は, が, 이/가: the actor precedes
  kActorBefore,     // by, par, oleh, 由: a measure's actor follows (passive)
  kImporterBefore,  // imported into, importati negli: the country the goods enter imposes
  kListJoiner,      // and, et, y, 、: joins a coordinated list
  kTargetBefore,    // on, against, exports to, 对: the target follows
  kTargetAfter,     // 向け, 에 대한: the target precedes
  // в, para o, agli: an export measure's destination follows.
  kDestinationBefore,
  // alla, à la: the target of an imposed measure (a sanction, a tariff) follows.
  kDativeBefore,
  kMembersBefore,  // between, entre: every pair of the list that follows
  kMembersAfter,   // 之间, 間の, 사이: every pair of the list before
  kReasonBefore,   // other than, since, 脱: what follows is a reason, no party
  kReasonAfter,    // 依存, 의존: what precedes is a reason, no party
  // "the UK and Israel also joined", らも参加, 也加入 (after the list);
  // также присоединились (before it): the list joins the agreement of the
  // sentence before, as a party to every party of it.
  kJoinsAfter,
  kJoinsBefore,
  // "…partner of Vietnam, after China, Russia and Japan.", sau, после: the
  // list after it, closing its clause, names the hub's earlier partners.
  kPrecedentBefore,
  // に続き, 에 이어, 继…之后: the same list before it, opening its clause
  // ("中国、ロシア、インド、韓国、米国に続き日本が6カ国目").
  kPrecedentAfter,
  // by, par, por, durch, oleh: after a deed ("a memorandum signed in 2023 by
  // the US, the EU and Angola") the list that follows is its conjoined actor.
  kAgentBefore,
  // A measure named as the background of what is reported ("prepare for",
  // "in response to", 应对 before it; に備える, 에 대비 after it): it exists
  // and is in force, whatever the governing verb's status words say.
  kBackgroundBefore,
  kBackgroundAfter,
  // face, pay, are subject to, pagano, chịu, dikenai: before a measure word,
  // its subject (the first list of its clause) is the measure's target, and
  // a country after that (the goods' destination, "entering the US") or an
  // adjective after the verb ("faced American duties") the imposer.
  kTargetVerb,
  // "from all origins", "all countries", todo el mundo, 全ての国: the measure
  // in its part of the sentence applies to every country, so it stays
  // untargeted (IMPOSER>) beside the same imposer's targeted ones.
  kWorldwide,
  // An RE2 pattern for a worldwide phrase split by other words ("all steel
  // imports", "su tutte le importazioni di acciaio"): a kWorldwide hit.
  kWorldwidePattern,
  // ", which", ", qui", ", которые", "，后": opens the clause right after a
  // measure's own, which speaks of it: a lifted, suspended or postponed
  // there is the measure's status ("tariffs on steel, which were lifted").
  kStatusClause,
  kPair,  // the two countries, 両国: the pair the story is about
  // value: a number (3..30): "the five countries", die fünf Staaten, 五国: the
  // latest list of that many countries named just before, as one grouping.
  kCount,
  kGrouping,  // value: members (AU,IN,JP,US): the Quad, 中亚, Mercosur
  // value: members (CA,MX,US): an agreement named and in force (USMCA,
  // T-MEC); its mention is the agreement of its members, no verb needed.
  kTreaty,
  // Words that keep what is not a party out.
  kExample,
  kVenue,
  kRelated,
  kNotActorAfter,
  kGovernment,
  kNotPartyAfter,
  kHomeGovernment,
  kRivalry,
  kRivalryBefore,  // "tensions with", ketegangan dengan: the country after it is at odds
  kClauseStart,
  kClauseEnd,
  kNotClause,
  kPlaceBefore,
  kPlaceAfter,
  kMediatorAfter,
  kMediatorBefore,
  kRefersBack,
  kMineralsInGeneral,
  // A unilateral act signed (proclamation, executive order, decree, 포고문,
  // 行政令, указ): the verb of signing whose object it is makes no agreement.
  kUnilateralAct,
  // duty-free, 零关税, 무관세, zollfrei: the measure word inside it is none.
  kNotMeasure,
  // separately, respectively, 分别, 先后, それぞれ, 각각: the list before it (in
  // its clause) acts each on its own, its members are no parties to each other.
  kSeparately,
  // member, 成员, 회원국, Mitglied: a group right before it describes the
  // countries named right after it ("东盟成员新加坡", "ASEAN member Singapore"),
  // it is no party of their deal.
  kMemberOf,
  // that, die, que, che, которые, التي, mà, yang: opens a relative clause
  // after a measure word ("the duties that Washington levies", "die Zölle,
  // die die USA verhängt haben"); with an imposing verb in that clause, its
  // first free list is the measure's imposer.
  kRelative,
  // imposed, verhängt, cobra, ввели, فرضتها, áp đặt: the verb of imposing in
  // such a relative clause (the clause's other verbs say nothing of who
  // imposes: "die Zölle, die Kanada treffen" names the target).
  kImposingVerb,
  // ", while", ", mentre", ", alors que", "，而", "، بينما": after a comma, opens a
  // clause with a deed of its own; a sentence with a deed word on both sides
  // is read as two parts (each its parties, status words, minerals).
  kContrast,
  // 지만, が、, ものの、: the same written at the end of the first clause, in
  // verb-final languages ("…FTA를 맺고 있지만, 일본과는 아직 FTA가 없다"):
  // the second part begins right after it.
  kContrastEnd,
  // "e assinará", "and will sign", "и подпишет", "وستوقع": a joiner and a
  // deed in another tense, with no break before it ("assinou atos com a
  // África do Sul e assinará outros com São Tomé"): the second part begins
  // at the word, as after a contrast word.
  kContrastJoined,
  // on, over, about, 就: before a measure word in a clause that holds a talks
  // word ("held talks on export restrictions", 就关税税率进行磋商), the
  // measure is the talks' topic, no measure of its own.
  kTopicBefore,
  // 的 (zh): right after a deed word ("與美國達成協議的日本、南韓"), makes the
  // deed's clause describe the list right after it: those are the partners of
  // the clause's marked partner, which is their hub.
  kAdnominal,
  // bahwa, rằng, dass, что, أن (never relative pronouns, as en "that" or es
  // "que" are): opens a reported clause ("Trump mengumumkan bahwa barang
  // Indonesia dikenai bea masuk"): a target verb's subject is after the last
  // one before it; the speaker before it stays free to impose.
  kComplementizer,
  // value: a country (US): a country's trade law named in a measure's part
  // (Section 232, Sezione 232, 232条款): when the sentence names no imposer,
  // the law's country imposes.
  kLaw,
  // the bloc, o bloco, le bloc: stands for the grouping (Mercosur) last named
  // before its sentence, its members at the word's span.
  kTheBloc,
  // 번째, 番目, "the fifth": an ordinal in the sentence of a precedent list
  // closed by its word (싱가포르·베트남에 이어 한국과 FTA를 맺은 다섯 번째 회원국)
  // says the list is the actor's peers: they pair with the actor's partner.
  kOrdinal,
  // What the reader knows of a language's grammar, not words it looks for.
  kArticle,  // the, le, die: glue before a name inside a list or beside a marker
  // word: verb-final (ja, ko), target-first (zh, ja, ko), imposer-after (ru:
  // the imposer's name may follow the measure word bare, a genitive: пошлины США)
  kWordOrder,
};

// How an agreement trigger pairs its fillers: the actor with each partner
// (sign, 签署: "X signed with A, B and C" is X–A, X–B, X–C), or every pair of
// the members it names (joint statement, trilateral, Quad).
// kObject: a measure verb's direct object, the list right after it, is its
// target ("sanctioned Russian banks", measure lines' fourth column `object`).
// kThree: a members word that counts three parties (trilateral, 三方, ثلاثية):
// read as kMembers, and an actor with two partners are then all three
// parties to one another.
enum class FrameSlots { kActorPartner, kMembers, kObject, kThree };

struct FrameWord {
  FrameRole role;
  std::string lang;   // The file's language (BCP 47).
  std::string word;   // As written (NFKC); an RE2 pattern for a pattern role.
  std::string value;  // Kind, type, status or members (grouping); "" for plain roles.
  FrameSlots slots = FrameSlots::kActorPartner;
  // A "~" at an end of the word in the file (stripped from `word`): the word
  // runs on into letters on that side, so no word boundary is needed there:
  // a stem with any ending (Russian соглашени~: соглашение, соглашения,
  // соглашением) or a word written onto the next (Arabic و~ in والصين) or
  // onto the previous one (~اتفاقية in والاتفاقية, بالاتفاقية).
  bool open_begin = false, open_end = false;
  // A status word that frames the whole sentence (an analyst's view, 认为):
  // it speaks of every trigger there, not only of those in its clause.
  bool whole_sentence = false;
  // A status word of a sentence with no deed word only (4th column
  // `no-deed`): a deal said to be wanted ("will deepen cooperation",
  // 협력을 넓히겠다) is planned, but after "signed" the same words speak of
  // what the signed deal brings. Never of a measure.
  bool no_deed = false;
  // A status word of what follows it only (4th column `before`): a measure
  // asked for or urged ("called for duties on", "pediram tarifas") is
  // threatened, but "the producers hit by the tariff ask for help" speaks
  // of something else than the measure before it.
  bool before_only = false;
  // A deal's status of the whole sentence that a deed word does not undo
  // (4th column `pending`): "concluded in 2019 but still to be signed",
  // "continua por assinar": the deal awaits its signature, whatever was
  // concluded before it. Also `whole_sentence`.
  bool pending = false;
  // A target verb that is an adjective (3rd column `adjacent`: خاضع, "subject
  // to"): its subject is the list right before it, not the clause's first.
  bool adjacent = false;
  // A measure status that puts the entry into force ahead (4th column `entry`:
  // "will take effect", "che entreranno in vigore"): it speaks of a measure
  // also from the relative clause after it, as lifted and suspended do.
  bool entry = false;
  // A target-before word of measures on imports only ("from", "made in", aus;
  // third column `imports`): of an export measure the country after it is
  // where the goods leave, not the target.
  bool imports_only = false;
};

// Whether lines of `role` hold an RE2 pattern (measure-pattern,
// worldwide-pattern), and the role of the hits its matches make.
inline bool IsPatternRole(FrameRole role) {
  return role == FrameRole::kMeasurePattern || role == FrameRole::kWorldwidePattern;
}
// The words a `word-order` line may hold (gazetteers/README.md, "Frames").
inline constexpr std::string_view kWordOrders[] = {
    "verb-final",   "target-first",    "imposer-after", "home-imposes",
    "verb-subject", "adjective-after", "and-with"};

inline FrameRole PatternHitRole(FrameRole role) {
  return role == FrameRole::kMeasurePattern     ? FrameRole::kMeasure
         : role == FrameRole::kWorldwidePattern ? FrameRole::kWorldwide
                                                : role;
}

// Agreement statuses and measure statuses, as the record writes them.
bool IsAgreementStatus(std::string_view status);
bool IsMeasureStatus(std::string_view status);
// The measure status a status word means on a measure: a wish or plan
// ("planned") is a threat; the rest as written.
std::string MeasureStatusOf(const std::string& status);
// Whether a measure of `type` is by its nature aimed at someone: a sanction,
// an import ban or a tariff read without its target is a target missed, not
// a measure on the whole world (unless a `worldwide` word says so), so the
// reader abstains. Export bans, export controls, licensing and price floors
// are often rightly untargeted (a ban on all exports of an ore).
bool MeasureNeedsTarget(std::string_view type);
// A measure on exports (export_ban, export_control, licensing).
bool IsExportMeasure(std::string_view type);

class FrameTable {
 public:
  FrameTable() = default;
  // A table of the words an earlier table's words() returned (the model
  // cache, model_cache.h): taken as they are, no line is checked again.
  explicit FrameTable(std::vector<FrameWord> words) : words_(std::move(words)) {}
  // Adds the lines of one frame file of language `lang`. On a bad line
  // returns an error naming `path`, the line and what is wrong; the lines
  // before it stay added.
  Status AddFile(std::string_view content, const std::string& path, const std::string& lang);
  const std::vector<FrameWord>& words() const { return words_; }

 private:
  Status AddLine(const std::vector<std::string>& fields, const std::string& lang);
  // A word with two statuses of one kind (both of an agreement, or both of
  // a measure) is an error: which one it means would depend on the order.
  Status CheckStatus(const FrameWord& w, const std::string& where);
  std::vector<FrameWord> words_;
  // (lang, word, measure?) of each status line: its value and "path:line".
  std::map<std::tuple<std::string, std::string, bool>, std::pair<std::string, std::string>>
      statuses_;
};

}  // namespace kgx

#endif  // KGX_EXTRACT_RELATIONS_FRAMES_H_
