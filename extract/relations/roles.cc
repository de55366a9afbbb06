#include "extract/relations/roles.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <set>

#include "base/strings.h"
#include "base/utf8.h"

namespace kgx {
namespace {

// Longest gap (bytes) between two members of a list or a list and its marker.
constexpr size_t kMaxListGap = 24;
constexpr size_t kMaxMarkerGap = 6;  // "with the ", "と"

// Whether `gap` holds only spaces, list punctuation and article words.
bool IsGlueText(const FrameInput& in, std::string_view gap) {
  static const std::string_view kGlue[] = {
      ",", ";", "/", "-", "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */, "\xE3\x80\x81" /* 、 */,
      "\xEF\xBC\x8C" /* ， */, "\xE3\x83\xBB" /* ・ */, "\xD8\x8C" /* Arabic comma ، */,
      "\xD8\x9B" /* Arabic semicolon ؛ */, "'s", "\xE2\x80\x99s",
      // "China + Central Asia", 「中央アジア+日本」 (＋ is + after NFKC).
      "+"};
  auto glued = [&](std::string_view g) {
    if (gap.substr(0, g.size()) != g) return false;
    gap.remove_prefix(g.size());
    return true;
  };
  while (!gap.empty()) {
    if (gap[0] == ' ') {
      gap.remove_prefix(1);
      continue;
    }
    // Articles before a country name (the Philippines, le Canada, l'Inde,
    // los Estados Unidos, die USA) are not words of their own.
    if (std::any_of(std::begin(kGlue), std::end(kGlue), glued)) continue;
    // A whole word ("aos" is no "a" and "os"), or an elided one (l', dell').
    auto article = [&](const std::string& a) {
      const bool whole = EndsWithApostrophe(a) || a.size() >= gap.size() || gap[a.size()] == ' ';
      return whole && glued(a);
    };
    if (in.articles == nullptr || std::none_of(in.articles->begin(), in.articles->end(), article))
      return false;
  }
  return true;
}

// Whether a word of `gap` is an article (du, nel, l'entrée): a noun phrase
// that holds one holds a second noun ("l'entrée du marché néo-zélandais").
bool HoldsArticle(const FrameInput& in, std::string_view gap) {
  if (in.articles == nullptr) return false;
  size_t at = 0;
  while (at < gap.size()) {
    const size_t end = std::min(gap.find(' ', at), gap.size());
    const std::string_view word = gap.substr(at, end - at);
    for (const std::string& a : *in.articles) {
      if (word == a ||
          (EndsWithApostrophe(a) && word.size() > a.size() && word.substr(0, a.size()) == a))
        return true;
    }
    at = end + 1;
  }
  return false;
}

// Whether text[from, to) is a noun and at most one adjective of its own,
// the phrase a country's adjective follows in French, Italian or Spanish
// ("aux véhicules électriques chinois"), no article in it ("à l'entrée du
// marché européen") and no third word ("all'ingresso nel mercato europeo").
bool NounBeforeAdjective(const FrameInput& in, size_t from, size_t to) {
  constexpr size_t kMaxWords = 2;
  std::string_view gap = in.text.substr(from, to - from);
  while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  return !gap.empty() && static_cast<size_t>(std::count(gap.begin(), gap.end(), ' ')) < kMaxWords &&
         !HoldsArticle(in, gap);
}

bool JoinsList(FrameRole role) {
  return role == FrameRole::kListJoiner || role == FrameRole::kPartnerBefore ||
         role == FrameRole::kPartnerAfter;
}

// Where a time phrase starting at `at` (after spaces) ends: a place word
// (in, en, في) and a date right after it ("in July 2023", "في مارس 2024"),
// within [at, to); `at` itself when none starts there.
size_t TimePhraseEnd(const FrameInput& in, size_t at, size_t to) {
  size_t p = at;
  while (p < to && in.text[p] == ' ') ++p;
  for (const Marker& m : in.markers) {
    if (m.role != FrameRole::kPlaceBefore || m.begin != p || m.end > to) continue;
    size_t d = m.end;
    while (d < to && in.text[d] == ' ') ++d;
    for (const Span& date : in.dates)
      if (date.begin == d && date.end <= to) return date.end;
  }
  return at;
}

// Whether text[from, to) holds only list glue and joiner words, after a
// time phrase; sets `hub_split` when a partner-before word (与, with) is
// among them.
bool IsListGap(const FrameInput& in, size_t from, size_t to, bool* hub_split) {
  if (to < from) return false;
  // A time phrase right after a member is not counted in the gap's length.
  // The next member then has its own time, or ends its clause ("Mauritania
  // in March 2024 and Jordan in January."); a name that a verb or a joiner
  // follows starts a clause of its own ("with Japan in March 2023,
  // Indonesia signed one with Korea").
  const size_t phrase_end = TimePhraseEnd(in, from, to);
  if (phrase_end != from) {
    const auto next = std::find_if(in.fillers.begin(), in.fillers.end(),
                                   [&](const Filler& f) { return f.begin == to; });
    if (next == in.fillers.end()) return false;
    size_t after = next->end;
    while (after < in.sentence.end && in.text[after] == ' ') ++after;
    const bool own_time = std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& m) {
      return m.role == FrameRole::kPlaceBefore && m.begin == after;
    });
    if (!own_time && after < in.sentence.end && ClauseBreakAt(in.text, after) == 0) return false;
  }
  if (to - phrase_end > kMaxListGap) return false;
  size_t at = phrase_end;
  // Government words right after a name are part of it: 中国政府、吉尔吉斯共和国政府和….
  for (const Marker& m : in.markers)
    if (m.role == FrameRole::kGovernment && m.begin >= at && m.end <= to &&
        in.text.substr(at, m.begin - at).find_first_not_of(' ') == std::string_view::npos)
      at = m.end;
  for (const Marker& m : in.markers) {
    if (m.begin < at || m.end > to || !JoinsList(m.role)) continue;
    if (!IsGlueText(in, in.text.substr(at, m.begin - at))) return false;
    if (m.role == FrameRole::kPartnerBefore) *hub_split = true;
    at = m.end;
  }
  return IsGlueText(in, in.text.substr(at, to - at));
}

// Whether [from, to) is a short modifier that an adnominal word closes
// before a list: 同拉美地区的|智利、秘鲁, 与东南亚的|越南 (a few letters of one
// word, no punctuation); phụ thuộc vào công nghệ chế biến của|Trung Quốc (a
// few words of Latin script, no punctuation). No name of the frame's own.
bool ModifierGap(const FrameInput& in, size_t from, size_t to) {
  constexpr size_t kModifierBytes = 15;  // 拉美地区 (12), 东南亚 (9)
  constexpr size_t kModifierWords = 5;   // công nghệ chế biến của
  for (const Marker& a : in.markers) {
    if (a.role != FrameRole::kAdnominal || a.end > to || to - a.end > kMaxMarkerGap ||
        in.text.substr(a.end, to - a.end).find_first_not_of(' ') != std::string_view::npos ||
        a.begin <= from)
      continue;
    const std::string_view words = in.text.substr(from, a.begin - from);
    // The adnominal word's script says which: của (Latin), 的 (CJK).
    const bool latin = std::isalpha(static_cast<unsigned char>(in.text[a.begin])) != 0;
    if (latin ? static_cast<size_t>(std::count(words.begin(), words.end(), ' ')) > kModifierWords ||
                    words.find_first_of(",;:.()\"") != std::string_view::npos
              : words.size() > kModifierBytes)
      return false;
    if (words.find("\xE3\x80\x81") != std::string_view::npos ||  // 、
        words.find("\xEF\xBC\x8C") != std::string_view::npos)    // ，
      return false;
    return std::none_of(in.fillers.begin(), in.fillers.end(),
                        [&](const Filler& f) { return f.begin < to && f.end > from; });
  }
  return false;
}

// Whether [from, to) is glue of at most kMaxMarkerGap bytes: what lies
// between a marker and the name it marks ("with the ", "と").
bool Glued(const FrameInput& in, size_t from, size_t to) {
  return from <= to && to - from <= kMaxMarkerGap &&
         IsGlueText(in, in.text.substr(from, to - from));
}

// Whether a marker of `role` ends at most kMaxMarkerGap glue bytes before
// `pos`, or before a modifier that an adnominal word closes (ModifierGap).
bool MarkerBefore(const FrameInput& in, size_t pos, FrameRole role) {
  for (const Marker& m : in.markers)
    if (m.role == role && m.end <= pos && (Glued(in, m.end, pos) || ModifierGap(in, m.end, pos)))
      return true;
  return false;
}

// Whether a marker of `role` begins right after `pos` (spaces and "'s" only).
bool MarkerAfter(const FrameInput& in, size_t pos, FrameRole role) {
  for (const Marker& m : in.markers)
    if (m.role == role && Glued(in, pos, m.begin)) return true;
  return false;
}

// A coordinated list: fillers [first, last]; `split` is the first member
// after a partner-before word inside the list (中国同巴西、秘鲁), or 0.
struct List {
  size_t first, last, split = 0;
  bool has_slot = false;
  Slot slot = Slot::kActor;
};

// Whether list `l` names one country only (its fillers all of one id: the
// same country named twice in a row).
bool OneCountry(const FrameInput& in, const List& l) {
  for (size_t k = l.first + 1; k <= l.last; ++k)
    if (in.fillers[k].id != in.fillers[l.first].id) return false;
  return true;
}

// Whether filler i opens a second clause of its own: after a comma and a
// joiner word (", and", ", et"; not an article list-joiner: it la, il) or
// after a semicolon, shortly before a measure word in its clause, with a
// measure word before the list it would join ("…droits sur plusieurs métaux
// russes, et l'Australie a interdit l'exportation", "dazi sui prodotti
// cinesi, e Pechino ha risposto con tariffe", "Zölle auf Autos aus China;
// Peking antwortete mit Zöllen"; not "Japan, Korea, and Australia banned
// exports").
bool OpensClause(const FrameInput& in, size_t i) {
  // bytes: " a ", " has ", " ha risposto con ", " antwortete unter anderem mit "
  constexpr size_t kVerbGap = 32;
  if (i == 0 || in.verbs.empty()) return false;
  const Filler &prev = in.fillers[i - 1], &x = in.fillers[i];
  if (x.begin < prev.end) return false;
  const bool comma = CommaAt(in.text, prev.end) > 0;
  bool joiner = false;
  for (const Marker& m : in.markers)
    joiner =
        joiner || (m.role == FrameRole::kListJoiner && m.begin > prev.end && m.end <= x.begin &&
                   !std::ispunct(static_cast<unsigned char>(in.text[m.begin])) &&
                   !IsGlueText(in, in.text.substr(m.begin, m.end - m.begin)));
  const std::string_view gap = in.text.substr(prev.end, x.begin - prev.end);
  const bool semicolon = gap.find(';') != std::string_view::npos ||
                         gap.find("\xEF\xBC\x9B") != std::string_view::npos /* ； */ ||
                         gap.find("\xD8\x9B") != std::string_view::npos /* ؛ */;
  const bool verb_after = std::any_of(in.verbs.begin(), in.verbs.end(), [&](size_t v) {
    return v >= x.end && v - x.end <= kVerbGap && !HasClauseBreak(in.text, x.end, v);
  });
  size_t list_begin = prev.begin;
  for (size_t k = i - 1; k > 0 && in.fillers[k - 1].end <= in.fillers[k].begin &&
                         in.fillers[k].begin - in.fillers[k - 1].end <= kMaxListGap;
       --k)
    list_begin = in.fillers[k - 1].begin;
  const bool verb_before = std::any_of(in.verbs.begin(), in.verbs.end(),
                                       [&](size_t v) { return v < list_begin; });
  // A joiner without a comma joins a list ("chip exports to China and Russia
  // under new export controls", "США, Великобритания, Канада и Япония
  // запрещают импорт"): reading "e Pechino ha risposto con tariffe" as a
  // clause would take a verb list this reader does not keep.
  return (semicolon || (joiner && comma)) && verb_after && verb_before;
}

// Whether `word` is one of the language's articles (frames' `article` lines).
bool IsArticle(const FrameInput& in, std::string_view word) {
  return in.articles != nullptr &&
         std::any_of(in.articles->begin(), in.articles->end(),
                     [&](const std::string& a) { return EqualsAsciiNoCase(word, a); });
}

// Whether a list-joiner word (and, и, y; not a comma, nor an article that
// joins as glue: pt "os") stands in [from, to).
bool WordJoinerIn(const FrameInput& in, size_t from, size_t to) {
  return std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& m) {
    if (m.role != FrameRole::kListJoiner || m.begin < from || m.end > to) return false;
    const std::string_view word = in.text.substr(m.begin, m.end - m.begin);
    if (word.empty()) return false;
    UChar32 c = 0;
    int32_t at = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), at, static_cast<int32_t>(word.size()),
            c);
    if (c < 0 || !u_isalpha(c)) return false;  // A comma, 、 or ، joins as glue.
    return !IsArticle(in, word);
  });
}

// Whether a dash with a space on each side (" – ", " — ") stands in
// text[from, to): a parenthetical's edge, not the dash of "US–Japan".
bool SpacedDashIn(std::string_view text, size_t from, size_t to) {
  to = std::min(to, text.size());
  if (from >= to) return false;
  const std::string_view gap = text.substr(from, to - from);  // Only the gap: stay linear.
  return gap.find(" \xE2\x80\x93 ") != std::string_view::npos ||
         gap.find(" \xE2\x80\x94 ") != std::string_view::npos;
}

