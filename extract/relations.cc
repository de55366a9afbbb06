#include "extract/relations.h"

#include <re2/re2.h>
#include <unicode/locid.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/parallel.h"
#include "base/strings.h"
#include "extract/gazetteer.h"
#include "extract/matcher.h"
#include "extract/normalize.h"
#include "extract/relations/roles.h"

namespace kgx {
namespace {

// Whether a match is the place or credit line that opens a news story, not
// an actor: "WASHINGTON, Oct 20 (Reuters) -" (a capital in capitals at the
// start of the sentence, before a comma or dash) or "【香港中通社】" (inside the
// bracket that opens it).
// `bracket_close`: where the 】 closing a sentence that opens with 【 is
// (DatelineClose), npos if none.
bool InDateline(std::string_view text, const Span& s, size_t bracket_close, const EntityMatch& m) {
  size_t start = s.begin;
  const std::string_view kOpen = "\xE3\x80\x90";  // 【
  if (text.compare(start, kOpen.size(), kOpen) == 0)
    return bracket_close != std::string_view::npos && m.nfkc_end <= bracket_close;
  if (m.nfkc_begin != start) return false;
  int letters = 0;
  for (size_t i = m.nfkc_begin; i < m.nfkc_end; ++i) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z')
      ++letters;
    else if (c != ' ' && c != '.' && c != '-')
      return false;
  }
  if (letters < 3) return false;
  // A dash or a bracketed credit follows soon ("CHINA, JAPAN SIGN DEAL" is
  // a headline in capitals, not a dateline).
  const std::string_view rest = text.substr(m.nfkc_end, std::min<size_t>(s.end - m.nfkc_end, 40));
  for (std::string_view mark : {"-", "(", "\xE2\x80\x94" /* — */, "\xE2\x80\x93" /* – */})
    if (rest.find(mark) != std::string_view::npos) return true;
  return false;
}

// Where the 】 that closes a sentence opening with 【 is, npos if none: once
// per sentence, not once per name in it (a run of names after an unclosed
// 【 searched to the end of the text for each).
size_t DatelineClose(std::string_view text, const Span& s) {
  const std::string_view kOpen = "\xE3\x80\x90", kClose = "\xE3\x80\x91";  // 【 】
  if (text.compare(s.begin, kOpen.size(), kOpen) != 0) return std::string_view::npos;
  return text.substr(0, s.end).find(kClose, s.begin);
}

// The last country of the chain `m` begins: countries written together
// (米中, 日米豪, 日・米, and in Latin script US-China).
template <typename It>
It ChainEnd(const std::vector<EntityMatch>& matches, It m, std::string_view text) {
  auto joins = [&](size_t b, size_t e) {
    const std::string_view gap = text.substr(b, e - b);
    return IsChainGap(gap) || gap == "-" || gap == "\xE2\x80\x93" /* – */;
  };
  auto last = m;
  for (auto next = std::next(m);
       next != matches.end() && next->kind == EntityKind::kCountry &&
       next->nfkc_begin >= last->nfkc_end && joins(last->nfkc_end, next->nfkc_begin);
       ++next)
    last = next;
  return last;
}

// Whether a frame word of language `word_lang` is read in a document of
// `doc_lang`. Latin-script words only in their language; words in other
// scripts everywhere (a zh-Hans word serves zh-Hant text, a Chinese verb an
// English story quoting it), except in a CJK document of another language:
// the same characters mean another thing there (協議 is an agreement in
// Chinese, talks in Japanese).
bool ReadsWord(const std::string& word_lang, bool latin, const std::string& doc_lang) {
  if (LanguageCovers(word_lang, doc_lang)) return true;
  if (latin) return false;
  if (word_lang.compare(0, 2, "zh") == 0 && doc_lang.compare(0, 2, "zh") == 0) return true;
  return !(IsCjkLanguage(word_lang) && IsCjkLanguage(doc_lang));
}

// Length of the clause break (",", ";", "，", "、") that starts at `at`, or 0.
size_t ClauseBreakAt(std::string_view text, size_t at) {
  if (at >= text.size()) return 0;
  if (text[at] == ',' || text[at] == ';') return 1;
  for (std::string_view mark : {"\xEF\xBC\x8C" /* ， */, "\xE3\x80\x81" /* 、 */})
    if (text.compare(at, mark.size(), mark) == 0) return mark.size();
  return 0;
}

// Whether a clause break lies in text[begin, end).
bool HasClauseBreak(std::string_view text, size_t begin, size_t end) {
  for (size_t at = begin; at < end; ++at)
    if (ClauseBreakAt(text, at) > 0) return true;
  return false;
}

}  // namespace

