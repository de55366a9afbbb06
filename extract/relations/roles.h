// Roles: who fills which slot of a trigger's frame in one sentence.
//
// The countries, groups, capitals and people of a sentence (fillers) are
// read as coordinated lists ("Peru, Ghana and Mongolia", 日米豪印, 中国同巴西、
// 秘鲁); slot markers (frames.h) say which list is the actor (subject before
// the verb, は/が, 이/가), the partner (with, と, 与, 와/과) or the members
// (between, 之间). The pairs of an agreement follow the slots:
//  - actor and partner: the actor with each partner, never partner with
//    partner ("Ottawa signed with Peru, Ghana and Mongolia": CA-PE, CA-GH,
//    CA-MN); the members of a conjoined actor with each other;
//  - members frames (joint statement, trilateral) and a members slot: every
//    pair of the members named;
//  - a grouping's name stands for its members, written together: alone in
//    its slot they pair with each other when the deed is done (the Quad
//    agreed; not "Central Asian states seek investment"), beside another
//    party they pair only with it ("China + Central Asia": CN-KZ, CN-UZ...);
//    a forum's members (the G7) are no parties of an agreement at all (they
//    act together only in a measure: the G7's sanctions);
//  - a members slot (between A and B) leaves no unmarked list to be their
//    actor; a partner word inside a list joins a conjoined actor when
//    another list is the marked partner (日本與南韓…與美方敲定協議);
//  - a partner list whose actor is unsaid takes the topic of the sentence
//    before (FrameInput::topic) when the deed is done;
//  - no slot: the two parties of the sentence when there are exactly two (a
//    grouping's members are one party, paired each with the other); none
//    when a marked partner list has no actor (abstain).
// Capitals and people stand for their government only in the actor or
// partner slot (or a members list); fillers marked as a reason ("other than
// China", 脱中国, 中国依存) fill no slot.
//
//   FrameInput in{text, sentence, trigger, FrameSlots::kActorPartner, fillers, markers};
//   FrameReading r = ReadAgreementFrame(in);  // r.pairs, r.fills
//
// Thread safety: pure functions.
#ifndef KGX_EXTRACT_RELATIONS_ROLES_H_
#define KGX_EXTRACT_RELATIONS_ROLES_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/relations/frames.h"
#include "extract/read/segment.h"