std::vector<List> CoordinatedLists(const FrameInput& in) {
  std::vector<List> lists;
  for (size_t i = 0; i < in.fillers.size(); ++i) {
    bool split = false;
    // The members of one grouping share its span: one list.
    const bool same_grouping =
        i > 0 && in.fillers[i].grouping > 0 && in.fillers[i].grouping == in.fillers[i - 1].grouping;
    // A precedent list its "and" has closed ends at the next comma: "Besides
    // the US and Canada, Mexico has…" holds two lists, not three members of
    // one. (Elsewhere a list goes on: "A, B sowie C, D und E".)
    // (A grouping's members share one span: the last member is the grouping's
    // first filler, and the joiner is looked for before it.)
    bool closed = false;
    if (!lists.empty() && !same_grouping && i >= 2 && lists.back().last == i - 1 &&
        in.fillers[i].begin >= in.fillers[i - 1].end) {
      size_t k = i - 1;  // The last member's first filler.
      while (k > lists.back().first && in.fillers[k].grouping > 0 &&
             in.fillers[k - 1].grouping == in.fillers[k].grouping)
        --k;
      bool comma = false;
      for (size_t at = in.fillers[i - 1].end; at < in.fillers[i].begin && !comma; ++at)
        comma = CommaAt(in.text, at) > 0;
      // The marker scan last: most gaps fail the cheaper tests.
      closed = comma && k > lists.back().first && in.fillers[k].begin >= in.fillers[k - 1].end &&
               WordJoinerIn(in, in.fillers[k - 1].end, in.fillers[k].begin) &&
               !WordJoinerIn(in, in.fillers[i - 1].end, in.fillers[i].begin) &&
               MarkerBefore(in, in.fillers[lists.back().first].begin, FrameRole::kPrecedentBefore);
    }
    // A list set off by spaced dashes ("il blocco sudamericano – Brasile,
    // Argentina, Paraguay e Uruguay – Bruxelles ha scelto") ends at the
    // closing dash: the name after it starts a list of its own.
    if (!closed && !lists.empty() && !same_grouping && lists.back().last == i - 1 &&
        in.fillers[i].begin >= in.fillers[i - 1].end)
      closed = SpacedDashIn(in.text, in.fillers[i - 1].end, in.fillers[i].begin) &&
               SpacedDashIn(in.text,
                            in.fillers[lists.back().first].begin >= 8
                                ? in.fillers[lists.back().first].begin - 8
                                : 0,
                            in.fillers[lists.back().first].begin);
    if (!lists.empty() && !OpensClause(in, i) && !closed &&
        (same_grouping || IsListGap(in, in.fillers[i - 1].end, in.fillers[i].begin, &split))) {
      lists.back().last = i;
      if (split && lists.back().split == 0) lists.back().split = i;
      continue;
    }
    lists.push_back({i, i});
  }
  return lists;
}

// Whether the name at `pos` is the second name of a reason's phrase: a
// target word right before it follows a name that a reason word marks
// ("invasi Rusia ke Ukraina", "la invasión de Rusia a Ucrania": Ukraine is
// the invasion's, no target of the sanctions the sentence is about).
bool ReasonChainAt(const FrameInput& in, size_t pos) {
  for (const Marker& m : in.markers) {
    if (m.role != FrameRole::kTargetBefore || m.end > pos || !Glued(in, m.end, pos) ||
        HasClauseBreak(in.text, m.end, pos))
      continue;
    for (const Filler& g : in.fillers)
      if (g.end <= m.begin && Glued(in, g.end, m.begin) &&
          !HasClauseBreak(in.text, g.end, m.begin) &&
          MarkerBefore(in, g.begin, FrameRole::kReasonBefore))
        return true;
  }
  return false;
}

bool IsReasonList(const FrameInput& in, const List& l) {
  return MarkerBefore(in, in.fillers[l.first].begin, FrameRole::kReasonBefore) ||
         MarkerAfter(in, in.fillers[l.last].end, FrameRole::kReasonAfter) ||
         ReasonChainAt(in, in.fillers[l.first].begin);
}

// "To cut its dependence on China, Japan signed ...": a reason list that
// only a Latin comma joins (no and, y, et, und) ends its clause at the
// comma; the names after it start the main clause. (A list of reasons has
// its joiner: "other than China, Russia and Iran".)
std::vector<List> SplitReasonClauses(const FrameInput& in, std::vector<List> lists) {
  std::vector<List> out;
  // An article (it, pt list-joiner l', la, a) starts the next name and joins
  // nothing: "dell'Ucraina, l'Unione europea", "dell'Ucraina l'Unione europea".
  auto is_article = [&](std::string_view word) { return !word.empty() && IsArticle(in, word); };
  for (const List& l : lists) {
    bool joined = false;
    for (const Marker& m : in.markers)  // A word, not a comma (ko's list-joiner ",").
      if (JoinsList(m.role) && m.begin >= in.fillers[l.first].end &&
          m.end <= in.fillers[l.last].begin &&
          !std::ispunct(static_cast<unsigned char>(in.text[m.begin])) &&
          !is_article(in.text.substr(m.begin, m.end - m.begin)))
        joined = true;
    const size_t gap_begin = in.fillers[l.first].end;
    std::string_view gap;
    // (The fillers of a grouping share one span: no gap between them.)
    if (l.last > l.first && in.fillers[l.first + 1].begin >= gap_begin)
      gap = in.text.substr(gap_begin, in.fillers[l.first + 1].begin - gap_begin);
    while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
    while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
    // Or an article alone, the comma left out ("Dall'invasione dell'Ucraina
    // l'Unione europea applica sanzioni").
    const bool comma =
        l.last > l.first && (gap.find(',') != std::string_view::npos || is_article(gap));
    if (joined || !comma || l.split > 0 || !IsReasonList(in, l)) {
      out.push_back(l);
      continue;
    }
    out.push_back({l.first, l.first});
    out.push_back({l.first + 1, l.last});
  }
  return out;
}

// Whether the clause breaks in [from, to) are only commas that set off a
// place or time ("signed in October 2023, in Brussels, by"): each comma is
// followed by a place-before word or by `to` itself, so a comma before a
// second deed ("signed the deal, backed by") still ends the clause.
bool SetOffPlaces(const FrameInput& in, size_t from, size_t to) {
  for (size_t at = from; at < to; ++at) {
    const size_t len = ClauseBreakAt(in.text, at);
    if (len == 0) continue;
    if (CommaAt(in.text, at) != len) return false;
    size_t next = at + len;
    while (next < to && in.text[next] == ' ') ++next;
    if (next == to) continue;
    const bool place = std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& m) {
      return m.role == FrameRole::kPlaceBefore && m.begin == next;
    });
    if (!place) return false;
  }
  return true;
}

// Whether the list at `begin` is the agent of a passive deed: right after an
// agent-before word (by, par, oleh) that follows the trigger in its clause
// ("a memorandum signed in October 2023 by the United States, the EU and
// Angola"): a conjoined actor, every member a party to every other.
bool PassiveAgent(const FrameInput& in, size_t begin) {
  // Characters, not bytes: " في نيودلهي في سبتمبر ٢٠٢٣ " is as far as " in October 2023 ".
  // A date right before the agent word counts as one character: the place
  // is what is far (" al G20 di Nuova Delhi nel settembre 2023 da"); not a
  // date a verb follows ("signed in Santiago on 12 September 2023 was
  // criticised by": another deed's agent).
  constexpr size_t kReach = 40;
  auto chars = [&](size_t from, size_t to) {
    size_t n = CharCount(in.text.substr(from, to - from));
    for (const Span& date : in.dates)
      if (date.begin >= from && date.end > date.begin && date.end <= to &&
          in.text.find_first_not_of(' ', date.end) >= to)
        n -= std::min(n, CharCount(in.text.substr(date.begin, date.end - date.begin)) - 1);
    return n;
  };
  auto near = [&](size_t from, size_t to) {
    return to >= from && to - from <= 6 * kReach && chars(from, to) <= kReach &&
           (!HasClauseBreak(in.text, from, to) || SetOffPlaces(in, from, to));
  };
  auto after_deed = [&](const Marker& m) {
    // The trigger, or a later concluding word ("a memorandum ... was signed").
    for (const Span& d : in.deeds)
      if (near(d.end, m.begin)) return true;
    return near(in.trigger.end, m.begin);
  };
  for (const Marker& m : in.markers)
    if (m.role == FrameRole::kAgentBefore && Glued(in, m.end, begin) && after_deed(m)) return true;
  return false;
}

// The slot the markers around a list give it, if any.
void MarkSlot(const FrameInput& in, List* l) {
  const size_t begin = in.fillers[l->first].begin, end = in.fillers[l->last].end;
  auto set = [&](Slot s) {
    l->has_slot = true;
    l->slot = s;
  };
  if (MarkerBefore(in, begin, FrameRole::kTargetBefore) ||
      MarkerAfter(in, end, FrameRole::kTargetAfter))
    set(Slot::kTarget);  // "tariffs on goods from A, B and C": no actor.
  else if (MarkerBefore(in, begin, FrameRole::kMembersBefore) ||
           MarkerAfter(in, end, FrameRole::kMembersAfter))
    set(Slot::kMember);
  else if (MarkerBefore(in, begin, FrameRole::kPartnerBefore) ||
           MarkerAfter(in, end, FrameRole::kPartnerAfter))
    set(Slot::kPartner);
  else if (MarkerAfter(in, end, FrameRole::kActorAfter) || PassiveAgent(in, begin))
    set(Slot::kActor);
}

// A passive's agent with a partner word inside its list ("quelli già
// firmati dall'Ue con Canada, Ucraina e Namibia", "signed by the EU with
// Canada and Namibia"): two lists, the agent and its partners, not one
// conjoined actor.
void SplitAgentLists(const FrameInput& in, std::vector<List>* lists) {
  std::vector<List> out;
  for (const List& l : *lists)
    if (l.split > l.first && PassiveAgent(in, in.fillers[l.first].begin)) {
      out.push_back({l.first, l.split - 1});
      out.push_back({l.split, l.last});
    } else {
      out.push_back(l);
    }
  *lists = std::move(out);
}

// Capitals and people stand for a government only in a slot or beside
// another member of a list.
bool Counts(const Filler& f, bool slotted) {
  return slotted || f.kind == Filler::Kind::kCountry || f.kind == Filler::Kind::kGroup;
}

void AddPair(const std::string& a, const std::string& b,
             std::set<std::pair<std::string, std::string>>* pairs) {
  if (a != b) pairs->insert(std::minmax(a, b));
}

void AddFills(const FrameInput& in, size_t from, size_t to, Slot slot,
              std::vector<SlotFill>* fills) {
  for (size_t i = from; i <= to; ++i)
    fills->push_back({slot, in.fillers[i].id, in.fillers[i].begin, in.fillers[i].end});
}

// The last colon (":" or "：") in `text`: its offset and length, or {npos, 0}.
std::pair<size_t, size_t> LastColon(std::string_view text) {
  std::pair<size_t, size_t> last{std::string_view::npos, 0};
  for (std::string_view colon : {std::string_view(":"), std::string_view("\xEF\xBC\x9A")})
    if (const size_t at = text.rfind(colon);
        at != std::string_view::npos && (last.first == std::string_view::npos || at > last.first))
      last = {at, colon.size()};
  return last;
}

// Whether text[from, to) is a colon with glue around it ("Casa Branca: Reino
// Unido", "three partners: Japan").
bool IsColonGap(const FrameInput& in, size_t from, size_t to) {
  constexpr size_t kMaxColonGap = 12;  // bytes: ": the ", "： "
  if (to < from || to - from > kMaxColonGap) return false;
  const std::string_view gap = in.text.substr(from, to - from);
  const auto [at, size] = LastColon(gap);
  return at != std::string_view::npos && IsGlueText(in, gap.substr(0, at)) &&
         IsGlueText(in, gap.substr(at + size));
}

// Whether an example word closes the clause that ends at `from` and the list
// at `begin` follows it: "…has agreements, including Chile".
bool ExamplesAfterClause(const FrameInput& in, size_t from, size_t begin) {
  return std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& e) {
    return e.role == FrameRole::kExample && e.begin >= from && e.end <= begin &&
           IsGlueText(in, in.text.substr(from, e.begin - from)) &&
           IsGlueText(in, in.text.substr(e.end, begin - e.end));
  });
}

// Whether an example word (including, such as, 例如) ends right before the
// list at `begin` and follows a noun phrase of no names that a partner word
// opened in the deed's clause ("with 20 countries, including", "mit mehreren
// Ländern geschlossen, darunter"; a comma only right before the example
// word; not "…, a US-led group, alongside members such as").
bool ExamplesOfPartnerPhrase(const FrameInput& in, size_t from, size_t begin) {
  for (const Marker& e : in.markers) {
    if (e.role != FrameRole::kExample || e.begin < from || e.end > begin ||
        !IsGlueText(in, in.text.substr(e.end, begin - e.end)))
      continue;
    size_t phrase_end = e.begin;
    while (phrase_end > from && in.text[phrase_end - 1] == ' ') --phrase_end;
    for (std::string_view comma :
         {",", "\xD8\x8C" /* ، */, "\xEF\xBC\x8C" /* ， */, "\xE3\x80\x81" /* 、 */})
      if (phrase_end >= from + comma.size() &&
          in.text.compare(phrase_end - comma.size(), comma.size(), comma) == 0) {
        phrase_end -= comma.size();
        break;
      }
    for (const Marker& p : in.markers)
      if (p.role == FrameRole::kPartnerBefore && p.end <= phrase_end &&
          !HasClauseBreak(in.text, std::min(p.begin, from), phrase_end) &&
          std::none_of(in.fillers.begin(), in.fillers.end(),
                       [&](const Filler& f) { return f.begin >= p.end && f.end <= phrase_end; }))
        return true;
  }
  return false;
}

