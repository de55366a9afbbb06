#include "extract/relations/frames.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "base/utf8.h"
#include "extract/read/normalize.h"
#include "extract/read/word_edges.h"

namespace kgx {
namespace {

// Whether the code point that begins (`after`) or ends (!`after`) at byte
// `at` of `p` is a letter outside ASCII: RE2's \\b never sees it as a word
// character.
bool NonAsciiLetterAt(std::string_view p, size_t at, bool after) {
  const int32_t c = after ? CodePointAt(p, at) : CodePointBefore(p, at);
  return c >= 0x80 && u_isalpha(c);
}

// Whether a top-level alternative of the group whose parenthesis is at `at`
// (its opening one when `opening`, else its closing one) begins (ends) with
// a letter outside ASCII.
bool AnyAlternativeEdgeNonAscii(std::string_view p, size_t at, bool opening) {
  int depth = 0;
  if (opening) {
    size_t i = at + 1;
    if (p.compare(i, 2, "?:") == 0) i += 2;
    if (NonAsciiLetterAt(p, i, true)) return true;
    for (; i < p.size(); ++i) {
      if (p[i] == '\\') {
        ++i;
        continue;
      }
      if (p[i] == '(') ++depth;
      if (p[i] == ')' && depth-- == 0) return false;
      if (p[i] == '|' && depth == 0 && NonAsciiLetterAt(p, i + 1, true)) return true;
    }
    return false;
  }
  if (NonAsciiLetterAt(p, at, false)) return true;
  for (size_t i = at; i-- > 0;) {
    if (p[i] == ')') ++depth;
    if (p[i] == '(' && depth-- == 0) return false;
    if (p[i] == '|' && depth == 0 && NonAsciiLetterAt(p, i, false)) return true;
  }
  return false;
}

// Whether a '\\b' of RE2 pattern `p` stands right beside a letter outside
// ASCII, or beside a group one of whose top-level alternatives begins or
// ends with one: RE2's \\b sees only ASCII word characters, so "\\bà
// licence" and "(?:retiró)\\b " never match. (A text scan, not a parse: a
// class or quantifier beside the \\b, `\\b[éè]`, `é?\\b`, is not looked into.)
bool BoundaryBesideNonAscii(std::string_view p) {
  for (size_t i = 0; i + 1 < p.size(); ++i) {
    if (p[i] != '\\') continue;
    if (p[i + 1] != 'b') {
      ++i;  // An escaped character.
      continue;
    }
    const size_t after = i + 2;
    if (NonAsciiLetterAt(p, after, true) ||
        (after < p.size() && p[after] == '(' && AnyAlternativeEdgeNonAscii(p, after, true)))
      return true;
    if (NonAsciiLetterAt(p, i, false) ||
        (i > 0 && p[i - 1] == ')' && AnyAlternativeEdgeNonAscii(p, i - 1, false)))
      return true;
    ++i;
  }
  return false;
}

const std::map<std::string, FrameRole>& RoleNames() {
  static const std::map<std::string, FrameRole> kNames = {
      {"agreement", FrameRole::kAgreement},
      {"measure", FrameRole::kMeasure},
      {"measure-pattern", FrameRole::kMeasurePattern},
      {"strong", FrameRole::kStrong},
      {"status", FrameRole::kStatus},
      {"partner-before", FrameRole::kPartnerBefore},
      {"partner-after", FrameRole::kPartnerAfter},
      {"actor-after", FrameRole::kActorAfter},
      {"actor-before", FrameRole::kActorBefore},
      {"importer-before", FrameRole::kImporterBefore},
      {"list-joiner", FrameRole::kListJoiner},
      {"target-before", FrameRole::kTargetBefore},
      {"target-after", FrameRole::kTargetAfter},
      {"destination-before", FrameRole::kDestinationBefore},
      {"dative-before", FrameRole::kDativeBefore},
      {"members-before", FrameRole::kMembersBefore},
      {"members-after", FrameRole::kMembersAfter},
      {"reason-before", FrameRole::kReasonBefore},
      {"reason-after", FrameRole::kReasonAfter},
      {"joins-after", FrameRole::kJoinsAfter},
      {"joins-before", FrameRole::kJoinsBefore},
      {"precedent-before", FrameRole::kPrecedentBefore},
      {"precedent-after", FrameRole::kPrecedentAfter},
      {"agent-before", FrameRole::kAgentBefore},
      {"background-before", FrameRole::kBackgroundBefore},
      {"background-after", FrameRole::kBackgroundAfter},
      {"target-verb", FrameRole::kTargetVerb},
      {"worldwide", FrameRole::kWorldwide},
      {"worldwide-pattern", FrameRole::kWorldwidePattern},
      {"status-clause", FrameRole::kStatusClause},
      {"pair", FrameRole::kPair},
      {"grouping", FrameRole::kGrouping},
      {"count", FrameRole::kCount},
      {"treaty", FrameRole::kTreaty},
      {"law", FrameRole::kLaw},
      {"the-bloc", FrameRole::kTheBloc},
      {"example", FrameRole::kExample},
      {"venue", FrameRole::kVenue},
      {"related", FrameRole::kRelated},
      {"not-actor-after", FrameRole::kNotActorAfter},
      {"government", FrameRole::kGovernment},
      {"not-party-after", FrameRole::kNotPartyAfter},
      {"home-government", FrameRole::kHomeGovernment},
      {"rivalry-after", FrameRole::kRivalry},
      {"rivalry-before", FrameRole::kRivalryBefore},
      {"clause-start", FrameRole::kClauseStart},
      {"clause-end", FrameRole::kClauseEnd},
      {"not-clause", FrameRole::kNotClause},
      {"place-before", FrameRole::kPlaceBefore},
      {"place-after", FrameRole::kPlaceAfter},
      {"mediator-after", FrameRole::kMediatorAfter},
      {"mediator-before", FrameRole::kMediatorBefore},
      {"refers-back", FrameRole::kRefersBack},
      {"minerals-in-general", FrameRole::kMineralsInGeneral},
      {"unilateral-act", FrameRole::kUnilateralAct},
      {"not-measure", FrameRole::kNotMeasure},
      {"separately", FrameRole::kSeparately},
      {"member-of", FrameRole::kMemberOf},
      {"relative", FrameRole::kRelative},
      {"imposing-verb", FrameRole::kImposingVerb},
      {"contrast", FrameRole::kContrast},
      {"contrast-end", FrameRole::kContrastEnd},
      {"contrast-joined", FrameRole::kContrastJoined},
      {"topic-before", FrameRole::kTopicBefore},
      {"adnominal", FrameRole::kAdnominal},
      {"complementizer", FrameRole::kComplementizer},
      {"ordinal", FrameRole::kOrdinal},
      {"article", FrameRole::kArticle},
      {"word-order", FrameRole::kWordOrder}};
  return kNames;
}

const std::set<std::string>& AgreementKinds() {
  static const std::set<std::string> kKinds = {"mou_or_framework", "joint_statement",
                                               "investment_or_funding", "cooperation", "talks"};
  return kKinds;
}

// Every measure type the record writes (record.h), with what its nature
// says: whether it is on exports (the country after "from" is where the goods
// leave, not its target) and whether it is aimed by nature (MeasureNeedsTarget).
struct MeasureType {
  std::string_view name;
  bool on_exports;
  bool needs_target;
};
constexpr MeasureType kMeasureTypes[] = {
    {"export_ban", true, false}, {"export_control", true, false}, {"licensing", true, false},
    {"tariff", false, true},     {"sanction", false, true},       {"import_ban", false, true},
    {"price_floor", false, false}};

const MeasureType* FindMeasureType(std::string_view name) {
  for (const MeasureType& t : kMeasureTypes)
    if (t.name == name) return &t;
  return nullptr;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
    out.push_back(line.substr(from, tab - from));
  out.push_back(line.substr(from));
  return out;
}

// The value column a role needs, and whether `value` is one of it.
Status CheckValue(FrameRole role, const std::string& value) {
  const std::string* bad = nullptr;
  if (role == FrameRole::kAgreement && !AgreementKinds().count(value)) bad = &value;
  if ((role == FrameRole::kMeasure || role == FrameRole::kMeasurePattern) &&
      FindMeasureType(value) == nullptr)
    bad = &value;
  if (role == FrameRole::kStatus && !IsAgreementStatus(value) && !IsMeasureStatus(value))
    bad = &value;
  if (bad != nullptr) return Status::Error("unknown value '" + *bad + "'");
  if (role == FrameRole::kCount &&
      (!RE2::FullMatch(value, "[1-9][0-9]?") || std::stoi(value) < 3 || std::stoi(value) > 30))
    return Status::Error("a count must be a number from 3 to 30, got '" + value + "'");
  if (role == FrameRole::kLaw && !RE2::FullMatch(value, "[A-Z]{2}"))
    return Status::Error("a law's country must be an ISO 3166-1 alpha-2 code, got '" + value + "'");
  if ((role == FrameRole::kGrouping || role == FrameRole::kTreaty) &&
      !RE2::FullMatch(value, "[A-Z]{2}(,[A-Z]{2})+"))
    return Status::Error(
        "members must be two or more ISO 3166-1 alpha-2 codes joined by ',', got '" + value + "'");
  return Status::Ok();
}

bool TakesValue(FrameRole role) {
  return role == FrameRole::kAgreement || role == FrameRole::kMeasure ||
         role == FrameRole::kMeasurePattern || role == FrameRole::kStatus ||
         role == FrameRole::kGrouping || role == FrameRole::kTreaty || role == FrameRole::kCount ||
         role == FrameRole::kLaw;
}

}  // namespace

bool IsAgreementStatus(std::string_view status) {
  return status == "concluded" || status == "planned" || status == "talks" || status == "failed";
}

bool IsMeasureStatus(std::string_view status) {
  return status == "in_force" || status == "lifted" || status == "suspended" ||
         status == "threatened" || status == "postponed";
}

bool IsExportMeasure(std::string_view type) {
  const MeasureType* t = FindMeasureType(type);
  return t != nullptr && t->on_exports;
}

bool MeasureNeedsTarget(std::string_view type) {
  const MeasureType* t = FindMeasureType(type);
  return t != nullptr && t->needs_target;
}

std::string MeasureStatusOf(const std::string& status) {
  if (IsMeasureStatus(status)) return status;
  if (status == "failed") return "lifted";
  return status == "concluded" ? "in_force" : "threatened";
}

Status FrameTable::AddLine(const std::vector<std::string>& f, const std::string& lang) {
  auto role_it = RoleNames().find(f[0]);
  if (role_it == RoleNames().end()) return Status::Error("unknown role '" + f[0] + "'");
  const FrameRole role = role_it->second;
  FrameWord w{role, lang, NormalizeNfkc(f[1]), "", FrameSlots::kActorPartner};
  const size_t want = TakesValue(role) ? 3 : 2;
  const bool slots_column = (role == FrameRole::kAgreement || role == FrameRole::kGrouping ||
                             role == FrameRole::kMeasure) &&
                            f.size() == 4;
  const bool scope_column = role == FrameRole::kStatus && f.size() == 4;
  if (scope_column) {
    if (f[3] != "sentence" && f[3] != "no-deed" && f[3] != "before" && f[3] != "pending" &&
        f[3] != "entry")
      return Status::Error("unknown scope '" + f[3] +
                           "' (expected sentence, no-deed, before, pending or entry)");
    w.entry = f[3] == "entry";
    if (w.entry && f[2] != "threatened")
      return Status::Error("scope 'entry' takes the status threatened, not '" + f[2] + "'");
    w.pending = f[3] == "pending";
    if (w.pending && f[2] != "planned")
      return Status::Error("scope 'pending' takes the status planned, not '" + f[2] + "'");
    w.whole_sentence = f[3] == "sentence" || w.pending;
    w.no_deed = f[3] == "no-deed";
    w.before_only = f[3] == "before";
  }
  // A target word of measures on imports only ("from", "made in", aus):
  // of an export ban the country after it is where the goods leave.
  const bool imports_column = role == FrameRole::kTargetBefore && f.size() == 3;
  if (imports_column) {
    if (f[2] != "imports") return Status::Error("unknown value '" + f[2] + "' (expected imports)");
    w.imports_only = true;
  }
  const bool adjacent_column = role == FrameRole::kTargetVerb && f.size() == 3;
  if (adjacent_column) {
    if (f[2] != "adjacent")
      return Status::Error("unknown value '" + f[2] + "' (expected adjacent)");
    w.adjacent = true;
  }
  if (f.size() != want && !slots_column && !scope_column && !imports_column && !adjacent_column)
    return Status::Error(want == 2 ? "expected '" + f[0] + "<TAB>word'"
                                   : "expected '" + f[0] + "<TAB>word<TAB>value'");
  if (want == 3) {
    w.value = f[2];
    if (Status s = CheckValue(role, w.value); !s.ok()) return s;
  }
  if (slots_column && role == FrameRole::kGrouping) {
    // A forum (G7): its members are no parties of a deal, but impose its measures.
    if (f[3] != "members") return Status::Error("unknown slots '" + f[3] + "' (expected members)");
    w.slots = FrameSlots::kMembers;
  } else if (slots_column && role == FrameRole::kMeasure) {
    // A verb whose direct object is the target ("sanctioned Russian banks").
    if (f[3] != "object") return Status::Error("unknown slots '" + f[3] + "' (expected object)");
    w.slots = FrameSlots::kObject;
  } else if (slots_column) {
    if (f[3] != "members" && f[3] != "actor,partner" && f[3] != "three")
      return Status::Error("unknown slots '" + f[3] +
                           "' (expected actor,partner, members or three)");
    if (f[3] == "members") w.slots = FrameSlots::kMembers;
    if (f[3] == "three") w.slots = FrameSlots::kThree;
  }
  if (!IsPatternRole(role)) {
    std::string& word = w.word;
    w.open_begin = !word.empty() && word.front() == '~';
    if (w.open_begin) word.erase(0, 1);
    w.open_end = !word.empty() && word.back() == '~';
    if (w.open_end) word.pop_back();
    if (word.empty())
      return Status::Error("'" + f[1] + "' has no letters beside its '~' (stem~, ~word)");
    // Only a word's ends run on: a '~' inside would be a letter of the word
    // and never match ("критически важн~ минерал~": write each form).
    if (word.find('~') != std::string::npos)
      return Status::Error("'" + f[1] + "' has a '~' inside; only a word's ends run on");
  }
  if (role == FrameRole::kWordOrder &&
      std::find(std::begin(kWordOrders), std::end(kWordOrders), w.word) == std::end(kWordOrders)) {
    std::string expected;
    for (std::string_view o : kWordOrders)
      expected += (expected.empty()                 ? ""
                   : o == std::end(kWordOrders)[-1] ? " or "
                                                    : ", ") +
                  std::string(o);
    return Status::Error("unknown word order '" + f[1] + "' (expected " + expected + ")");
  }
  if (IsPatternRole(role)) {
    RE2 re(f[1], RE2::Quiet);
    if (!re.ok()) return Status::Error("invalid RE2 pattern: " + re.error());
    if (BoundaryBesideNonAscii(f[1]))
      return Status::Error(
          "'\\b' beside a letter outside ASCII never matches there (RE2's \\b "
          "is ASCII only): " +
          f[1]);
    w.word = f[1];
  }
  words_.push_back(std::move(w));
  return Status::Ok();
}

Status FrameTable::CheckStatus(const FrameWord& w, const std::string& where) {
  if (w.role != FrameRole::kStatus) return Status::Ok();
  const std::tuple<std::string, std::string, bool> key(w.lang, w.word, IsMeasureStatus(w.value));
  const auto [it, added] = statuses_.emplace(key, std::make_pair(w.value, where));
  if (added || it->second.first == w.value) return Status::Ok();
  return Status::Error("'" + w.word + "' is status '" + w.value + "' here and '" +
                       it->second.first + "' at " + it->second.second);
}

Status FrameTable::AddFile(std::string_view content, const std::string& path,
                           const std::string& lang) {
  size_t line_no = 0, from = 0;
  while (from <= content.size()) {
    size_t end = content.find('\n', from);
    if (end == std::string_view::npos) end = content.size();
    std::string line(content.substr(from, end - from));
    from = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::string where = path + ":" + std::to_string(line_no) + ": ";
    if (!IsValidUtf8(line)) return Status::Error(where + "invalid UTF-8");
    const std::vector<std::string> fields = SplitTabs(line);
    for (const std::string& field : fields)
      if (field.empty())
        return Status::Error(where + "empty field (fields are separated by one tab)");
    if (fields.size() < 2) return Status::Error(where + "expected 'role<TAB>word[<TAB>value]'");
    if (Status s = AddLine(fields, lang); !s.ok()) return Status::Error(where + s.message());
    if (Status s = CheckStatus(words_.back(), path + ":" + std::to_string(line_no)); !s.ok())
      return Status::Error(where + s.message());
  }
  return Status::Ok();
}

}  // namespace kgx