namespace {

struct Hit {
  size_t begin, end;  // nfkc
  const FrameWord* word;
  FrameRole role;
};

// Longest sentence the clause rule reads (bytes).
constexpr size_t kMaxClauseSentence = 4096;

int KindRank(const std::string& kind) {
  static const char* kOrder[] = {"mou_or_framework", "joint_statement", "investment_or_funding",
                                 "cooperation", "talks"};
  for (int i = 0; i < 5; ++i)
    if (kind == kOrder[i]) return i;
  return 5;
}

// Of two reports of one agreement, the one that went further wins.
int StatusRank(const std::string& status) {
  static const char* kOrder[] = {"concluded", "talks", "planned", "failed"};
  for (int i = 0; i < 4; ++i)
    if (status == kOrder[i]) return i;
  return 4;
}

bool Contains(const Span& s, size_t b, size_t e) { return s.begin <= b && e <= s.end; }

// The region ICU's likely subtags give a language: ja -> JP, ko -> KR.
std::string LikelyRegion(const std::string& lang) {
  return MemoizedPerThread(lang, [](const std::string& tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(tag, status);
    loc.addLikelySubtags(status);
    return U_SUCCESS(status) ? std::string(loc.getCountry()) : std::string();
  });
}

// The country a party match stands for, and as what; false when it
// stands for none (a person of unknown country).
// The end of the title right after a person's name (石破|首相, 윤석열| 대통령),
// so that the particle after the title (は, 은) is next to the filler.
size_t AfterTitleEnd(const Gazetteer& gaz, std::string_view nfkc, size_t end) {
  const size_t from = end < nfkc.size() && nfkc[end] == ' ' ? end + 1 : end;
  size_t best = end;
  for (const PersonTitle& t : gaz.person_words().titles)
    if (t.after && nfkc.compare(from, t.text.size(), t.text) == 0)
      best = std::max(best, from + t.text.size());
  return best;
}

// The start of the title right before a person's name ("mit
// Premierminister Justin Trudeau"), so that the marker before the title is
// next to the filler.
size_t BeforeTitleBegin(const Gazetteer& gaz, std::string_view nfkc, size_t begin) {
  const size_t to = begin > 0 && nfkc[begin - 1] == ' ' ? begin - 1 : begin;
  size_t best = begin;
  for (const PersonTitle& t : gaz.person_words().titles)
    if (t.before && t.text.size() <= to &&
        nfkc.compare(to - t.text.size(), t.text.size(), t.text) == 0)
      best = std::min(best, to - t.text.size());
  return best;
}

bool ToFiller(const Gazetteer& gaz, std::string_view nfkc, const EntityMatch& m, Filler* f) {
  f->begin =
      m.kind == EntityKind::kPerson ? BeforeTitleBegin(gaz, nfkc, m.nfkc_begin) : m.nfkc_begin;
  // A title after a person or a country (카자흐스탄 대통령과, 米大統領と)
  // belongs to the filler: the particle after it marks the slot.
  f->end = AfterTitleEnd(gaz, nfkc, m.nfkc_end);
  const bool listed = m.entity != EntityMatch::kRule;
  const Entity* e = listed ? &gaz.entities()[m.entity] : nullptr;
  auto country = [&]() -> std::string {
    if (e == nullptr) return m.kind == EntityKind::kPerson ? m.person_country : m.rule_country;
    auto it = e->attrs.find("country");
    return it != e->attrs.end() ? it->second : m.person_country;
  };
  switch (m.kind) {
    case EntityKind::kCountry:
      if (e == nullptr) return false;
      f->id = e->id;
      f->kind = m.alias != EntityMatch::kRule && (gaz.aliases()[m.alias].flags & kAliasCapital) != 0
                    ? Filler::Kind::kCapital
                    : Filler::Kind::kCountry;
      return true;
    case EntityKind::kGroup:
      if (e == nullptr) return false;
      f->id = e->id;
      // Brussels for the EU: like a country's capital, only in a slot.
      f->kind = m.alias != EntityMatch::kRule && (gaz.aliases()[m.alias].flags & kAliasCapital) != 0
                    ? Filler::Kind::kCapital
                    : Filler::Kind::kGroup;
      return true;
    case EntityKind::kPerson:
    case EntityKind::kOrganization:
      f->id = country();
      f->kind = Filler::Kind::kPerson;  // A stand-in: counts only in a slot.
      return !f->id.empty();
    default:
      return false;
  }
}

bool IsSlotMarker(FrameRole role) {
  switch (role) {
    case FrameRole::kPartnerBefore:
    case FrameRole::kPartnerAfter:
    case FrameRole::kActorAfter:
    case FrameRole::kActorBefore:
    case FrameRole::kListJoiner:
    case FrameRole::kMembersBefore:
    case FrameRole::kMembersAfter:
    case FrameRole::kReasonBefore:
    case FrameRole::kReasonAfter:
    case FrameRole::kTargetBefore:
    case FrameRole::kTargetAfter:
      return true;
    default:
      return false;
  }
}

// A country, its title words and its person ("哈萨克斯坦总统托卡耶夫",
// "Kazakh President Tokayev") are one filler: otherwise the title between
// them would break the list they stand in.
FrameInput MergeTitledPeople(std::string_view nfkc, FrameInput frame) {
  constexpr size_t kMaxTitle = 40;  // bytes between the country and the name
  std::vector<Filler> merged;
  for (const Filler& f : frame.fillers) {
    if (!merged.empty() && f.kind == Filler::Kind::kPerson && merged.back().id == f.id &&
        f.begin >= merged.back().end && f.begin - merged.back().end <= kMaxTitle &&
        !HasClauseBreak(nfkc, merged.back().end, f.begin)) {
      merged.back().end = f.end;
      continue;
    }
    merged.push_back(f);
  }
  frame.fillers = std::move(merged);
  return frame;
}

// The frame of sentence `s`: its trigger (the first concluding word, else
// the first agreement word), its slot markers and its fillers (the party
// matches whose country is still a party after the exclusions, and people).
FrameInput FrameOf(const Gazetteer& gaz, std::string_view nfkc, const Span& s,
                   std::vector<Hit>::const_iterator hits_begin,
                   std::vector<Hit>::const_iterator hits_end,
                   const std::vector<const EntityMatch*>& party_matches,
                   const std::vector<std::string>& parties) {
  FrameInput frame;
  frame.text = nfkc;
  frame.sentence = s;
  frame.trigger = {s.end, s.end};
  // A run-on "sentence" of a broken or hostile file: no slots are read (the
  // reader abstains), so the work stays linear in its length.
  if (s.end - s.begin > kMaxClauseSentence) return frame;
  bool strong = false;
  for (auto h = hits_begin; h != hits_end; ++h) {
    if (!Contains(s, h->begin, h->end)) continue;
    if (IsSlotMarker(h->role)) frame.markers.push_back({h->begin, h->end, h->role});
    if (h->role == FrameRole::kAgreement && h->word->slots == FrameSlots::kMembers)
      frame.slots = FrameSlots::kMembers;
    if ((h->role == FrameRole::kStrong && !strong) ||
        (h->role == FrameRole::kAgreement && !strong && h->begin < frame.trigger.begin)) {
      frame.trigger = {h->begin, h->end};
      strong = h->role == FrameRole::kStrong;
    }
    if (h->role == FrameRole::kStrong) frame.strong = true;
  }
  for (const EntityMatch* m : party_matches) {
    Filler f;
    if (!ToFiller(gaz, nfkc, *m, &f)) continue;
    const bool stand_in = f.kind == Filler::Kind::kPerson;
    if (!stand_in && std::find(parties.begin(), parties.end(), f.id) == parties.end()) continue;
    frame.fillers.push_back(f);
  }
  // A grouping's name (the Quad, 中亚, Mercosur) stands for its members, at
  // its span; a group matched there (QUAD) gives way to them.
  int grouping = 0;
  for (auto h = hits_begin; h != hits_end; ++h) {
    if (h->role != FrameRole::kGrouping || !Contains(s, h->begin, h->end)) continue;
    if (!frame.fillers.empty() && frame.fillers.back().grouping > 0 &&
        h->begin < frame.fillers.back().end)
      continue;  // Inside the last grouping's name.
    frame.fillers.erase(std::remove_if(frame.fillers.begin(), frame.fillers.end(),
                                       [&](const Filler& f) {
                                         return f.grouping == 0 && f.begin < h->end &&
                                                h->begin < f.end;
                                       }),
                        frame.fillers.end());
    ++grouping;
    for (const std::string& id : Split(h->word->value, ','))
      frame.fillers.push_back({id, h->begin, h->end, Filler::Kind::kCountry, grouping,
                               h->word->slots == FrameSlots::kMembers});
  }
  std::stable_sort(frame.fillers.begin(), frame.fillers.end(),
                   [](const Filler& a, const Filler& b) { return a.begin < b.begin; });
  return MergeTitledPeople(nfkc, std::move(frame));
}

// Agreements of a sentence from its pairs: one whose parties are all
// parties to one another when the pairs are every pair of their countries
// (a conjoined actor, a joint statement), else one per pair (a hub and its
// partners are not partners of each other).
std::vector<std::vector<std::string>> PartyGroups(
    const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::vector<std::string> ids;
  for (const auto& [a, b] : pairs) {
    AddUnique(&ids, a);
    AddUnique(&ids, b);
  }
  std::vector<std::vector<std::string>> groups;
  if (ids.size() >= 2 && pairs.size() == ids.size() * (ids.size() - 1) / 2) {
    groups.push_back(ids);
  } else {
    for (const auto& [a, b] : pairs) groups.push_back({a, b});
  }
  return groups;
}

}  // namespace