// A list after a colon that closes the deed's clause names who the clause
// left unsaid, each for itself: "outros parceiros fecharam acordos com a Casa
// Branca: Reino Unido, Japão e a UE" (the partner is their hub: it acts,
// they are its partners), "The US signed deals with three partners: Japan,
// Korea and the UK" (an actor and no partner named: they are its partners).
// Not when a free list stands before the trigger in its clause: that is the
// actor, and the list after the colon another clause's subject.
void ReadColonList(const FrameInput& in, std::vector<List>& lists) {
  auto has = [&](Slot slot) {
    return std::any_of(lists.begin(), lists.end(),
                       [&](const List& l) { return l.has_slot && l.slot == slot; });
  };
  const bool actor = has(Slot::kActor), partner = has(Slot::kPartner);
  const bool free_before = std::any_of(lists.begin(), lists.end(), [&](const List& k) {
    const size_t end = in.fillers[k.last].end;
    return !k.has_slot && end <= in.trigger.begin &&
           !HasClauseBreak(in.text, end, in.trigger.begin);
  });
  for (size_t i = 0; i < lists.size(); ++i) {
    List& l = lists[i];
    const size_t begin = in.fillers[l.first].begin;
    if (l.has_slot || begin < in.trigger.end) continue;
    // The text before the list, back to the end of the list before it or the trigger.
    const size_t from = i > 0 && in.fillers[lists[i - 1].last].end > in.trigger.end
                            ? in.fillers[lists[i - 1].last].end
                            : in.trigger.end;
    if (i > 0 && lists[i - 1].has_slot && lists[i - 1].slot == Slot::kPartner && !actor &&
        !free_before && IsColonGap(in, from, begin)) {
      lists[i - 1].slot = Slot::kActor;
      l.has_slot = true;
      l.slot = Slot::kPartner;
      return;
    }
    // "with three partners: Japan": the colon ends a noun phrase of no names;
    // "with 20 countries, including Canada": so does an example word after
    // the partner word's noun phrase.
    const size_t colon = LastColon(in.text.substr(from, begin - from)).first;
    if (actor && !partner &&
        ((colon != std::string_view::npos && IsColonGap(in, from + colon, begin) &&
          !HasClauseBreak(in.text, from, from + colon)) ||
         ExamplesOfPartnerPhrase(in, from, begin))) {
      l.has_slot = true;
      l.slot = Slot::kPartner;
      return;
    }
  }
}

// The length of a dash that sets off a phrase ("—", "–") starting at `at`, or 0.
size_t DashAt(std::string_view text, size_t at) {
  for (std::string_view dash : {"\xE2\x80\x94" /* — */, "\xE2\x80\x93" /* – */})
    if (text.compare(at, dash.size(), dash) == 0) return dash.size();
  return 0;
}

// Whether the clause text[from, end) holds the deal: the trigger, a deed or
// another agreement word.
bool ClauseHoldsDeal(const FrameInput& in, size_t from, size_t end) {
  auto inside = [&](const Span& w) { return w.begin >= from && w.end <= end; };
  return inside(in.trigger) || std::any_of(in.deeds.begin(), in.deeds.end(), inside) ||
         std::any_of(in.agreements.begin(), in.agreements.end(), inside);
}

// The number of words in text[from, to) that are not glue (spaces, list
// punctuation, articles).
size_t WordsIn(const FrameInput& in, size_t from, size_t to) {
  size_t words = 0;
  for (size_t at = from; at < to;) {
    const size_t space = in.text.find(' ', at);
    const size_t end = space == std::string_view::npos || space > to ? to : space;
    if (end > at && !IsGlueText(in, in.text.substr(at, end - at))) ++words;
    at = end + 1;
  }
  return words;
}

// Whether text[from, to) is the head noun of an apposition that a relative
// clause follows: a comma or dash, at most three words, no other break, and
// at most a comma before the partner word ("Australia and Japan, countries
// with which", "Australien und Japan, zwei Länder, mit denen", "Австралия и
// Япония — страны, с которыми", "Japan, with which").
bool IsAppositionGap(const FrameInput& in, size_t from, size_t to) {
  constexpr size_t kNounReach = 40;  // bytes: " — две другие страны, "
  constexpr size_t kMaxNounWords = 3;
  if (to < from || to - from > kNounReach) return false;
  while (from < to && in.text[from] == ' ') ++from;
  const size_t open = CommaAt(in.text, from) > 0 ? CommaAt(in.text, from) : DashAt(in.text, from);
  if (open == 0) return false;
  from += open;
  while (to > from && in.text[to - 1] == ' ') --to;
  if (const size_t comma = BreakBefore(in.text, from, to);
      comma != std::string_view::npos && CommaAt(in.text, comma) > 0)
    to = comma;
  return !HasClauseBreak(in.text, from, to) && WordsIn(in, from, to) <= kMaxNounWords;
}

// "With France, Mongolia signed…", "С Францией Улан-Батор подписал…": a
// partner phrase that opens the clause, before the trigger, ends at its last
// name when only a comma or a space joins that name to it: the name acts.
// A last member an "and" joins stays a partner ("With Japan, Korea and
// Australia signed": no actor, abstain); 、 and ， join lists without a word
// (与中国、俄罗斯签署), so only Latin, Cyrillic and Arabic commas split.
void SplitFrontedPartner(const FrameInput& in, std::vector<List>& lists) {
  for (size_t n = 0; n < lists.size(); ++n) {
    const List& l = lists[n];
    if (!l.has_slot || l.slot != Slot::kPartner || l.last == l.first || l.split > 0 ||
        !MarkerBefore(in, in.fillers[l.first].begin, FrameRole::kPartnerBefore))
      continue;
    const Filler &prev = in.fillers[l.last - 1], &last = in.fillers[l.last];
    if (last.begin < prev.end || last.end > in.trigger.begin ||
        HasClauseBreak(in.text, last.end, in.trigger.begin))
      return;
    // The partner word opens the clause: at the sentence's start or right
    // after a break ("Last year, with France, …"; not "Compared with
    // Japan, Korea signed", "Trade with China, Russia…").
    bool opens = false;
    for (const Marker& m : in.markers) {
      if (m.role != FrameRole::kPartnerBefore || m.end > in.fillers[l.first].begin ||
          !IsGlueText(in, in.text.substr(m.end, in.fillers[l.first].begin - m.end)))
        continue;
      size_t at = m.begin;
      while (at > in.sentence.begin && in.text[at - 1] == ' ') --at;
      // After a precedent word ("Selain dengan Australia, Indonesia…").
      for (const Marker& p : in.markers)
        if (p.role == FrameRole::kPrecedentBefore && p.end == at) at = p.begin;
      while (at > in.sentence.begin && in.text[at - 1] == ' ') --at;
      opens = opens || at == in.sentence.begin ||
              BreakBefore(in.text, in.sentence.begin, at) != std::string_view::npos;
    }
    if (!opens) return;
    // The phrase opens the clause: no other list before the trigger.
    for (size_t k = 0; k < lists.size(); ++k)
      if (k != n && in.fillers[lists[k].first].begin < in.trigger.begin) return;
    // Commas, spaces and articles only ("Con la Francia, la Mongolia"): glue
    // whose only marks are commas (CommaAt: Latin and Arabic).
    const std::string_view gap = in.text.substr(prev.end, last.begin - prev.end);
    if (!IsGlueText(in, gap) || WordJoinerIn(in, prev.end, last.begin)) return;
    const auto length = static_cast<int32_t>(gap.size());
    for (int32_t at = 0; at < length;) {
      if (const size_t comma = CommaAt(gap, static_cast<size_t>(at)); comma > 0) {
        at += static_cast<int32_t>(comma);
        continue;
      }
      UChar32 c = 0;
      U8_NEXT(reinterpret_cast<const uint8_t*>(gap.data()), at, length, c);
      if (c < 0 || (c != ' ' && !u_isalpha(c) && c != '\'' && c != 0x2019)) return;
    }
    List actor{l.last, l.last};
    lists[n].last = l.last - 1;
    lists.insert(lists.begin() + static_cast<std::ptrdiff_t>(n) + 1, actor);
    return;
  }
}

// A partner word a relative word follows ("with which", "con los que", "mit
// denen", "с которыми", "avec lesquels") opens a relative clause about the
// deal: the clause's own first list acts (the hub), and the partners are
// the clause's antecedent, each on its own: the list right before its noun
// ("Chile joins Australia and Japan, countries with which the United States
// has agreements": US-AU, US-JP) or, when the noun names no one ("the
// partners with which Canada has agreements, including Chile and Peru"), the
// list after an example word that closes the clause. Only when the trigger
// or another agreement word is in that clause; no antecedent read: nothing
// marked.
void ReadRelativePartners(const FrameInput& in, std::vector<List>& lists) {
  auto list_at = [&](auto pred) -> List* {
    for (List& l : lists)
      if (pred(in.fillers[l.first].begin, in.fillers[l.last].end)) return &l;
    return nullptr;
  };
  for (const Marker& p : in.markers) {
    if (p.role != FrameRole::kPartnerBefore) continue;
    const auto r = std::find_if(in.markers.begin(), in.markers.end(), [&](const Marker& m) {
      return m.role == FrameRole::kRelative && Glued(in, p.end, m.begin);
    });
    if (r == in.markers.end()) continue;
    // The clause ends at its first break, or at a dash that sets off what
    // follows ("partners with which Canada has FTAs — including the EU").
    size_t clause_end = ClauseEndFrom(in.text, r->end, in.sentence.end);
    for (size_t at = r->end; at < clause_end; ++at)
      if (in.text[at] == ' ' && DashAt(in.text, at + 1) > 0) clause_end = at;
    if (!ClauseHoldsDeal(in, r->end, clause_end)) continue;
    List* hub = list_at([&](size_t b, size_t e) { return b >= r->end && e <= clause_end; });
    if (hub == nullptr) continue;
    List* before = nullptr;
    for (List& l : lists)
      if (in.fillers[l.last].end <= p.begin) before = &l;
    if (before != nullptr && !IsAppositionGap(in, in.fillers[before->last].end, p.begin))
      before = nullptr;
    List* after = list_at([&](size_t b, size_t) {
      return b >= clause_end && ExamplesAfterClause(in, clause_end, b);
    });
    List* partners = before != nullptr ? before : after;
    if (partners == nullptr) continue;
    hub->has_slot = partners->has_slot = true;
    hub->slot = Slot::kActor;
    partners->slot = Slot::kPartner;
    hub->split = partners->split = 0;
    return;
  }
}

// 與美國達成協議的日本、南韓與歐盟: an adnominal word right after the deed
// makes the clause describe the list right after it, whose members each
// made the deal with the clause's marked partner (the hub): US-JP, US-KR,
// US-EU, no pair among them. Only with no actor marked.
void ReadAdnominalPartners(const FrameInput& in, std::vector<List>& lists) {
  List* hub = nullptr;
  for (List& l : lists) {
    if (!l.has_slot) continue;
    if (l.slot != Slot::kPartner || hub != nullptr) return;  // An actor, or two partners.
    hub = &l;
  }
  if (hub == nullptr || in.fillers[hub->last].end > in.trigger.begin ||
      HasClauseBreak(in.text, in.fillers[hub->last].end, in.trigger.begin))
    return;
  // The deed's last word: the trigger, or an agreement word after it in its
  // clause (与美国签署协议的: 签署 triggers, 协议 ends the deed).
  auto ends_deed = [&](size_t at) {
    auto right_after = [&](const Span& w) {
      return w.end <= at && at - w.end <= kMaxMarkerGap && w.begin >= in.trigger.begin &&
             !HasClauseBreak(in.text, in.trigger.begin, at) &&
             IsGlueText(in, in.text.substr(w.end, at - w.end));
    };
    return right_after(in.trigger) ||
           std::any_of(in.agreements.begin(), in.agreements.end(), right_after);
  };
  for (const Marker& a : in.markers) {
    if (a.role != FrameRole::kAdnominal || !ends_deed(a.begin)) continue;
    for (List& l : lists)
      if (!l.has_slot && Glued(in, a.end, in.fillers[l.first].begin)) {
        hub->slot = Slot::kActor;
        l.has_slot = true;
        l.slot = Slot::kPartner;
        hub->split = l.split = 0;
        return;
      }
  }
}

// Whether a relative clause right after list `l` (", which", ", che", ",
// qui") holds the deal: the list is its subject whatever stands before it
// ("every country except Britain, which signed a trade deal with
// Washington": a reason for the measure, a party to the deal).
bool ActsInRelativeClause(const FrameInput& in, const List& l) {
  size_t at = in.fillers[l.last].end;
  while (at < in.sentence.end && in.text[at] == ' ') ++at;
  const size_t comma = CommaAt(in.text, at);
  if (comma == 0) return false;
  at += comma;
  while (at < in.sentence.end && in.text[at] == ' ') ++at;
  for (const Marker& r : in.markers) {
    if (r.role != FrameRole::kRelative || r.begin != at) continue;
    return ClauseHoldsDeal(in, r.end, ClauseEndFrom(in.text, r.end, in.sentence.end));
  }
  return false;
}