namespace kgx {

// A country, group or stand-in for one in a sentence (nfkc offsets).
struct Filler {
  // kCompany: a company in a measure's sentence, for its home country; it
  // is only ever a measure's target (sanctions on Skydio: US), never an
  // imposer nor a party.
  enum class Kind { kCountry, kGroup, kCapital, kPerson, kCompany };
  std::string id;  // The country or group (a capital's or person's country).
  size_t begin = 0, end = 0;
  Kind kind = Kind::kCountry;
  // >0: a member read from the name of a grouping (the Quad, 中亚, Mercosur);
  // the members of one grouping share this number and the grouping's span.
  int grouping = 0;
  bool forum = false;    // The grouping is a forum (G7): its members are no agreement's parties.
  bool demonym = false;  // Named by its adjective (europeus, chinesische, российский).
};

// A slot marker or trigger word found in the sentence (nfkc offsets).
struct Marker {
  size_t begin = 0, end = 0;
  FrameRole role = FrameRole::kListJoiner;
  bool imports_only = false;  // A target word of measures on imports ("from").
  bool adjacent = false;      // A target verb whose subject is right before it (خاضع).
};

enum class Slot { kActor, kPartner, kMember, kTarget };
const char* SlotName(Slot slot);

// Which words filled which slot.
struct SlotFill {
  Slot slot;
  std::string id;
  size_t begin = 0, end = 0;  // nfkc
};

struct FrameInput {
  std::string_view text;  // nfkc
  Span sentence;          // Over text.
  Span trigger;           // The trigger word.
  FrameSlots slots = FrameSlots::kActorPartner;
  // A members word that counts three parties (trilateral): where it stands,
  // empty for none.
  Span three = {0, 0};
  std::vector<Filler> fillers;  // In text order, inside the sentence.
  std::vector<Marker> markers;  // In text order, inside the sentence.
  // The sentence's dates (DateMention spans), in text order: a place word
  // and a date between two list members is a time phrase, glue of the list
  // ("with Tunisia in July 2023, Mauritania in March 2024 and Jordan").
  std::vector<Span> dates;
  bool strong = false;          // A concluding word (signed, 合意) is in the sentence.
  // Every concluding word of the sentence, in text order: when no free list
  // precedes the trigger, the actor is the nearest one before a later deed
  // ("الشراكة مع القاهرة…؛ إذ وقّع الاتحاد مذكرة تفاهم مع تونس").
  std::vector<Span> deeds;
  // Every agreement word of the sentence, in text order (a relative clause
  // on a deal holds one: "partners with which Canada has agreements").
  std::vector<Span> agreements;
  // Article words (frames' `article` lines: the, le, die) that may stand
  // between list members or a marker and its list; null for none.
  const std::vector<std::string>* articles = nullptr;
  // The one party the sentence before named (its own offsets there): the
  // actor of a partner list whose actor is left unsaid (pro-drop:
  // 카자흐스탄과 … 맺었고), when the deed is done.
  std::optional<Filler> topic;
  // Where the sentence's measure words begin (a measure frame's parts): a
  // list member right before one, after a comma and a joiner, when another
  // stands before the list, is the subject of a second clause ("…droits sur
  // plusieurs métaux russes, et l'Australie a interdit l'exportation").
  std::vector<size_t> verbs;
  // The trigger is a measure on exports (export_ban, export_control,
  // licensing): target words of measures on imports point at nothing.
  bool export_measure = false;
  // The sentence's agreement words are all of investment or funding, and
  // none concludes: firms invest ("TSMC's investment in the US", "закрыл для
  // новых инвестиций … России"), so the two countries such a sentence names
  // are no pair; only its marked slots give one.
  bool slots_only = false;
  // The subject may follow its verb (ar: وتواجه الصادرات الباكستانية رسوماً).
  bool verb_subject = false;
  // The word that joins a list also marks a partner (与, と, 와): actors
  // named together before a partner are parties to one another too
  // (刚果(金)、赞比亚与美国签署…备忘录: three parties). Elsewhere a list of
  // actors with a partner is each actor with it ("the UK, Japan and
  // Indonesia have closed deals with Washington"), unless a members word
  // (joint statement) or a word of three counts them together.
  bool and_with = false;
};

struct FrameReading {
  std::vector<SlotFill> fills;                             // In text order.
  std::vector<std::pair<std::string, std::string>> pairs;  // Sorted, each (a < b).
};

// The agreement frame's slots and pairs (above). A list after a
// precedent-before word that closes its clause ("Australia became Vietnam's
// seventh partner, after China, Russia and Japan.", sau, после) names the
// hub's earlier partners: when the rest of the sentence reads one pair, its
// member that is not the actor (else the one nearest before the word) pairs
// with each of them.
FrameReading ReadAgreementFrame(const FrameInput& frame);

// The list a joins word marks ("the UK and Israel also joined", らも参加,
// 也加入 after it; также присоединились before it), as member fills; empty
// when none. The caller joins them to the agreement of the sentence before.
std::vector<SlotFill> ReadJoiners(const FrameInput& frame);

// A trade measure's reading in one part of a sentence (the part its
// trigger opens; `in.trigger` is the measure word):
//  - targets: the list a target marker points at ("tariffs on most
//    Malaysian goods", "sanctions against Russia", 对大部分巴西商品加征,
//    中国産, 중국산 …에 대한): the first list after a target-before word near
//    the trigger, or right before a target-after word; in Chinese, also the
//    list right after the trigger (禁止进口俄罗斯金属). A reason ("dependence
//    on China") is never a target.
//  - actors: the list an actor-after word marks (米国は, 미국은, "China,
//    which"), else an adjective right after the trigger, written without a
//    capital ("sanctions européennes", "dazi americani", "الرسوم الأمريكية"),
//    else the nearest list before the trigger that is not a target,
//    else a list right after an actor-before word ("imposed by Washington");
//    never a list after the trigger otherwise: abstain.
// `can_act(f)`: whether a filler may impose (not a dateline, not a company).
// `cjk_order`: the language puts the target before the verb (zh, ja, ko).
struct MeasureReading {
  std::vector<SlotFill> actors, targets;
  // Two clauses of one measure, each with its own imposer and target
  // ("米国は中国製品に30％、中国は米国製品に10％の追加関税を維持", "Mỹ … với hàng Trung
  // Quốc, Trung Quốc … với hàng Mỹ"): (imposer, target) of each, when two or
  // more; the part is read as those measures instead of actors x targets.
  std::vector<std::pair<SlotFill, SlotFill>> pairs;
};
//  - a target verb before the trigger (face, pay, pagano, chịu, dikenai):
//    the first list of its clause is the target (its subject: "Solar cells
//    from China have faced American duties"), a later list before the verb
//    the goods' destination, which imposes ("hàng hóa Việt Nam nhập khẩu vào
//    Mỹ phải chịu mức thuế"); lists of earlier clauses take no part.
// `imposer_after`: the language writes the imposer's name bare after the
// measure word (ru genitive: пошлины США), capitalized or not.
MeasureReading ReadMeasureFrame(const FrameInput& in, const Span& part, bool cjk_order,
                                const std::function<bool(const Filler&)>& can_act,
                                bool imposer_after = false);

// The one list of clause and phrase breaks the reader knows (",", ";", ":",
// "，", "；", "、", "。", "："): a noun phrase, a list or a clause does not run
// over one. ClauseBreakAt: the length of the break starting at `at`, or 0.
size_t ClauseBreakAt(std::string_view text, size_t at);
// The length of a comma (",", Arabic "،") starting at `at`, or 0.
size_t CommaAt(std::string_view text, size_t at);
// Whether a break lies in text[from, to).
bool HasClauseBreak(std::string_view text, size_t from, size_t to);
// Where the first break at or after `from` begins, or `limit` if none lies
// before it: the end of the clause `from` stands in.
size_t ClauseEndFrom(std::string_view text, size_t from, size_t limit);
// Where the clause that holds `at` starts: past the last break in [from, at),
// else `from`.
size_t ClauseStartBefore(std::string_view text, size_t from, size_t at);
// Where a break ending right before `at` begins (spaces between allowed, not
// back past `from`): the ", " of ", while", the "; " of "; via EFTA"; or npos.
size_t BreakBefore(std::string_view text, size_t from, size_t at);
// The length of a semicolon (";", "；", Arabic "؛") starting at `at`, or 0.
size_t SemicolonAt(std::string_view text, size_t at);

// Whether filler `f` is a reason, not a party: right after a reason-before
// word ("other than", 脱) or right before a reason-after word (依存).
bool IsReason(const FrameInput& in, const Filler& f);

// Whether filler `f` is marked as the partner of another ("les discussions
// avec l'Australie", チリと, 칠레와): a sentence whose one party is so marked
// is about that party's dealings with someone unsaid, and leaves no topic
// for the next sentence.
bool MarkedAsPartner(const FrameInput& in, const Filler& f);

}  // namespace kgx

#endif  // KGX_EXTRACT_RELATIONS_ROLES_H_