RelationFinder::RelationFinder(std::vector<FrameWord> words) : words_(std::move(words)) {
  for (size_t i = 0; i < words_.size(); ++i) {
    const bool pattern = words_[i].role == FrameRole::kMeasurePattern;
    folded_.push_back(pattern ? std::string() : FoldForMatch(words_[i].word));
    latin_.push_back(IsLatinWord(words_[i].word));
    uint8_t edges = WordEdgesOf(folded_.back());
    if (words_[i].open_begin) edges = static_cast<uint8_t>(edges & ~kEdgeWordFirst);
    if (words_[i].open_end) edges = static_cast<uint8_t>(edges & ~kEdgeWordLast);
    edges_.push_back(edges);
    if (pattern) {
      auto re = std::make_shared<RE2>(words_[i].word, RE2::Quiet);
      if (re->ok()) patterns_.emplace_back(i, re);
    }
  }
  automaton_.Build(folded_);
}

void RelationFinder::Find(const Gazetteer& gaz, const RelationInput& in,
                          std::vector<FoundAgreement>* agreements,
                          std::vector<FoundRestriction>* restrictions) const {
  // 1. Relation words in the text, at word boundaries, in nfkc offsets.
  std::vector<Hit> hits;
  automaton_.FindAll(in.folded, [&](size_t b, size_t e, uint32_t p) {
    const FrameWord& w = words_[p];
    if (!ReadsWord(w.lang, latin_[p], in.lang)) return;
    if (!AtWordBoundaries(in.folded, b, e, edges_[p])) return;
    hits.push_back({in.folded_to_nfkc->Begin(b), in.folded_to_nfkc->End(e), &w,
                    w.role == FrameRole::kMeasurePattern ? FrameRole::kMeasure : w.role});
  });
  for (const auto& [index, re] : patterns_) {
    const FrameWord& w = words_[index];
    if (!LanguageCovers(w.lang, in.lang)) continue;
    re2::StringPiece input(in.nfkc.data(), in.nfkc.size()), m;
    for (size_t pos = 0;
         pos < in.nfkc.size() && re->Match(input, pos, in.nfkc.size(), RE2::UNANCHORED, &m, 1);) {
      const size_t b = static_cast<size_t>(m.data() - in.nfkc.data());
      pos = b + std::max<size_t>(m.size(), 1);
      hits.push_back({b, b + m.size(), &w, FrameRole::kMeasure});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });

  // 2. Lines under a related-articles heading: short lines until the next
  //    paragraph-length line are other stories' headlines.
  std::vector<Span> boilerplate;
  for (const Hit& h : hits) {
    if (h.role != FrameRole::kRelated) continue;
    // Hits are in text order: one inside the last block adds nothing (and
    // rescanning per heading would be quadratic on pages full of them).
    if (!boilerplate.empty() && h.begin < boilerplate.back().end) continue;
    size_t line = in.nfkc.rfind('\n', h.begin);
    line = line == std::string_view::npos ? 0 : line + 1;
    size_t end = line;
    for (size_t next; end < in.nfkc.size(); end = next + 1) {
      next = in.nfkc.find('\n', end);
      if (next == std::string_view::npos) next = in.nfkc.size();
      if (next - end > 250 && end > line) break;
    }
    boilerplate.push_back({line, end});
  }
  // The blocks are in text order and apart: the last one starting at or
  // before the sentence is the only one that can hold it.
  auto in_boilerplate = [&](const Span& s) {
    auto after = std::upper_bound(boilerplate.begin(), boilerplate.end(), s.begin,
                                  [](size_t pos, const Span& b) { return pos < b.begin; });
    return after != boilerplate.begin() && s.begin < std::prev(after)->end;
  };

  const auto& ents = gaz.entities();
  auto id_of = [&](const EntityMatch& m) -> const std::string& {
    return m.entity == EntityMatch::kRule ? m.rule_name : ents[m.entity].id;
  };
  // A word of `role` right after (or right before) a match, up to `gap` bytes away.
  // Hits are sorted by begin: look only at those that can be near (words
  // are at most 64 bytes), so the cost does not grow with the document.
  auto first_hit_from = [&](size_t pos) {
    return std::lower_bound(hits.begin(), hits.end(), pos,
                            [](const Hit& h, size_t p) { return h.begin < p; });
  };
  auto word_after = [&](const EntityMatch& m, FrameRole role, size_t gap) {
    for (auto it = first_hit_from(m.nfkc_end); it != hits.end() && it->begin <= m.nfkc_end + gap;
         ++it)
      if (it->role == role) return true;
    return false;
  };
  auto word_before = [&](const EntityMatch& m, FrameRole role, size_t gap) {
    const size_t from = m.nfkc_begin > 64 + gap ? m.nfkc_begin - 64 - gap : 0;
    for (auto it = first_hit_from(from); it != hits.end() && it->begin < m.nfkc_begin; ++it)
      if (it->role == role && it->end <= m.nfkc_begin && m.nfkc_begin <= it->end + gap) return true;
    return false;
  };

  // The pairs "the two countries" may stand for: the latest concluded
  // agreement's, else the headline's, else the latest sentence's.
  std::vector<std::string> last_pair, headline, story_pair;
  const std::string home_country = LikelyRegion(in.lang);
  std::vector<FoundAgreement> found;
  size_t last_agreement_sentence = 0;  // Meaningful while `found` is not empty.
  std::vector<FoundRestriction> found_r;
  struct DatedDeed {  // A sentence that dates a deed of fewer than two parties.
    std::vector<std::string> parties;
    std::string date;
    Span sentence;
  };
  std::vector<DatedDeed> dated_deeds;
  // Matches are sorted by position: each sentence looks at its own slice.
  auto first_match_from = [&](size_t pos) {
    return std::lower_bound(in.matches->begin(), in.matches->end(), pos,
                            [](const EntityMatch& m, size_t p) { return m.nfkc_begin < p; });
  };
  // Every country of a chain (US-China-Japan) ends where its first one's
  // chain ends: one walk per chain, not one per country in it.
  auto chain_first = in.matches->end(), chain_last = in.matches->end();
  auto chain_end = [&](std::vector<EntityMatch>::const_iterator mi) -> const EntityMatch& {
    if (chain_first == in.matches->end() || mi < chain_first || mi > chain_last) {
      chain_first = mi;
      chain_last = ChainEnd(*in.matches, mi, in.nfkc);
    }
    return *chain_last;
  };
  // Amounts and dates by position, so that a sentence looks only at its own
  // (each agreement scanned all of them: quadratic on a long text of deals).
  auto by_position = [](const auto& items) {
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return items[a].begin < items[b].begin; });
    return order;
  };
  const std::vector<size_t> amounts_order = by_position(*in.amounts);
  const std::vector<size_t> dates_order = by_position(*in.dates);
  // The indices, in increasing order, of the items that lie in `s`.
  auto inside_span = [](const auto& items, const std::vector<size_t>& order, const Span& s) {
    auto it = std::lower_bound(order.begin(), order.end(), s.begin,
                               [&](size_t i, size_t pos) { return items[i].begin < pos; });
    std::vector<size_t> out;
    for (; it != order.end() && items[*it].begin <= s.end; ++it)
      if (Contains(s, items[*it].begin, items[*it].end)) out.push_back(*it);
    std::sort(out.begin(), out.end());
    return out;
  };
  for (size_t si = 0; si < in.sentences->size(); ++si) {
    const Span& s = (*in.sentences)[si];
    const size_t dateline_close = DatelineClose(in.nfkc, s);
    const auto sentence_hits_begin = first_hit_from(s.begin);
    const auto sentence_hits_end = first_hit_from(s.end);
    // What the sentence holds.
    std::vector<std::string> parties, minerals, orgs;
    std::vector<const EntityMatch*> country_matches, org_matches, party_matches;
    for (auto mi = first_match_from(s.begin); mi != in.matches->end() && mi->nfkc_begin < s.end;
         ++mi) {
      const EntityMatch& m = *mi;
      if (!Contains(s, m.nfkc_begin, m.nfkc_end)) continue;
      // A country after "against"/対 (対中依存) is a target, not a party.
      const bool targeted = word_before(m, FrameRole::kTargetBefore, 1);
      if (m.kind == EntityKind::kCountry) {
        // "a Thai battery maker", 中资企业, 한국 기업: companies, not states.
        const bool demonym =
            m.alias != EntityMatch::kRule && (gaz.aliases()[m.alias].flags & kAliasDemonym) != 0;
        const bool company = word_after(m, FrameRole::kNotPartyAfter, 1) ||
                             (demonym && !word_after(m, FrameRole::kGovernment, 24));
        // 米中対立, "US-China tensions": the countries of the chain are at
        // odds, not parties to what the sentence reports.
        const bool rivals = word_after(chain_end(mi), FrameRole::kRivalry, 1);
        // "signed in Washington", 在北京签署, 東京で: a capital as the venue.
        const bool capital =
            m.alias != EntityMatch::kRule && (gaz.aliases()[m.alias].flags & kAliasCapital) != 0;
        const bool venue = capital && (word_before(m, FrameRole::kPlaceBefore, 1) ||
                                       word_after(m, FrameRole::kPlaceAfter, 0));
        // "US-brokered", 米国仲介の, 在美國總統見證下, "brokered by the United
        // States": the country that mediates or witnesses is not a party.
        bool mediator = word_before(m, FrameRole::kMediatorBefore, 8);
        for (auto it = first_hit_from(m.nfkc_end);
             !mediator && it != hits.end() && it->begin <= m.nfkc_end + 12; ++it) {
          if (it->role != FrameRole::kMediatorAfter) continue;
          // The word belongs to the nearest country before it ("ルワンダが米国仲介").
          auto next = std::next(mi);
          mediator = next == in.matches->end() || next->kind != EntityKind::kCountry ||
                     next->nfkc_begin >= it->begin;
        }
        if (!targeted && !company && !rivals && !venue && !mediator &&
            !InDateline(in.nfkc, s, dateline_close, m)) {
          AddUnique(&parties, id_of(m));
          party_matches.push_back(&m);
        }
        country_matches.push_back(&m);
      } else if (m.kind == EntityKind::kGroup) {
        const bool capital_venue = m.alias != EntityMatch::kRule &&
                                   (gaz.aliases()[m.alias].flags & kAliasCapital) != 0 &&
                                   (word_before(m, FrameRole::kPlaceBefore, 1) ||
                                    word_after(m, FrameRole::kPlaceAfter, 0));
        if (!targeted && !capital_venue && !word_after(m, FrameRole::kVenue, 3) &&
            !InDateline(in.nfkc, s, dateline_close, m)) {
          AddUnique(&parties, id_of(m));
          party_matches.push_back(&m);
        }
      } else if (m.kind == EntityKind::kPerson) {
        party_matches.push_back(&m);  // Stands for its country only in a slot.
      } else if (m.kind == EntityKind::kMineral) {
        AddUnique(&minerals, id_of(m));
      } else if (m.kind == EntityKind::kOrganization) {
        AddUnique(&orgs, id_of(m));
        org_matches.push_back(&m);
        // A state agency (経済産業省, MOFCOM) acts for its country, unless it
        // is where things happened ("at the White House", ホワイトハウスで).
        const bool venue =
            word_before(m, FrameRole::kPlaceBefore, 1) || word_after(m, FrameRole::kPlaceAfter, 0);
        if (m.entity != EntityMatch::kRule && !venue) {
          const auto& attrs = ents[m.entity].attrs;
          auto kind_it = attrs.find("kind"), country_it = attrs.find("country");
          if (kind_it != attrs.end() && kind_it->second == "agency" && country_it != attrs.end()) {
            AddUnique(&parties, country_it->second);
            party_matches.push_back(&m);
          }
        }
      }
    }
    std::string kind;
    bool strong = false, hedge = false, example = false, pair = false, in_general = false;
    std::string restriction;
    size_t restriction_at = 0;
    for (auto hi = sentence_hits_begin; hi != sentence_hits_end; ++hi) {
      const Hit& h = *hi;
      if (!Contains(s, h.begin, h.end)) continue;
      const FrameRole role = h.role;
      if (role == FrameRole::kAgreement &&
          (kind.empty() || KindRank(h.word->value) < KindRank(kind)))
        kind = h.word->value;
      else if (role == FrameRole::kStrong)
        strong = true;
      else if (role == FrameRole::kStatus)
        hedge = true;
      else if (role == FrameRole::kExample)
        example = true;
      else if (role == FrameRole::kPair)
        pair = true;
      else if (role == FrameRole::kMineralsInGeneral)
        in_general = true;
      else if (role == FrameRole::kMeasure && restriction.empty()) {
        restriction = h.word->value;
        restriction_at = h.begin;
      }
    }
    // A subordinate clause ("... as China tightens its grip", "Amid ...,",
    // ", which controls 80% of nickel refining,", "激化する中、") is about
    // something else: when an agreement or restriction word stands outside
    // every such clause, what is named only inside them is not part of it.
    // (Sentences of news are short; a run-on "sentence" of a broken file is
    // skipped so the work stays linear.)
    if (s.end - s.begin <= kMaxClauseSentence) {
      std::vector<Span> sub;
      for (auto hi = sentence_hits_begin; hi != sentence_hits_end; ++hi) {
        const Hit& h = *hi;
        if (!Contains(s, h.begin, h.end)) continue;
        if (h.role != FrameRole::kClauseStart && h.role != FrameRole::kClauseEnd) continue;
        bool coordination = false;  // "as well as", "such as"
        for (auto hj = sentence_hits_begin; hj != sentence_hits_end; ++hj)
          if (hj->role == FrameRole::kNotClause && hj->begin <= h.begin && h.end <= hj->end)
            coordination = true;
        if (coordination) continue;
        if (h.role == FrameRole::kClauseStart) {  // To the next break.
          size_t e = h.end;
          while (e < s.end && ClauseBreakAt(in.nfkc, e) == 0) ++e;
          sub.push_back({h.begin, e});
        } else {  // From the last break before it.
          size_t b = s.begin;
          for (size_t at = s.begin; at < h.begin; ++at)
            if (const size_t n = ClauseBreakAt(in.nfkc, at); n > 0) b = at + n;
          sub.push_back({b, h.end});
        }
      }
      auto inside = [&](size_t b, size_t e) {
        for (const Span& x : sub)
          if (x.begin <= b && e <= x.end) return true;
        return false;
      };
      bool main_trigger = false;
      for (auto hi = sentence_hits_begin; hi != sentence_hits_end; ++hi)
        if ((hi->role == FrameRole::kAgreement || hi->role == FrameRole::kMeasure) &&
            Contains(s, hi->begin, hi->end) && !inside(hi->begin, hi->end))
          main_trigger = true;
      if (!sub.empty() && main_trigger) {
        std::set<std::string> in_main, in_sub;
        for (auto mi = first_match_from(s.begin); mi != in.matches->end() && mi->nfkc_begin < s.end;
             ++mi)
          if (Contains(s, mi->nfkc_begin, mi->nfkc_end))
            (inside(mi->nfkc_begin, mi->nfkc_end) ? in_sub : in_main).insert(id_of(*mi));
        auto only_sub = [&](const std::string& id) {
          return in_sub.count(id) > 0 && in_main.count(id) == 0;
        };
        parties.erase(std::remove_if(parties.begin(), parties.end(), only_sub), parties.end());
        minerals.erase(std::remove_if(minerals.begin(), minerals.end(), only_sub), minerals.end());
      }
    }
    const bool boiler = in_boilerplate(s);
    const std::vector<std::string> explicit_parties = parties;
    if (si == 0 && parties.size() >= 2) headline = parties;

    // An unqualified 政府/정부 here or in the sentence before is the home
    // country's government (米国とは…合意した after 政府は…).
    if (parties.size() == 1 && !home_country.empty()) {
      auto has_home_word = [&](const Span& span) {
        for (auto it = first_hit_from(span.begin); it != hits.end() && it->begin < span.end; ++it)
          if (const Hit& h = *it;
              h.role == FrameRole::kHomeGovernment && Contains(span, h.begin, h.end)) {
            bool qualified = false;  // 米国政府 is not the home government.
            for (auto mi = first_match_from(span.begin);
                 mi != in.matches->end() && mi->nfkc_begin < h.begin; ++mi)
              if (const EntityMatch& m = *mi;
                  (m.kind == EntityKind::kCountry || m.kind == EntityKind::kOrganization) &&
                  m.nfkc_end <= h.begin && h.begin <= m.nfkc_end + 1)
                qualified = true;
            if (!qualified) return true;
          }
        return false;
      };
      if (has_home_word(s) || (si > 0 && has_home_word((*in.sentences)[si - 1])))
        AddUnique(&parties, home_country);
    }
    // The country imposing a restriction in this sentence is not a party to
    // the cooperation it describes (中国が輸出規制を強める中、日米は…協力).
    if (!restriction.empty() && parties.size() >= 2) {
      const EntityMatch* actor = nullptr;
      for (const EntityMatch* c : country_matches)
        if (c->nfkc_end <= restriction_at) actor = c;
      if (actor != nullptr)
        parties.erase(std::remove(parties.begin(), parties.end(), id_of(*actor)), parties.end());
    }

    // A hedge after the deed is about its effects ("signed a deal that could
    // be worth", "签署协议，双方希望加强合作"), not a doubt on it. In Japanese and
    // Korean the modal follows its verb (署名を期待), so there only a hedge in a
    // later clause (署名し、…期待される) is after the deed.
    // The status word (a hedge, a wish, a denial) that comes before the
    // deed, or null: what the sentence says of the deed.
    auto hedge_of = [&](FrameRole deed) -> const FrameWord* {
      if (!hedge) return nullptr;
      const bool run_on = s.end - s.begin > kMaxClauseSentence;  // Stay linear.
      const bool verb_final = in.lang == "ja" || in.lang == "ko";
      for (auto hi = sentence_hits_begin; hi != sentence_hits_end; ++hi) {
        if (hi->role != FrameRole::kStatus || !Contains(s, hi->begin, hi->end)) continue;
        // An agreement's status words do not speak of a measure, nor the
        // reverse (a plan of a measure is a threat).
        const std::string& value = hi->word->value;
        if (deed == FrameRole::kStrong ? !IsAgreementStatus(value)
                                       : !IsMeasureStatus(value) && value != "planned")
          continue;
        if (run_on) return hi->word;
        bool after_deed = false;
        for (auto di = sentence_hits_begin; di != hi && !after_deed; ++di) {
          if (di->role != deed || !Contains(s, di->begin, di->end) || di->end > hi->begin) continue;
          after_deed = !verb_final || HasClauseBreak(in.nfkc, di->end, hi->begin);
        }
        if (!after_deed) return hi->word;
      }
      return nullptr;
    };
    auto hedged = [&](FrameRole deed) { return hedge_of(deed) != nullptr; };
    if (!boiler && !kind.empty()) {
      const FrameWord* status_word = hedge_of(FrameRole::kStrong);
      FrameInput frame =
          FrameOf(gaz, in.nfkc, s, sentence_hits_begin, sentence_hits_end, party_matches, parties);
      const FrameReading reading = ReadAgreementFrame(frame);
      std::vector<std::vector<std::string>> groups = PartyGroups(reading.pairs);
      bool from_context = false;
      if (groups.empty() && pair) {
        // A pair word stands for two: a headline or sentence of three
        // names is no pair.
        for (const auto* context : {&story_pair, &headline, &last_pair})
          if (context->size() == 2) {
            groups.push_back(*context);
            break;
          }
        from_context = true;
      }
      const bool list_of_examples = example && explicit_parties.size() >= 3 && !strong;
      if (!groups.empty() && !list_of_examples) {
        FoundAgreement a;
        for (const auto& g : groups)
          for (const std::string& p : g) AddUnique(&a.parties, p);
        a.status = status_word != nullptr       ? status_word->value
                   : kind == "talks" && !strong ? "talks"
                                                : "concluded";
        a.kind = kind;
        a.minerals = minerals;
        // No mineral in the sentence: those of the sentences around it
        // ("...agreed on nickel. The agreement, signed by..."), but not of
        // one that names another country: it is about something else. A
        // sentence about "critical minerals" (重要鉱物) states its scope:
        // that is no mineral, and the neighbours' minerals are not its own.
        if (a.minerals.empty() && !in_general) {
          auto same_story = [&](const Span& n) {
            for (auto mi = first_match_from(n.begin);
                 mi != in.matches->end() && mi->nfkc_begin < n.end; ++mi)
              if ((mi->kind == EntityKind::kCountry || mi->kind == EntityKind::kGroup) &&
                  std::find(a.parties.begin(), a.parties.end(), id_of(*mi)) == a.parties.end())
                return false;
            return true;
          };
          for (size_t n : {si - 1, si + 1}) {  // si - 1 wraps when si is 0: out of range.
            if (n >= in.sentences->size() || !same_story((*in.sentences)[n])) continue;
            const Span& ns = (*in.sentences)[n];
            for (auto mi = first_match_from(ns.begin);
                 mi != in.matches->end() && mi->nfkc_begin < ns.end; ++mi)
              if (mi->kind == EntityKind::kMineral && mi->nfkc_end <= ns.end)
                AddUnique(&a.minerals, id_of(*mi));
          }
        }
        a.organizations = orgs;
        a.amounts = inside_span(*in.amounts, amounts_order, s);
        // The sentence's first full date, else its first month (昨年12月,
        // "in March 2023"), else its year ("signed in 2012"), else the
        // publication date.
        const std::vector<size_t> dates = inside_span(*in.dates, dates_order, s);
        for (size_t precision : {size_t{10}, size_t{7}, size_t{4}}) {
          for (size_t di : dates)
            if (const DateMention& d = (*in.dates)[di]; d.date.size() == precision) {
              a.date = d.date;
              a.date_in_text = true;
              break;
            }
          if (a.date_in_text) break;
        }
        if (a.date.empty()) a.date = in.published;
        a.evidence.push_back(s);
        a.confidence = 0.5 + (strong ? 0.2 : 0) + (from_context ? 0 : 0.1) +
                       (minerals.empty() ? 0 : 0.1) + (si == 0 ? 0.05 : 0);
        for (std::vector<std::string>& g : groups) {
          FoundAgreement one = a;
          std::sort(g.begin(), g.end());
          one.parties = g;
          for (const SlotFill& f : reading.fills)
            if (std::binary_search(g.begin(), g.end(), f.id)) one.roles.push_back(f);
          if (g.size() == 2 && one.status == "concluded") story_pair = g;
          found.push_back(std::move(one));
        }
        last_agreement_sentence = si;
      }
    }
    // A concluding word and a date with fewer than two parties ("the
    // minister and his French counterpart signed a joint statement on
    // Wednesday"): the date of the agreement of those parties (below).
    if (!boiler && strong && !hedged(FrameRole::kStrong) && !parties.empty() &&
        parties.size() < 2) {
      for (size_t precision : {size_t{10}, size_t{7}, size_t{4}}) {
        const DateMention* date = nullptr;
        for (const DateMention& d : *in.dates)
          if (Contains(s, d.begin, d.end) && d.date.size() == precision) {
            date = &d;
            break;
          }
        if (date == nullptr) continue;
        dated_deeds.push_back({parties, date->date, s});
        break;
      }
    }
    if (!boiler && !found.empty() && last_agreement_sentence + 1 == si) {
      // "The deal is worth $500 million.": a sentence that only refers back
      // to the agreement just read gives it its figures (and is evidence).
      bool refers_back = false;
      for (auto hi = sentence_hits_begin; hi != sentence_hits_end; ++hi)
        if (hi->role == FrameRole::kRefersBack && Contains(s, hi->begin, hi->end))
          refers_back = true;
      const std::vector<size_t> figures = inside_span(*in.amounts, amounts_order, s);
      if (refers_back && !figures.empty() && country_matches.empty()) {
        FoundAgreement& a = found.back();
        for (size_t i : figures)
          if (std::find(a.amounts.begin(), a.amounts.end(), i) == a.amounts.end())
            a.amounts.push_back(i);
        a.evidence.push_back(s);
        last_agreement_sentence = si;
      }
    }

    if (!boiler && !restriction.empty()) {
      // A word of a measure's status anywhere in the sentence (lifted,
      // suspended, threatens) is its status; a wish or plan before it makes
      // it a threat.
      std::string measure_status = "in_force";
      if (const FrameWord* w = hedge_of(FrameRole::kMeasure))
        measure_status = MeasureStatusOf(w->value);
      for (auto hi = sentence_hits_begin; hi != sentence_hits_end; ++hi)
        if (hi->role == FrameRole::kStatus && Contains(s, hi->begin, hi->end) &&
            IsMeasureStatus(hi->word->value)) {
          measure_status = hi->word->value;
          break;
        }
      // Each restriction word opens its own part of the sentence ("imposed
      // export controls on graphite and banned exports of gallium to the
      // United States"): its minerals and target are read there.
      struct Part {
        size_t begin, end, at;
        std::string type;
      };
      // The fillers of a measure: every country named (a demonym too:
      // "Chinese graphite" is a target), groups that act for themselves (the
      // EU's sanctions), capitals and people for their governments.
      FrameInput measure_frame =
          FrameOf(gaz, in.nfkc, s, sentence_hits_begin, sentence_hits_end, {}, {});
      for (const EntityMatch* c : country_matches)
        if (Filler f; ToFiller(gaz, in.nfkc, *c, &f)) measure_frame.fillers.push_back(f);
      for (const EntityMatch* p : party_matches)
        if (Filler f; p->kind != EntityKind::kCountry && ToFiller(gaz, in.nfkc, *p, &f))
          measure_frame.fillers.push_back(f);
      std::stable_sort(measure_frame.fillers.begin(), measure_frame.fillers.end(),
                       [](const Filler& a, const Filler& b) { return a.begin < b.begin; });
      measure_frame = MergeTitledPeople(in.nfkc, std::move(measure_frame));
      // Never the dateline's place nor a company's home ("a Thai battery maker").
      std::vector<std::pair<size_t, size_t>> cannot_act;
      for (const EntityMatch* c : country_matches)
        if (word_after(*c, FrameRole::kNotActorAfter, 0) ||
            word_after(*c, FrameRole::kNotPartyAfter, 1) ||
            InDateline(in.nfkc, s, dateline_close, *c))
          cannot_act.emplace_back(c->nfkc_begin, c->nfkc_end);
      const auto can_act = [&](const Filler& f) {
        for (const auto& [b, e] : cannot_act)
          if (f.begin <= b && e <= f.end) return false;
        return !f.id.empty();
      };
      const bool cjk_order = IsCjkLanguage(in.lang);
      std::vector<Part> parts;
      for (auto hi = sentence_hits_begin; hi != sentence_hits_end; ++hi) {
        const Hit& h = *hi;
        if (h.role != FrameRole::kMeasure || !Contains(s, h.begin, h.end)) continue;
        if (!parts.empty() && h.begin < parts.back().end) continue;  // Overlaps the last.
        // A measure named as the topic of a deal or talks ("tariff deal",
        // 日米関税合意, 관세 협상) is no measure of its own.
        bool topic = false;
        for (auto hj = std::next(hi); hj != sentence_hits_end && hj->begin <= h.end + 3; ++hj)
          topic = topic || (hj->begin >= h.end &&
                            (hj->role == FrameRole::kAgreement || hj->role == FrameRole::kStrong ||
                             (hj->role == FrameRole::kStatus && hj->word->value == "talks")));
        if (topic) continue;
        parts.push_back({h.begin, h.end, h.begin, h.word->value});
      }
      std::vector<size_t> trigger_end(parts.size());
      for (size_t k = 0; k < parts.size(); ++k) {
        trigger_end[k] = parts[k].end;
        // In Chinese, Japanese and Korean the target comes before the word
        // (中方对美国商品的反制关税): the part opens where the last word ends.
        parts[k].begin = k == 0 ? s.begin : cjk_order ? trigger_end[k - 1] : parts[k].at;
        parts[k].end = k + 1 < parts.size() ? parts[k + 1].at : s.end;
      }
      for (size_t k = 0; k < parts.size(); ++k) {
        const Part& part = parts[k];
        const Span seg{part.begin, part.end};
        measure_frame.trigger = {part.at, trigger_end[k]};
        const MeasureReading reading = ReadMeasureFrame(measure_frame, seg, cjk_order, can_act);
        std::vector<std::string> imposers, targets;
        for (const SlotFill& f : reading.actors) AddUnique(&imposers, f.id);
        for (const SlotFill& f : reading.targets) AddUnique(&targets, f.id);
        // No actor named: a state agency of the sentence acts for its
        // country (商务部); an international body (WTO) imposes nothing.
        if (imposers.empty())
          for (const EntityMatch* o : org_matches) {
            if (o->entity == EntityMatch::kRule) continue;
            const auto& attrs = ents[o->entity].attrs;
            auto kind_it = attrs.find("kind"), it = attrs.find("country");
            if (kind_it != attrs.end() && kind_it->second == "agency" && it != attrs.end() &&
                std::find(targets.begin(), targets.end(), it->second) == targets.end()) {
              imposers.push_back(it->second);
              break;
            }
          }
        if (targets.empty()) targets.push_back("");
        for (const std::string& from : imposers)
          for (const std::string& to : targets) {
            FoundRestriction r;
            r.type = part.type;
            r.status = measure_status;
            r.from = from;
            r.to = to;
            for (const SlotFill& f : reading.actors)
              if (f.id == from) r.roles.push_back(f);
            for (const SlotFill& f : reading.targets)
              if (f.id == to) r.roles.push_back(f);
            for (auto mi = first_match_from(seg.begin);
                 mi != in.matches->end() && mi->nfkc_begin < seg.end; ++mi)
              if (mi->kind == EntityKind::kMineral && Contains(seg, mi->nfkc_begin, mi->nfkc_end) &&
                  std::find(minerals.begin(), minerals.end(), id_of(*mi)) != minerals.end())
                AddUnique(&r.minerals, id_of(*mi));
            r.evidence.push_back(s);
            r.confidence = 0.6 + (r.to.empty() ? 0 : 0.2) + (r.minerals.empty() ? 0 : 0.1);
            found_r.push_back(std::move(r));
          }
      }
    }
    if (explicit_parties.size() >= 2) last_pair = explicit_parties;
  }

  // 3. One agreement per party set, one restriction per (from, to, type).
  // An agreement its sentences date in another year than another report of
  // the same parties ("signed a memorandum in 2012" in a story of today) is
  // a background agreement of its own. Undated sentences belong with the
  // story of the publication year. (A merge never changes an agreement's
  // year: an undated one takes a stated date only of its own year.)
  // Looked up by key, and amounts and evidence by set: a long text of the
  // same deal or of every pair must not compare each one with all before.
  const std::string published_year = in.published.substr(0, 4);
  auto year = [&](const FoundAgreement& a) {
    return a.date_in_text ? a.date.substr(0, 4) : published_year;
  };
  using AgreementKey = std::pair<std::vector<std::string>, std::string>;  // parties, year
  std::map<AgreementKey, size_t> agreement_of;
  std::vector<std::set<size_t>> agreement_amounts;
  for (size_t i = 0; i < agreements->size(); ++i) {
    agreement_of.emplace(AgreementKey((*agreements)[i].parties, year((*agreements)[i])), i);
    agreement_amounts.emplace_back((*agreements)[i].amounts.begin(),
                                   (*agreements)[i].amounts.end());
  }
  for (FoundAgreement& a : found) {
    const auto [at, added] =
        agreement_of.emplace(AgreementKey(a.parties, year(a)), agreements->size());
    if (added) {
      agreement_amounts.emplace_back(a.amounts.begin(), a.amounts.end());
      agreements->push_back(std::move(a));
      continue;
    }
    FoundAgreement* same = &(*agreements)[at->second];
    std::set<size_t>& same_amounts = agreement_amounts[at->second];
    if (KindRank(a.kind) < KindRank(same->kind)) same->kind = a.kind;
    // A deed concluded anywhere in the document is concluded.
    if (a.status == "concluded" || StatusRank(a.status) < StatusRank(same->status))
      same->status = a.status;
    same->roles.insert(same->roles.end(), a.roles.begin(), a.roles.end());
    // A date a sentence states ("on Thursday") beats the publication date
    // an earlier sentence (the headline) fell back on.
    if (a.date_in_text && !same->date_in_text) {
      same->date = a.date;
      same->date_in_text = true;
    }
    for (const auto& m : a.minerals) AddUnique(&same->minerals, m);
    for (const auto& o : a.organizations) AddUnique(&same->organizations, o);
    for (size_t i : a.amounts)
      if (same_amounts.insert(i).second) same->amounts.push_back(i);
    same->evidence.insert(same->evidence.end(), a.evidence.begin(), a.evidence.end());
    same->confidence = std::min(0.95, std::max(same->confidence, a.confidence) + 0.05);
  }
  // An agreement that no sentence of its own dates takes the date of the
  // first dated deed of its parties only ("...signed a joint statement
  // Wednesday" naming one of them): what a sentence states beats the
  // publication date.
  for (FoundAgreement& a : *agreements) {
    if (a.date_in_text) continue;
    for (const DatedDeed& d : dated_deeds) {
      const bool theirs =
          std::all_of(d.parties.begin(), d.parties.end(), [&](const std::string& p) {
            return std::binary_search(a.parties.begin(), a.parties.end(), p);
          });
      if (!theirs) continue;
      a.date = d.date;
      a.date_in_text = true;
      a.evidence.push_back(d.sentence);
      std::sort(a.evidence.begin(), a.evidence.end(),
                [](const Span& x, const Span& y) { return x.begin < y.begin; });
      break;
    }
  }
  // A restriction read without its target joins the same country's
  // restriction of that type with a target.
  std::stable_sort(found_r.begin(), found_r.end(),
                   [](const FoundRestriction& a, const FoundRestriction& b) {
                     return !a.to.empty() && b.to.empty();
                   });
  // By imposer, in order; and each one's evidence sentences as a set.
  std::map<std::string, std::vector<size_t>> restrictions_of;
  std::vector<std::set<std::pair<size_t, size_t>>> restriction_sentences;
  auto index_restriction = [&](size_t i) {
    const FoundRestriction& x = (*restrictions)[i];
    restrictions_of[x.from].push_back(i);
    restriction_sentences.emplace_back();
    for (const Span& e : x.evidence) restriction_sentences.back().emplace(e.begin, e.end);
  };
  for (size_t i = 0; i < restrictions->size(); ++i) index_restriction(i);
  for (FoundRestriction& r : found_r) {
    FoundRestriction* same = nullptr;
    size_t same_index = 0;
    for (size_t i : restrictions_of[r.from]) {
      const FoundRestriction& x = (*restrictions)[i];
      bool joins = false;
      if (x.to == r.to) {
        joins = x.type == r.type;
      } else if (r.to.empty()) {
        // 商务部宣布…出口管制 joins 对美国出口…不予许可 (another sentence); the
        // other part of the same sentence is another measure, unless of its type.
        const bool same_sentence =
            std::any_of(r.evidence.begin(), r.evidence.end(), [&](const Span& f) {
              return restriction_sentences[i].count({f.begin, f.end}) > 0;
            });
        // A measure of another status is another measure (the suspended
        // ban on exports to the US, the licensing still in force).
        // Of another type, it is the same measure only when it names the
        // same minerals (出口管制 on 镓锗锑 and the ban on their exports to the US).
        const bool same_minerals =
            std::any_of(r.minerals.begin(), r.minerals.end(), [&](const std::string& m) {
              return std::find(x.minerals.begin(), x.minerals.end(), m) != x.minerals.end();
            });
        joins = (x.type == r.type || (!same_sentence && same_minerals)) && x.status == r.status;
      }
      if (joins) {
        same = &(*restrictions)[i];
        same_index = i;
        break;
      }
    }
    if (same == nullptr) {
      restrictions->push_back(std::move(r));
      index_restriction(restrictions->size() - 1);
      continue;
    }
    for (const auto& m : r.minerals) AddUnique(&same->minerals, m);
    if (r.status == "in_force") same->status = r.status;
    same->roles.insert(same->roles.end(), r.roles.begin(), r.roles.end());
    for (const Span& e : r.evidence) restriction_sentences[same_index].emplace(e.begin, e.end);
    same->evidence.insert(same->evidence.end(), r.evidence.begin(), r.evidence.end());
    same->confidence = std::min(0.95, std::max(same->confidence, r.confidence) + 0.05);
  }
  for (FoundAgreement& a : *agreements) a.confidence = std::min(0.95, a.confidence);
}

}  // namespace kgx