// Fills of the lists with slots: a hub-split list gives its head to the
// actor and the rest to the partner; the nearest list before the trigger
// with no slot is the actor when no marker named one.
std::vector<SlotFill> FillSlots(const FrameInput& in, std::vector<List>& lists) {
  std::vector<SlotFill> fills;
  auto has = [&](Slot slot) {
    return std::any_of(lists.begin(), lists.end(),
                       [&](const List& l) { return l.has_slot && l.slot == slot; });
  };
  // 日本與南韓…與美方敲定協議: where another list is the marked partner, a
  // partner word inside a list joins a conjoined actor ("and"), it splits
  // no hub from its partners.
  // But a split list joined to the marked partner list by a joiner word
  // repeats the partner marker ("hat die EU mit Kanada, der Ukraine sowie im
  // Oktober mit Sambia unterzeichnet": with A and B, and with C): its hub
  // stays the actor.
  auto coordinated_with_partner = [&](const List& l) {
    for (const List& p : lists) {
      if (!p.has_slot || p.slot != Slot::kPartner) continue;
      const size_t from = in.fillers[l.last].end, to = in.fillers[p.first].begin;
      if (to < from || HasClauseBreak(in.text, from, to)) continue;
      // A joiner that is not the partner word itself (與 is both).
      auto partner_word_at = [&](size_t at) {
        return std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& w) {
          return w.role == FrameRole::kPartnerBefore && w.begin == at;
        });
      };
      for (const Marker& m : in.markers)
        if (JoinsList(m.role) && m.begin >= from && m.end <= to &&
            !std::ispunct(static_cast<unsigned char>(in.text[m.begin])) &&
            !partner_word_at(m.begin))
          return true;
    }
    return false;
  };
  if (has(Slot::kPartner))
    for (List& l : lists)
      if (!l.has_slot && !coordinated_with_partner(l)) l.split = 0;
  // (A partner word inside a marked partner list, "mit den Emiraten und mit
  // Australien", repeats the marker: it splits off no actor.)
  const bool marked_actor =
      has(Slot::kActor) || std::any_of(lists.begin(), lists.end(),
                                       [](const List& l) { return l.split > 0 && !l.has_slot; });
  ReadColonList(in, lists);
  // "the deal reached between the Union and the United States": a members
  // slot names every party; a list before it is not their actor.
  std::vector<size_t> deeds = {in.trigger.begin};
  for (const Span& d : in.deeds)
    if (d.begin > in.trigger.begin) deeds.push_back(d.begin);
  // A marked partner list is the partner of the deed right before it: its
  // actor is read before that deed first ("Serbia is the latest in the
  // agreements programme the UAE launched, having signed similar agreements
  // with India and Turkey": the UAE, not the first name before the first
  // agreement word).
  if (has(Slot::kPartner)) {
    size_t partner_begin = in.text.size();
    for (const List& l : lists)
      if (l.has_slot && l.slot == Slot::kPartner)
        partner_begin = std::min(partner_begin, in.fillers[l.first].begin);
    size_t nearest = 0;
    for (size_t k = 1; k < deeds.size(); ++k)
      if (deeds[k] < partner_begin) nearest = k;
    std::rotate(deeds.begin(), deeds.begin() + static_cast<std::ptrdiff_t>(nearest),
                deeds.begin() + static_cast<std::ptrdiff_t>(nearest) + 1);
  }
  for (size_t k = 0; !marked_actor && !has(Slot::kMember) && !has(Slot::kActor) && k < deeds.size();
       ++k)
    for (auto it = lists.rbegin(); it != lists.rend(); ++it)
      if (!it->has_slot && in.fillers[it->last].end <= deeds[k]) {
        it->has_slot = true;
        it->slot = Slot::kActor;
        break;
      }
  ReadColonList(in, lists);  // Again: the actor found above may have partners after a colon.
  // 카자흐스탄, 우즈베키스탄과 … 맺었고: a partner list whose actor the
  // sentence leaves unsaid (pro-drop, "It also signed with Peru") has the
  // topic the sentence before named alone, when the deed is done.
  if (!has(Slot::kActor) && has(Slot::kPartner) && in.strong && in.topic.has_value() &&
      std::none_of(lists.begin(), lists.end(), [](const List& l) { return l.split > 0; }))
    fills.push_back({Slot::kActor, in.topic->id, in.topic->begin, in.topic->end});
  for (const List& l : lists) {
    if (l.split > 0 && !l.has_slot) {
      AddFills(in, l.first, l.split - 1, Slot::kActor, &fills);
      AddFills(in, l.split, l.last, Slot::kPartner, &fills);
    } else if (l.has_slot) {
      AddFills(in, l.first, l.last, l.slot, &fills);
    }
  }
  return fills;
}

std::vector<std::string> IdsOf(const std::vector<SlotFill>& fills, Slot slot) {
  std::vector<std::string> out;
  for (const SlotFill& f : fills)
    if (f.slot == slot && std::find(out.begin(), out.end(), f.id) == out.end()) out.push_back(f.id);
  return out;
}

// Pairs of the actor/partner frame (header): actors with each other (when no
// partner is named, or `actors_together`: FrameInput::and_with), each actor
// with each partner and each member, members with each other.
std::set<std::pair<std::string, std::string>> SlotPairs(const std::vector<SlotFill>& fills,
                                                        bool actors_together) {
  const std::vector<std::string> actors = IdsOf(fills, Slot::kActor),
                                 partners = IdsOf(fills, Slot::kPartner),
                                 members = IdsOf(fills, Slot::kMember);
  std::set<std::pair<std::string, std::string>> pairs;
  for (size_t i = 0; i < actors.size(); ++i) {
    if (partners.empty() || actors_together)
      for (size_t j = i + 1; j < actors.size(); ++j) AddPair(actors[i], actors[j], &pairs);
    for (const std::string& p : partners) AddPair(actors[i], p, &pairs);
    for (const std::string& m : members) AddPair(actors[i], m, &pairs);
  }
  for (size_t i = 0; i < members.size(); ++i)
    for (size_t j = i + 1; j < members.size(); ++j) AddPair(members[i], members[j], &pairs);
  return pairs;
}

// A grouping beside another party ("China + Central Asia", "the EU and
// Mercosur") pairs its members with that party only: they are not parties to
// one another. Alone, its members pair with each other only when a word
// says the deed is done (the Quad agreed): a grouping is named in background
// ("investors in Central Asia") far more often than it signs.
void DropPairsInsideGroupings(const FrameInput& in,
                              std::set<std::pair<std::string, std::string>>* pairs) {
  std::set<int> groupings;
  for (const Filler& f : in.fillers)
    if (f.grouping > 0) groupings.insert(f.grouping);
  for (int g : groupings) {
    std::set<std::string> members;
    for (const Filler& f : in.fillers)
      if (f.grouping == g) members.insert(f.id);
    const bool outside = std::any_of(pairs->begin(), pairs->end(), [&](const auto& p) {
      return !members.count(p.first) || !members.count(p.second);
    });
    if (!outside && in.strong) continue;
    for (auto it = pairs->begin(); it != pairs->end();)
      it = members.count(it->first) && members.count(it->second) ? pairs->erase(it) : std::next(it);
  }
}

// Longest noun phrase between a target word and the target's name ("on
// most Malaysian goods", 对大部分巴西输美商品).
constexpr size_t kMaxPhrase = 40;

// "日本與南韓在7月下旬先後與美方敲定貿易協議", "Japan and Korea separately
// signed deals with the US": a separately word after a list, in its clause,
// makes each member act on its own: no pair of two of its members.
void DropSeparatePairs(const FrameInput& in, const std::vector<List>& lists,
                       std::set<std::pair<std::string, std::string>>* pairs) {
  for (const List& l : lists) {
    if (l.last == l.first) continue;
    const size_t end = in.fillers[l.last].end;
    // The word speaks of the deed: the deed, its trigger or a partner word
    // comes right after it ("先後與美方敲定", "separately signed"), not
    // another verb ("分别发表视频致辞,祝贺协定签署": each spoke; they signed
    // together).
    constexpr size_t kDeedGap = 12;  // bytes: " have ", "在7月"
    auto deed_after = [&](size_t from) {
      auto close = [&](size_t b) { return b >= from && b - from <= kDeedGap; };
      if (close(in.trigger.begin)) return true;
      for (const Span& d : in.deeds)
        if (close(d.begin)) return true;
      // Or a partner written before its word (일본처럼 멕시코와, 米国などメキシコと).
      return std::any_of(in.markers.begin(), in.markers.end(),
                         [&](const Marker& m) {
                           return m.role == FrameRole::kPartnerBefore && close(m.begin);
                         }) ||
             std::any_of(in.fillers.begin(), in.fillers.end(), [&](const Filler& f) {
               return close(f.begin) && MarkerAfter(in, f.end, FrameRole::kPartnerAfter);
             });
    };
    // Or right after the partner ("미국과 각각 15% 관세에 합의"):
    // each of the list with that partner.
    auto after_partner = [&](size_t at) {
      return std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& p) {
        return p.role == FrameRole::kPartnerAfter && p.end <= at && Glued(in, p.end, at) &&
               std::any_of(in.fillers.begin(), in.fillers.end(), [&](const Filler& f) {
                 return f.begin >= end && f.end <= p.begin && Glued(in, f.end, p.begin);
               });
      });
    };
    const bool separately = std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& m) {
      return m.role == FrameRole::kSeparately && m.begin >= end && m.begin - end <= kMaxPhrase &&
             !HasClauseBreak(in.text, end, m.begin) &&
             (deed_after(m.end) || after_partner(m.begin));
    });
    if (!separately) continue;
    // A hub-split list (中国同巴西、秘鲁分别签署) keeps its hub's pairs: only
    // members on one side of the split are no parties to each other.
    auto side = [&](const std::string& id) {
      for (size_t k = l.first; k <= l.last; ++k)
        if (in.fillers[k].id == id) return l.split > 0 && k >= l.split ? 2 : 1;
      return 0;
    };
    for (auto it = pairs->begin(); it != pairs->end();) {
      const int a = side(it->first), b = side(it->second);
      it = a != 0 && a == b ? pairs->erase(it) : std::next(it);
    }
  }
}
// Longest distance between a measure word and its target word ("a 25%
// tariff on steel and aluminium imports from Canada"; 미국산 석탄과
// 액화천연가스에 15%의 보복 관세: Hangul is three bytes a letter).
constexpr size_t kMaxReach = 120;

bool HasAnyOf(std::string_view text, size_t from, size_t to,
              std::initializer_list<std::string_view> marks) {
  if (to <= from) return false;
  const std::string_view gap = text.substr(from, to - from);
  for (std::string_view mark : marks)
    if (gap.find(mark) != std::string_view::npos) return true;
  return false;
}

// Whether marker `m` speaks of the trigger: close to it, no ";" between.
// The width of `gap` in bytes, except that a letter written in two bytes
// whose lead byte is at most `last_lead` counts one, and so does a letter of
// U+1E00..U+1EFF (three bytes: ệ, ữ).
size_t WidthOf(std::string_view gap, unsigned char last_lead) {
  size_t width = 0;
  for (size_t i = 0; i < gap.size(); ++width) {
    const unsigned char c = static_cast<unsigned char>(gap[i]);
    const unsigned char c1 = i + 1 < gap.size() ? static_cast<unsigned char>(gap[i + 1]) : 0;
    if (c >= 0xC3 && c <= last_lead && c1 != 0)
      i += 2;
    else if (c == 0xE1 && c1 >= 0xB8 && c1 <= 0xBB && i + 2 < gap.size())  // U+1E00..U+1EFF
      i += 3;
    else
      ++i;
  }
  return width;
}

// How far `gap` reaches, in the units kMaxReach counts: bytes, except that a
// Latin letter with a diacritic counts one, as its plain letter does, so
// that Vietnamese (ệ, ữ: three bytes each) reaches as far as English
// ("đối với tế bào quang điện silicon tinh thể, …, nhập khẩu từ"). Other
// scripts keep their bytes: an Arabic or Russian word of two-byte letters, or
// a CJK word of two or three characters, is about as long as an English one.
size_t ReachOf(std::string_view gap) { return WidthOf(gap, 0xC9); }  // U+00C0..U+027F

// The width of a noun phrase's gap: every letter written in two bytes counts
// one (Cyrillic, Greek, Arabic too), so that "на азотные и прочие удобрения
// из" reaches as far as "on nitrogen and other fertilisers from". CJK keep
// their bytes: three a character, as a word of two is long.
size_t LettersOf(std::string_view gap) { return WidthOf(gap, 0xDF); }  // U+00C0..U+07FF

// Whether the relative clause opened by marker `r` (up to its next break,
// within `limit`) holds a verb of imposing ("que Washington cobra", "die
// die USA verhängt haben"): then the clause's subject imposes the measure.
bool RelativeClauseImposes(const FrameInput& in, const Marker& r, size_t limit) {
  const size_t clause_end = ClauseEndFrom(in.text, r.end, limit);
  return std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& v) {
    return v.role == FrameRole::kImposingVerb && v.begin >= r.end && v.end <= clause_end;
  });
}

bool NearTrigger(const FrameInput& in, const Marker& m) {
  const size_t tb = in.trigger.begin, te = in.trigger.end;
  const std::initializer_list<std::string_view> stops = {";", "\xEF\xBC\x9B", "\xE3\x80\x82",
                                                         "\xD8\x9B" /* ؛ */};
  auto near = [&](size_t from, size_t to) {
    return to - from <= 3 * kMaxReach && ReachOf(in.text.substr(from, to - from)) <= kMaxReach &&
           !HasAnyOf(in.text, from, to, stops);
  };
  if (m.begin >= te) return near(te, m.begin);
  if (m.end <= tb) return near(m.end, tb);
  return true;  // Overlaps it ("restricted exports" and "exports to").
}

// Whether a target word points at list `i`: a target-after word right after
// it, or a target-before word opening the noun phrase it stands in (no
// other list between). `near`: only words near the trigger, on its side
// (before it only in `cjk_order`: 对美国加征关税).
bool PointsAt(const FrameInput& in, const std::vector<List>& lists, size_t i, bool near,
              bool cjk_order) {
  const size_t begin = in.fillers[lists[i].first].begin, end = in.fillers[lists[i].last].end;
  const size_t prev_end = i == 0 ? in.sentence.begin : in.fillers[lists[i - 1].last].end;
  // Free word order puts the target's phrase before the measure word, in its
  // clause, with only the measure's adjectives between, no other list and no
  // list joiner ("ввели против России масштабные санкции", "verhängten gegen
  // Russland umfassende Sanktionen"; "الحرب الروسية على أوكرانيا والعقوبات": the
  // war's target, then another noun).
  // The imposer a verb names after itself may stand between them ("Gegen
  // Russland verhängte die EU Sanktionen", "Санкции против России ввели США"
  // is the other order): no other list.
  auto no_list_between = [&]() {
    for (size_t k = i + 1; k < lists.size() && in.fillers[lists[k].first].begin < in.trigger.begin;
         ++k)
      if (!MarkerBefore(in, in.fillers[lists[k].first].begin, FrameRole::kActorBefore))
        return false;
    return true;
  };
  const bool before_trigger =
      near && end <= in.trigger.begin && in.trigger.begin - end <= kMaxPhrase &&
      no_list_between() && !HasClauseBreak(in.text, end, in.trigger.begin) &&
      std::none_of(in.markers.begin(), in.markers.end(), [&](const Marker& j) {
        return j.role == FrameRole::kListJoiner && j.begin >= end && j.end <= in.trigger.begin;
      });
  for (const Marker& m : in.markers) {
    if (near && !NearTrigger(in, m)) continue;
    if (m.role == FrameRole::kTargetAfter && Glued(in, end, m.begin)) return true;
    // Of a measure on exports, a word of imports ("interest from the
    // United States", "a challenge from the EU") names no target; the list
    // after it still imposes nothing (not `near`).
    if (near && m.imports_only && in.export_measure) continue;
    // A destination word (в, para os, agli: too common to mark anything
    // else) is a target word of an export measure after its word only, and
    // only the first one after it that a name follows: "ограничила поставки
    // урана в США" (also past the commas of a list of goods), not "в США
    // действует запрет" nor "… в США, поскольку в Японии растёт спрос".
    auto names_after = [&](const Marker& d) {
      return std::any_of(in.fillers.begin(), in.fillers.end(),
                         [&](const Filler& x) { return Glued(in, d.end, x.begin); });
    };
    // So is a dative word (alla, à la) of a measure imposed on someone:
    // "sanzioni alla Russia", "des droits au Canada".
    const FrameRole after_word_role =
        in.export_measure ? FrameRole::kDestinationBefore : FrameRole::kDativeBefore;
    // Not past a colon, whose phrase is a heading's other half ("Trung Quốc
    // kiểm soát xuất khẩu gali: Cơ hội nào cho Việt Nam?").
    const bool destination =
        m.role == after_word_role && m.begin >= in.trigger.end &&
        LastColon(in.text.substr(in.trigger.end, m.begin - in.trigger.end)).second == 0 &&
        std::none_of(in.markers.begin(), in.markers.end(), [&](const Marker& d) {
          return d.role == after_word_role && d.begin >= in.trigger.end && d.end <= m.begin &&
                 names_after(d);
        });
    if ((m.role != FrameRole::kTargetBefore && !destination) || m.end > begin ||
        m.begin < prev_end || begin - m.end > 2 * kMaxPhrase ||
        LettersOf(in.text.substr(m.end, begin - m.end)) > kMaxPhrase ||
        HasClauseBreak(in.text, m.end, begin))
      continue;
    // A dative is the measure's own only near its word and right before the
    // name ("dazi del 25% al Canada"; not "…, pronta a offrire agli americani"),
    // or before the noun an adjective of a country follows ("une surtaxe aux
    // véhicules électriques chinois"; not "à l'entrée du marché européen").
    if (m.role == FrameRole::kDativeBefore &&
        (m.begin - in.trigger.end > kMaxPhrase ||
         !(Glued(in, m.end, begin) ||
           (in.fillers[lists[i].first].demonym && NounBeforeAdjective(in, m.end, begin)))))
      continue;
    // A background verb between them opens a phrase of its own: "careful not
    // to breach US sanctions on Russia" (the US imposes, "to" is no target word);
    // a relative word whose clause holds a verb of imposing ends the noun
    // phrase ("as tarifas sobre aço que Washington cobra": the clause's
    // subject imposes; "tariffs on steel that Canada exports" keeps Canada),
    // unless it is also an article ("auf die meisten indonesischen Waren").
    auto relative = [&](const Marker& b) {
      return b.role == FrameRole::kRelative &&
             !IsGlueText(in, in.text.substr(b.begin, b.end - b.begin)) &&
             RelativeClauseImposes(in, b, in.sentence.end);
    };
    // So does a word of importing: "sulle automobili importati negli Stati
    // Uniti" names where the cars go, whose government imposes. So does a
    // precedent word: "wants to diversify its markets after Beijing imposed
    // tariffs" (Beijing is the subject of its own clause, not a target of "to").
    if (std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& b) {
          return b.begin >= m.end && b.end <= begin &&
                 (b.role == FrameRole::kBackgroundBefore || b.role == FrameRole::kImporterBefore ||
                  b.role == FrameRole::kPrecedentBefore || relative(b));
        }))
      continue;
    // After the trigger's start: a pattern trigger may hold its target
    // (限制了对华半导体出口).
    if (!near || m.begin >= in.trigger.begin || (cjk_order && end <= in.trigger.begin)) return true;
    // Free word order (before_trigger, above): the name right after the
    // word ("против которой Евросоюз санкций не вводил": the target is the
    // firm the pronoun stands for).
    if (before_trigger && IsGlueText(in, in.text.substr(m.end, begin - m.end))) return true;
  }
  return false;
}

// A target verb before the trigger (face, pay, pagano, chịu, dikenai), in
// its clause: "Solar cells from China have faced American duties", "hàng hóa
// Việt Nam nhập khẩu vào Mỹ phải chịu mức thuế". The first list of the verb's
// clause is its subject, the measure's target (returned true); a later list
// before the verb is where the goods go ("entering the US", vào Mỹ, ke
// Amerika Serikat), whose government imposes: it is no target, free to act.
// Lists of the clauses before the verb's are another subject's: they neither
// impose nor suffer this measure (reason). Without such a verb, nothing changes.
std::vector<bool> ReadTargetVerb(const FrameInput& in, const std::vector<List>& lists,
                                 const std::vector<bool>& actor_marked, std::vector<bool>* reason,
                                 std::vector<bool>* targeted) {
  std::vector<bool> subject(lists.size());
  const Marker* verb = nullptr;
  for (const Marker& m : in.markers)
    if (m.role == FrameRole::kTargetVerb && m.end <= in.trigger.begin &&
        in.trigger.begin - m.end <= kMaxReach && !HasClauseBreak(in.text, m.end, in.trigger.begin))
      verb = &m;
  if (verb == nullptr) return subject;
  size_t clause_begin = in.sentence.begin;
  for (size_t at = in.sentence.begin; at < verb->begin; ++at)
    if (const size_t len = ClauseBreakAt(in.text, at); len > 0) clause_begin = at + len;
  // A reported clause begins after its complementizer ("Trump announced that
  // …"): the verb's subject is after it; the speaker before it stays free to
  // impose (not a reason, as the lists of an earlier clause are).
  size_t subject_begin = clause_begin;
  for (const Marker& m : in.markers)
    if (m.role == FrameRole::kComplementizer && m.end <= verb->begin && m.end > subject_begin)
      subject_begin = m.end;
  // An adjective's subject is the list right before it, whatever came
  // earlier in the clause ("القرار الهندي … الذهب الروسي خاضعاً لحظر": the
  // gold is subject to the ban, the Indian decision is another phrase's).
  size_t glued = lists.size();
  for (size_t i = 0; verb->adjacent && i < lists.size(); ++i)
    if (!actor_marked[i] && !(*reason)[i] && in.fillers[lists[i].first].begin >= clause_begin &&
        Glued(in, in.fillers[lists[i].last].end, verb->begin))
      glued = i;
  bool first = true;
  for (size_t i = 0; i < lists.size(); ++i) {
    const size_t begin = in.fillers[lists[i].first].begin, end = in.fillers[lists[i].last].end;
    // Verb before subject (ar): the lists between the verb and the measure
    // word are read as those before it ("وتواجه الصادرات الباكستانية إلى
    // الولايات المتحدة رسوماً": Pakistan suffers, the United States imposes).
    // A list after a destination word there is where the goods go: no
    // subject; a country's name there is free to impose ("إلى الولايات
    // المتحدة"), a market's adjective ("إلى الأسواق الأوروبية") names no
    // one. Another list between the verb and the measure word is a second
    // subject's or a modifier's: neither suffers nor imposes.
    const bool after_verb = in.verb_subject && begin >= verb->end && end <= in.trigger.begin;
    const bool demonym = in.fillers[lists[i].first].demonym;
    const bool destination =
        after_verb && std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& m) {
          return m.role == FrameRole::kDestinationBefore && m.end <= begin &&
                 (Glued(in, m.end, begin) || (demonym && NounBeforeAdjective(in, m.end, begin)));
        });
    if (destination) {
      (*targeted)[i] = false;
      (*reason)[i] = demonym;
      continue;
    }
    if (after_verb && !actor_marked[i] && !(*reason)[i]) {
      if (first)
        subject[i] = (*targeted)[i] = true;
      else
        (*reason)[i] = true;
      first = false;
      continue;
    }
    if (end > verb->begin || actor_marked[i] || (*reason)[i]) continue;
    if (begin < clause_begin || (glued < lists.size() && i < glued && begin >= subject_begin)) {
      (*reason)[i] = true;
    } else if (begin < subject_begin) {
      continue;  // The speaker's clause.
    } else if (first) {
      subject[i] = true;
      (*targeted)[i] = true;
      first = false;
    } else {
      (*targeted)[i] = false;
    }
  }
  return subject;
}

// Whether `text` starts with an upper-case letter (Chinese: no; Arabic,
// which has no case: no).
bool StartsWithCapital(std::string_view text) {
  if (text.empty()) return false;
  UChar32 c = 0;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_isupper(c);
}

void AddCountries(const FrameInput& in, const List& l, Slot slot, bool people,
                  const std::function<bool(const Filler&)>* can_act, std::vector<SlotFill>* out) {
  for (size_t k = l.first; k <= l.last; ++k) {
    const Filler& f = in.fillers[k];
    if (!people && f.kind == Filler::Kind::kPerson) continue;
    if (can_act != nullptr && !(*can_act)(f)) continue;
    out->push_back({slot, f.id, f.begin, f.end});
  }
}

// The countries a target list names, which then impose nothing in the
// part. A company's home is not among them: in "Chile aplica sobretasas al
// acero chino y Huachipato" the list holds a Chilean company, and Chile
// still acts (a measure never targets its own imposer: the reader drops
// that pair).
void AddTargetIds(const FrameInput& in, const List& l, std::vector<std::string>* ids) {
  for (size_t k = l.first; k <= l.last; ++k)
    if (in.fillers[k].kind != Filler::Kind::kCompany) AddUnique(ids, in.fillers[k].id);
}

// Whether list `l` is followed by a precedent-after word, or follows a
// precedent-before word and closes its clause
// ("…, after China, Russia and Japan."): a list going on into a clause of its
// own ("after China imposed controls") is something else.
bool ClosesClause(const FrameInput& in, const List& l) {
  size_t at = in.fillers[l.last].end;
  // A spaced dash opens an aside on the last member ("… and the United
  // States – which upgraded ties in September"): read from its space.
  if (ClauseBreakAt(in.text, at) > 0) return true;
  while (at < in.sentence.end && in.text[at] == ' ') ++at;
  return at >= in.sentence.end || ClauseBreakAt(in.text, at) > 0 || in.text[at] == '.';
}

bool IsPrecedentList(const FrameInput& in, const List& l) {
  // Where the list comes before its word (に続き, 에 이어), the word closes it.
  if (MarkerAfter(in, in.fillers[l.last].end, FrameRole::kPrecedentAfter)) return true;
  return MarkerBefore(in, in.fillers[l.first].begin, FrameRole::kPrecedentBefore) &&
         ClosesClause(in, l);
}

// Where the clause of a precedent-before word that holds list `l` starts
// (npos if none): the word opens a clause that ends with the list after a
// partner word (", after the country signed similar deals with Indonesia,
// Cambodia and Vietnam", "، بعد أن وقّعت الدولة اتفاقيات مماثلة مع إندونيسيا
// وكمبوديا وفيتنام"). Its deal is another one, between the clause's own
// subject (a pronoun or a noun for the hub, or another country) and the
// list; whom a pronoun stands for the sentence does not say.
size_t PrecedentClauseAt(const FrameInput& in, const List& l) {
  constexpr size_t kClauseReach = 90;  // bytes: " أن وقّعت الدولة اتفاقيات مماثلة مع "
  const size_t first = in.fillers[l.first].begin;
  if (!MarkerBefore(in, first, FrameRole::kPartnerBefore) || !ClosesClause(in, l))
    return std::string_view::npos;
  for (const Marker& m : in.markers) {
    if (m.role != FrameRole::kPrecedentBefore || m.end > first || first - m.end > kClauseReach ||
        HasClauseBreak(in.text, m.end, first))
      continue;
    size_t open = m.begin;  // The word opens its clause: a break right before it.
    while (open > in.sentence.begin && in.text[open - 1] == ' ') --open;
    for (size_t back = 1; back <= 3 && open - in.sentence.begin >= back; ++back)
      if (ClauseBreakAt(in.text, open - back) == back) return m.begin;
  }
  return std::string_view::npos;
}

// The hub of the one pair read (the member that is not the actor, else the
// one nearest before the precedent word) with each earlier partner.
void AddPrecedents(const FrameInput& in, const std::vector<List>& precedents,
                   const std::vector<std::string>& actors, FrameReading* out,
                   std::set<std::pair<std::string, std::string>>* pairs) {
  // Named copies, not a structured binding: lambdas capture them (C++17).
  const std::string a = pairs->begin()->first;
  const std::string b = pairs->begin()->second;
  // A list before both members ("Besides Japan, India signed with
  // Australia") names more partners of the actor, whose pairs the sentence
  // does not say for sure: abstain.
  const size_t list_begin = in.fillers[precedents.front().first].begin;
  const bool before_pair = std::none_of(in.fillers.begin(), in.fillers.end(), [&](const Filler& f) {
    return (f.id == a || f.id == b) && f.end <= list_begin;
  });
  if (before_pair) return;
  const bool a_acts = std::find(actors.begin(), actors.end(), a) != actors.end();
  const bool b_acts = std::find(actors.begin(), actors.end(), b) != actors.end();
  // A list closed by its word (中国、ロシアに続き, 칠레, 페루에 이어) follows the hub
  // it speaks of ("한국은 칠레, 페루에 이어 인도네시아와 체결"): the nearest member
  // before it, whoever acts.
  // An ordinal in the sentence ("다섯 번째 회원국", 5番目の国) makes the list
  // the actor's peers instead: they pair with the one that is not the actor.
  // Only after the list's word, and not counting deals ("세 번째 FTA를
  // 체결했다", 3番目の協定: the actor's own third deal).
  constexpr size_t kCountsDeal = 8;  // bytes: " ", "の", "째 "
  const size_t list_end = in.fillers[precedents.front().last].end;
  const bool ordinal = std::any_of(in.markers.begin(), in.markers.end(), [&](const Marker& m) {
    return m.role == FrameRole::kOrdinal && m.begin >= list_end &&
           std::none_of(in.agreements.begin(), in.agreements.end(), [&](const Span& a) {
             return a.begin >= m.end && a.begin - m.end <= kCountsDeal;
           });
  });
  const bool closed_after = !ordinal && MarkerAfter(in, in.fillers[precedents.front().last].end,
                                                    FrameRole::kPrecedentAfter);
  std::string hub = closed_after ? "" : a_acts && !b_acts ? b : b_acts && !a_acts ? a : "";
  if (hub.empty()) {
    const size_t marker = in.fillers[precedents.front().first].begin;
    size_t nearest = 0;
    for (const Filler& f : in.fillers)
      if ((f.id == a || f.id == b) && f.end <= marker && f.end >= nearest) {
        nearest = f.end;
        hub = f.id;
      }
  }
  if (hub.empty()) return;
  for (const List& l : precedents) {
    for (size_t i = l.first; i <= l.last; ++i) AddPair(hub, in.fillers[i].id, pairs);
    AddFills(in, l.first, l.last, Slot::kPartner, &out->fills);
  }
}

}  // namespace

const char* SlotName(Slot slot) {
  switch (slot) {
    case Slot::kActor:
      return "actor";
    case Slot::kPartner:
      return "partner";
    case Slot::kMember:
      return "member";
    case Slot::kTarget:
      return "target";
  }
  return "";
}

namespace {

// A dash set off by spaces (" – ", " — "; not the joined one of "EU–China")
// at `at`: its length.
size_t SpacedDashAt(std::string_view text, size_t at) {
  for (std::string_view dash : {" \xE2\x80\x93 " /* – */, " \xE2\x80\x94 " /* — */})
    if (text.compare(at, dash.size(), dash) == 0) return dash.size();
  return 0;
}

// A spaced dash that ends a clause ("EU-Strafzölle in Kraft – Peking droht"):
// its length, or 0 for one of a pair that sets an aside off within its
// sentence and 400 bytes ("i dazi annunciati da Trump — il 20% per le merci Ue — sono
// stati sospesi").
size_t LoneDashAt(std::string_view text, size_t at) {
  const size_t n = SpacedDashAt(text, at);
  if (n == 0) return 0;
  auto sentence_end = [&](size_t i) {
    const char c = text[i];
    return c == '\n' ||
           ((c == '.' || c == '!' || c == '?') && i + 1 < text.size() && text[i + 1] == ' ') ||
           text.compare(i, 3, "\xE3\x80\x82") == 0 /* 。 */ ||
           text.compare(i, 3, "\xEF\xBC\x81") == 0 /* ！ */ ||
           text.compare(i, 3, "\xEF\xBC\x9F") == 0 /* ？ */;
  };
  // An aside's dashes stand within kReach bytes of each other (a bound that
  // keeps one dash in a long run of text from costing a scan of it all).
  constexpr size_t kReach = 400;
  const size_t last = std::min(text.size(), at + n + kReach);
  for (size_t i = at + n; i < last && !sentence_end(i); ++i)
    if (SpacedDashAt(text, i) > 0) return 0;
  const size_t first = at > kReach ? at - kReach : 0;
  for (size_t i = at; i-- > first && !sentence_end(i);)
    if (SpacedDashAt(text, i) > 0) return 0;
  return n;
}

}  // namespace

size_t ClauseBreakAt(std::string_view text, size_t at) {
  if (at >= text.size()) return 0;
  // Every break starts with one of these bytes, a spaced dash with its
  // space: most calls, one per byte of a clause, end here.
  switch (static_cast<unsigned char>(text[at])) {
    case ' ':
      return LoneDashAt(text, at);
    case ',':
    case ':':
      // A comma or colon between digits is part of a number or a time
      // ("29,8 milliards", "1,000 tonnes", "10:30"), no break.
      if (at > 0 && at + 1 < text.size() &&
          std::isdigit(static_cast<unsigned char>(text[at - 1])) &&
          std::isdigit(static_cast<unsigned char>(text[at + 1])))
        return 0;
      break;
    case ';':
    case 0xEF:
    case 0xE3:
    case 0xD8:
      break;
    default:
      return 0;
  }
  static const std::string_view kBreaks[] = {",",
                                             ";",
                                             ":",
                                             "\xEF\xBC\x8C" /* ， */,
                                             "\xEF\xBC\x9B" /* ； */,
                                             "\xE3\x80\x81" /* 、 */,
                                             "\xE3\x80\x82" /* 。 */,
                                             "\xEF\xBC\x9A" /* ： */,
                                             "\xD8\x8C" /* Arabic comma ، */,
                                             "\xD8\x9B" /* Arabic semicolon ؛ */};
  for (std::string_view mark : kBreaks)
    if (text.compare(at, mark.size(), mark) == 0) return mark.size();
  return 0;
}

size_t CommaAt(std::string_view text, size_t at) {
  if (at >= text.size()) return 0;
  if (text[at] == ',') return 1;
  return text.compare(at, 2, "\xD8\x8C") == 0 ? 2 : 0;
}

bool HasClauseBreak(std::string_view text, size_t from, size_t to) {
  for (size_t at = from; at < to && at < text.size(); ++at)
    if (ClauseBreakAt(text, at) > 0) return true;
  return false;
}

size_t ClauseEndFrom(std::string_view text, size_t from, size_t limit) {
  limit = std::min(limit, text.size());
  size_t at = from;
  while (at < limit && ClauseBreakAt(text, at) == 0) ++at;
  return std::min(at, limit);
}

size_t ClauseStartBefore(std::string_view text, size_t from, size_t at) {
  size_t start = from;
  for (size_t pos = from; pos < at; ++pos)
    if (const size_t n = ClauseBreakAt(text, pos); n > 0) {
      start = pos + n;
      pos += n - 1;
    }
  return start;
}

size_t BreakBefore(std::string_view text, size_t from, size_t at) {
  while (at > from && text[at - 1] == ' ') --at;
  constexpr size_t kLongestBreak = 3;  // bytes: "，"
  for (size_t len = 1; len <= kLongestBreak && at >= from + len; ++len)
    if (ClauseBreakAt(text, at - len) == len) return at - len;
  return std::string_view::npos;
}

size_t SemicolonAt(std::string_view text, size_t at) {
  // Every mark starts with one of these bytes: most calls end here.
  if (at >= text.size()) return 0;
  const unsigned char lead = static_cast<unsigned char>(text[at]);
  if (lead != ';' && lead != 0xEF && lead != 0xD8) return 0;
  for (std::string_view mark : {";", "\xEF\xBC\x9B" /* ； */, "\xD8\x9B" /* ؛ */})
    if (text.compare(at, mark.size(), mark) == 0) return mark.size();
  return 0;
}

bool MarkedAsPartner(const FrameInput& in, const Filler& f) {
  return MarkerBefore(in, f.begin, FrameRole::kPartnerBefore) ||
         MarkerAfter(in, f.end, FrameRole::kPartnerAfter);
}

bool IsReason(const FrameInput& in, const Filler& f) {
  return MarkerBefore(in, f.begin, FrameRole::kReasonBefore) ||
         MarkerAfter(in, f.end, FrameRole::kReasonAfter);
}

namespace {

using PairSet = std::set<std::pair<std::string, std::string>>;

// A forum's members (the G7) are no parties of an agreement: named beside
// others ("cooperated with G7 countries and Australia") nor alone ("G7
// leaders agreed an action plan"): a forum's communiqué is no deal of each
// two members (blind gold of 27 rounds never paired them; r27 had 21 such
// false pairs from one "agreed to explore"). Its members still act together
// in a measure (the G7's sanctions, MeasureFrameOf).
FrameInput WithoutForums(const FrameInput& frame) {
  FrameInput in = frame;
  in.fillers.erase(
      std::remove_if(in.fillers.begin(), in.fillers.end(), [](const Filler& f) { return f.forum; }),
      in.fillers.end());
  return in;
}

// "日本が同様の協定を結ぶのは、オーストラリア、英国に続き3カ国目": no pair
// read, and the rest of the sentence names one country: the hub, with each
// earlier partner.
void AddLoneHubPrecedents(const FrameInput& in, const std::vector<List>& lists,
                          const std::vector<List>& precedents, FrameReading* out,
                          PairSet* pairs) {
  const Filler* hub = nullptr;
  for (const List& l : lists)
    for (size_t i = l.first; i <= l.last; ++i) {
      if (hub != nullptr && hub->id != in.fillers[i].id) return;
      hub = &in.fillers[i];
    }
  if (hub == nullptr) return;
  out->fills.push_back({Slot::kActor, hub->id, hub->begin, hub->end});
  for (const List& l : precedents) {
    for (size_t i = l.first; i <= l.last; ++i) AddPair(hub->id, in.fillers[i].id, pairs);
    AddFills(in, l.first, l.last, Slot::kPartner, &out->fills);
  }
}

// The hub's earlier partners are read apart, once the rest has its pair:
// taken out of `lists` and returned.
// A precedent clause's lists (its subject and partners) are read in no
// pair: the reader abstains from the clause.
std::vector<List> TakePrecedents(const FrameInput& in, std::vector<List>* lists) {
  std::vector<List> precedents;
  std::vector<Span> clauses;  // From the precedent word to the list's end.
  for (const List& l : *lists)
    if (const size_t at = PrecedentClauseAt(in, l); at != std::string_view::npos)
      clauses.push_back({at, in.fillers[l.last].end});
  lists->erase(std::remove_if(lists->begin(), lists->end(),
                              [&](const List& x) {
                                return std::any_of(clauses.begin(), clauses.end(),
                                                   [&](const Span& c) {
                                                     return in.fillers[x.first].begin >= c.begin &&
                                                            in.fillers[x.last].end <= c.end;
                                                   });
                              }),
               lists->end());
  for (auto it = lists->begin(); it != lists->end();)
    if (IsPrecedentList(in, *it)) {
      precedents.push_back(*it);
      it = lists->erase(it);
    } else {
      ++it;
    }
  return precedents;
}

// Every member the sentence names, as fills of the members slot; each two
// of them a pair.
void ReadAllMembers(const FrameInput& in, const std::vector<List>& lists, FrameReading* out,
                    PairSet* pairs) {
  // "…da tutti i Paesi, Regno Unito escluso; la dichiarazione congiunta
  // Ue-Usa…": a semicolon between a name and the trigger ends the name's
  // clause; it is no member of the trigger's.
  auto semicolon_between = [&](size_t from, size_t to) {
    for (size_t at = from; at < to; ++at)
      if (SemicolonAt(in.text, at) > 0) return true;
    return false;
  };
  for (const List& l : lists) {
    const size_t list_begin = in.fillers[l.first].begin, list_end = in.fillers[l.last].end;
    if (list_end <= in.trigger.begin ? semicolon_between(list_end, in.trigger.begin)
                                     : semicolon_between(in.trigger.end, list_begin))
      continue;
    for (size_t i = l.first; i <= l.last; ++i)
      if (Counts(in.fillers[i], l.has_slot || l.last > l.first))
        out->fills.push_back(
            {Slot::kMember, in.fillers[i].id, in.fillers[i].begin, in.fillers[i].end});
  }
  const std::vector<std::string> ids = IdsOf(out->fills, Slot::kMember);
  for (size_t i = 0; i < ids.size(); ++i)
    for (size_t j = i + 1; j < ids.size(); ++j) AddPair(ids[i], ids[j], pairs);
}

// The slots' fills and pairs; `actors` gets the actor slot's ids.
void ReadFilledSlots(const FrameInput& in, std::vector<List>& lists, FrameReading* out,
                     std::vector<std::string>* actors, PairSet* pairs) {
  out->fills = FillSlots(in, lists);
  *actors = IdsOf(out->fills, Slot::kActor);
  *pairs = SlotPairs(out->fills, in.and_with);
  // "日本首相和菲律宾总统…与美国总统举行三方峰会": a conjoined actor of a
  // members word (trilateral, joint) with its partner are all members.
  // "signed a trilateral memorandum with the DRC and Zambia": an actor and
  // two partners of a word that counts three are the three parties, when
  // the word stands after the trigger, in the clause of the one partner list
  // (before it, or after it: "وقّعت مع الاتحاد الأوروبي وإسرائيل … مذكرة تفاهم
  // ثلاثية"; not "a deal with India, ahead of a trilateral summit with
  // Australia", nor "трёхстороннее соглашение с Китаем и … с Монголией").
  std::vector<std::string> ids = IdsOf(out->fills, Slot::kActor);
  for (const std::string& p : IdsOf(out->fills, Slot::kPartner)) AddUnique(&ids, p);
  const List* partners = nullptr;
  size_t partner_lists = 0;
  for (const List& l : lists)
    if (l.has_slot && l.slot == Slot::kPartner) {
      partners = &l;
      ++partner_lists;
    }
  bool three = in.three.end > 0 && ids.size() == 3 && partner_lists == 1 &&
               in.three.begin >= in.trigger.begin;
  if (three) {
    const size_t list_begin = in.fillers[partners->first].begin,
                 list_end = in.fillers[partners->last].end;
    three = in.three.end <= list_begin
                ? !HasClauseBreak(in.text, in.three.end, list_begin)
                : in.three.begin >= list_end && !HasClauseBreak(in.text, list_end, in.three.begin);
  }
  if (in.slots == FrameSlots::kMembers && (IdsOf(out->fills, Slot::kActor).size() >= 2 || three))
    for (size_t i = 0; i < ids.size(); ++i)
      for (size_t j = i + 1; j < ids.size(); ++j) AddPair(ids[i], ids[j], pairs);
}

// No slot gave a pair: the sentence's two parties, when it names exactly
// two (a compound, 日米協定, or "Japan-India pact"); a grouping's members
// are one party ("liées à l'UE…, les deux pays": the EU with each).
void ReadTwoParties(const FrameInput& in, const std::vector<List>& lists, FrameReading* out,
                    PairSet* pairs) {
  std::vector<std::vector<const Filler*>> parties;  // Each: one id, or one grouping.
  for (const List& l : lists)
    for (size_t i = l.first; i <= l.last; ++i) {
      const Filler& f = in.fillers[i];
      if (!Counts(f, false)) continue;
      auto same = std::find_if(parties.begin(), parties.end(), [&](const auto& party) {
        return f.grouping > 0 ? party.front()->grouping == f.grouping
                              : party.front()->grouping == 0 && party.front()->id == f.id;
      });
      if (same == parties.end())
        parties.push_back({&f});
      else if (f.grouping > 0)
        same->push_back(&f);
    }
  // "Kazakhstan ... the Central Asian republics": a grouping beside one of
  // its own members is no second party.
  const bool nested = parties.size() == 2 && std::any_of(parties.begin(), parties.end(), [&](
                                                 const auto& party) {
    const auto& other = &party == &parties[0] ? parties[1] : parties[0];
    return party.front()->grouping > 0 && other.front()->grouping == 0 &&
           std::any_of(party.begin(), party.end(),
                       [&](const Filler* m) { return m->id == other.front()->id; });
  });
  // "exportações do Mercosul para os mercados europeus": a bloc beside a
  // market named by its adjective is where goods go, no second party.
  const bool bloc_and_adjective =
      parties.size() == 2 && std::any_of(parties.begin(), parties.end(), [&](const auto& party) {
        const auto& other = &party == &parties[0] ? parties[1] : parties[0];
        return party.front()->grouping > 0 && other.front()->grouping == 0 &&
               other.front()->demonym;
      });
  if (parties.size() != 2 || nested || bloc_and_adjective) return;
  // "…countries with which Washington has a free trade agreement; Indonesia
  // has none": a semicolon between the two ends the first one's clause.
  const size_t first_end = parties[0].front()->end, second_begin = parties[1].front()->begin;
  for (size_t at = first_end; at < second_begin; ++at)
    if (SemicolonAt(in.text, at) > 0) return;
  out->fills.clear();
  for (const Filler* a : parties[0])
    for (const Filler* b : parties[1]) AddPair(a->id, b->id, pairs);
  for (const auto& party : parties)
    for (const Filler* p : party) out->fills.push_back({Slot::kMember, p->id, p->begin, p->end});
}

// Whether text[from, to) is glue and at most one other word ("neighbouring",
// "la vecina"), no clause break.
bool AtMostOneWord(const FrameInput& in, size_t from, size_t to) {
  constexpr size_t kReach = 32;  // bytes
  if (to < from || to - from > kReach || HasClauseBreak(in.text, from, to)) return false;
  return WordsIn(in, from, to) <= 1;
}

// "… y en Bolivia la estatal YLB firmó un acuerdo con un consorcio": a
// partner word in the trigger's clause, with no name right after it (an
// adjective may stand between: "with neighbouring Zambia"), says the deal's
// partner is no country (a company, "its neighbours"): the two names of the
// sentence are no pair.
bool PartnerNotACountry(const FrameInput& in) {
  for (const Marker& m : in.markers) {
    if (m.role != FrameRole::kPartnerBefore) continue;
    const size_t from = std::min(m.begin, in.trigger.begin), to = std::max(m.end, in.trigger.end);
    if (HasClauseBreak(in.text, from, to)) continue;
    const bool named = std::any_of(in.fillers.begin(), in.fillers.end(), [&](const Filler& f) {
      return f.begin >= m.end && AtMostOneWord(in, m.end, f.begin);
    });
    if (!named) return true;
  }
  return false;
}

}  // namespace

FrameReading ReadAgreementFrame(const FrameInput& frame) {
  const FrameInput in = WithoutForums(frame);
  std::vector<List> lists = SplitReasonClauses(in, CoordinatedLists(in));
  lists.erase(std::remove_if(lists.begin(), lists.end(),
                             [&](const List& l) {
                               return IsReasonList(in, l) && !ActsInRelativeClause(in, l);
                             }),
              lists.end());
  const std::vector<List> precedents = TakePrecedents(in, &lists);
  SplitAgentLists(in, &lists);
  for (List& l : lists) MarkSlot(in, &l);
  // "eine Absichtserklärung über einen Korridor zwischen Indien, dem Nahen
  // Osten und Europa": a members slot names two sides at least; one country
  // there beside regions describes what the deal is about, not who signs it
  // (its parties are named elsewhere, or not at all).
  lists.erase(std::remove_if(lists.begin(), lists.end(),
                             [&](const List& l) {
                               return l.has_slot && l.slot == Slot::kMember && OneCountry(in, l);
                             }),
              lists.end());
  SplitFrontedPartner(in, lists);
  ReadRelativePartners(in, lists);
  ReadAdnominalPartners(in, lists);
  FrameReading out;
  std::vector<std::string> actors;  // Of the slots, before a fallback clears them.
  PairSet pairs;
  // "signed a joint declaration with Mauritania": a members word whose
  // partner is marked is read as actor and partner (a hub's list stays a
  // hub's); only unmarked, its members are every name of the sentence.
  const bool partner_marked = std::any_of(lists.begin(), lists.end(), [](const List& l) {
    return l.has_slot && l.slot == Slot::kPartner;
  });
  if (in.slots == FrameSlots::kMembers && !partner_marked)
    ReadAllMembers(in, lists, &out, &pairs);
  else
    ReadFilledSlots(in, lists, &out, &actors, &pairs);
  DropPairsInsideGroupings(in, &pairs);
  // A marked partner list without its actor ("Kyiv signed with Germany
  // and France", the hub unread) is no pair of its members: abstain.
  if (pairs.empty() && !partner_marked && !PartnerNotACountry(in) && !in.slots_only)
    ReadTwoParties(in, lists, &out, &pairs);
  if (!precedents.empty() && pairs.size() == 1) AddPrecedents(in, precedents, actors, &out, &pairs);
  if (!precedents.empty() && pairs.empty()) AddLoneHubPrecedents(in, lists, precedents, &out, &pairs);
  DropSeparatePairs(in, lists, &pairs);
  std::sort(out.fills.begin(), out.fills.end(),
            [](const SlotFill& a, const SlotFill& b) { return a.begin < b.begin; });
  out.pairs.assign(pairs.begin(), pairs.end());
  return out;
}

std::vector<SlotFill> ReadJoiners(const FrameInput& frame) {
  std::vector<SlotFill> fills;
  for (const List& l : CoordinatedLists(frame)) {
    if (IsReasonList(frame, l)) continue;
    if (MarkerAfter(frame, frame.fillers[l.last].end, FrameRole::kJoinsAfter) ||
        MarkerBefore(frame, frame.fillers[l.first].begin, FrameRole::kJoinsBefore)) {
      AddFills(frame, l.first, l.last, Slot::kMember, &fills);
      break;
    }
  }
  return fills;
}

namespace {

// The measure sentence's lists and what each is: a reason, pointed at by a
// target word, marked as actor, or the subject of a target verb.
struct MeasureLists {
  std::vector<List> lists;
  std::vector<bool> reason, targeted, actor_marked, subject;
  size_t begin(const FrameInput& in, size_t i) const { return in.fillers[lists[i].first].begin; }
  size_t end(const FrameInput& in, size_t i) const { return in.fillers[lists[i].last].end; }
};

// Where the measure word's own phrase goes on after `end`: past a comma
// right before an agent word ("Пошлины, введенные США против Китая": a
// participle set off by a comma, its agent bare after it), or past the comma
// that ends the measure's phrase before an imposing verb and its agent ("a
// tarifa de 50% da Seção 232, aplicada por Washington"), else `end`.
size_t ParticipleStart(const FrameInput& in, size_t end) {
  constexpr size_t kEnding = 8;   // bytes: a stem's case ending (санкци|и)
  // Characters: " de 50% da Seção 232", " против белорусского калия".
  constexpr size_t kPhrase = 48;
  auto skip_spaces = [&](size_t at) {
    while (at < in.text.size() && in.text[at] == ' ') ++at;
    return at;
  };
  auto marker_at = [&](size_t at, FrameRole role) -> const Marker* {
    for (const Marker& m : in.markers)
      if (m.role == role && m.begin == at) return &m;
    return nullptr;
  };
  size_t at = ClauseEndFrom(in.text, end, CharsForward(in.text, end, kPhrase));
  const size_t comma = at < in.text.size() ? CommaAt(in.text, at) : 0;
  if (comma == 0) return end;
  // Near: the word's ending, spaces, the comma.
  const bool near =
      at - end < kEnding && in.text.substr(end, at - end).find(' ') == std::string_view::npos;
  at = skip_spaces(at + comma);
  if (near && marker_at(at, FrameRole::kAgentBefore) != nullptr) return at;
  const Marker* verb = marker_at(at, FrameRole::kImposingVerb);
  if (verb == nullptr) return end;
  // A participle that is its own agent's marker takes the agent bare after
  // it ("пошлины на китайскую сталь, введённые Евросоюзом").
  if (marker_at(at, FrameRole::kAgentBefore) != nullptr) return at;
  at = skip_spaces(verb->end);
  return marker_at(at, FrameRole::kAgentBefore) != nullptr ? at : end;
}

MeasureLists ClassifyMeasureLists(const FrameInput& in, bool cjk_order) {
  MeasureLists m;
  // A reason clause before the subject ("To reduce reliance on China, the EU
  // imposed…") ends at its comma, as for an agreement.
  m.lists = SplitReasonClauses(in, CoordinatedLists(in));
  const size_t n = m.lists.size();
  m.reason.resize(n);
  m.targeted.resize(n);
  m.actor_marked.resize(n);
  const size_t phrase = ParticipleStart(in, in.trigger.end);  // The same for every list.
  for (size_t i = 0; i < n; ++i) {
    const List& l = m.lists[i];
    // A passive's agent ("sanctions imposed by the EU on Russia", "adopté
    // par l'Union européenne") is the imposer, also inside the noun phrase
    // of an earlier target word ("a response to the sanctions imposed by").
    // Close after the measure word, in its clause ("molto contestato da Nuova
    // Delhi" after a comma speaks of something else).
    constexpr size_t kAgentReach = 48;  // bytes: " adopté le 18 juillet par l'"
    const size_t first = in.fillers[l.first].begin;
    // Counted from the participle when the list follows it, else (a list
    // inside the measure's own phrase, "sanctions by the EU, imposed by …")
    // from the measure word.
    const size_t from = first >= phrase ? phrase : in.trigger.end;
    const bool agent = first >= in.trigger.end && first - from <= kAgentReach &&
                       !HasClauseBreak(in.text, phrase, first) &&
                       MarkerBefore(in, first, FrameRole::kAgentBefore);
    m.actor_marked[i] = agent || MarkerAfter(in, in.fillers[l.last].end, FrameRole::kActorAfter);
    m.reason[i] = !m.actor_marked[i] && IsReasonList(in, l);
    // A relative clause that holds the measure word has the list before it
    // for its subject, whatever word points at the list ("buys from China,
    // which requires licences for exports": an actor-after word, which only
    // en "which" is outside ja and ko); one after the measure word speaks of
    // a target ("sanctions on China, which called them illegal").
    // (Not when another name stands between: "the United States, which has
    // sought gallium since Beijing restricted exports".)
    const bool relative_subject =
        m.actor_marked[i] && in.fillers[l.last].end <= in.trigger.begin && !cjk_order &&
        (i + 1 == n || in.fillers[m.lists[i + 1].first].begin >= in.trigger.begin);
    // Any target word's noun phrase: such a list imposes nothing.
    m.targeted[i] = !agent && !relative_subject && !m.reason[i] &&
                    PointsAt(in, m.lists, i, false, cjk_order);
  }
  m.subject = ReadTargetVerb(in, m.lists, m.actor_marked, &m.reason, &m.targeted);
  return m;
}

// The targets a target verb's subject or a target word names.
// Whether a list beginning at `begin` is the direct object of the trigger:
// right after it, only spaces and an article between ("sanctioned the
// Russian central bank"), as IsGlueText reads a list's gaps.
bool ObjectOfTrigger(const FrameInput& in, size_t begin) {
  return Glued(in, in.trigger.end, begin);
}

void ReadMarkedTargets(const FrameInput& in, const MeasureLists& m, const Span& part,
                       bool cjk_order, MeasureReading* out, std::vector<std::string>* target_ids) {
  for (size_t i = 0; i < m.lists.size(); ++i) {
    const List& l = m.lists[i];
    const size_t begin = m.begin(in, i), end = m.end(in, i);
    if (m.subject[i]) {
      AddCountries(in, l, Slot::kTarget, false, nullptr, &out->targets);
      AddTargetIds(in, l, target_ids);
      continue;
    }
    if (m.reason[i] || m.actor_marked[i] || begin < part.begin || end > part.end) continue;
    // Chinese puts the object right after the verb: 禁止进口俄罗斯金属; a
    // verb of `object` slots does so in every language ("sanctioned Russian
    // banks", "sanktioniert Russland").
    const bool object = (cjk_order && begin == in.trigger.end) ||
                        (in.slots == FrameSlots::kObject && ObjectOfTrigger(in, begin));
    if (object || (m.targeted[i] && PointsAt(in, m.lists, i, true, cjk_order))) {
      AddCountries(in, l, Slot::kTarget, false, nullptr, &out->targets);
      AddTargetIds(in, l, target_ids);
    }
  }
}

// No target marked: the firms the measure's clause names are its target
// (将28家美国实体列入出口管制管控名单, "Beijing sanctions Skydio"): a
// measure in a sentence about a company acts on it far more often than it
// merely shares the clause. Their home, never a country named beside.
void ReadCompanyTargets(const FrameInput& in, const MeasureLists& m, const Span& part,
                        bool cjk_order, MeasureReading* out) {
  for (size_t i = 0; i < m.lists.size(); ++i) {
    const List& l = m.lists[i];
    const size_t begin = m.begin(in, i), end = m.end(in, i);
    bool firms = true;
    for (size_t k = l.first; k <= l.last; ++k)
      firms = firms && in.fillers[k].kind == Filler::Kind::kCompany;
    if (!firms || m.reason[i] || m.actor_marked[i] || begin < part.begin || end > part.end)
      continue;
    // Chinese, Japanese and Korean put the object before the measure word
    // (美国实体列入…名单, 미국 기업…을 명단에 올려); firms after it there are
    // the news around it (鈷出口配額制上路 洛陽鉬業、華友鈷業股價).
    const bool before = end <= in.trigger.begin;
    if (cjk_order && !before) continue;
    const bool one_clause = before ? !HasClauseBreak(in.text, end, in.trigger.begin)
                                   : !HasClauseBreak(in.text, in.trigger.end, begin);
    if (one_clause) AddCountries(in, l, Slot::kTarget, false, nullptr, &out->targets);
  }
}

// The end of the measure word the trigger starts (a stem's ending is part
// of it: пошлин|ы США).
size_t MeasureWordEnd(const FrameInput& in, const Span& part) {
  size_t word_end = in.trigger.end;
  while (word_end < in.text.size() && word_end < part.end && in.text[word_end] != ' ' &&
         ClauseBreakAt(in.text, word_end) == 0)
    ++word_end;
  return word_end;
}

// Marked imposer: before the trigger, the nearest; else the first after it
// in the part. m.lists.size() when none.
size_t MarkedImposer(const FrameInput& in, const MeasureLists& m, const Span& part,
                     const std::function<bool(size_t)>& acts) {
  const size_t n = m.lists.size();
  size_t chosen = n;
  for (size_t i = 0; i < n; ++i) {
    const size_t begin = m.begin(in, i), end = m.end(in, i);
    if (!m.actor_marked[i] || m.targeted[i] || !acts(i)) continue;
    if (end <= in.trigger.begin)
      chosen = i;
    else if (chosen == n && begin >= in.trigger.end && end <= part.end)
      chosen = i;
  }
  return chosen;
}

// Romance languages and Arabic write the imposer's adjective after the
// measure word ("sanctions européennes contre la Russie", "dazi americani
// sulle auto cinesi", "الرسوم الأمريكية على الصلب الصيني"): a free list
// right after it (spaces only) that starts with no capital is one. English
// capitalizes its demonyms and puts a verb's object there ("ban Russian
// uranium"), so a capital there imposes nothing.
// A bare genitive (пошлины США) may also be the target (санкции России):
// it imposes only beside a target named otherwise.
size_t AdjectiveImposer(const FrameInput& in, const MeasureLists& m, const Span& part,
                        size_t word_end, bool has_targets, bool imposer_after,
                        const std::function<bool(size_t)>& free_acts) {
  for (size_t i = 0; i < m.lists.size(); ++i) {
    const size_t begin = m.begin(in, i), end = m.end(in, i);
    if (begin > word_end && end <= part.end && free_acts(i) &&
        in.text.substr(word_end, begin - word_end).find_first_not_of(' ') ==
            std::string_view::npos &&
        (!StartsWithCapital(in.text.substr(begin)) || (imposer_after && has_targets)))
      return i;
  }
  return m.lists.size();
}

// A genitive or passive agent right after the measure word ("i dazi
// definitivi dell'Ue", "tariffs imposed by Washington") names the imposer
// more surely than a list before it ("Auto elettriche cinesi, scattano i
// dazi definitivi dell'Ue": the goods).
size_t AgentImposer(const FrameInput& in, const MeasureLists& m, const Span& part,
                    size_t word_end, const std::function<bool(size_t)>& free_acts) {
  constexpr size_t kAgentReach = 24;  // bytes: " definitivi ", " imposed "
  for (size_t i = 0; i < m.lists.size(); ++i) {
    const size_t begin = m.begin(in, i), end = m.end(in, i);
    if (begin >= word_end && begin - word_end <= kAgentReach && end <= part.end &&
        free_acts(i) && !HasClauseBreak(in.text, word_end, begin) &&
        MarkerBefore(in, begin, FrameRole::kActorBefore))
      return i;
  }
  return m.lists.size();
}

// The subject of a relative clause on the measure word that imposes it
// ("los aranceles que Washington cobra", "die Zölle, die die USA verhängt
// haben", "санкции, которые ввёл Вашингтон", "الرسوم التي فرضتها واشنطن"):
// a relative word after the measure's phrase (its own clause, a comma right
// before the word allowed), then in the relative clause an imposing verb and
// the first list that no target word points at. Without the imposing verb
// the clause may name the target ("die Zölle, die Kanada treffen"): none.
size_t RelativeImposer(const FrameInput& in, const MeasureLists& m, const Span& part,
                       size_t word_end, const std::function<bool(size_t)>& acts) {
  constexpr size_t kSubjectReach = 40;  // characters: " im März die "
  // Characters (not bytes: "на российский алюминий, " is as far as " auf Graphit aus China, ").
  constexpr size_t kRelativeReach = 40;
  const size_t n = m.lists.size();
  for (const Marker& r : in.markers) {
    // Close after the measure's phrase: far on, "that" and "die" open
    // other clauses ("tariffs on steel because officials said that Beijing
    // levies fees").
    if (r.role != FrameRole::kRelative || r.begin < word_end || r.end > part.end ||
        CharCount(in.text.substr(word_end, r.begin - word_end)) > kRelativeReach)
      continue;
    const size_t comma = BreakBefore(in.text, word_end, r.begin);
    const size_t phrase_end =
        comma != std::string_view::npos && CommaAt(in.text, comma) > 0 ? comma : r.begin;
    if (HasClauseBreak(in.text, word_end, phrase_end)) continue;
    if (!RelativeClauseImposes(in, r, part.end)) return n;
    const size_t clause_end = ClauseEndFrom(in.text, r.end, part.end);
    for (size_t i = 0; i < n; ++i) {
      const size_t begin = m.begin(in, i), end = m.end(in, i);
      if (begin < r.end || end > clause_end ||
          CharCount(in.text.substr(r.end, begin - r.end)) > kSubjectReach)
        continue;
      if (m.targeted[i] || m.reason[i]) continue;  // The clause's object; look on.
      return acts(i) ? i : n;
    }
    return n;
  }
  return n;
}

// Of an export measure that names no imposer otherwise, the country the
// goods leave imposes it ("Exporte von Gallium aus China benötigen eine
// Lizenz", "exports of gallium from China now require licences"): the first
// list right after a word of imports (aus, from) inside the measure's words,
// a pattern that holds the exports and their licence ("from Brazil to Egypt"
// after a quota regime names where goods come from, no imposer).
size_t OriginImposer(const FrameInput& in, const MeasureLists& m, const Span& part,
                     const std::function<bool(size_t)>& acts) {
  for (size_t i = 0; i < m.lists.size(); ++i) {
    const size_t begin = m.begin(in, i);
    if (begin < part.begin || m.end(in, i) > part.end || m.reason[i] || !acts(i)) continue;
    if (begin < in.trigger.begin || m.end(in, i) > in.trigger.end) continue;
    for (const Marker& w : in.markers)
      if (w.imports_only && Glued(in, w.end, begin)) return i;
  }
  return m.lists.size();
}

// The imposer's list: a marked one, an adjective or agent after the
// measure word, else the nearest free list before the trigger, else the
// agent of a passive. m.lists.size() when none.
size_t ChooseImposer(const FrameInput& in, const MeasureLists& m, const Span& part,
                     bool cjk_order, bool imposer_after, bool has_targets,
                     const std::function<bool(size_t)>& acts) {
  const size_t n = m.lists.size();
  auto free_acts = [&](size_t i) { return !m.reason[i] && !m.targeted[i] && acts(i); };
  size_t chosen = MarkedImposer(in, m, part, acts);
  const size_t word_end = MeasureWordEnd(in, part);
  if (chosen == n && !cjk_order)
    chosen = AdjectiveImposer(in, m, part, word_end, has_targets, imposer_after, free_acts);
  if (chosen == n) chosen = AgentImposer(in, m, part, word_end, free_acts);
  if (chosen == n && !cjk_order) chosen = RelativeImposer(in, m, part, word_end, acts);
  const bool nearest = chosen == n;  // No word marked the imposer.
  for (size_t i = n; chosen == n && i-- > 0;)
    if (m.end(in, i) <= in.trigger.begin && free_acts(i)) chosen = i;
  // A list inside an apposition set off by commas right after the subject
  // ("China, principal destino de las exportaciones chilenas, mantiene la
  // prohibición…") describes the subject: the subject imposes.
  if (nearest && chosen != n && chosen > 0 && m.end(in, chosen) <= in.trigger.begin) {
    const size_t prev = chosen - 1, prev_end = m.end(in, prev);
    size_t at = prev_end;
    while (at < m.begin(in, chosen) && in.text[at] == ' ') ++at;
    const bool opens = at < m.begin(in, chosen) && CommaAt(in.text, at) > 0 &&
                       !HasClauseBreak(in.text, at + CommaAt(in.text, at), m.begin(in, chosen));
    // The apposition ends at the next break, a comma, with none after it
    // up to the measure word.
    size_t close = m.end(in, chosen);
    while (close < in.trigger.begin && ClauseBreakAt(in.text, close) == 0) ++close;
    const size_t comma = close < in.trigger.begin ? CommaAt(in.text, close) : 0;
    // A short phrase with no measure word of its own ("Với Việt Nam, mức
    // thuế … mà Tổng thống Donald Trump công bố …, song …" is no apposition).
    constexpr size_t kApposition =
        80;  // bytes: ", principal destino de las exportaciones chilenas,"
    const bool plain = close - prev_end <= kApposition &&
                       std::none_of(in.verbs.begin(), in.verbs.end(),
                                    [&](size_t v) { return v >= prev_end && v < close; });
    if (opens && plain && comma > 0 && !HasClauseBreak(in.text, close + comma, in.trigger.begin) &&
        free_acts(prev))
      chosen = prev;
  }
  for (size_t i = 0; chosen == n && i < n; ++i)
    if (m.begin(in, i) >= in.trigger.end && m.end(in, i) <= part.end && free_acts(i) &&
        (MarkerBefore(in, m.begin(in, i), FrameRole::kActorBefore) ||
         MarkerBefore(in, m.begin(in, i), FrameRole::kImporterBefore)))
      chosen = i;
  if (chosen == n && in.export_measure) chosen = OriginImposer(in, m, part, acts);
  return chosen;
}

// Two clauses of one measure, each with its own imposer and target (see
// MeasureReading::pairs): list i imposes and list i + 1 is its target, one
// country each, in one clause, twice or more in a row with a clause break
// between pairs, and each pair's clause states its own rate ("計30％", "del
// 125 % al 10 %"; not "…对越南…征收20%关税；越南去年对美贸易顺差…").
std::vector<std::pair<SlotFill, SlotFill>> PairedReadings(const FrameInput& in,
                                                          const MeasureLists& m, const Span& part,
                                                          const std::function<bool(size_t)>& acts) {
  std::vector<std::pair<SlotFill, SlotFill>> out;
  constexpr size_t kTwoPairs = 4;  // lists
  if (m.lists.size() < kTwoPairs) return out;
  auto one = [&](size_t i) {
    return m.begin(in, i) >= part.begin && m.end(in, i) <= part.end && OneCountry(in, m.lists[i]) &&
           !in.fillers[m.lists[i].first].id.empty();
  };
  auto pair_at = [&](size_t i) {
    return i + 1 < m.lists.size() && one(i) && one(i + 1) && !m.reason[i] && !m.targeted[i] &&
           m.targeted[i + 1] && acts(i) &&
           in.fillers[m.lists[i].first].id != in.fillers[m.lists[i + 1].first].id &&
           !HasClauseBreak(in.text, m.end(in, i), m.begin(in, i + 1));
  };
  std::vector<size_t> best, run;
  for (size_t i = 0; i < m.lists.size(); ++i) {
    if (!pair_at(i)) continue;
    const bool next_pair = !run.empty() && run.back() + 2 == i &&
                           HasClauseBreak(in.text, m.end(in, run.back() + 1), m.begin(in, i));
    if (!next_pair) run.clear();
    run.push_back(i);
    if (run.size() > best.size()) best = run;
    ++i;  // The target list is no imposer of the next pair.
  }
  auto states_rate = [&](size_t i) {
    const size_t from = ClauseStartBefore(in.text, part.begin, m.begin(in, i)),
                 to = ClauseEndFrom(in.text, m.end(in, i + 1), part.end);
    const std::string_view clause = in.text.substr(from, to - from);
    return clause.find('%') != std::string_view::npos ||
           clause.find("\xEF\xBC\x85") != std::string_view::npos;  // ％
  };
  if (best.size() < 2 || !std::all_of(best.begin(), best.end(), states_rate)) return out;
  for (size_t i : best) {
    const Filler& a = in.fillers[m.lists[i].first];
    const Filler& t = in.fillers[m.lists[i + 1].first];
    out.push_back({{Slot::kActor, a.id, a.begin, a.end}, {Slot::kTarget, t.id, t.begin, t.end}});
  }
  return out;
}

}  // namespace

MeasureReading ReadMeasureFrame(const FrameInput& in, const Span& part, bool cjk_order,
                                const std::function<bool(const Filler&)>& can_act,
                                bool imposer_after) {
  const MeasureLists m = ClassifyMeasureLists(in, cjk_order);
  MeasureReading out;
  std::vector<std::string> target_ids;
  ReadMarkedTargets(in, m, part, cjk_order, &out, &target_ids);
  if (out.targets.empty()) ReadCompanyTargets(in, m, part, cjk_order, &out);
  auto acts = [&](size_t i) {
    for (size_t k = m.lists[i].first; k <= m.lists[i].last; ++k)
      if (can_act(in.fillers[k]) &&
          std::find(target_ids.begin(), target_ids.end(), in.fillers[k].id) == target_ids.end())
        return true;
    return false;
  };
  // (Whoever a pair's list names may be another pair's target: the filler's
  // own can_act, not `acts`.)
  out.pairs =
      PairedReadings(in, m, part, [&](size_t i) { return can_act(in.fillers[m.lists[i].first]); });
  const size_t chosen =
      ChooseImposer(in, m, part, cjk_order, imposer_after, !out.targets.empty(), acts);
  if (chosen < m.lists.size()) {
    std::vector<SlotFill> actors;
    AddCountries(in, m.lists[chosen], Slot::kActor, true, &can_act, &actors);
    for (const SlotFill& f : actors)
      if (std::find(target_ids.begin(), target_ids.end(), f.id) == target_ids.end())
        out.actors.push_back(f);
  }
  return out;
}

}  // namespace kgx
