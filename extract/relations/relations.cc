#include "extract/relations/relations.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "base/civil_date.h"
#include "base/parallel.h"
#include "base/strings.h"
#include "extract/entities/gazetteer.h"
#include "extract/entities/matcher.h"
#include "extract/read/language.h"
#include "extract/read/normalize.h"
#include "extract/read/word_edges.h"
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
  // A dateline in the case of the text opens the sentence, in brackets or
  // two places joined by a slash, and a dash follows right after ("(Hà Nội)
  // – Chiều 16/5", "Jakarta/Hà Nội — Lệnh cấm"): the places are where the
  // story was filed.
  const std::string_view kDashes[] = {"\xE2\x80\x94" /* — */, "\xE2\x80\x93" /* – */, "- "};
  auto dash_at = [&](size_t at) {
    while (at < s.end && (text[at] == ' ' || text[at] == ')')) ++at;
    for (std::string_view d : kDashes)
      if (text.compare(at, d.size(), d) == 0) return true;
    return false;
  };
  // A place alone before a dash is no dateline in the text's case: "China –
  // the world's biggest producer – imposed", "Australia–India trade pact".
  const bool bracketed = text.compare(start, 1, "(") == 0;
  if (bracketed) ++start;
  if (m.nfkc_begin != start) {
    // The second place of "Jakarta/Hà Nội —".
    const std::string_view before = text.substr(start, m.nfkc_begin - start);
    return m.nfkc_begin > start && before.size() <= 30 && before.back() == '/' &&
           before.find_first_of(".,;:") == std::string_view::npos && dash_at(m.nfkc_end);
  }
  if (bracketed && text.compare(m.nfkc_end, 1, ")") == 0 && dash_at(m.nfkc_end)) return true;
  if (text.compare(m.nfkc_end, 1, "/") == 0) {
    const std::string_view next = text.substr(m.nfkc_end, std::min<size_t>(s.end - m.nfkc_end, 30));
    for (std::string_view d : kDashes)
      if (const size_t at = next.find(d);
          at != std::string_view::npos &&
          next.substr(0, at).find_first_of(".,;:") == std::string_view::npos)
        return true;
  }
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

// The end of a bracketed aside right after `end` (one space allowed before
// it): "雷蒙多（Gina Raimondo）", "Democratic Republic of Congo (DRC)",
// "上海協力機構（SCO）"; `end` itself when there is none, or when it is long,
// unclosed, nested or breaks a sentence. The aside belongs to the name
// before it, so the list or word after it is next to that name.
size_t AsideEnd(std::string_view text, size_t end) {
  constexpr size_t kMaxAside = 64;  // bytes: a name, an acronym, a short gloss
  size_t at = end < text.size() && text[end] == ' ' ? end + 1 : end;
  const std::string_view kOpenFull = "\xEF\xBC\x88", kCloseFull = "\xEF\xBC\x89";  // （ ）
  std::string_view close;
  if (text.compare(at, 1, "(") == 0) {
    close = ")";
    at += 1;
  } else if (text.compare(at, kOpenFull.size(), kOpenFull) == 0) {
    close = kCloseFull;
    at += kOpenFull.size();
  } else {
    return end;
  }
  const std::string_view rest = text.substr(at, kMaxAside);
  const size_t found = rest.find(close);
  if (found == std::string_view::npos) return end;
  const std::string_view inside = rest.substr(0, found);
  for (std::string_view stop : {"(", "\xEF\xBC\x88", "\n", "\xE3\x80\x82" /* 。 */, ". "})
    if (inside.find(stop) != std::string_view::npos) return end;
  return at + found + close.size();
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

}  // namespace

// A frame word found in the text (nfkc offsets); a measure pattern's hit
// has the role of a measure word.
struct FrameHit {
  size_t begin, end;
  const FrameWord* word;
  FrameRole role;
};

namespace {

using Hit = FrameHit;

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

// What the frames say of the document's language (`word-order` lines) and
// the article words of every language.
struct Grammar {
  bool verb_final = false, target_first = false;
  bool imposer_after = false;  // A bare name after a measure word may impose (пошлины США).
  // The press names its own country's measures bare (larangan ekspor bijih
  // nikel): a measure that names no country at all is the home country's.
  bool home_imposes = false;
  // Adjectives follow their noun (البيان المشترك الأمريكي الصيني, l'accord chinois).
  bool adjective_after = false;
  // The subject stands after its verb (ar): a target verb's subject follows it.
  bool verb_subject = false;
  // The word for "and" is also "with" (zh, ja, ko): FrameInput::and_with.
  bool and_with = false;
  const std::vector<std::string>* own_articles = nullptr;  // The document language's only.
  std::string lang;                                        // The document's language (en, zh-Hant).
};

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
  if (from >= nfkc.size()) return best;
  const auto& titles = gaz.person_words().titles;
  for (uint32_t i : gaz.TitlesAfterStartingWith(static_cast<unsigned char>(nfkc[from]))) {
    const PersonTitle& t = titles[i];
    if (nfkc.compare(from, t.text.size(), t.text) == 0) best = std::max(best, from + t.text.size());
  }
  return best;
}

// The start of the title right before a person's name ("mit
// Premierminister Justin Trudeau"), so that the marker before the title is
// next to the filler; before a country, also a title and an `of` word of
// the person titles in the document's language ("with the Prime Minister of
// Japan", "com o presidente do Chile", "con il presidente dell'Uzbekistan";
// titles match as written: English ones are capitalized).
size_t BeforeTitleBegin(const Gazetteer& gaz, std::string_view nfkc, size_t begin,
                        const std::string* lang = nullptr) {
  auto title_before = [&](size_t at) {
    const size_t to = at > 0 && nfkc[at - 1] == ' ' ? at - 1 : at;
    size_t best = at;
    if (to == 0) return best;
    const auto& titles = gaz.person_words().titles;
    for (uint32_t i : gaz.TitlesBeforeEndingIn(static_cast<unsigned char>(nfkc[to - 1]))) {
      const PersonTitle& t = titles[i];
      if (t.text.size() <= to && nfkc.compare(to - t.text.size(), t.text.size(), t.text) == 0)
        best = std::min(best, to - t.text.size());
    }
    return best;
  };
  const size_t best = title_before(begin);
  if (best < begin || lang == nullptr) return best;
  for (const auto& [word_lang, word] : gaz.person_words().of) {
    if (!LanguageCovers(word_lang, *lang)) continue;
    // A word ending in an apostrophe is written onto the name (dell'Uzbekistan,
    // de l'Ouzbékistan); others stand between spaces.
    const bool elided = EndsWithApostrophe(word);
    const size_t to = elided ? begin : begin - std::min<size_t>(begin, 1);
    if (!elided && (begin == 0 || nfkc[begin - 1] != ' ')) continue;
    if (word.size() + 1 > to || nfkc.compare(to - word.size(), word.size(), word) != 0 ||
        nfkc[to - word.size() - 1] != ' ')
      continue;
    const size_t at = to - word.size();
    if (const size_t title = title_before(at); title < at) return title;
  }
  return best;
}

bool ToFiller(const Gazetteer& gaz, std::string_view nfkc, const EntityMatch& m, Filler* f,
              const std::string& lang) {
  // A title before a country belongs to it too ("Perdana Menteri India
  // Narendra Modi", "Presiden AS"): the country and the person after it are
  // one filler (MergeTitledPeople), and the title no gap in their list.
  f->begin = m.kind == EntityKind::kPerson || m.kind == EntityKind::kCountry
                 ? BeforeTitleBegin(gaz, nfkc, m.nfkc_begin,
                                    m.kind == EntityKind::kCountry ? &lang : nullptr)
                 : m.nfkc_begin;
  // A title after a person or a country (카자흐스탄 대통령과, 米大統領と)
  // belongs to the filler: the particle after it marks the slot.
  f->end = AfterTitleEnd(gaz, nfkc, m.nfkc_end);
  const bool listed = m.entity != EntityMatch::kRule;
  const Entity* e = listed ? &gaz.entities()[m.entity] : nullptr;
  auto country = [&]() -> std::string {
    if (e == nullptr) return m.kind == EntityKind::kPerson ? m.person_country : m.rule_country;
    // A body that acts for a group or country it is not based in (the
    // European Commission for the EU) stands for that one.
    auto it = e->attrs.find("acts-for");
    if (it != e->attrs.end()) return it->second;
    it = e->attrs.find("country");
    return it != e->attrs.end() ? it->second : m.person_country;
  };
  // A capital stands for its country (Brussels for the EU), only in a slot.
  auto place = [&](Filler::Kind kind) {
    if (e == nullptr) return false;
    f->id = e->id;
    const bool capital =
        m.alias != EntityMatch::kRule && (gaz.aliases()[m.alias].flags & kAliasCapital) != 0;
    f->kind = capital ? Filler::Kind::kCapital : kind;
    f->demonym =
        m.alias != EntityMatch::kRule && (gaz.aliases()[m.alias].flags & kAliasDemonym) != 0;
    return true;
  };
  switch (m.kind) {
    case EntityKind::kCountry:
      return place(Filler::Kind::kCountry);
    case EntityKind::kGroup:
      return place(Filler::Kind::kGroup);
    case EntityKind::kPerson:
    case EntityKind::kOrganization:
      f->id = country();
      f->kind = Filler::Kind::kPerson;  // A stand-in: counts only in a slot.
      return !f->id.empty();
    default:
      return false;
  }
}

// A group of kind=forum (G7, G20, BRICS, APEC): its members meet and
// declare there; it signs nothing, imposes nothing and is no target.
bool IsForum(const Gazetteer& gaz, const EntityMatch& m) {
  if (m.entity == EntityMatch::kRule) return false;
  const auto& attrs = gaz.entities()[m.entity].attrs;
  const auto it = attrs.find("kind");
  return it != attrs.end() && it->second == "forum";
}

bool IsSlotMarker(FrameRole role) {
  switch (role) {
    case FrameRole::kPartnerBefore:
    case FrameRole::kPartnerAfter:
    case FrameRole::kActorAfter:
    case FrameRole::kActorBefore:
    case FrameRole::kImporterBefore:
    case FrameRole::kListJoiner:
    case FrameRole::kMembersBefore:
    case FrameRole::kMembersAfter:
    case FrameRole::kReasonBefore:
    case FrameRole::kReasonAfter:
    case FrameRole::kJoinsAfter:
    case FrameRole::kJoinsBefore:
    case FrameRole::kPrecedentBefore:
    case FrameRole::kPrecedentAfter:
    case FrameRole::kAgentBefore:
    case FrameRole::kExample:
    case FrameRole::kTargetBefore:
    case FrameRole::kTargetAfter:
    case FrameRole::kDestinationBefore:
    case FrameRole::kDativeBefore:
    case FrameRole::kTargetVerb:
    case FrameRole::kSeparately:
    case FrameRole::kRelative:
    case FrameRole::kImposingVerb:
    case FrameRole::kAdnominal:
    case FrameRole::kComplementizer:
    case FrameRole::kOrdinal:
    // A background verb is a marker too: a target word before it reaches no
    // name after it ("careful not to breach US sanctions", PointsAt), and as
    // a marker it is one of the words FindHits() keeps only when no longer
    // marker holds it ("to" inside "in response to" goes).
    case FrameRole::kBackgroundBefore:
      return true;
    default:
      return false;
  }
}

// A country, its title words and its person ("哈萨克斯坦总统托卡耶夫",
// "Kazakh President Tokayev") are one filler: otherwise the title between
// them would break the list they stand in. A title that names the country
// itself (日本首相, 美国总统: the person's filler starts at the country) makes
// the two overlap: one filler too, or the overlap would cut the list there
// and drop the member before it.
// A gap with a frame word in it holds no title: "al carbón estadounidense en
// respuesta a los aranceles de Trump" is a target and another measure's
// imposer, not one name. (A joiner or a government word may stand in a
// title: "French Economy and Finance Minister Bruno Le Maire".)
FrameInput MergeTitledPeople(std::string_view nfkc, FrameInput frame) {
  constexpr size_t kMaxTitle = 40;  // bytes between the country and the name
  auto frame_word_in = [&](size_t from, size_t to) {
    auto inside = [&](size_t b, size_t e) { return b >= from && e <= to; };
    return std::any_of(frame.markers.begin(), frame.markers.end(),
                       [&](const Marker& m) {
                         return m.role != FrameRole::kListJoiner &&
                                m.role != FrameRole::kGovernment && inside(m.begin, m.end);
                       }) ||
           std::any_of(frame.agreements.begin(), frame.agreements.end(),
                       [&](const Span& a) { return inside(a.begin, a.end); }) ||
           std::any_of(frame.deeds.begin(), frame.deeds.end(),
                       [&](const Span& d) { return inside(d.begin, d.end); });
  };
  std::vector<Filler> merged;
  for (const Filler& f : frame.fillers) {
    if (!merged.empty() && f.kind == Filler::Kind::kPerson && merged.back().id == f.id &&
        f.begin >= merged.back().begin &&
        (f.begin <= merged.back().end || (f.begin - merged.back().end <= kMaxTitle &&
                                          !HasClauseBreak(nfkc, merged.back().end, f.begin) &&
                                          !frame_word_in(merged.back().end, f.begin)))) {
      merged.back().end = std::max(merged.back().end, f.end);
      continue;
    }
    merged.push_back(f);
  }
  frame.fillers = std::move(merged);
  return frame;
}

// Fillers in text order (stable: a grouping's members keep theirs).
void SortFillers(std::vector<Filler>* fillers) {
  std::stable_sort(fillers->begin(), fillers->end(),
                   [](const Filler& a, const Filler& b) { return a.begin < b.begin; });
}

// A bracketed aside after a filler (雷蒙多（Gina Raimondo）, "Congo (DRC)")
// is part of it, so the list goes on after the bracket (…（Gina Raimondo）和
// 菲律宾…); a filler of the same id inside the aside is that name again. An
// aside that holds another party ("Japan (with Australia)") is left alone.
std::vector<Filler> ExtendOverAsides(std::string_view nfkc, std::vector<Filler> fillers) {
  std::vector<Filler> out;
  for (size_t i = 0; i < fillers.size(); ++i) {
    Filler f = fillers[i];
    if (f.grouping > 0) {
      out.push_back(f);
      continue;
    }
    if (!out.empty() && out.back().grouping == 0 && out.back().id == f.id &&
        f.begin >= out.back().begin && f.end <= out.back().end)
      continue;  // The name again, inside the aside.
    const size_t aside = AsideEnd(nfkc, f.end);
    bool other = false;
    for (size_t j = i + 1; j < fillers.size() && fillers[j].begin < aside; ++j)
      other = other || fillers[j].id != f.id;
    if (!other) f.end = aside;
    out.push_back(f);
  }
  return out;
}

// "中国还与东盟成员新加坡、柬埔寨分别签有…", "한국은 아세안 회원국 가운데 싱가포르,
// 베트남…", "ASEAN member Singapore": a group (or grouping) right before a
// member-of word, with a country named right after that word, describes
// those countries; it is no filler of its own. So does one right after the
// word when a country stands shortly before it ("Singapore là quốc gia
// ASEAN": Singapore is an ASEAN country).
void DropGroupsOfMembers(std::string_view nfkc, std::vector<Hit>::const_iterator hits_begin,
                         std::vector<Hit>::const_iterator hits_end, std::vector<Filler>* fillers) {
  constexpr size_t kBefore = 4;  // bytes: " ", "の"
  constexpr size_t kAfter = 16;  // bytes: " 가운데 ", " states "
  constexpr size_t kCopula = 24;  // bytes: " trở thành ", " est devenu le "
  std::vector<bool> drop(fillers->size(), false);
  for (auto h = hits_begin; h != hits_end; ++h) {
    if (h->role != FrameRole::kMemberOf) continue;
    const bool country_after = std::any_of(fillers->begin(), fillers->end(), [&](const Filler& f) {
      return f.grouping == 0 && f.kind == Filler::Kind::kCountry && f.begin >= h->end &&
             f.begin - h->end <= kAfter && !HasClauseBreak(nfkc, h->end, f.begin);
    });
    if (!country_after) {
      // "Singapore là quốc gia ASEAN thứ ba…", "Malaysia trở thành quốc gia
      // thành viên ASEAN": a group right after the word, a country named
      // shortly before it in its clause: the group says what that country
      // is.
      const bool country_before =
          std::any_of(fillers->begin(), fillers->end(), [&](const Filler& f) {
            return f.grouping == 0 && f.kind == Filler::Kind::kCountry && f.end <= h->begin &&
                   h->begin - f.end <= kCopula && !HasClauseBreak(nfkc, f.end, h->begin) &&
                   std::none_of(hits_begin, hits_end, [&](const Hit& j) {
                     // "Nhật Bản và các quốc gia ASEAN": a list of two.
                     return (j.role == FrameRole::kListJoiner ||
                             j.role == FrameRole::kPartnerBefore) &&
                            j.begin >= f.end && j.end <= h->begin;
                   });
          });
      for (size_t i = 0; country_before && i < fillers->size(); ++i) {
        const Filler& f = (*fillers)[i];
        if ((f.grouping > 0 || f.kind == Filler::Kind::kGroup) && f.begin >= h->end &&
            f.begin - h->end <= kBefore)
          drop[i] = true;
      }
      continue;
    }
    size_t group_begin = h->begin;
    for (size_t i = 0; i < fillers->size(); ++i) {
      const Filler& f = (*fillers)[i];
      const bool group = f.grouping > 0 || f.kind == Filler::Kind::kGroup;
      if (group && f.end <= h->begin && h->begin - f.end <= kBefore) {
        drop[i] = true;
        group_begin = std::min(group_begin, f.begin);
      }
    }
    // The first country after the word takes the words before it, so a
    // marker before the group ("与东盟成员新加坡") stands right before it.
    for (Filler& f : *fillers)
      if (f.grouping == 0 && f.kind == Filler::Kind::kCountry && f.begin >= h->end) {
        if (group_begin < h->begin) f.begin = group_begin;
        break;
      }
  }
  size_t k = 0;
  for (size_t i = 0; i < fillers->size(); ++i)
    if (!drop[i]) (*fillers)[k++] = (*fillers)[i];
  fillers->resize(k);
}

// The frame of sentence `s`: its trigger (the first concluding word, else
// the first agreement word), its slot markers and its fillers (the party
// matches whose country is still a party after the exclusions, and people).
FrameInput FrameOf(const Gazetteer& gaz, std::string_view nfkc, const Span& s, const Grammar& g,
                   std::vector<Hit>::const_iterator hits_begin,
                   std::vector<Hit>::const_iterator hits_end,
                   const std::vector<const EntityMatch*>& party_matches,
                   const std::vector<std::string>& parties,
                   const std::string& bloc_members = std::string()) {
  FrameInput frame;
  frame.text = nfkc;
  // The document language's own articles (none in vi, ru, ar, zh...): pt "a"
  // (the) is es "a" (to), pt "do" is vi "do" (by), which join no list.
  frame.articles = g.own_articles;
  frame.verb_subject = g.verb_subject;
  frame.and_with = g.and_with;
  frame.sentence = s;
  frame.trigger = {s.end, s.end};
  // A run-on "sentence" of a broken or hostile file: no slots are read (the
  // reader abstains), so the work stays linear in its length.
  if (s.end - s.begin > kMaxClauseSentence) return frame;
  bool strong = false, investment_only = true;
  for (auto h = hits_begin; h != hits_end; ++h) {
    if (!Contains(s, h->begin, h->end)) continue;
    // Also, as markers of the frame only (they hide no other marker in
    // FindHits): a place word, which sets off a place or time between a
    // deed and its agent ("signed in 2023, in Brussels, by": SetOffPlaces),
    // and a government word, part of a list member (中国政府、…: IsListGap).
    if (IsSlotMarker(h->role) || h->role == FrameRole::kPlaceBefore ||
        h->role == FrameRole::kGovernment)
      frame.markers.push_back(
          {h->begin, h->end, h->role, h->word->imports_only, h->word->adjacent});
    if (h->role == FrameRole::kAgreement &&
        (h->word->slots == FrameSlots::kMembers || h->word->slots == FrameSlots::kThree))
      frame.slots = FrameSlots::kMembers;
    if (h->role == FrameRole::kAgreement && h->word->slots == FrameSlots::kThree &&
        frame.three.end == 0)
      frame.three = {h->begin, h->end};
    if ((h->role == FrameRole::kStrong && !strong) ||
        (h->role == FrameRole::kAgreement && !strong && h->begin < frame.trigger.begin)) {
      frame.trigger = {h->begin, h->end};
      strong = h->role == FrameRole::kStrong;
    }
    if (h->role == FrameRole::kAgreement) {
      frame.agreements.push_back({h->begin, h->end});
      investment_only = investment_only && h->word->value == "investment_or_funding";
    }
    if (h->role == FrameRole::kStrong) {
      frame.strong = true;
      frame.deeds.push_back({h->begin, h->end});
    }
  }
  for (const EntityMatch* m : party_matches) {
    Filler f;
    if (!ToFiller(gaz, nfkc, *m, &f, g.lang)) continue;
    const bool stand_in = f.kind == Filler::Kind::kPerson;
    if (!stand_in && std::find(parties.begin(), parties.end(), f.id) == parties.end()) continue;
    frame.fillers.push_back(f);
  }
  // A grouping's name (the Quad, 中亚, Mercosur) stands for its members, at
  // its span; a group matched there (QUAD) gives way to them.
  int grouping = 0;
  const Hit* last_grouping = nullptr;
  for (auto h = hits_begin; h != hits_end; ++h) {
    // "the bloc" stands for the grouping named last before the sentence.
    const bool bloc_word = h->role == FrameRole::kTheBloc && !bloc_members.empty();
    if ((h->role != FrameRole::kGrouping && !bloc_word) || !Contains(s, h->begin, h->end)) continue;
    const std::string& members = bloc_word ? bloc_members : h->word->value;
    if (!frame.fillers.empty() && frame.fillers.back().grouping > 0 &&
        h->begin < frame.fillers.back().end)
      continue;  // Inside the last grouping's name.
    frame.fillers.erase(std::remove_if(frame.fillers.begin(), frame.fillers.end(),
                                       [&](const Filler& f) {
                                         return f.grouping == 0 && f.begin < h->end &&
                                                h->begin < f.end;
                                       }),
                        frame.fillers.end());
    // The bloc's abbreviation in an aside after its name ("Associação
    // Europeia de Livre Comércio (EFTA)") is that grouping again, not a
    // second one whose members would pair with the first's.
    if (!bloc_word && last_grouping != nullptr && members == last_grouping->word->value &&
        h->end <= AsideEnd(nfkc, last_grouping->end)) {
      for (Filler& f : frame.fillers)
        if (f.grouping == grouping) f.end = AsideEnd(nfkc, last_grouping->end);
      continue;
    }
    if (!bloc_word) last_grouping = &*h;
    ++grouping;
    for (const std::string& id : Split(members, ','))
      frame.fillers.push_back({id, h->begin, h->end, Filler::Kind::kCountry, grouping,
                               !bloc_word && h->word->slots == FrameSlots::kMembers});
  }
  frame.slots_only = investment_only && !frame.strong && !frame.agreements.empty();
  SortFillers(&frame.fillers);
  DropGroupsOfMembers(nfkc, hits_begin, hits_end, &frame.fillers);
  frame.fillers = ExtendOverAsides(nfkc, std::move(frame.fillers));
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

// Lines under a related-articles heading: short lines until the next
// paragraph-length line are other stories' headlines. In text order, apart.
std::vector<Span> RelatedBlocks(std::string_view nfkc, const std::vector<Hit>& hits) {
  std::vector<Span> blocks;
  for (const Hit& h : hits) {
    if (h.role != FrameRole::kRelated) continue;
    // Hits are in text order: one inside the last block adds nothing (and
    // rescanning per heading would be quadratic on pages full of them).
    if (!blocks.empty() && h.begin < blocks.back().end) continue;
    size_t line = nfkc.rfind('\n', h.begin);
    line = line == std::string_view::npos ? 0 : line + 1;
    size_t end = line;
    for (size_t next; end < nfkc.size(); end = next + 1) {
      next = nfkc.find('\n', end);
      if (next == std::string_view::npos) next = nfkc.size();
      if (next - end > 250 && end > line) break;
    }
    blocks.push_back({line, end});
  }
  return blocks;
}

// The indices of `items` (anything with `begin`) ordered by position.
template <typename Items>
std::vector<size_t> ByPosition(const Items& items) {
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return items[a].begin < items[b].begin; });
  return order;
}

// The indices, in increasing order, of the items that lie in `s`.
template <typename Items>
std::vector<size_t> InsideSpan(const Items& items, const std::vector<size_t>& order,
                               const Span& s) {
  auto it = std::lower_bound(order.begin(), order.end(), s.begin,
                             [&](size_t i, size_t pos) { return items[i].begin < pos; });
  std::vector<size_t> out;
  for (; it != order.end() && items[*it].begin <= s.end; ++it)
    if (Contains(s, items[*it].begin, items[*it].end)) out.push_back(*it);
  std::sort(out.begin(), out.end());
  return out;
}

// What one sentence holds, as the reader's steps see it.
struct SentenceFacts {
  size_t index = 0;
  Span span;      // What is read: the sentence, or one of its contrast parts.
  Span sentence;  // The whole sentence: the evidence.
  size_t dateline_close = std::string_view::npos;
  std::vector<Hit>::const_iterator hits_begin, hits_end;  // Hits starting in the sentence.
  std::vector<std::string> parties, minerals, orgs;
  std::vector<const EntityMatch*> country_matches, org_matches, party_matches;
  std::vector<const EntityMatch*> group_matches;  // Every group, a party or not.
  // Government bodies found by the shape of their names (菲律宾贸工部): stand-ins
  // for their country in an agreement's slots.
  std::vector<const EntityMatch*> rule_agencies;
  // Its relation words: the agreement kind of highest rank, a concluding
  // word, a status word, an example, a pair word, "critical minerals", the
  // first measure word (type and place).
  std::string kind;
  bool strong = false, hedge = false, example = false, pair = false, in_general = false;
  std::string restriction;
  size_t restriction_at = 0;
  std::vector<std::string> explicit_parties;  // Before the home government is added.
  bool boiler = false;                        // Under a related-articles heading.
  std::vector<const Hit*> counts;             // "the five countries" (FrameRole::kCount).
};

// A sentence that dates a deed of fewer than two parties.
struct DatedDeed {
  std::vector<std::string> parties;
  std::string date;
  Span sentence;
};

// One document's reading, sentence by sentence. Holds what a sentence leaves
// for the next: the pairs "the two countries" may stand for, the agreement
// just read, the dated deeds.
class DocumentReader {
 public:
  DocumentReader(const Gazetteer& gaz, const RelationInput& in, const std::vector<Hit>& hits,
                 const Grammar& grammar)
      : gaz_(gaz),
        in_(in),
        hits_(hits),
        grammar_(grammar),
        boilerplate_(RelatedBlocks(in.nfkc, hits)),
        home_country_(LikelyRegion(in.lang)),
        amounts_order_(ByPosition(*in.amounts)),
        dates_order_(ByPosition(*in.dates)),
        chain_first_(in.matches->end()),
        chain_last_(in.matches->end()) {
    for (const EntityMatch& m : *in.matches)
      names_home_ = names_home_ || (m.kind == EntityKind::kCountry && IdOf(m) == home_country_);
  }

  void ReadSentence(size_t si, const Span& part);
  std::vector<Span> ContrastParts(size_t si) const;

  std::vector<FoundAgreement>& agreements() { return found_; }
  std::vector<FoundRestriction>& restrictions() { return found_r_; }
  const std::vector<DatedDeed>& dated_deeds() const { return dated_deeds_; }

 private:
  using MatchIt = std::vector<EntityMatch>::const_iterator;
  using HitIt = std::vector<Hit>::const_iterator;

  const std::string& IdOf(const EntityMatch& m) const {
    return m.entity == EntityMatch::kRule ? m.rule_name : gaz_.entities()[m.entity].id;
  }
  // A name after a place word or before one ("in Washington", 在北京, 東京で).
  bool AtPlace(const EntityMatch& m) const {
    return WordBefore(m, FrameRole::kPlaceBefore, 1) || WordAfter(m, FrameRole::kPlaceAfter, 0);
  }
  // A capital named as a place ("in Washington", 在北京, 東京で), not a government.
  bool CapitalAsPlace(const EntityMatch& m) const { return IsCapital(m) && AtPlace(m); }
  bool IsCapital(const EntityMatch& m) const {
    return m.alias != EntityMatch::kRule && (gaz_.aliases()[m.alias].flags & kAliasCapital) != 0;
  }
  // Hits are sorted by begin: look only at those that can be near (words
  // are at most 64 bytes), so the cost does not grow with the document.
  HitIt FirstHitFrom(size_t pos) const {
    return std::lower_bound(hits_.begin(), hits_.end(), pos,
                            [](const Hit& h, size_t p) { return h.begin < p; });
  }
  // Matches are sorted by position: each sentence looks at its own slice.
  MatchIt FirstMatchFrom(size_t pos) const {
    return std::lower_bound(in_.matches->begin(), in_.matches->end(), pos,
                            [](const EntityMatch& m, size_t p) { return m.nfkc_begin < p; });
  }
  // A word of `role` right after (or right before) a match, up to `gap` bytes away.
  bool WordAfter(const EntityMatch& m, FrameRole role, size_t gap) const;
  // A word of `role` from `pos` on, up to `gap` bytes away; null for none.
  const Hit* HitFrom(size_t pos, FrameRole role, size_t gap) const;
  bool WordFrom(size_t pos, FrameRole role, size_t gap) const {
    return HitFrom(pos, role, gap) != nullptr;
  }
  // The home country of listed organization `m` when its kind= is `kind`
  // (agency, company), else null (a rule-found name's home is a guess).
  const std::string* HomeIfKind(const EntityMatch& m, std::string_view kind) const;
  // Whom listed organization `m` acts for: its acts-for= (the European
  // Commission for the EU), else a state agency's home, else null.
  const std::string* ActingFor(const EntityMatch& m) const;
  // The members a group's `members=` lists (groups.tsv), or null.
  const std::set<std::string>* MembersOf(const std::string& group) const;
  // A bloc is no party of a deal with its own member (the EU and Germany
  // sign with a third, not with each other); a reading that pairs a bloc
  // with two or more of its members and nothing else is the members' own
  // treaty (the AES treaty "signé par les trois pays").
  void DropMemberPairs(std::vector<std::pair<std::string, std::string>>* pairs) const;
  bool WordBefore(const EntityMatch& m, FrameRole role, size_t gap) const {
    return WordStartBefore(m, role, gap) != std::string::npos;
  }
  // Where that word before `m` begins; npos when there is none.
  size_t WordStartBefore(const EntityMatch& m, FrameRole role, size_t gap) const;
  const EntityMatch& ChainEndOf(MatchIt mi);
  bool InBoilerplate(const Span& s) const;
  bool AfterPlaceName(const EntityMatch& m, size_t sentence_begin) const;

  // The steps of one sentence, in order.
  void CollectEntities(SentenceFacts* f);
  bool IsCountryParty(MatchIt mi, const SentenceFacts& f);
  bool ModifiesDeal(MatchIt mi) const;
  void ScanWords(SentenceFacts* f) const;
  void DropSubordinateOnly(SentenceFacts* f) const;
  bool SecondObjectOfDeed(const SentenceFacts& f, const Hit& h) const;
  void AddHomeGovernment(SentenceFacts* f) const;
  // The dates of sentence `s` into the frame (FrameInput::dates).
  void AddDates(const Span& s, FrameInput* frame) const;
  const Hit* HomeWordIn(const Span& span) const;
  bool HomeImposes(const SentenceFacts& f, bool untargeted, const Hit** word) const;
  void DropMeasureActor(SentenceFacts* f) const;
  bool InOneClause(size_t from, size_t to) const;
  // Whether the mark at `at` is a list joiner of the document's language.
  bool JoinerAt(size_t at) const;
  // Whether `word` is an article of the document's language (pt "a", fr "l'").
  bool IsOwnArticle(std::string_view word) const;
  size_t DateAsideEnd(size_t from) const;
  bool BindsTrigger(const Hit& h, const Span& trigger) const;
  // `modified`: if not null, the agreement word h modifies.
  bool ModifiesAgreementWord(const SentenceFacts& f, const Hit& h, bool attached,
                             bool before = true, const Hit** modified = nullptr) const;
  Span DeedOf(const SentenceFacts& f) const;
  bool OfSecondDeal(const SentenceFacts& f, const Hit& h) const;
  bool OnlyDealNounBefore(const SentenceFacts& f, const Hit& h) const;
  const FrameWord* BoundStatus(const SentenceFacts& f, const Span& trigger, FrameRole deed,
                               bool measure_only = false) const;
  bool StatusOfLaterDeed(const SentenceFacts& f, const Hit& h, FrameRole deed) const;
  bool IsBackground(const SentenceFacts& f, const Span& trigger) const;
  bool HoldsMeasureWord(const SentenceFacts& f, const Span& trigger) const;
  bool InStatusClause(const SentenceFacts& f, const Hit& h, const Span& trigger,
                      FrameRole deed) const;
  bool IsWorldwide(const Span& seg) const;
  std::vector<std::string> PartMinerals(const SentenceFacts& f, const Span& seg) const;
  std::string MeasureStatus(const SentenceFacts& f, const Span& trigger, const Span& part) const;
  bool StartsLater(const Span& trigger, const Span& part) const;
  bool TalksTopic(const SentenceFacts& f, const Hit& measure) const;
  void ReadAgreement(const SentenceFacts& f);
  size_t StatusPosition(const SentenceFacts& f, const FrameWord* status_word) const;
  bool DoneBeforeStatus(const SentenceFacts& f, const std::vector<SlotFill>& fills,
                        const std::vector<SlotFill>& roles, size_t status_at) const;
  bool TalksPartner(const SentenceFacts& f, const std::vector<SlotFill>& roles) const;
  size_t LastSentenceAgreements() const;
  bool ReadJoining(const SentenceFacts& f);
  void ReadStatusBack(const SentenceFacts& f, size_t first, size_t end);
  const std::vector<std::string>* ContextPair() const;
  void AddPairWordFillers(const SentenceFacts& f, FrameInput* frame) const;
  // The sentence's parties with the countries of the people it names (Lula
  // and "the Argentine president": what a later "the two governments" means).
  std::vector<std::string> WithPeoplesCountries(const SentenceFacts& f) const;
  void AddHomeWordFillers(const SentenceFacts& f, FrameInput* frame) const;
  bool QualifiedHomeWord(const Hit& h, const Span& span) const;
  void AddCountFillers(const SentenceFacts& f, FrameInput* frame) const;
  void RememberList(const SentenceFacts& f);
  void ReadTreaties(const SentenceFacts& f);
  std::vector<std::string> NeighbourMinerals(const SentenceFacts& f,
                                             const std::vector<std::string>& parties) const;
  void DateAgreement(const Span& s, FoundAgreement* a) const;
  void RecordDatedDeed(const SentenceFacts& f);
  void ReadRefersBack(const SentenceFacts& f);
  void ReadMeasures(const SentenceFacts& f);
  void ReadMeasureJoining(const SentenceFacts& f);
  const Hit* JoinsWordOf(const SentenceFacts& f) const;
  FrameInput MeasureFrameOf(const SentenceFacts& f) const;
  void AddCompanyFillers(const SentenceFacts& f, FrameInput* frame) const;
  void AddPairImposers(const SentenceFacts& f, const Span& trigger, MeasureReading* reading) const;
  struct RelativeRoles {
    std::vector<const EntityMatch*> imposers;
    const EntityMatch* target = nullptr;
  };
  RelativeRoles RelativeImposer(const SentenceFacts& f, const Span& trigger) const;
  void AddMeasures(const SentenceFacts& f, const std::string& type, const Span& seg,
                   const MeasureReading& reading, const std::string& status);

  const Gazetteer& gaz_;
  const RelationInput& in_;
  const std::vector<Hit>& hits_;
  const Grammar grammar_;
  const std::vector<Span> boilerplate_;
  const std::string home_country_;
  bool names_home_ = false;  // The document names the home country somewhere.
  const std::vector<size_t> amounts_order_, dates_order_;
  // The pairs "the two countries" may stand for: the latest concluded
  // agreement's, else the headline's, else the latest sentence's.
  std::vector<std::string> last_pair_, headline_, story_pair_;
  // The countries each recent sentence named by name, when three or more
  // (sentence index, ids in order): what "the five countries" refers to.
  std::vector<std::pair<size_t, std::vector<std::string>>> recent_lists_;
  // The one party the latest sentence named (FrameInput::topic).
  std::optional<Filler> topic_;
  bool topic_is_actor_ = false;  // topic_ acted in the last sentence's deals.
  // The members of the grouping (Mercosur) named last in an earlier sentence:
  // what "the bloc" stands for (FrameRole::kTheBloc).
  std::string last_bloc_, bloc_of_sentence_;
  mutable std::map<std::string, std::set<std::string>> members_of_;  // Memo of MembersOf.
  size_t bloc_sentence_ = 0;
  std::vector<FoundAgreement> found_;
  size_t last_agreement_sentence_ = 0;  // Meaningful while `found_` is not empty.
  // Where that sentence's agreements begin in `found_` (found_.size() when it
  // made none; npos before any agreement sentence: a treaty named is none).
  size_t last_agreement_first_ = std::string::npos;
  std::vector<FoundRestriction> found_r_;
  // The last measure read with its imposer named: an untargeted measure of
  // the same type that names no imposer, later in the sentence or in the
  // next sentences, is that imposer's ("Washington imposed 25% tariffs on
  // Japanese goods. Steel pays 50% from every supplier"). Only the very
  // last: a measure of another type between ends the borrowing (keeping
  // the last of each type, or requiring the same status, read wrong
  // imposers on r13, r7 and r18). A targeted measure borrows nothing: on
  // the fresh sets such borrowing was wrong more often than right.
  struct LastMeasure {
    size_t sentence = std::string::npos;
    std::string type;
    std::vector<std::string> imposers;
  } last_measure_;
  // The sentence whose measures were read last and where in found_r_ they
  // begin: what a joins word in it or the next sentence joins.
  size_t measure_sentence_ = std::string::npos, measure_first_ = 0;
  std::vector<DatedDeed> dated_deeds_;
  // Every country of a chain (US-China-Japan) ends where its first one's
  // chain ends: one walk per chain, not one per country in it.
  MatchIt chain_first_, chain_last_;
};

bool DocumentReader::WordAfter(const EntityMatch& m, FrameRole role, size_t gap) const {
  return WordFrom(m.nfkc_end, role, gap);
}

const std::string* DocumentReader::ActingFor(const EntityMatch& m) const {
  if (m.entity == EntityMatch::kRule) return nullptr;
  const auto& attrs = gaz_.entities()[m.entity].attrs;
  if (auto it = attrs.find("acts-for"); it != attrs.end()) return &it->second;
  return HomeIfKind(m, "agency");
}

const std::string* DocumentReader::HomeIfKind(const EntityMatch& m, std::string_view kind) const {
  if (m.entity == EntityMatch::kRule) return nullptr;
  const auto& attrs = gaz_.entities()[m.entity].attrs;
  auto kind_it = attrs.find("kind"), country_it = attrs.find("country");
  if (kind_it == attrs.end() || kind_it->second != kind || country_it == attrs.end())
    return nullptr;
  return &country_it->second;
}

const Hit* DocumentReader::HitFrom(size_t pos, FrameRole role, size_t gap) const {
  for (auto it = FirstHitFrom(pos); it != hits_.end() && it->begin <= pos + gap; ++it)
    if (it->role == role) return &*it;
  return nullptr;
}

const std::set<std::string>* DocumentReader::MembersOf(const std::string& group) const {
  auto [it, added] = members_of_.try_emplace(group);
  if (const int e = added ? gaz_.Find(EntityKind::kGroup, group) : -1; e >= 0) {
    const auto& attrs = gaz_.entities()[static_cast<size_t>(e)].attrs;
    if (const auto m = attrs.find("members"); m != attrs.end())
      for (const std::string& id : Split(m->second, ',')) it->second.insert(id);
  }
  return it->second.empty() ? nullptr : &it->second;
}

void DocumentReader::DropMemberPairs(
    std::vector<std::pair<std::string, std::string>>* pairs) const {
  std::map<std::string, std::set<std::string>> own;  // Bloc -> its members paired with it.
  pairs->erase(
      std::remove_if(pairs->begin(), pairs->end(),
                     [&](const std::pair<std::string, std::string>& p) {
                       for (const auto& [bloc, member] : {p, std::make_pair(p.second, p.first)})
                         if (const auto* m = MembersOf(bloc); m && m->count(member)) {
                           own[bloc].insert(member);
                           return true;
                         }
                       return false;
                     }),
      pairs->end());
  if (!pairs->empty() || own.size() != 1 || own.begin()->second.size() < 2) return;
  const std::set<std::string>& members = own.begin()->second;
  for (auto x = members.begin(); x != members.end(); ++x)
    for (auto y = std::next(x); y != members.end(); ++y) pairs->emplace_back(*x, *y);
}

size_t DocumentReader::WordStartBefore(const EntityMatch& m, FrameRole role, size_t gap) const {
  const size_t from = m.nfkc_begin > 64 + gap ? m.nfkc_begin - 64 - gap : 0;
  for (auto it = FirstHitFrom(from); it != hits_.end() && it->begin < m.nfkc_begin; ++it)
    if (it->role == role && it->end <= m.nfkc_begin && m.nfkc_begin <= it->end + gap)
      return it->begin;
  return std::string::npos;
}

// Whether country `m` names where a place is: "in Busan, South Korea,",
// "à Kananaskis, au Canada", "tại Busan, Hàn Quốc": a place word, a
// capitalised name that is no entity (one to three words), a comma, and the
// country, which a comma, a stop or a bracket ends. Then the country is no
// party of what was done there, as a capital that is the venue is none.
bool DocumentReader::AfterPlaceName(const EntityMatch& m, size_t sentence_begin) const {
  const std::string_view t = in_.nfkc;
  // The country closes its phrase (the cheapest test first: most countries
  // go on with a verb or a noun).
  size_t after = m.nfkc_end;
  while (after < t.size() && t[after] == ' ') ++after;
  if (after < t.size() && std::string_view(",.;)").find(t[after]) == std::string_view::npos)
    return false;
  const bool comma_after = after < t.size() && t[after] == ',';
  // Whether a slot word other than `allowed` stands in [from, to).
  auto slot_word_in = [&](size_t from, size_t to, std::initializer_list<FrameRole> allowed) {
    for (auto it = FirstHitFrom(from); it != hits_.end() && it->begin < to; ++it)
      if (IsSlotMarker(it->role) &&
          std::find(allowed.begin(), allowed.end(), it->role) == allowed.end())
        return true;
    return false;
  };
  size_t at = m.nfkc_begin;
  while (at > 0 && t[at - 1] == ' ') --at;
  // A short preposition of its own may stand before the country (", en Corée
  // du Sud", ", au Canada"), not a joiner nor another slot word (", and
  // Japan", ", by Angola").
  constexpr size_t kPreposition = 3;  // bytes
  size_t word = at;
  while (word > 0 && std::islower(static_cast<unsigned char>(t[word - 1]))) --word;
  if (word < at && at - word <= kPreposition && word > 0 && t[word - 1] == ' ' &&
      !IsOwnArticle(t.substr(word, at - word)) &&
      !slot_word_in(word, at, {FrameRole::kDativeBefore, FrameRole::kDestinationBefore}))
    at = word - 1;
  while (at > 0 && t[at - 1] == ' ') --at;
  if (at == 0 || t[at - 1] != ',') return false;
  const size_t comma = at - 1;
  // Nor a list's first ("In Niamey, Burkina Faso, Mali and Niger signed"); a
  // name with a slot word of its own (", with Australia") is no list member.
  constexpr size_t kNextName = 12;  // bytes: ", le Mali"
  for (auto o = FirstMatchFrom(m.nfkc_end);
       comma_after && o != in_.matches->end() && o->nfkc_begin <= m.nfkc_end + kNextName; ++o)
    if ((o->kind == EntityKind::kCountry || o->kind == EntityKind::kGroup) &&
        !slot_word_in(m.nfkc_end, o->nfkc_begin, {FrameRole::kListJoiner}))
      return false;
  constexpr int kPlaceWords = 3;
  size_t name_begin = comma;
  for (int words = 0; words < kPlaceWords; ++words) {
    size_t e = name_begin;
    while (e > 0 && t[e - 1] == ' ') --e;
    size_t b = e;
    for (int32_t c = CodePointBefore(t, b); c > 0 && (u_isalpha(c) || c == '-' || c == '\'');
         c = CodePointBefore(t, b))
      b -= U8_LENGTH(c);
    if (b == e || !u_isupper(CodePointAt(t, b))) return false;
    name_begin = b;
    // The place word right before the name.
    constexpr size_t kPlaceWordReach = 16;  // bytes: the longest place word, "réunion de "
    const size_t from = name_begin > kPlaceWordReach ? name_begin - kPlaceWordReach : 0;
    for (auto it = FirstHitFrom(from); it != hits_.end() && it->begin < name_begin; ++it)
      if (it->role == FrameRole::kPlaceBefore && it->begin >= sentence_begin &&
          it->end <= name_begin && name_begin - it->end <= 1) {
        // A fronted place ("In April, China, the largest buyer, signed"):
        // the name after it is the subject, set off by an aside.
        if (comma_after &&
            t.substr(sentence_begin, it->begin - sentence_begin).find_first_not_of(" \"'") ==
                std::string_view::npos)
          return false;
        // No name the gazetteers know: "in Japan, South Korea" is a list.
        for (auto o = FirstMatchFrom(name_begin); o != in_.matches->end() && o->nfkc_begin < comma;
             ++o)
          if (o->nfkc_end > name_begin) return false;
        return true;
      }
  }
  return false;
}

const EntityMatch& DocumentReader::ChainEndOf(MatchIt mi) {
  if (chain_first_ == in_.matches->end() || mi < chain_first_ || mi > chain_last_) {
    chain_first_ = mi;
    chain_last_ = ChainEnd(*in_.matches, mi, in_.nfkc);
  }
  return *chain_last_;
}

// The blocks are in text order and apart: the last one starting at or
// before the sentence is the only one that can hold it.
bool DocumentReader::InBoilerplate(const Span& s) const {
  auto after = std::upper_bound(boilerplate_.begin(), boilerplate_.end(), s.begin,
                                [](size_t pos, const Span& b) { return pos < b.begin; });
  return after != boilerplate_.begin() && s.begin < std::prev(after)->end;
}

void DocumentReader::ReadSentence(size_t si, const Span& part) {
  SentenceFacts f;
  f.index = si;
  f.span = part;
  f.sentence = (*in_.sentences)[si];
  f.dateline_close = DatelineClose(in_.nfkc, f.span);
  f.hits_begin = FirstHitFrom(f.span.begin);
  f.hits_end = FirstHitFrom(f.span.end);
  // "The bloc" stands for the grouping an earlier sentence named last; when
  // a group (the EU, ASEAN) was named after it, for none (abstain).
  if (bloc_sentence_ < si) last_bloc_ = bloc_of_sentence_;
  size_t grouping_end = 0;
  for (auto h = f.hits_begin; h != f.hits_end; ++h)
    if (h->role == FrameRole::kGrouping) {
      bloc_of_sentence_ = h->word->value;
      bloc_sentence_ = si;
      grouping_end = h->end;
    }
  for (auto m = FirstMatchFrom(f.span.begin); m != in_.matches->end() && m->nfkc_begin < f.span.end;
       ++m)
    if (m->kind == EntityKind::kGroup && m->nfkc_begin >= grouping_end) {
      bloc_of_sentence_.clear();
      bloc_sentence_ = si;
    }
  CollectEntities(&f);
  ScanWords(&f);
  DropSubordinateOnly(&f);
  f.boiler = InBoilerplate(f.span);
  f.explicit_parties = f.parties;
  const std::vector<std::string> told = WithPeoplesCountries(f);
  if (si == 0 && told.size() >= 2) headline_ = told;
  AddHomeGovernment(&f);
  DropMeasureActor(&f);
  const size_t found_before = found_.size();
  const size_t last_sentence = last_agreement_sentence_, last_first = LastSentenceAgreements();
  const bool joined = !f.boiler && ReadJoining(f);
  if (!f.boiler && !f.kind.empty() && !joined) ReadAgreement(f);
  if (!f.boiler && !joined && last_sentence + 1 == f.index)
    ReadStatusBack(f, last_first, found_before);
  if (!f.boiler) ReadTreaties(f);
  if (!f.boiler) {
    RecordDatedDeed(f);
    ReadRefersBack(f);
  }
  if (!f.boiler && !f.restriction.empty()) ReadMeasures(f);
  if (!f.boiler) ReadMeasureJoining(f);
  if (f.explicit_parties.size() >= 2)
    last_pair_ = f.explicit_parties;
  else if (told.size() == 2)
    last_pair_ = told;
  RememberList(f);
  // The topic a next sentence may leave unsaid: the one party this one names.
  // (Not when a person or agency of another country is named: 馮德萊恩與哈薩克
  // 總理簽署 has two parties, one of them a person.)
  // Or the one actor of the deals this sentence read as done ("日本は米国と協定を
  // 結んだ。…オーストラリアと…を交わしている"): the next deed's unsaid actor
  // where the language leaves subjects unsaid (ReadAgreement says when).
  std::optional<Filler> actor;
  bool one_actor = found_.size() > found_before;
  for (size_t k = found_before; k < found_.size() && one_actor; ++k) {
    if (found_[k].status != "concluded") one_actor = false;
    for (const SlotFill& r : found_[k].roles)
      if (r.slot == Slot::kActor && (!actor.has_value() || actor->id != r.id)) {
        if (actor.has_value()) one_actor = false;
        for (const EntityMatch* m : f.party_matches)
          if (m->nfkc_begin == r.begin && !actor.has_value()) {
            Filler x;
            if (ToFiller(gaz_, in_.nfkc, *m, &x, grammar_.lang) &&
                x.kind != Filler::Kind::kPerson && x.id == r.id)
              actor = x;
          }
      }
  }
  topic_.reset();
  topic_is_actor_ = false;
  if (f.explicit_parties.size() != 1) {
    if (one_actor && actor.has_value()) {
      topic_ = actor;
      topic_is_actor_ = true;
    }
    return;
  }
  for (const EntityMatch* m : f.party_matches) {
    Filler x;
    if (!ToFiller(gaz_, in_.nfkc, *m, &x, grammar_.lang)) continue;
    if (x.id != f.explicit_parties.front()) {
      topic_.reset();
      return;
    }
    if (!topic_.has_value() && x.kind != Filler::Kind::kPerson) topic_ = x;
  }
  // Nor when another country's adjective qualifies a subject in it, as no
  // party ("Saudi support helped Pakistan win the loan": the next
  // sentence's unsaid actor may be either). A target, a venue or a place
  // named by its noun leaves the topic as it is.
  if (topic_.has_value() &&
      std::any_of(f.country_matches.begin(), f.country_matches.end(), [&](const EntityMatch* m) {
        return IdOf(*m) != topic_->id && m->alias != EntityMatch::kRule &&
               (gaz_.aliases()[m->alias].flags & kAliasDemonym) != 0 && !AtPlace(*m) &&
               !WordBefore(*m, FrameRole::kTargetBefore, 1) &&
               !InDateline(in_.nfkc, f.span, f.dateline_close, *m);
      }))
    topic_.reset();
  // Nor when the one party is the partner of someone unsaid ("Les
  // discussions avec l'Australie butent…"). The frame is built only where a
  // partner word is in the sentence.
  const bool partner_word = std::any_of(f.hits_begin, f.hits_end, [&](const Hit& h) {
    return (h.role == FrameRole::kPartnerBefore || h.role == FrameRole::kPartnerAfter) &&
           Contains(f.span, h.begin, h.end);
  });
  if (topic_.has_value() && partner_word &&
      MarkedAsPartner(FrameOf(gaz_, in_.nfkc, f.span, grammar_, f.hits_begin, f.hits_end,
                              f.party_matches, f.parties, last_bloc_),
                      *topic_))
    topic_.reset();
}

// The parts of sentence `si` read apart: a contrast word after a comma
// (", while", ", mentre", ", alors que", "，而", "، بينما") opens a clause
// with a deed of its own ("the accords with Japan and Canada are in force,
// while the one with Mercosur is not yet signed"): its parties and status
// words are not the first clause's. Only when both sides hold an agreement
// word or a measure word; else the whole sentence, as one part. Talks with
// a partner word count on a side that names two countries or groups at
// least ("negotiations with India and Indonesia, while Brussels relies on
// the agreements in force with Japan"), not on one that names fewer, whose
// actor is the other side's ("…, while the talks with India may close this
// month"), nor talks with no partner ("…, while Australian and New Zealand
// farmers gained access, a point that worried Britain during the
// negotiations").
std::vector<Span> DocumentReader::ContrastParts(size_t si) const {
  const Span& s = (*in_.sentences)[si];
  // A run-on "sentence" of a broken file is read whole, so the work stays
  // linear (each break below looks back over the hits before it).
  if (s.end - s.begin > kMaxClauseSentence) return {s};
  const auto hits_end = FirstHitFrom(s.end);
  // Countries, groups and groupings (Efta, the Quad) named in [b, e), each once.
  auto names_in = [&](size_t b, size_t e) {
    std::set<std::string> ids;
    for (auto m = FirstMatchFrom(b); m != in_.matches->end() && m->nfkc_begin < e; ++m)
      if (m->nfkc_end <= e && (m->kind == EntityKind::kCountry || m->kind == EntityKind::kGroup))
        ids.insert(IdOf(*m));
    for (auto h = FirstHitFrom(b); h != hits_end && h->begin < e; ++h)
      if (h->role == FrameRole::kGrouping && h->end <= e) ids.insert(h->word->value);
    return ids.size();
  };
  // Talks with their partner word after them ("negotiations with", "negoziati
  // di libero scambio con"), not talks alone ("during the negotiations").
  constexpr size_t kTalksPartnerGap = 24;  // bytes: " di libero scambio "
  auto talks_with = [&](std::vector<Hit>::const_iterator t, size_t e) {
    for (auto p = std::next(t);
         p != hits_end && p->begin < e && p->begin <= t->end + kTalksPartnerGap; ++p)
      if (p->role == FrameRole::kPartnerBefore && InOneClause(t->end, p->begin)) return true;
    return false;
  };
  // `measures`: a contrast's sides, where a measure is a deed too, and so
  // are talks with a partner on a side that names two parties and a verb of
  // imposing on one that names a party ("…, mentre Pechino applica l'84% su
  // tutti i prodotti americani").
  auto deed_in = [&](size_t b, size_t e, bool measures) {
    bool talks = false, imposes = false;
    for (auto h = FirstHitFrom(b); h != hits_end && h->begin < e; ++h) {
      if (h->end > e) continue;
      if ((measures && h->role == FrameRole::kMeasure) ||
          (h->role == FrameRole::kAgreement && h->word->value != "talks"))
        return true;
      talks = talks ||
              (h->role == FrameRole::kAgreement && h->word->value == "talks" && talks_with(h, e));
      imposes = imposes || h->role == FrameRole::kImposingVerb;
    }
    return measures && ((talks && names_in(b, e) > 1) || (imposes && names_in(b, e) > 0));
  };
  std::vector<Span> pieces, parts;
  size_t begin = s.begin;
  // A semicolon joins two clauses of their own as a contrast word does
  // ("…has free trade agreements with China and Japan; via EFTA the one
  // with India is in force"), when both hold an agreement word: a measure
  // after it is often the one before, its imposer unsaid ("Trump lifted the
  // surtax on beef; the surtax still applies to most other goods"); and
  // when both name two parties at least: "the partnership with Egypt fits a
  // wider approach; the EU signed with Tunisia" leaves its actor to the next.
  // One party before it is enough when the clause after has no partner word,
  // its parties are its own ("assinou com a Ucrânia o acordo …; a República
  // Democrática do Congo e Ruanda firmaram um acordo de paz").
  auto partner_word_in = [&](size_t b, size_t e) {
    for (auto h = FirstHitFrom(b); h != hits_end && h->begin < e; ++h)
      if (h->role == FrameRole::kPartnerBefore || h->role == FrameRole::kPartnerAfter) return true;
    return false;
  };
  // So does a comma and a joiner word with a new subject right after them
  // ("La France a signé avec le Kazakhstan, l'Ouzbékistan et la Mongolie, et
  // l'Union européenne a conclu un accord-cadre avec le Chili"), when both
  // sides hold an agreement word and name two parties: the partner after
  // it is not the first clause's. `subject_at`: the subject's start, else npos.
  constexpr size_t kSubjectGap = 6;   // bytes: " the ", " l'"
  constexpr size_t kMaxDeedGap = 24;  // bytes: " has already concluded "
  auto subject_at = [&](size_t at) {
    const size_t comma = CommaAt(in_.nfkc, at);
    if (comma == 0) return std::string_view::npos;
    size_t pos = at + comma;
    while (pos < s.end && in_.nfkc[pos] == ' ') ++pos;
    // A joiner word, not an article that joins a list after its comma (pt
    // "Angola, a República Democrática do Congo").
    auto joiner = FirstHitFrom(pos);
    while (joiner != hits_end && joiner->begin == pos &&
           (joiner->role != FrameRole::kListJoiner || IsOwnArticle(joiner->word->word)))
      ++joiner;
    if (joiner == hits_end || joiner->begin != pos) return std::string_view::npos;
    // Only spaces or an article between: no marker ("and with Ukraine").
    auto m = FirstMatchFrom(joiner->end);
    if (m == in_.matches->end() || m->nfkc_begin >= s.end ||
        (m->kind != EntityKind::kCountry && m->kind != EntityKind::kGroup) ||
        m->nfkc_begin - joiner->end > kSubjectGap ||
        HasClauseBreak(in_.nfkc, joiner->end, m->nfkc_begin))
      return std::string_view::npos;
    for (auto h = std::next(joiner); h != hits_end && h->begin < m->nfkc_begin; ++h)
      if (h->begin >= joiner->end) return std::string_view::npos;
    // The subject's own deed follows in its clause, past the rest of its
    // list ("…, and France, Germany and Italy signed", "…, and the European
    // Union has concluded"; not an Oxford comma's last member: "Korea
    // Selatan, dan Uni Emirat Arab, sedangkan …").
    constexpr size_t kListGap = 12;  // bytes: ", and the "
    size_t list_end = m->nfkc_end;
    for (auto n = std::next(m); n != in_.matches->end() && n->nfkc_begin < s.end; ++n) {
      if (n->nfkc_begin < list_end) continue;
      if ((n->kind != EntityKind::kCountry && n->kind != EntityKind::kGroup) ||
          n->nfkc_begin - list_end > kListGap)
        break;
      // Only commas, spaces, articles and joiner words between.
      bool gap = true;
      for (auto h = FirstHitFrom(list_end); gap && h != hits_end && h->begin < n->nfkc_begin; ++h)
        gap = h->role == FrameRole::kListJoiner;
      for (size_t at = list_end; gap && at < n->nfkc_begin; ++at)
        gap = CommaAt(in_.nfkc, at) > 0 || ClauseBreakAt(in_.nfkc, at) == 0;
      if (!gap) break;
      list_end = n->nfkc_end;
    }
    // (Only hits within kMaxDeedGap: a deed further on is no subject's.)
    for (auto h = FirstHitFrom(list_end);
         h != hits_end && h->begin < s.end && h->begin - list_end <= kMaxDeedGap; ++h) {
      if (HasClauseBreak(in_.nfkc, list_end, h->begin)) break;
      if (h->role == FrameRole::kAgreement || h->role == FrameRole::kStrong) return m->nfkc_begin;
    }
    return std::string_view::npos;
  };
  for (size_t at = s.begin; at < s.end; ++at) {
    size_t n = SemicolonAt(in_.nfkc, at);
    size_t next = at + n;
    const bool semicolon = n > 0;
    if (!semicolon) {
      next = subject_at(at);
      if (next == std::string_view::npos) continue;
      n = CommaAt(in_.nfkc, at);
    }
    while (next < s.end && in_.nfkc[next] == ' ') ++next;
    // The clause after it, up to the next semicolon.
    size_t clause_end = next;
    while (clause_end < s.end && SemicolonAt(in_.nfkc, clause_end) == 0) ++clause_end;
    const size_t before = names_in(begin, at);
    if (deed_in(begin, at, false) && deed_in(next, s.end, false) &&
        (before >= 2 || (semicolon && before == 1 && !partner_word_in(next, clause_end))) &&
        names_in(next, s.end) >= 2) {
      pieces.push_back({begin, at});
      begin = next;
    }
    at += n - 1;
  }
  pieces.push_back({begin, s.end});
  // Contrast words split a piece further (from `begin`, which they move).
  auto contrast_split = [&](const Span& piece, size_t& begin) {
    for (auto h = FirstHitFrom(begin); h != hits_end; ++h) {
      if ((h->role != FrameRole::kContrast && h->role != FrameRole::kContrastEnd &&
           h->role != FrameRole::kContrastJoined) ||
          h->end > piece.end || h->begin < begin)
        continue;
      // A break right before the word (",", "،", "，", ";"), or the word's own
      // ("，而"); a word that ends its clause (지만,) splits right after it; a
      // joined deed ("e assinará") right before it.
      const bool at_end = h->role == FrameRole::kContrastEnd;
      size_t at = at_end ? h->end
                  : h->role == FrameRole::kContrastJoined || ClauseBreakAt(in_.nfkc, h->begin) > 0
                      ? h->begin
                      : BreakBefore(in_.nfkc, begin, h->begin);
      // The new clause's subject may stand between the break and the word, a
      // country's name alone ("，中國則對美國商品…", "，中国则对…") or, where
      // the word is written onto its subject (no space: 则仍), a short noun
      // phrase that names a party ("，欧盟与美国的类似协议则仍在谈判之中"): the
      // nearest break before the word that joins no list (、 in zh), no
      // further than kSubjectReach. (Not "with Japan, Australia and Ukraine
      // but is still negotiating": an English list's comma.)
      constexpr size_t kSubjectReach = 36;  // bytes: 欧盟与美国的类似协议 (30)
      size_t subject = std::string_view::npos;
      if (!at_end && at == std::string_view::npos)
        for (auto m = FirstMatchFrom(begin); m != in_.matches->end() && m->nfkc_begin < h->begin;
             ++m)
          if (m->nfkc_end == h->begin &&
              (m->kind == EntityKind::kCountry || m->kind == EntityKind::kGroup) &&
              (at = BreakBefore(in_.nfkc, begin, m->nfkc_begin)) != std::string_view::npos)
            subject = m->nfkc_begin;
      if (!at_end && at == std::string_view::npos && h->begin > begin &&
          in_.nfkc[h->begin - 1] != ' ') {
        size_t brk = h->begin, mark = std::string_view::npos;
        for (; brk > begin && h->begin - brk <= kSubjectReach; --brk)
          if (mark = BreakBefore(in_.nfkc, begin, brk); mark != std::string_view::npos) {
            if (!JoinerAt(mark)) break;
            mark = std::string_view::npos;
          }
        if (mark != std::string_view::npos && names_in(brk, h->begin) > 0) {
          at = mark;
          subject = brk;
        }
      }
      // The second part starts past the word, its comma (if the word was
      // read without it) and spaces.
      size_t next = at_end ? h->end : subject != std::string_view::npos ? subject : h->begin;
      if (const size_t n = at_end ? ClauseBreakAt(in_.nfkc, next) : 0; n > 0) next += n;
      while (at_end && next < piece.end && in_.nfkc[next] == ' ') ++next;
      if (at == std::string_view::npos || !deed_in(begin, at, true) ||
          !deed_in(next, piece.end, true))
        continue;
      parts.push_back({begin, at});
      begin = next;
    }
  };
  for (const Span& piece : pieces) {
    begin = piece.begin;
    contrast_split(piece, begin);
    parts.push_back({begin, piece.end});
  }
  return parts;
}

// Whether demonym `mi` is an adjective of the deal word right before it, with
// only the deal's other adjectives of country between ("البيان المشترك
// الأمريكي الصيني", "l'accord chinois"): the deal's parties, no firms' home.
bool DocumentReader::ModifiesDeal(MatchIt mi) const {
  constexpr size_t kReach = 64;  // bytes: two demonyms back to the deal word
  // (Where adjectives come first, one after a verb is its object's: "signed
  // Chinese-funded contracts".)
  if (!grammar_.adjective_after) return false;
  const size_t at = mi->nfkc_begin;
  for (auto h = FirstHitFrom(at > kReach ? at - kReach : 0); h != hits_.end() && h->begin < at;
       ++h) {
    if ((h->role != FrameRole::kAgreement && h->role != FrameRole::kStrong) || h->end > at ||
        h->word->value == "talks")
      continue;
    // The gap: spaces, hyphens and the country adjectives before this one.
    size_t pos = h->end;
    for (auto m = FirstMatchFrom(h->end); pos < at && m != mi; ++m) {
      if (m->kind != EntityKind::kCountry) break;
      if (in_.nfkc.substr(pos, m->nfkc_begin - pos).find_first_not_of(" -") !=
          std::string_view::npos)
        break;
      pos = m->nfkc_end;
    }
    if (pos <= at &&
        in_.nfkc.substr(pos, at - pos).find_first_not_of(" -") == std::string_view::npos)
      return true;
  }
  return false;
}

// Whether country match `mi` is a party of its sentence: not a target
// (after "against", 対), a company's home (a demonym, 中资企业), one of two
// rivals (米中対立), a capital as the venue (在北京签署), a mediator
// (米国仲介の) or the dateline.
bool DocumentReader::IsCountryParty(MatchIt mi, const SentenceFacts& f) {
  const EntityMatch& m = *mi;
  const bool targeted = WordBefore(m, FrameRole::kTargetBefore, 1);
  // "a Thai battery maker", 中资企业, 한국 기업: companies, not states.
  const bool demonym =
      m.alias != EntityMatch::kRule && (gaz_.aliases()[m.alias].flags & kAliasDemonym) != 0;
  // The government word follows the adjective ("the Indian government") or,
  // in Romance languages, comes right before it ("el gobierno indio").
  // 美國皮博迪能源, 韓國浦項制鐵: a country written right onto a listed
  // company (of that home) names the company's home, no state.
  const auto next = std::next(mi);
  const std::string* firm_home = next != in_.matches->end() &&
                                         next->kind == EntityKind::kOrganization &&
                                         next->nfkc_begin == m.nfkc_end
                                     ? HomeIfKind(*next, "company")
                                     : nullptr;
  const bool company_home = firm_home != nullptr && *firm_home == IdOf(m);
  // A person's title beside the adjective ("el presidente chileno", "the
  // Chilean president") makes it the state's, as a government word does.
  const bool titled = demonym && (BeforeTitleBegin(gaz_, in_.nfkc, m.nfkc_begin) < m.nfkc_begin ||
                                  AfterTitleEnd(gaz_, in_.nfkc, m.nfkc_end) > m.nfkc_end);
  const bool company = company_home || WordAfter(m, FrameRole::kNotPartyAfter, 1) ||
                       (demonym && !titled && !WordAfter(m, FrameRole::kGovernment, 24) &&
                        !WordBefore(m, FrameRole::kGovernment, 1) && !ModifiesDeal(mi));
  // 米中対立, "US-China tensions", "tensions with the United States": the
  // countries of the chain, or the country the word is about, are at odds,
  // not parties to what the sentence reports.
  const bool rivals = WordAfter(ChainEndOf(mi), FrameRole::kRivalry, 1) ||
                      WordBefore(m, FrameRole::kRivalryBefore, 5);
  // "signed in Washington", 在北京签署, 東京で: a capital as the venue; "in
  // Busan, South Korea": the venue's country.
  const bool venue = CapitalAsPlace(m) || AfterPlaceName(m, f.span.begin);
  // "US-brokered", 米国仲介の, 在美國總統見證下, "brokered by the United
  // States": the country that mediates or witnesses is not a party.
  bool mediator = WordBefore(m, FrameRole::kMediatorBefore, 8);
  for (auto it = FirstHitFrom(m.nfkc_end);
       !mediator && it != hits_.end() && it->begin <= m.nfkc_end + 12; ++it) {
    if (it->role != FrameRole::kMediatorAfter) continue;
    // The word belongs to the nearest country before it ("ルワンダが米国仲介").
    auto next = std::next(mi);
    mediator = next == in_.matches->end() || next->kind != EntityKind::kCountry ||
               next->nfkc_begin >= it->begin;
  }
  return !targeted && !company && !rivals && !venue && !mediator &&
         !InDateline(in_.nfkc, f.span, f.dateline_close, m);
}

// The sentence's countries, groups, people, minerals and organizations, and
// which of them may be parties.
void DocumentReader::CollectEntities(SentenceFacts* f) {
  const Span& s = f->span;
  for (auto mi = FirstMatchFrom(s.begin); mi != in_.matches->end() && mi->nfkc_begin < s.end;
       ++mi) {
    const EntityMatch& m = *mi;
    if (!Contains(s, m.nfkc_begin, m.nfkc_end)) continue;
    if (m.kind == EntityKind::kCountry) {
      if (IsCountryParty(mi, *f)) {
        AddUnique(&f->parties, IdOf(m));
        f->party_matches.push_back(&m);
      }
      f->country_matches.push_back(&m);
    } else if (m.kind == EntityKind::kGroup) {
      f->group_matches.push_back(&m);
      // A country after "against"/対 (対中依存) is a target, not a party.
      const bool targeted = WordBefore(m, FrameRole::kTargetBefore, 1);
      const bool capital_venue = CapitalAsPlace(m);
      // The venue word may follow the group's bracketed acronym: 上海協力機構（SCO）首脳会議.
      const size_t aside = AsideEnd(in_.nfkc, m.nfkc_end);
      // A forum (kind=forum: the G20, BRICS) is where members meet, no party
      // of a deal; a grouping's name (the G7 ... members) stands for them.
      if (!targeted && !capital_venue && !IsForum(gaz_, m) && !WordAfter(m, FrameRole::kVenue, 3) &&
          !(aside > m.nfkc_end && WordFrom(aside, FrameRole::kVenue, 3)) &&
          !InDateline(in_.nfkc, s, f->dateline_close, m)) {
        AddUnique(&f->parties, IdOf(m));
        f->party_matches.push_back(&m);
      }
    } else if (m.kind == EntityKind::kPerson) {
      f->party_matches.push_back(&m);  // Stands for its country only in a slot.
    } else if (m.kind == EntityKind::kMineral) {
      AddUnique(&f->minerals, IdOf(m));
    } else if (m.kind == EntityKind::kOrganization) {
      AddUnique(&f->orgs, IdOf(m));
      f->org_matches.push_back(&m);
      // A state agency (経済産業省, MOFCOM) acts for its country, and a body
      // with acts-for= (the European Commission) for its group, unless it
      // is where things happened ("at the White House", ホワイトハウスで).
      const bool venue = AtPlace(m);
      // A government body found by the shape of its name (菲律宾贸工部) stands
      // for its country only in a slot, like a person.
      if (m.entity == EntityMatch::kRule && !venue && m.rule_kind == "agency" &&
          !m.rule_country.empty())
        f->rule_agencies.push_back(&m);
      if (const std::string* home = ActingFor(m); home != nullptr && !venue) {
        AddUnique(&f->parties, *home);
        f->party_matches.push_back(&m);
      }
    }
  }
}

void DocumentReader::ScanWords(SentenceFacts* f) const {
  for (auto hi = f->hits_begin; hi != f->hits_end; ++hi) {
    const Hit& h = *hi;
    if (!Contains(f->span, h.begin, h.end)) continue;
    const FrameRole role = h.role;
    if (role == FrameRole::kAgreement &&
        (f->kind.empty() || KindRank(h.word->value) < KindRank(f->kind)))
      f->kind = h.word->value;
    else if (role == FrameRole::kStrong)
      f->strong = true;
    else if (role == FrameRole::kStatus)
      f->hedge = true;
    else if (role == FrameRole::kExample)
      f->example = true;
    else if (role == FrameRole::kPair)
      // "两国企业签署了…备忘录", "firms of both countries": the pair's
      // companies act, not the two states.
      f->pair = f->pair || !WordFrom(h.end, FrameRole::kNotPartyAfter, 1);
    else if (role == FrameRole::kCount)
      f->counts.push_back(&h);
    else if (role == FrameRole::kMineralsInGeneral)
      f->in_general = true;
    else if (role == FrameRole::kMeasure && f->restriction.empty()) {
      f->restriction = h.word->value;
      f->restriction_at = h.begin;
    }
  }
}

// A subordinate clause ("... as China tightens its grip", "Amid ...,",
// ", which controls 80% of nickel refining,", "激化する中、") is about
// something else: when an agreement or restriction word stands outside
// every such clause, what is named only inside them is not part of it.
// (Sentences of news are short; a run-on "sentence" of a broken file is
// skipped so the work stays linear.)
void DocumentReader::DropSubordinateOnly(SentenceFacts* f) const {
  const Span& s = f->span;
  if (s.end - s.begin > kMaxClauseSentence) return;
  std::vector<Span> sub;
  const bool contrast_part =
      s.begin != f->sentence.begin &&
      std::any_of(f->hits_begin, f->hits_end, [&](const Hit& c) {
        return c.role == FrameRole::kContrast && c.begin == s.begin;
      });
  for (auto hi = f->hits_begin; hi != f->hits_end; ++hi) {
    const Hit& h = *hi;
    if (!Contains(s, h.begin, h.end)) continue;
    if (h.role != FrameRole::kClauseStart && h.role != FrameRole::kClauseEnd) continue;
    // A contrast part (ContrastParts) is the clause its contrast word opens.
    // (A part after a semicolon keeps its subordinate clauses.)
    if (h.begin == s.begin && contrast_part) continue;
    bool coordination = false;  // "as well as", "such as"
    // ", and struck a deal with Ukraine": a comma and a list joiner right
    // before a deed join a second deed to the same subject (not a relative,
    // ", which signed", ", who signed": a clause of its own).
    constexpr size_t kDeedGap = 20;  // bytes: " also ", " in October ", " on 12 March "
    const bool comma_word = h.role == FrameRole::kClauseStart && CommaAt(in_.nfkc, h.begin) > 0 &&
                            WordFrom(h.begin + 1, FrameRole::kListJoiner,
                                     h.end - h.begin > 2 ? h.end - h.begin - 2 : 0);
    // No name between: ", and the European Union signed" has a subject of its own.
    if (const Hit* deed = comma_word ? HitFrom(h.end, FrameRole::kStrong, kDeedGap) : nullptr) {
      const MatchIt mi = FirstMatchFrom(h.end);
      coordination = mi == in_.matches->end() || mi->nfkc_begin >= deed->begin;
    }
    coordination = coordination || (comma_word && SecondObjectOfDeed(*f, h));
    for (auto hj = f->hits_begin; hj != f->hits_end && !coordination; ++hj)
      if (hj->role == FrameRole::kNotClause && hj->begin <= h.begin && h.end <= hj->end)
        coordination = true;
    if (coordination) continue;
    if (h.role == FrameRole::kClauseStart) {  // To the next break.
      sub.push_back({h.begin, ClauseEndFrom(in_.nfkc, h.end, s.end)});
    } else {  // From the last break before it.
      const size_t b = ClauseStartBefore(in_.nfkc, s.begin, h.begin);
      sub.push_back({b, h.end});
    }
  }
  auto inside = [&](size_t b, size_t e) {
    for (const Span& x : sub)
      if (x.begin <= b && e <= x.end) return true;
    return false;
  };
  // A main clause of a measure only, with a deal told in a subordinate
  // one ("tariffs apply to all except Britain, which signed a deal with
  // Washington"): the clause's names are that deal's, kept. So with a main
  // clause of talks only and a deed done in the subordinate one ("o
  // Mercosul, que assinou um acordo com Cingapura, mantém negociações com o
  // Canadá": both are read, each partner with its own status).
  bool main_agreement = false, main_deal = false, main_measure = false, sub_agreement = false,
       sub_deed = false;
  for (auto hi = f->hits_begin; hi != f->hits_end; ++hi) {
    if (!Contains(s, hi->begin, hi->end)) continue;
    if (inside(hi->begin, hi->end)) {
      sub_agreement =
          sub_agreement || hi->role == FrameRole::kAgreement || hi->role == FrameRole::kStrong;
      sub_deed = sub_deed || hi->role == FrameRole::kStrong;
    } else if (hi->role == FrameRole::kAgreement) {
      main_agreement = true;
      main_deal = main_deal || hi->word->value != "talks";
    } else if (hi->role == FrameRole::kStrong) {
      main_deal = true;
    } else if (hi->role == FrameRole::kMeasure) {
      main_measure = true;
    }
  }
  const bool main_trigger =
      (main_agreement && (main_deal || !sub_deed)) || (main_measure && !sub_agreement);
  if (sub.empty() || !main_trigger) return;
  std::set<std::string> in_main, in_sub;
  for (auto mi = FirstMatchFrom(s.begin); mi != in_.matches->end() && mi->nfkc_begin < s.end; ++mi)
    if (Contains(s, mi->nfkc_begin, mi->nfkc_end))
      (inside(mi->nfkc_begin, mi->nfkc_end) ? in_sub : in_main).insert(IdOf(*mi));
  auto only_sub = [&](const std::string& id) {
    return in_sub.count(id) > 0 && in_main.count(id) == 0;
  };
  f->parties.erase(std::remove_if(f->parties.begin(), f->parties.end(), only_sub),
                   f->parties.end());
  f->minerals.erase(std::remove_if(f->minerals.begin(), f->minerals.end(), only_sub),
                    f->minerals.end());
}

// ", and a separate agreement with Cambodia", ", and memoranda with Malaysia
// and Thailand" after clause start `h` (a comma and a joiner): the deed's
// object and its partner again, the verb left out, after a partner the part
// before `h` marked; no name before the partner word (", and Brazil's talks
// with Chile" has a subject). The gap is the object alone: an agreement word
// and no other word of the frames but a concluding one (", and it is
// negotiating with" is a clause of its own). With no object (", and with
// Ukraine, whose fund deal…") the partner list must end its clause (", and
// with China's backing, Indonesia signed" goes on).
bool DocumentReader::SecondObjectOfDeed(const SentenceFacts& f, const Hit& h) const {
  constexpr size_t kObjectGap = 64;  // bytes: " a separate reciprocal trade agreement "
  constexpr size_t kListGlue = 6;    // bytes: " and ", " e "
  const Span& s = f.span;
  const Hit* with = HitFrom(h.end, FrameRole::kPartnerBefore, kObjectGap);
  if (with == nullptr || HasClauseBreak(in_.nfkc, h.end, with->begin)) return false;
  const MatchIt mi = FirstMatchFrom(h.end);
  if (mi != in_.matches->end() && mi->nfkc_begin < with->end) return false;
  const bool first_marked = std::any_of(f.hits_begin, f.hits_end, [&](const Hit& p) {
    return p.role == FrameRole::kPartnerBefore && p.begin >= s.begin && p.end <= h.begin;
  });
  if (!first_marked) return false;
  bool deal = false;
  for (auto g = FirstHitFrom(h.end); g != f.hits_end && g->begin < with->begin; ++g) {
    const bool agreement = g->role == FrameRole::kAgreement && g->word->value != "talks";
    if (!agreement && g->role != FrameRole::kStrong && g->role != FrameRole::kListJoiner)
      return false;
    deal = deal || agreement;
  }
  if (deal) return true;
  if (in_.nfkc.find_first_not_of(' ', h.end) < with->begin) return false;  // Not bare.
  for (MatchIt m = mi; m != in_.matches->end() && m->nfkc_begin < s.end; ++m) {
    size_t at = m->nfkc_end;
    while (at < s.end && in_.nfkc[at] == ' ') ++at;
    if (at >= s.end || ClauseBreakAt(in_.nfkc, at) > 0 || in_.nfkc[at] == '.') return true;
    const MatchIt next = std::next(m);
    if (next == in_.matches->end() || next->nfkc_begin < m->nfkc_end ||
        next->nfkc_begin - m->nfkc_end > kListGlue ||
        !WordFrom(m->nfkc_end, FrameRole::kListJoiner, 1))
      return false;
  }
  return false;
}

// The unqualified 政府/정부/pemerintah in `span`, or null (米国政府 and
// "pemerintah AS" are not the home government).
const Hit* DocumentReader::HomeWordIn(const Span& span) const {
  for (auto it = FirstHitFrom(span.begin); it != hits_.end() && it->begin < span.end; ++it)
    if (const Hit& h = *it; h.role == FrameRole::kHomeGovernment &&
                            Contains(span, h.begin, h.end) && !QualifiedHomeWord(h, span))
      return &h;
  return nullptr;
}

// Whether the 政府/정부 at `h` follows a country or organization (米国政府),
// or a Latin one precedes it ("pemerintah Indonesia", "the government of Japan"
// is a country's own).
bool DocumentReader::QualifiedHomeWord(const Hit& h, const Span& span) const {
  constexpr size_t kOfGap = 4;  // bytes: " ", " of "
  const bool latin = std::isalpha(static_cast<unsigned char>(in_.nfkc[h.begin])) != 0;
  for (auto mi = FirstMatchFrom(span.begin);
       mi != in_.matches->end() && mi->nfkc_begin <= h.end + kOfGap; ++mi)
    if (const EntityMatch& m = *mi;
        (m.kind == EntityKind::kCountry || m.kind == EntityKind::kOrganization) &&
        ((m.nfkc_end <= h.begin && h.begin <= m.nfkc_end + 1) ||
         (latin && m.nfkc_begin >= h.end && m.nfkc_begin <= h.end + kOfGap)))
      return true;
  return false;
}

void DocumentReader::AddDates(const Span& s, FrameInput* frame) const {
  for (size_t di : InsideSpan(*in_.dates, dates_order_, s))
    frame->dates.push_back({(*in_.dates)[di].begin, (*in_.dates)[di].end});
}

// An unqualified 政府/정부 here or in the sentence before is the home
// country's government (米国とは…合意した after 政府は…).
void DocumentReader::AddHomeGovernment(SentenceFacts* f) const {
  if (f->parties.size() != 1 || home_country_.empty()) return;
  if (HomeWordIn(f->span) != nullptr ||
      (f->index > 0 && HomeWordIn((*in_.sentences)[f->index - 1]) != nullptr))
    AddUnique(&f->parties, home_country_);
}

// Whether the home country imposes the measure of `f` that names no imposer:
// an unqualified home word (政府, pemerintah) in the sentence (not the one
// before, as for a deal: "정부 지원이 빨라야 한다. 자원 보유국의 수출 규제도
// 부담이다" read the home's measure from the other states'), or, where the press names its own
// country's measures bare (Grammar::home_imposes: "larangan ekspor bijih nikel"), a sentence that
// names no country or group at all (so names no target: `untargeted`), in a
// document that names the home country. `*word`: the home word of the
// sentence, if any (the actor's filler).
bool DocumentReader::HomeImposes(const SentenceFacts& f, bool untargeted, const Hit** word) const {
  *word = nullptr;
  if (home_country_.empty() || !names_home_) return false;
  if ((*word = HomeWordIn(f.span)) != nullptr) return true;
  return untargeted && grammar_.home_imposes && f.country_matches.empty() &&
         f.group_matches.empty();
}

// The country imposing a restriction in this sentence is not a party to
// the cooperation it describes (中国が輸出規制を強める中、日米は…協力).
// A country after a target word (対米, "invest in the US") imposes
// nothing; one the sentence names as the deal's partner (與美方敲定協議,
// "agreed with Washington ... to cut tariffs") stays a party, and so does
// the subject of a deed done between it and the measure word ("The US and
// China agreed to cut tariffs", "sich … auf eine Senkung ihrer Strafzölle
// geeinigt"): the deal is about the measure.
void DocumentReader::DropMeasureActor(SentenceFacts* f) const {
  if (f->restriction.empty() || f->parties.size() < 2) return;
  const EntityMatch* actor = nullptr;
  for (const EntityMatch* c : f->country_matches)
    if (c->nfkc_end <= f->restriction_at && !WordBefore(*c, FrameRole::kTargetBefore, 1))
      actor = c;
  if (actor == nullptr) return;
  // A deed after the measure word keeps a conjoined subject ("Die USA und
  // China hatten sich … auf eine Senkung ihrer Strafzölle geeinigt").
  const EntityMatch* before = nullptr;
  for (const EntityMatch* c : f->country_matches)
    if (c->nfkc_end <= actor->nfkc_begin) before = c;
  constexpr size_t kJoinerGap = 9;  // bytes: " und ", " and the "
  bool conjoined = false;
  if (before != nullptr && IdOf(*before) != IdOf(*actor) &&
      actor->nfkc_begin - before->nfkc_end <= kJoinerGap)
    for (auto hi = FirstHitFrom(before->nfkc_end);
         hi != f->hits_end && hi->begin < actor->nfkc_begin && !conjoined; ++hi)
      conjoined = hi->role == FrameRole::kListJoiner && hi->end <= actor->nfkc_begin;
  for (auto hi = FirstHitFrom(actor->nfkc_end); hi != f->hits_end; ++hi)
    if (hi->role == FrameRole::kStrong &&
        (hi->end <= f->restriction_at || conjoined) &&
        InOneClause(actor->nfkc_end, std::max(f->restriction_at, hi->begin)))
      return;
  const std::string& id = IdOf(*actor);
  for (const EntityMatch* c : f->country_matches)
    if (IdOf(*c) == id && (WordBefore(*c, FrameRole::kPartnerBefore, 5) ||
                           WordAfter(*c, FrameRole::kPartnerAfter, 0)))
      return;
  f->parties.erase(std::remove(f->parties.begin(), f->parties.end(), id), f->parties.end());
}

// Whether text[from, to) lies in one clause: no break of the one list
// (ClauseBreakAt) in it, but for a comma between two names of a list
// ("tariffs on Canada, Mexico and China were lifted").
// (The joiner must be of the document's language: Korean's "," is no list
// mark in an English text.)
bool DocumentReader::JoinerAt(size_t at) const {
  for (auto it = FirstHitFrom(at); it != hits_.end() && it->begin == at; ++it)
    if (it->role == FrameRole::kListJoiner &&
        PrimaryLanguage(it->word->lang) == PrimaryLanguage(in_.lang))
      return true;
  return false;
}

bool DocumentReader::IsOwnArticle(std::string_view word) const {
  return std::any_of(grammar_.own_articles->begin(), grammar_.own_articles->end(),
                     [&](const std::string& a) { return EqualsAsciiNoCase(word, a); });
}

bool DocumentReader::InOneClause(size_t from, size_t to) const {
  auto digit = [&](size_t i) {
    return i < in_.nfkc.size() && std::isdigit(static_cast<unsigned char>(in_.nfkc[i]));
  };
  for (size_t at = from; at < to; ++at) {
    const size_t n = ClauseBreakAt(in_.nfkc, at);
    if (n == 0) continue;
    // A decimal comma (90,5%) or a mark the frames make a list joiner
    // (Chinese 、, Korean ",") joins names, not clauses.
    if ((at > 0 && digit(at - 1) && digit(at + n)) || JoinerAt(at)) {
      at += n - 1;
      continue;
    }
    if (const size_t aside_end = CommaAt(in_.nfkc, at) > 0 ? DateAsideEnd(at + n) : 0;
        aside_end != 0) {
      at = aside_end - 1;
      continue;
    }
    size_t before = at, after = at + n;
    while (before > 0 && in_.nfkc[before - 1] == ' ') --before;
    while (after < in_.nfkc.size() && in_.nfkc[after] == ' ') ++after;
    const auto next = FirstMatchFrom(after);
    const bool name_after = next != in_.matches->end() && next->nfkc_begin == after;
    const bool name_before = next != in_.matches->begin() && std::prev(next)->nfkc_end == before;
    if (!name_before || !name_after) return false;
    at += n - 1;
  }
  return true;
}

// Where the comma closing a date set off by commas ends, when one opens at
// `from` ("threatened, on November 25, to impose", "a menacé, le 25
// novembre, d'imposer", "drohte am Montag, dem 25. November, mit"), else 0:
// the date is an aside, not a clause of its own. The aside holds a date the
// dates step found, at most one short word before it ("and on June 2" is a
// clause's opening) and nothing after.
size_t DocumentReader::DateAsideEnd(size_t from) const {
  constexpr size_t kMaxAside = 48;  // bytes: " le mardi 3 décembre 2024"
  constexpr size_t kMaxLead = 12;   // bytes before the date: "on ", "dem "
  const size_t limit = std::min(in_.nfkc.size(), from + kMaxAside);
  const size_t close = ClauseEndFrom(in_.nfkc, from, limit);
  const size_t comma = close < limit ? CommaAt(in_.nfkc, close) : 0;
  if (comma == 0) return 0;
  size_t b = from, e = close;
  while (b < e && in_.nfkc[b] == ' ') ++b;
  while (e > b && in_.nfkc[e - 1] == ' ') --e;
  // The dates that begin in [b, e), in position order (no copy: this runs
  // for every comma a clause test passes).
  auto it = std::lower_bound(dates_order_.begin(), dates_order_.end(), b, [&](size_t i, size_t pos) {
    return (*in_.dates)[i].begin < pos;
  });
  for (; it != dates_order_.end() && (*in_.dates)[*it].begin < e; ++it) {
    const DateMention& d = (*in_.dates)[*it];
    if (d.end != e || d.begin - b > kMaxLead) continue;
    // At most one word before the date: no space inside the lead but its last.
    const std::string_view lead = in_.nfkc.substr(b, d.begin - b);
    const size_t space = lead.find(' ');
    if (space == std::string_view::npos || space + 1 == lead.size()) return close + comma;
  }
  return 0;
}

// Whether the status word `h` and the trigger lie in one clause.
bool DocumentReader::BindsTrigger(const Hit& h, const Span& trigger) const {
  return h.end <= trigger.begin ? InOneClause(h.end, trigger.begin)
                                : h.begin < trigger.end || InOneClause(trigger.end, h.begin);
}

// Whether status word `h` is the auxiliary of a deed right after it in its
// clause ("the agreement … has not been signed", "has yet to be signed", "n'est
// toujours pas conclu"): it speaks of that deed, whatever one deed word (the
// agreement, the deal) the sentence began with. Not after two ("signed an
// agreement that has not yet been ratified", "the deal signed in May has not
// been ratified": a deed done, its next stage pending).
bool DocumentReader::StatusOfLaterDeed(const SentenceFacts& f, const Hit& h,
                                       FrameRole deed) const {
  constexpr size_t kAuxiliaryGap = 16;  // bytes: " yet been ", " encore été "
  size_t earlier = 0;
  for (auto di = f.hits_begin; di != f.hits_end && di->begin < h.begin; ++di)
    if (di->role == deed && di->end <= h.begin && Contains(f.span, di->begin, di->end)) ++earlier;
  if (earlier > 1) return false;
  for (auto di = FirstHitFrom(h.end);
       di != f.hits_end && di->begin <= h.end + kAuxiliaryGap; ++di)
    if (di->role == deed && Contains(f.span, di->begin, di->end) && InOneClause(h.end, di->begin))
      return true;
  return false;
}

// Whether the status word `h` modifies an agreement word: right before it
// (交渉中の通商協定, "the proposed deal"), written onto its end (投资计划),
// or a talks or concluded word just after it ("the deal under negotiation",
// "gli accordi già in vigore"). Such a word
// is the deal's status wherever the deed stands ("agreed to advance the deal
// under negotiation"). `attached`: only words written onto the agreement
// word or a talks word right after it, which speak of it in any clause.
// `before`: words right before it count too.
bool DocumentReader::ModifiesAgreementWord(const SentenceFacts& f, const Hit& h, bool attached,
                                           bool before, const Hit** modified) const {
  constexpr size_t kModifierGap = 24;  // bytes: の通商, " critical minerals "
  constexpr size_t kTalksGap = 16;     // " commercial " in "l'accord commercial en négociation"
  for (auto a = f.hits_begin; a != f.hits_end; ++a) {
    if (a->role != FrameRole::kAgreement) continue;
    const bool written_onto = h.begin == a->end;
    const bool after = (h.word->value == "talks" || h.word->value == "concluded") &&
                       h.begin >= a->end && h.begin - a->end <= kTalksGap &&
                       InOneClause(a->end, h.begin);
    const bool right_before = !attached && before && a->begin >= h.end &&
                              a->begin - h.end <= kModifierGap && InOneClause(h.end, a->begin);
    if (written_onto || after || right_before) {
      if (modified != nullptr) *modified = &*a;
      return true;
    }
  }
  return false;
}

// Whether the deed words before status word `h` are one deal noun: a deed
// word that is an agreement word too (accord, agreement, acordo) with an
// article of the document's language glued to it or one of the two words
// before it ("l'accord", "the agreement", "the trade agreement"):
// the deal is only named, nothing was done to it yet in the sentence.
// (Verbs are agreement words too, "signed": the article tells them apart.)
bool DocumentReader::OnlyDealNounBefore(const SentenceFacts& f, const Hit& h) const {
  auto article_before = [&](size_t at) {
    // Glued to the noun: l'accord, l'accordo.
    size_t begin = at;
    while (begin > f.span.begin && in_.nfkc[begin - 1] != ' ') --begin;
    const std::string_view glued = in_.nfkc.substr(begin, at - begin);
    for (const std::string& a : *grammar_.own_articles)
      if (glued.size() >= a.size() && !glued.empty() &&
          EqualsAsciiNoCase(glued.substr(glued.size() - a.size()), a))
        return true;
    // Or a word of its own, one of the two words before it: "the trade agreement".
    constexpr size_t kWords = 2;
    size_t end = begin;
    for (size_t w = 0; w < kWords; ++w) {
      while (end > f.span.begin && in_.nfkc[end - 1] == ' ') --end;
      size_t b = end;
      while (b > f.span.begin && in_.nfkc[b - 1] != ' ') --b;
      if (b == end) return false;
      if (IsOwnArticle(in_.nfkc.substr(b, end - b))) return true;
      end = b;
    }
    return false;
  };
  // An agreement hit on the same span as deed `di`: hits are sorted by
  // begin, so it stands next to it.
  auto also_agreement = [&](std::vector<Hit>::const_iterator di) {
    for (auto a = di; a != f.hits_end && a->begin == di->begin; ++a)
      if (a->role == FrameRole::kAgreement && a->end == di->end) return true;
    for (auto a = di; a != f.hits_begin && std::prev(a)->begin == di->begin;) {
      --a;
      if (a->role == FrameRole::kAgreement && a->end == di->end) return true;
    }
    return false;
  };
  size_t nouns = 0;
  for (auto di = f.hits_begin; di != f.hits_end && di->begin < h.begin; ++di) {
    if (di->role != FrameRole::kStrong || !Contains(f.span, di->begin, di->end)) continue;
    if (!also_agreement(di) || !article_before(di->begin) || ++nouns > 1) return false;
  }
  return nouns == 1;
}

// Whether status word `h` follows a deed and two agreement words after it:
// "EU und Australien besiegeln Rohstoffpartnerschaft – Freihandelsabkommen
// weiter auf Eis" sealed one deal; the status speaks of the second.
// (A word inside a counted one, "agreement" in "free trade agreement", and a
// talks word, "negotiations", name no deal of their own.)
bool DocumentReader::OfSecondDeal(const SentenceFacts& f, const Hit& h) const {
  size_t deed_end = std::string::npos, last_end = 0, deals = 0;
  for (auto di = f.hits_begin; di != f.hits_end && di->begin < h.begin; ++di) {
    if (!Contains(f.span, di->begin, di->end)) continue;
    if (di->role == FrameRole::kStrong && deed_end == std::string::npos) {
      deed_end = di->end;
      last_end = di->end;
    } else if (di->role == FrameRole::kAgreement && deed_end != std::string::npos &&
               di->begin >= last_end && di->word->value != "talks") {
      ++deals;
      last_end = di->end;
    }
  }
  return deals >= 2;
}

// The trigger of the sentence's agreements: its first concluding word, else
// its first agreement word (FrameOf's choice).
Span DocumentReader::DeedOf(const SentenceFacts& f) const {
  Span deed{f.span.end, f.span.end};
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi)
    if (hi->role == FrameRole::kStrong) return {hi->begin, hi->end};
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi)
    if (hi->role == FrameRole::kAgreement) return {hi->begin, hi->end};
  return deed;
}

// The status word bound to the trigger (of kind `deed`: kStrong for an
// agreement, kMeasure for a measure), or null. A status word counts only in
// the trigger's clause ("政府は…図り、" and "which hopes to attract
// investment," say nothing of the deal), and only before the deed: a hedge
// after it is about its effects ("signed a deal that could be worth",
// "签署协议，双方希望加强合作"). In verb-final languages the modal follows its
// verb (署名を期待), so there the whole clause counts. A word that modifies
// an agreement word counts wherever it is (ModifiesAgreementWord).
const FrameWord* DocumentReader::BoundStatus(const SentenceFacts& f, const Span& trigger,
                                             FrameRole deed, bool measure_only) const {
  if (!f.hedge) return nullptr;
  const Span& s = f.span;
  const bool run_on = s.end - s.begin > kMaxClauseSentence;  // Stay linear.
  // A word bound to the deal's own agreement word, the trigger (投资计划,
  // "gli accordi già in vigore"), is its status before any word of the
  // clause's verb ("punta a sfruttare gli accordi già in vigore"); bound to
  // another deal's word ("intendono firmare un accordo, che amplia gli
  // accordi già in vigore") it waits its turn below.
  if (deed == FrameRole::kStrong && !run_on)
    for (auto hi = f.hits_begin; hi != f.hits_end; ++hi) {
      const Hit* modified = nullptr;
      if (hi->role == FrameRole::kStatus && Contains(s, hi->begin, hi->end) &&
          IsAgreementStatus(hi->word->value) &&
          ModifiesAgreementWord(f, *hi, true, true, &modified) &&
          Contains(trigger, modified->begin, modified->end) && !OfSecondDeal(f, *hi))
        return hi->word;
    }
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi) {
    if (hi->role != FrameRole::kStatus || !Contains(s, hi->begin, hi->end)) continue;
    // An agreement's status words do not speak of a measure, nor the
    // reverse (a plan of a measure is a threat).
    const std::string& value = hi->word->value;
    // A wish or future with no deed in the sentence: before the agreement
    // word in its clause ("would expand cooperation with"), or in verb-final
    // languages anywhere in the clause (협력을 넓히겠다).
    if (hi->word->no_deed) {
      // Of an agreement word only: not of a treaty named ("would lose access
      // under the USMCA") nor of talks ("will hold talks with").
      const bool agreement_word =
          f.kind != "talks" && std::any_of(f.hits_begin, f.hits_end, [&](const Hit& a) {
            return a.role == FrameRole::kAgreement && trigger.begin <= a.begin &&
                   a.end <= trigger.end;
          });
      const bool binds = grammar_.verb_final
                             ? BindsTrigger(*hi, trigger)
                             : hi->end <= trigger.begin && BindsTrigger(*hi, trigger);
      if (deed == FrameRole::kStrong && !f.strong && agreement_word && IsAgreementStatus(value) &&
          binds)
        return hi->word;
      continue;
    }
    if (deed == FrameRole::kStrong
            ? !IsAgreementStatus(value)
            : !IsMeasureStatus(value) && (value != "planned" || measure_only))
      continue;
    if (hi->word->before_only && hi->end > trigger.begin) continue;
    // The verb of a measure pattern ("a suspendu ses importations", "halted
    // exports") is the measure itself, not its status; but a measure word
    // inside the pattern is what the verb acts on ("suspended its export
    // ban on gallium"): then the verb is that measure's status.
    if (deed == FrameRole::kMeasure && Contains(trigger, hi->begin, hi->end) &&
        !HoldsMeasureWord(f, trigger))
      continue;
    if (run_on) return hi->word;
    // "L'accord entre la Russie et le Kazakhstan n'a jamais été signé": a
    // deal that never took legal form failed wherever the words stand, also
    // after an agreement word that is itself a deed (accord, соглашение);
    // one still awaiting its signature ("concluded in 2019 but still to be
    // signed") is planned there, unless a second deal named after the deed
    // is the one that waits ("signed a pact; the deal with Korea is still
    // unsigned").
    if (deed == FrameRole::kStrong && hi->word->whole_sentence &&
        (value == "failed" || (hi->word->pending && !OfSecondDeal(f, *hi))))
      return hi->word;
    if (deed == FrameRole::kStrong && ModifiesAgreementWord(f, *hi, true) && !OfSecondDeal(f, *hi))
      return hi->word;
    if (deed == FrameRole::kMeasure && InStatusClause(f, *hi, trigger, deed)) return hi->word;
    // A deal only named ("the EU-Mercosur agreement, which Lula hoped to
    // conclude"): the clause after it says how far it got. After a deed
    // done ("signed a deal, which both hope to widen") it speaks of effects.
    if (deed == FrameRole::kStrong && !f.strong && InStatusClause(f, *hi, trigger, deed))
      return hi->word;
    // "L'accord …, négocié depuis vingt ans, n'est toujours pas finalisé":
    // a deal only named (its noun the one deed word before) has its status
    // in the predicate right before a deed word, past an apposition's commas.
    // So is a stalled or failed deal in the noun's own clause ("the trade
    // agreement between the EU and Australia remains stalled"); a plan or
    // hope there speaks of its effects ("the deal is expected to lift trade").
    if (deed == FrameRole::kStrong && OnlyDealNounBefore(f, *hi) &&
        (StatusOfLaterDeed(f, *hi, deed) ||
         ((value == "talks" || value == "failed") && BindsTrigger(*hi, trigger))))
      return hi->word;
    if (!hi->word->whole_sentence && !BindsTrigger(*hi, trigger)) continue;
    // "signed a minerals MoU and agreed to launch negotiations on an FTA":
    // a deed done well before the status word concluded something of its
    // own; the status speaks of a second deal. ("agreed to resume
    // negotiations": the deed right before it is the status's own verb.)
    // A deed done in an earlier clause ("覚書に署名し、…協定の交渉を開始することでも
    // 合意した") is done whatever the later clause says of another deal.
    if (deed == FrameRole::kStrong) {
      constexpr size_t kOwnVerbGap = 8;  // bytes: " to ", " de "
      bool earlier_deed = false, earlier_clause_deed = false;
      for (auto di = f.hits_begin; di != hi && !earlier_clause_deed; ++di) {
        if (di->role != FrameRole::kStrong || !Contains(s, di->begin, di->end) ||
            di->end + kOwnVerbGap >= hi->begin)
          continue;
        earlier_deed = true;
        earlier_clause_deed = !InOneClause(di->end, hi->begin);
      }
      if (!earlier_clause_deed && ModifiesAgreementWord(f, *hi, false, !earlier_deed) &&
          !OfSecondDeal(f, *hi))
        return hi->word;
    }
    // A measure's own status word (lifted, suspended) speaks of it on
    // either side ("tariffs were lifted").
    if (deed == FrameRole::kMeasure && IsMeasureStatus(value)) return hi->word;
    bool after_deed = false;
    for (auto di = f.hits_begin; di != hi && !after_deed; ++di) {
      if (di->role != deed || !Contains(s, di->begin, di->end) || di->end > hi->begin) continue;
      after_deed = !grammar_.verb_final || !InOneClause(di->end, hi->begin);
    }
    if (!after_deed || StatusOfLaterDeed(f, *hi, deed)) return hi->word;
  }
  return nullptr;
}

// Whether status word `h` stands in the clause right after the trigger's
// own, opened by a status-clause word: of a measure (`deed` kMeasure) a
// lifted, suspended or postponed, or one whose entry into force is ahead (an
// `entry` word: "che entreranno in vigore") ("tariffs on Mexican steel, which were
// lifted in May", "пошлины…, которые были отменены", "加征关税，后已暂停",
// "une mesure qui a été suspendue"); of a deal only named (kStrong) a plan,
// talks or failure ("o acordo entre Mercosul e UE, que Lula esperava
// concluir"). One break between the trigger and that word, which follows
// the break closely, and no other word of the trigger's kind before `h`.
bool DocumentReader::InStatusClause(const SentenceFacts& f, const Hit& h, const Span& trigger,
                                    FrameRole deed) const {
  constexpr size_t kOpenerReach = 24;  // bytes: ", une mesure qui", "，后"
  const std::string& value = h.word->value;
  const bool measure = deed == FrameRole::kMeasure;
  if (h.begin < trigger.end ||
      (measure ? value != "lifted" && value != "suspended" && value != "postponed" &&
                     !(value == "threatened" && h.word->entry)
               : value != "planned" && value != "talks" && value != "failed"))
    return false;
  const FrameRole other = measure ? FrameRole::kMeasure : FrameRole::kAgreement;
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi) {
    if (hi->role == other && hi->begin >= trigger.end && hi->begin < h.begin) return false;
    if (hi->role != FrameRole::kStatusClause || hi->begin < trigger.end || hi->end > h.begin)
      continue;
    size_t breaks = 0, last_break_end = 0;
    for (size_t at = trigger.end; at < hi->begin; ++at)
      if (const size_t n = ClauseBreakAt(in_.nfkc, at); n > 0) {
        ++breaks;
        last_break_end = at + n;
        at += n - 1;
      }
    if (breaks == 1 && hi->begin - last_break_end <= kOpenerReach && InOneClause(hi->end, h.begin))
      return true;
  }
  return false;
}

// Whether a measure word other than `trigger` starts inside it (the export
// ban of "suspended its export ban", which a pattern "suspended ... export"
// runs into).
bool DocumentReader::HoldsMeasureWord(const SentenceFacts& f, const Span& trigger) const {
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi)
    if (hi->role == FrameRole::kMeasure && trigger.begin <= hi->begin &&
        hi->begin < trigger.end && (hi->begin != trigger.begin || hi->end != trigger.end))
      return true;
  return false;
}

// Whether the measure at `trigger` is named as the background of what the
// sentence reports: a background-before word ("prepare for", "in response
// to", 应对, 针对) opening its noun phrase, or a background-after word right
// after it (に備える, を受けて, 에 대비). Such a measure exists and is in
// force, whatever the governing verb's status words say (…に備える方針だ).
bool DocumentReader::IsBackground(const SentenceFacts& f, const Span& trigger) const {
  constexpr size_t kBeforeReach = 60;  // "prepare for China's sweeping new export controls"
  constexpr size_t kAfterReach = 12;   // 輸出規制強化に備え
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi) {
    if (hi->role == FrameRole::kBackgroundBefore && hi->end <= trigger.begin &&
        trigger.begin - hi->end <= kBeforeReach && InOneClause(hi->end, trigger.begin))
      return true;
    if (hi->role == FrameRole::kBackgroundAfter && hi->begin >= trigger.end &&
        hi->begin - trigger.end <= kAfterReach && InOneClause(trigger.end, hi->begin))
      return true;
  }
  return false;
}

// The status of the measure at `trigger`: in force unless a status word
// bound to it says otherwise (BoundStatus), or in force as background.
std::string DocumentReader::MeasureStatus(const SentenceFacts& f, const Span& trigger,
                                          const Span& part) const {
  if (IsBackground(f, trigger)) return "in_force";
  // A measure's own status word (lifted) beats a plan ("will lift tariffs").
  const FrameWord* w = BoundStatus(f, trigger, FrameRole::kMeasure, true);
  if (w == nullptr) w = BoundStatus(f, trigger, FrameRole::kMeasure);
  if (w != nullptr) return MeasureStatusOf(w->value);
  return StartsLater(trigger, part) ? "threatened" : "in_force";
}

// Whether the measure's own clause dates it after the day of publication
// ("dazi del 30% su tutte le importazioni dall'Ue a partire dal 1° agosto",
// "a 25% tariff on all goods from Aug. 1", published in July): announced, not
// yet in force. Only a date in the measure word's clause, to the day or the
// month, and only where no status word says more.
bool DocumentReader::StartsLater(const Span& trigger, const Span& part) const {
  if (in_.published.size() != 10) return false;
  if (part.end - part.begin > kMaxClauseSentence) return false;  // Linear work only.
  const size_t clause_end = ClauseEndFrom(in_.nfkc, trigger.end, part.end);
  int py = 0, pm = 0, pd = 0;
  if (!ParseIsoDay(in_.published, &py, &pm, &pd)) return false;
  const long published = DaysFromCivil(py, pm, pd);
  // A day written without its year is read in the year that puts it nearest
  // the publication, which a "last" beside it can belie ("dal 1° dicembre
  // scorso" in June is the December before): such a day counts only within
  // a season of the publication.
  constexpr long kYearlessReach = 92;  // days
  for (size_t di : InsideSpan(*in_.dates, dates_order_, {part.begin, clause_end})) {
    const DateMention& d = (*in_.dates)[di];
    // Before the measure word only in its own clause ("dal 4 febbraio
    // dovrebbero imporre dazi", "ab dem 1. August gelten Zölle").
    if (d.begin < trigger.end && !InOneClause(d.end, trigger.begin)) continue;
    int y = 0, m = 0, day = 0;
    if (d.date.size() == 7 && d.date > in_.published.substr(0, 7)) return true;
    if (!ParseIsoDay(d.date, &y, &m, &day)) continue;
    const long ahead = DaysFromCivil(y, m, day) - published;
    if (ahead > 0 && (d.full || ahead <= kYearlessReach)) return true;
  }
  return false;
}

// No mineral in the sentence: those of the sentences around it ("...agreed
// on nickel. The agreement, signed by..."), but not of one that names
// another country: it is about something else.
std::vector<std::string> DocumentReader::NeighbourMinerals(
    const SentenceFacts& f, const std::vector<std::string>& parties) const {
  std::vector<std::string> out;
  auto same_story = [&](const Span& n) {
    for (auto mi = FirstMatchFrom(n.begin); mi != in_.matches->end() && mi->nfkc_begin < n.end;
         ++mi)
      if ((mi->kind == EntityKind::kCountry || mi->kind == EntityKind::kGroup) &&
          std::find(parties.begin(), parties.end(), IdOf(*mi)) == parties.end())
        return false;
    return true;
  };
  const size_t si = f.index;
  for (size_t n : {si - 1, si + 1}) {  // si - 1 wraps when si is 0: out of range.
    if (n >= in_.sentences->size() || !same_story((*in_.sentences)[n])) continue;
    const Span& ns = (*in_.sentences)[n];
    for (auto mi = FirstMatchFrom(ns.begin); mi != in_.matches->end() && mi->nfkc_begin < ns.end;
         ++mi)
      if (mi->kind == EntityKind::kMineral && mi->nfkc_end <= ns.end) AddUnique(&out, IdOf(*mi));
  }
  return out;
}

// The sentence's first full date, else its first month (昨年12月, "in March
// 2023"), else its year ("signed in 2012"), else the publication date.
void DocumentReader::DateAgreement(const Span& s, FoundAgreement* a) const {
  const std::vector<size_t> dates = InsideSpan(*in_.dates, dates_order_, s);
  for (size_t precision : {size_t{10}, size_t{7}, size_t{4}}) {
    for (size_t di : dates)
      if (const DateMention& d = (*in_.dates)[di]; d.date.size() == precision) {
        a->date = d.date;
        a->date_in_text = true;
        break;
      }
    if (a->date_in_text) break;
  }
  if (a->date.empty()) a->date = in_.published;
}

// Whether the pair's partner is the partner of a talks word ("signed similar
// accords with Chile, while negotiations with India could close this month",
// "Verhandlungen mit Indien"): the talks noun, then its partner word, right
// before the partner's name, or a name later in that list ("negotiations
// with the Philippines and Thailand"); in zh, ja, ko also a talks word after
// the name in its clause with no deed after the name (同加纳领导人举行会谈).
// That pair is in talks, whatever the sentence's deed says of the others.
bool DocumentReader::TalksPartner(const SentenceFacts& f,
                                  const std::vector<SlotFill>& roles) const {
  constexpr size_t kArticleGap = 6;  // bytes: "l'", "the ", "la "
  constexpr size_t kWordGap = 2;     // bytes: spaces
  auto talks = [](const Hit& h) {
    return (h.role == FrameRole::kAgreement || h.role == FrameRole::kStatus) &&
           h.word->value == "talks";
  };
  // Where the sentence's last deed word ends (0: none).
  size_t last_deed_end = 0;
  for (auto d = f.hits_begin; d != f.hits_end; ++d)
    if (d->role == FrameRole::kStrong && Contains(f.span, d->begin, d->end))
      last_deed_end = std::max(last_deed_end, d->end);
  // Whether the partner named at `fill` follows a talks word's partner word.
  auto in_talks = [&](const SlotFill& fill) {
    const size_t from = std::max(fill.begin > 64 ? fill.begin - 64 : 0, f.span.begin);
    for (auto p = FirstHitFrom(from); p != hits_.end() && p->begin < fill.begin; ++p) {
      if (p->role != FrameRole::kPartnerBefore || p->end > fill.begin ||
          fill.begin - p->end > kArticleGap)
        continue;
      const size_t t_from = std::max(p->begin > 64 ? p->begin - 64 : 0, f.span.begin);
      for (auto t = FirstHitFrom(t_from); t != hits_.end() && t->begin < p->begin; ++t) {
        if (!talks(*t) || t->end > p->begin || p->begin - t->end > kWordGap ||
            in_.nfkc.substr(t->end, p->begin - t->end).find_first_not_of(' ') !=
                std::string_view::npos)
          continue;
        // Talks concluded are a deal ("concluded negotiations with Israel",
        // اختتام المفاوضات مع): a concluding word right before them.
        bool concluded = false;
        const size_t c_from = std::max(t->begin > 24 ? t->begin - 24 : 0, f.span.begin);
        for (auto c = FirstHitFrom(c_from); c != hits_.end() && c->begin < t->begin; ++c)
          concluded = concluded || (c->role == FrameRole::kStrong && c->end <= t->begin &&
                                    t->begin - c->end <= kArticleGap);
        if (!concluded) return true;
      }
    }
    // Where the partner comes before the verb (zh, ja, ko: 同加纳领导人举行会谈),
    // a talks word after the name in its clause, with no deed done after the
    // name ("与澳大利亚签署协议后举行会谈", "카자흐스탄 대통령과 정상회담을 하고 …
    // 양해각서를 체결했다": signed).
    constexpr size_t kTalksAfter = 30;  // bytes: 领导人举行
    if (!grammar_.target_first || last_deed_end > fill.end) return false;
    for (auto t = FirstHitFrom(fill.end);
         t != hits_.end() && t->begin < f.span.end && t->begin <= fill.end + kTalksAfter; ++t)
      if (talks(*t) && InOneClause(fill.end, t->begin)) return true;
    return false;
  };
  // So is a name later in a list whose first name is ("negotiations with
  // the Philippines and Thailand"): the names before it, each a few bytes
  // apart (", ", " and ", "、"), or a joiner and the partner word again
  // between them ("negociações com os Emirados e com o Canadá").
  constexpr size_t kListGap = 6, kRepeatedWordGap = 16;
  auto repeats_partner_word = [&](size_t from, size_t to) {
    bool joiner = false, partner = false;
    for (auto h = FirstHitFrom(from); h != hits_.end() && h->begin < to; ++h) {
      if (h->end > to) return false;
      if (h->role == FrameRole::kListJoiner)
        joiner = true;
      else if (h->role == FrameRole::kPartnerBefore)
        partner = true;
      else
        return false;
    }
    return joiner && partner && !HasClauseBreak(in_.nfkc, from, to);
  };
  auto listed_in_talks = [&](const SlotFill& fill) {
    SlotFill at = fill;
    for (size_t items = 0; items < 8; ++items) {
      if (in_talks(at)) return true;
      const EntityMatch* before = nullptr;
      for (const EntityMatch* m : f.party_matches)
        if (m->nfkc_end <= at.begin &&
            (at.begin - m->nfkc_end <= kListGap || (at.begin - m->nfkc_end <= kRepeatedWordGap &&
                                                    repeats_partner_word(m->nfkc_end, at.begin))) &&
            (before == nullptr || m->nfkc_end > before->nfkc_end))
          before = m;
      if (before == nullptr) return false;
      at.begin = before->nfkc_begin;
      at.end = before->nfkc_end;
    }
    return false;
  };
  // Every naming of the pair's partners in the sentence is a talks word's
  // ("signed a deal with India after two decades of negotiations with India"
  // stays concluded).
  bool any = false;
  for (const SlotFill& fill : roles) {
    if (fill.slot != Slot::kPartner) continue;
    if (!listed_in_talks(fill)) return false;
    any = true;
  }
  return any;
}

// The agreements of the sentence: the frame's pairs (or the pair word's
// context), each with the sentence's status, minerals, money and date.
void DocumentReader::ReadAgreement(const SentenceFacts& f) {
  const Span& s = f.span;
  const FrameWord* status_word = BoundStatus(f, DeedOf(f), FrameRole::kStrong);
  std::vector<const EntityMatch*> stand_ins = f.party_matches;
  stand_ins.insert(stand_ins.end(), f.rule_agencies.begin(), f.rule_agencies.end());
  FrameInput frame = FrameOf(gaz_, in_.nfkc, s, grammar_, f.hits_begin, f.hits_end, stand_ins,
                             f.parties, last_bloc_);
  AddDates(s, &frame);
  // A pair word ("양국은", "the two countries") says who acts: no topic is left unsaid.
  // Nor when firms are the subject: "Vertreter der Mercedes-Benz Group
  // unterzeichneten Absichtserklärungen mit der serbischen Regierung" is no
  // deal of the country the sentence before named.
  // (A listed company before the partner word: German puts the subject
  // after the verb.)
  const auto with = std::find_if(frame.markers.begin(), frame.markers.end(), [](const Marker& m) {
    return m.role == FrameRole::kPartnerBefore;
  });
  const bool firms_act =
      with != frame.markers.end() &&
      std::any_of(f.org_matches.begin(), f.org_matches.end(), [&](const EntityMatch* o) {
        return o->nfkc_end <= with->begin && HomeIfKind(*o, "company") != nullptr;
      });
  // The actor of the last deals is left unsaid only before another deed
  // told as done: no status or talks word in the sentence ("Talks with
  // Japan are still under way" is no deal of that actor's).
  const bool qualified = std::any_of(f.hits_begin, f.hits_end, [&](const Hit& h) {
    return Contains(s, h.begin, h.end) &&
           (h.role == FrameRole::kStatus || h.role == FrameRole::kStatusClause ||
            (h.role == FrameRole::kAgreement && h.word->value == "talks"));
  });
  // (Nor into a contrast part of the actor's own sentence: "…signed with
  // India, while its talks with Kenya go on".) Only where the language
  // leaves a subject unsaid (日本は…結んだ。…カナダと…を交わしている): "The
  // country also signed", "Le pays a aussi conclu" name a subject the reader
  // cannot tell; nor when a country's name or adjective stands before the
  // partner word (一方、中国企業はインドネシアと…).
  const bool own_sentence = topic_.has_value() && Contains(f.sentence, topic_->begin, topic_->end);
  // (The sentence's first country is its partner: a partner word right
  // before it, or と/와 right after it.)
  constexpr size_t kPartnerGap = 8;  // bytes: " the ", "với "
  const EntityMatch* first_country = nullptr;
  for (const EntityMatch* c : f.country_matches)
    if (first_country == nullptr || c->nfkc_begin < first_country->nfkc_begin) first_country = c;
  const bool named_before = first_country != nullptr &&
                            !WordBefore(*first_country, FrameRole::kPartnerBefore, kPartnerGap) &&
                            !WordAfter(*first_country, FrameRole::kPartnerAfter, 0);
  const bool actor_unsaid =
      IsCjkLanguage(grammar_.lang) && !qualified && !own_sentence && !named_before;
  if (topic_.has_value() && !f.pair && !firms_act && (!topic_is_actor_ || actor_unsaid) &&
      std::find(f.parties.begin(), f.parties.end(), topic_->id) == f.parties.end())
    frame.topic = topic_;
  if (f.pair) AddPairWordFillers(f, &frame);
  AddCountFillers(f, &frame);
  AddHomeWordFillers(f, &frame);
  FrameReading reading = ReadAgreementFrame(frame);
  // (Pairs the frame read and dropped as a bloc and its member are no call
  // for the story's pair.)
  const bool read_any = !reading.pairs.empty();
  DropMemberPairs(&reading.pairs);
  std::vector<std::vector<std::string>> groups = PartyGroups(reading.pairs);
  bool from_context = false;
  if (groups.empty() && f.pair && !read_any) {
    // A pair word stands for two: a headline or sentence of three names is no pair.
    if (const std::vector<std::string>* pair = ContextPair(); pair != nullptr)
      groups.push_back(*pair);
    from_context = true;
  }
  // (A host and the partners it names, "日本・韓国などを招き", are no list of
  // examples: the example word is inside a marked partner slot.)
  const bool slotted = std::any_of(reading.fills.begin(), reading.fills.end(),
                                   [](const SlotFill& x) { return x.slot == Slot::kActor; }) &&
                       std::any_of(reading.fills.begin(), reading.fills.end(),
                                   [](const SlotFill& x) { return x.slot == Slot::kPartner; });
  const bool list_of_examples =
      f.example && f.explicit_parties.size() >= 3 && !f.strong && !slotted;
  if (groups.empty() || list_of_examples) return;
  FoundAgreement a;
  for (const auto& g : groups)
    for (const std::string& p : g) AddUnique(&a.parties, p);
  a.status = status_word != nullptr           ? status_word->value
             : f.kind == "talks" && !f.strong ? "talks"
                                              : "concluded";
  // Said by a word (signed, hopes to, 交渉中, a talks noun), not assumed
  // from a cooperation word alone (協力を再加速). "The two sides will keep
  // talking" after a deal speaks of what comes next: a talks noun of a pair
  // word's sentence undoes no deal.
  a.status_read =
      status_word != nullptr || f.strong || (f.kind == "talks" && !from_context);
  a.kind = f.kind;
  a.minerals = f.minerals;
  // A sentence about "critical minerals" (重要鉱物) states its scope: that is
  // no mineral, and the neighbours' minerals are not its own.
  if (a.minerals.empty() && !f.in_general) a.minerals = NeighbourMinerals(f, a.parties);
  a.organizations = f.orgs;
  a.amounts = InsideSpan(*in_.amounts, amounts_order_, s);
  DateAgreement(s, &a);
  a.evidence.push_back(f.sentence);
  a.confidence = 0.5 + (f.strong ? 0.2 : 0) + (from_context ? 0 : 0.1) +
                 (f.minerals.empty() ? 0 : 0.1) + (f.index == 0 ? 0.05 : 0);
  last_agreement_first_ = found_.size();
  const size_t status_at = StatusPosition(f, status_word);
  for (std::vector<std::string>& g : groups) {
    FoundAgreement one = a;
    std::sort(g.begin(), g.end());
    one.parties = g;
    for (const SlotFill& fill : reading.fills)
      if (std::binary_search(g.begin(), g.end(), fill.id)) one.roles.push_back(fill);
    if (DoneBeforeStatus(f, reading.fills, one.roles, status_at)) {
      one.status = "concluded";
      one.status_read = true;
    }
    // Not said of the deal as a word would say it: a deal the document
    // concludes elsewhere stays concluded (talks with Modi at a summit).
    if (one.status == "concluded" && TalksPartner(f, one.roles)) one.status = "talks";
    // (A hub's list of deals names no one pair the story is about.)
    if (g.size() == 2 && one.status == "concluded" && groups.size() == 1) story_pair_ = g;
    found_.push_back(std::move(one));
  }
  last_agreement_sentence_ = f.index;
}

// Where the agreements the latest agreement sentence made begin in `found_`
// (found_.size() when it made none). Kept as an index, not read back from the
// evidence: a joining or refers-back sentence moves the latest sentence on
// without being any agreement's first evidence.
size_t DocumentReader::LastSentenceAgreements() const {
  return std::min(last_agreement_first_, found_.size());
}

// The sentence's first joins word (also joined, らも参加, также присоединились), or null.
const Hit* DocumentReader::JoinsWordOf(const SentenceFacts& f) const {
  for (auto h = f.hits_begin; h != f.hits_end; ++h)
    if ((h->role == FrameRole::kJoinsAfter || h->role == FrameRole::kJoinsBefore) &&
        Contains(f.span, h->begin, h->end))
      return &*h;
  return nullptr;
}

// "…国際協力枠組みを立ち上げる予定だ。オランダや英国、イスラエルらも参加し…",
// "The UK and Israel also joined.": a list a joins word marks, in one of the
// two sentences after an agreement's, joins that agreement: one agreement of
// all its parties and the joiners, every one a party to every other, with the
// status this sentence says (else the agreement's). Not when the sentence
// names a party outside them: it tells of another deal.
bool DocumentReader::ReadJoining(const SentenceFacts& f) {
  constexpr size_t kReach = 2;  // sentences
  if (found_.empty() || f.index <= last_agreement_sentence_ ||
      f.index - last_agreement_sentence_ > kReach)
    return false;
  const Hit* joins = JoinsWordOf(f);
  if (joins == nullptr) return false;
  const Span word{joins->begin, joins->end};
  const std::vector<SlotFill> joiners = ReadJoiners(FrameOf(
      gaz_, in_.nfkc, f.span, grammar_, f.hits_begin, f.hits_end, f.party_matches, f.parties));
  const size_t first = LastSentenceAgreements();
  if (joiners.empty() || first == found_.size()) return false;
  FoundAgreement joined = found_[first];
  for (size_t i = first + 1; i < found_.size(); ++i) {
    const FoundAgreement& a = found_[i];
    for (const std::string& p : a.parties) AddUnique(&joined.parties, p);
    for (const std::string& m : a.minerals) AddUnique(&joined.minerals, m);
    joined.roles.insert(joined.roles.end(), a.roles.begin(), a.roles.end());
  }
  const size_t before = joined.parties.size();
  for (const SlotFill& j : joiners) AddUnique(&joined.parties, j.id);
  for (const std::string& p : f.explicit_parties)
    if (std::find(joined.parties.begin(), joined.parties.end(), p) == joined.parties.end())
      return false;
  if (joined.parties.size() == before) return false;  // No one new.
  std::sort(joined.parties.begin(), joined.parties.end());
  joined.roles.insert(joined.roles.end(), joiners.begin(), joiners.end());
  if (const FrameWord* status = BoundStatus(f, word, FrameRole::kStrong); status != nullptr) {
    joined.status = status->value;
    joined.status_read = true;
  }
  for (const std::string& m : f.minerals) AddUnique(&joined.minerals, m);
  joined.evidence.push_back(f.sentence);
  found_.erase(found_.begin() + static_cast<std::ptrdiff_t>(first), found_.end());
  last_agreement_first_ = found_.size();
  found_.push_back(std::move(joined));
  last_agreement_sentence_ = f.index;
  return true;
}

// "日本とインドが…対話枠組みを新設へ。茂木外相の訪印で合意見通し": right after an
// agreement's sentence (its agreements are found_[first, end)), one that
// names one of their parties at most (or a pair word: 预计双方将…签署) and
// says that the deed is only planned, in talks or failed (a concluding word
// bound to such a status word: "The pact is expected to be signed next
// month") gives that status to those agreements whose status no word said.
void DocumentReader::ReadStatusBack(const SentenceFacts& f, size_t first, size_t end) {
  // A sentence naming two parties tells of its own deal, not of the one before.
  if (!f.strong || first >= end || f.explicit_parties.size() >= 2) return;
  const FrameWord* status = BoundStatus(f, DeedOf(f), FrameRole::kStrong);
  if (status == nullptr || status->value == "concluded") return;
  std::vector<std::string> theirs;
  for (size_t i = first; i < end; ++i)
    for (const std::string& p : found_[i].parties) AddUnique(&theirs, p);
  auto all_theirs = [&](const std::vector<std::string>& ids) {
    return std::all_of(ids.begin(), ids.end(), [&](const std::string& p) {
      return std::find(theirs.begin(), theirs.end(), p) != theirs.end();
    });
  };
  if (!all_theirs(f.explicit_parties)) return;
  for (size_t i = end; i < found_.size(); ++i)
    if (!all_theirs(found_[i].parties)) return;
  for (size_t i = first; i < end; ++i) {
    FoundAgreement& a = found_[i];
    if (a.status_read) continue;
    a.status = status->value;
    a.status_read = true;
    a.evidence.push_back(f.sentence);
  }
}

std::vector<std::string> DocumentReader::WithPeoplesCountries(const SentenceFacts& f) const {
  std::vector<std::string> out = f.explicit_parties;
  for (const EntityMatch* m : f.party_matches) {
    Filler x;
    if (m->kind == EntityKind::kPerson && ToFiller(gaz_, in_.nfkc, *m, &x, grammar_.lang) &&
        !x.id.empty() && !InDateline(in_.nfkc, f.span, f.dateline_close, *m))
      AddUnique(&out, x.id);
  }
  return out;
}

// The pair "the two countries" stands for (a pair word's context: the
// latest concluded agreement's, else the headline's, else the latest
// sentence's), or empty.
const std::vector<std::string>* DocumentReader::ContextPair() const {
  for (const auto* context : {&story_pair_, &headline_, &last_pair_})
    if (context->size() == 2) return context;
  return nullptr;
}

namespace {

// Whether `gap` holds only spaces and the given marks (at least one mark
// when `need_mark`).
bool OnlyMarks(std::string_view gap, std::initializer_list<std::string_view> marks,
               bool need_mark) {
  bool mark = false;
  for (size_t i = 0; i < gap.size();) {
    if (gap[i] == ' ') {
      ++i;
      continue;
    }
    const auto m = std::find_if(marks.begin(), marks.end(), [&](std::string_view x) {
      return gap.compare(i, x.size(), x) == 0;
    });
    if (m == marks.end()) return false;
    i += m->size();
    mark = true;
  }
  return mark || !need_mark;
}

// Whether a name follows `at` with spaces and a mark that sets off an
// apposition between (a dash, colon or opening bracket: "i due Paesi –
// Italia e Algeria", "両国（日本と豪州）").
bool NamesInApposition(std::string_view text, const std::vector<Filler>& fillers, size_t at) {
  constexpr size_t kMaxGap = 8;  // bytes: " – ", " (" and spaces
  for (const Filler& x : fillers)
    if (x.begin >= at && x.begin - at <= kMaxGap && x.kind != Filler::Kind::kPerson &&
        OnlyMarks(text.substr(at, x.begin - at),
                  {"-", ":", "(", "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */,
                   "\xEF\xBC\x9A" /* ： */, "\xEF\xBC\x88" /* （ */},
                  true))
      return true;
  return false;
}

// Whether a pair word at `at` follows a name with nothing between but spaces,
// a comma or 、 (an apposition: "A and B, the two countries").
bool AppositionOfNames(std::string_view text, const std::vector<Filler>& fillers, size_t at) {
  for (const Filler& x : fillers)
    if (x.end <= at && x.kind != Filler::Kind::kPerson &&
        OnlyMarks(text.substr(x.end, at - x.end),
                  {",", "\xD8\x8C" /* ، */, "\xE3\x80\x81" /* 、 */}, false))
      return true;
  return false;
}

}  // namespace

// "Liées à l'UE par un accord, les deux pays…": beside another party, the
// pair word stands for its two countries as one grouping (roles.h), so each
// of them pairs with that party and not with the other. Alone, or beside
// its own members, it stays a pair word (read from the context).
void DocumentReader::AddPairWordFillers(const SentenceFacts& f, FrameInput* frame) const {
  const std::vector<std::string>* pair = ContextPair();
  if (pair == nullptr) return;
  const bool other = std::any_of(frame->fillers.begin(), frame->fillers.end(), [&](const Filler& x) {
    return x.kind != Filler::Kind::kPerson &&
           std::find(pair->begin(), pair->end(), x.id) == pair->end();
  });
  if (!other) return;
  int grouping = 0;
  for (const Filler& x : frame->fillers) grouping = std::max(grouping, x.grouping);
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi) {
    if (hi->role != FrameRole::kPair || !Contains(f.span, hi->begin, hi->end)) continue;
    // Right after two names ("コンゴ民主共和国とルワンダ両首脳", "China and Japan, the
    // two countries") the pair word is their apposition: it names them, not the context.
    if (AppositionOfNames(frame->text, frame->fillers, hi->begin)) continue;
    // Right before them, set off by a dash, colon or bracket ("i due Paesi –
    // Italia e Algeria –"), likewise.
    if (NamesInApposition(frame->text, frame->fillers, hi->end)) continue;
    // The sentence's own pair of names before it, side by side ("Au sommet
    // Canada–UE du 23 juin, les deux parties ont signé"), is the pair it
    // speaks of; names in a later clause do not change that ("中方已同南非
    // 宣布将两国关系提升为…，习近平还将同坦桑尼亚…会谈").
    constexpr size_t kPairGap = 9;  // bytes: "–", " et ", " and the "
    std::vector<const Filler*> before;
    bool after = false;
    for (const Filler& x : frame->fillers) {
      if (x.kind == Filler::Kind::kPerson || x.grouping > 0) continue;
      if (x.end > hi->begin)
        after = after || InOneClause(hi->end, x.begin);
      else if (before.empty() || before.back()->id != x.id)
        before.push_back(&x);
    }
    if (!after && before.size() == 2 && before[0]->id != before[1]->id &&
        before[1]->begin >= before[0]->end && before[1]->begin - before[0]->end <= kPairGap)
      continue;
    ++grouping;
    for (const std::string& id : *pair)
      frame->fillers.push_back({id, hi->begin, hi->end, Filler::Kind::kCountry, grouping});
  }
  SortFillers(&frame->fillers);
}

// How far back "the five countries" may look for its list, in sentences.
constexpr size_t kCountLookBack = 4;

void DocumentReader::RememberList(const SentenceFacts& f) {
  std::vector<std::string> ids;
  for (const EntityMatch* m : f.party_matches) {
    Filler x;
    if (ToFiller(gaz_, in_.nfkc, *m, &x, grammar_.lang) && x.kind == Filler::Kind::kCountry)
      AddUnique(&ids, x.id);
  }
  // Kept for kCountLookBack sentences, at most a few lists of each (a
  // sentence of many groupings must not push out the lists before it).
  constexpr size_t kListsPerSentence = 4;
  size_t kept = 0;
  auto remember = [&](std::vector<std::string> list) {
    if (list.size() < 3 || kept == kListsPerSentence) return;
    recent_lists_.emplace_back(f.index, std::move(list));
    ++kept;
  };
  // A grouping's members are a list of their own ("Italy and the five
  // Central Asian states ... the five countries"): after the names.
  remember(std::move(ids));
  for (auto hi = f.hits_begin; hi != f.hits_end && kept < kListsPerSentence; ++hi)
    if (hi->role == FrameRole::kGrouping && Contains(f.span, hi->begin, hi->end))
      remember(Split(hi->word->value, ','));
  while (!recent_lists_.empty() && f.index - recent_lists_.front().first > kCountLookBack)
    recent_lists_.erase(recent_lists_.begin());
}

// An unqualified 政府/정부 ("정부는 앞서 호주, 베트남과도 MOU를 체결했다") is the
// home country's government: a filler that, like a capital, counts only in
// a slot (the actor its topic particle marks). Not when the home country is
// named in the sentence: then the word is that country's own.
void DocumentReader::AddHomeWordFillers(const SentenceFacts& f, FrameInput* frame) const {
  if (home_country_.empty() ||
      std::any_of(frame->fillers.begin(), frame->fillers.end(),
                  [&](const Filler& x) { return x.id == home_country_; }))
    return;
  bool added = false;
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi) {
    if (hi->role != FrameRole::kHomeGovernment || !Contains(f.span, hi->begin, hi->end) ||
        QualifiedHomeWord(*hi, f.span))
      continue;
    frame->fillers.push_back({home_country_, hi->begin, hi->end, Filler::Kind::kCapital});
    added = true;
  }
  if (added)
    SortFillers(&frame->fillers);
}

// "Scholz und die Spitzen der fünf Staaten verabschiedeten eine Erklärung":
// a count word stands for the latest list of exactly that many countries of
// the last few sentences, read as a grouping (beside another party its
// members pair with it only). No such list, or a list named in the sentence
// itself: the word stands for nothing.
void DocumentReader::AddCountFillers(const SentenceFacts& f, FrameInput* frame) const {
  if (f.counts.empty()) return;
  int grouping = 0;
  for (const Filler& x : frame->fillers) grouping = std::max(grouping, x.grouping);
  bool added = false;
  // The sentence's groupings by where they end, each with its member count
  // (one pass: a sentence may hold many counts and many hits).
  struct Named {
    size_t end, members;
    const Hit* hit;
  };
  std::vector<Named> groupings;
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi)
    if (hi->role == FrameRole::kGrouping && Contains(f.span, hi->begin, hi->end))
      groupings.push_back(
          {hi->end,
           static_cast<size_t>(std::count(hi->word->value.begin(), hi->word->value.end(), ',')) + 1,
           &*hi});
  std::stable_sort(groupings.begin(), groupings.end(),
                   [](const Named& a, const Named& b) { return a.end < b.end; });
  std::map<size_t, const Hit*> last_of_size;  // Of the groupings ending before the count word.
  size_t next_grouping = 0;
  const Hit* const first_hit = &*f.hits_begin;
  for (const Hit* h : f.counts) {  // In text order.
    const size_t n = std::stoul(h->word->value);
    // A marker that ends in the word's article ("con i" of "con i cinque
    // paesi") marks it: the fillers start after the marker. Markers are
    // short: only the hits that start shortly before the word can.
    constexpr size_t kMarkerReach = 64;  // bytes
    size_t begin = h->begin;
    for (const Hit* hi = h; hi != first_hit;) {
      --hi;
      if (hi->begin + kMarkerReach < h->begin) break;
      if (IsSlotMarker(hi->role) && hi->begin < h->begin && hi->end > begin && hi->end < h->end)
        begin = hi->end;
    }
    while (begin < h->end && in_.nfkc[begin] == ' ') ++begin;
    // A grouping of that many members named before the word in its own
    // sentence ("the EU-Central Asia summit, when Brussels raised ties with
    // the five countries") comes first.
    for (; next_grouping < groupings.size() && groupings[next_grouping].end <= h->begin;
         ++next_grouping)
      last_of_size[groupings[next_grouping].members] = groupings[next_grouping].hit;
    const auto own = last_of_size.find(n);
    if (own != last_of_size.end()) {
      ++grouping;
      for (const std::string& id : Split(own->second->word->value, ','))
        frame->fillers.push_back({id, begin, h->end, Filler::Kind::kCountry, grouping});
      added = true;
      continue;
    }
    for (auto it = recent_lists_.rbegin(); it != recent_lists_.rend(); ++it) {
      if (it->first >= f.index || f.index - it->first > kCountLookBack) continue;
      if (it->second.size() != n) continue;
      ++grouping;
      for (const std::string& id : it->second)
        frame->fillers.push_back({id, begin, h->end, Filler::Kind::kCountry, grouping});
      added = true;
      break;
    }
  }
  if (added)
    SortFillers(&frame->fillers);
}

// An agreement named and in force ("goods that meet the USMCA's rules", "el
// T-MEC"): its members are its parties wherever it is mentioned, unless a
// status word bound to the name says otherwise (a treaty "under
// negotiation"). It has no date of its own in the story.
void DocumentReader::ReadTreaties(const SentenceFacts& f) {
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi) {
    const Hit& h = *hi;
    if (h.role != FrameRole::kTreaty || !Contains(f.span, h.begin, h.end)) continue;
    FoundAgreement a;
    a.parties = Split(h.word->value, ',');
    std::sort(a.parties.begin(), a.parties.end());
    const FrameWord* status_word = BoundStatus(f, {h.begin, h.end}, FrameRole::kStrong);
    a.status = status_word != nullptr ? status_word->value : "concluded";
    a.status_read = true;  // The name of a treaty in force says it is done.
    a.kind = "cooperation";
    a.minerals = f.minerals;
    a.organizations = f.orgs;
    a.evidence.push_back(f.sentence);
    a.confidence = 0.7;
    for (const std::string& id : a.parties) a.roles.push_back({Slot::kMember, id, h.begin, h.end});
    found_.push_back(std::move(a));
  }
}

// Where the sentence's status comes from: its status word, else a talks
// word (negociações, negotiating) read as the agreement's kind; npos when
// neither.
size_t DocumentReader::StatusPosition(const SentenceFacts& f, const FrameWord* status_word) const {
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi) {
    if (!Contains(f.span, hi->begin, hi->end)) continue;
    if (status_word != nullptr ? hi->role == FrameRole::kStatus && hi->word == status_word
                               : f.kind == "talks" && !f.strong &&
                                     hi->role == FrameRole::kAgreement &&
                                     hi->word->value == "talks")
      return hi->begin;
  }
  return std::string::npos;
}

// "Brazil has free trade agreements in force with Israel and Egypt and is
// negotiating with the UAE and Canada": the status word stands between two
// partner lists and speaks of the later one. A pair whose partners all come
// before it, after a deal word of its own, is a deal done.
bool DocumentReader::DoneBeforeStatus(const SentenceFacts& f, const std::vector<SlotFill>& fills,
                                      const std::vector<SlotFill>& roles, size_t status_at) const {
  if (status_at == std::string::npos) return false;
  size_t partners = 0;
  for (const SlotFill& r : roles) {
    if (r.slot != Slot::kPartner) continue;
    if (r.end > status_at) return false;
    ++partners;
  }
  if (partners == 0) return false;
  const bool later = std::any_of(fills.begin(), fills.end(), [&](const SlotFill& x) {
    return x.slot == Slot::kPartner && x.begin > status_at;
  });
  if (!later) return false;
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi)
    if (Contains(f.span, hi->begin, hi->end) && hi->end <= status_at &&
        (hi->role == FrameRole::kStrong ||
         (hi->role == FrameRole::kAgreement && hi->word->value != "talks")))
      return true;
  return false;
}

// A concluding word and a date with fewer than two parties ("the minister
// and his French counterpart signed a joint statement on Wednesday"): the
// date of the agreement of those parties (DateFromDeeds).
void DocumentReader::RecordDatedDeed(const SentenceFacts& f) {
  if (!f.strong || BoundStatus(f, DeedOf(f), FrameRole::kStrong) != nullptr || f.parties.empty() ||
      f.parties.size() >= 2)
    return;
  for (size_t precision : {size_t{10}, size_t{7}, size_t{4}}) {
    const DateMention* date = nullptr;
    for (const DateMention& d : *in_.dates)
      if (Contains(f.span, d.begin, d.end) && d.date.size() == precision) {
        date = &d;
        break;
      }
    if (date == nullptr) continue;
    dated_deeds_.push_back({f.parties, date->date, f.sentence});
    break;
  }
}

// "The deal is worth $500 million.": a sentence that only refers back to
// the agreement just read gives it its figures (and is evidence).
void DocumentReader::ReadRefersBack(const SentenceFacts& f) {
  if (LastSentenceAgreements() == found_.size() || last_agreement_sentence_ + 1 != f.index)
    return;
  bool refers_back = false;
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi)
    if (hi->role == FrameRole::kRefersBack && Contains(f.span, hi->begin, hi->end))
      refers_back = true;
  const std::vector<size_t> figures = InsideSpan(*in_.amounts, amounts_order_, f.span);
  if (!refers_back || figures.empty() || !f.country_matches.empty()) return;
  FoundAgreement& a = found_.back();
  for (size_t i : figures)
    if (std::find(a.amounts.begin(), a.amounts.end(), i) == a.amounts.end()) a.amounts.push_back(i);
  a.evidence.push_back(f.sentence);
  last_agreement_sentence_ = f.index;
}

// The fillers of a measure: every country named (a demonym too: "Chinese
// graphite" is a target), groups that act for themselves (the EU's
// sanctions), capitals and people for their governments.
FrameInput DocumentReader::MeasureFrameOf(const SentenceFacts& f) const {
  FrameInput frame = FrameOf(gaz_, in_.nfkc, f.span, grammar_, f.hits_begin, f.hits_end, {}, {});
  // A bloc named for its members (Mercosur, EFTA, Central Asia) is a party
  // of deals through them; a measure is read on countries and on groups
  // that act for themselves, never spread over a bloc's members (an FTA's
  // tariff cuts "on goods from the EFTA area" are no measures on its states).
  // A forum whose members act together (the G7's sanctions: `members` in the
  // frame files) imposes through each of them.
  frame.fillers.erase(std::remove_if(frame.fillers.begin(), frame.fillers.end(),
                                     [](const Filler& x) { return x.grouping > 0 && !x.forum; }),
                      frame.fillers.end());
  // A capital as a place ("officials in Washington", 워싱턴에서 열릴 회담,
  // 在北京) before the sentence's first measure word neither imposes nor
  // suffers it. (After one, a place word may be the target's "to": it "le
  // sanzioni imposte dall'Ue a Mosca", "da Pechino a Mosca"; "sanzioni a
  // Mosca e nuovi dazi sull'acciaio cinese" keeps Moscow.)
  size_t first_measure = 0;
  for (auto h = f.hits_begin; h != f.hits_end && first_measure == 0; ++h)
    if (h->role == FrameRole::kMeasure && Contains(f.span, h->begin, h->end))
      first_measure = h->begin;
  // A company's home ("American firms", 美国实体, 미국 기업) stands for its
  // firms: like a listed company, only ever a target.
  for (const EntityMatch* c : f.country_matches)
    if (Filler x; !(CapitalAsPlace(*c) && c->nfkc_end <= first_measure) &&
                  ToFiller(gaz_, in_.nfkc, *c, &x, grammar_.lang)) {
      if (WordAfter(*c, FrameRole::kNotPartyAfter, 1)) x.kind = Filler::Kind::kCompany;
      // "el gobierno estadounidense", "الإدارة الأمريكية": the government word
      // before an adjective is the head of the name the slot markers see
      // ("los aranceles que el gobierno estadounidense impuso", "التي فرضتها الإدارة
      // الأمريكية").
      // (From the start of its written word: Arabic writes ال onto it.)
      if (size_t head = WordStartBefore(*c, FrameRole::kGovernment, 1);
          x.demonym && head != std::string::npos) {
        constexpr size_t kWrittenOn = 8;  // bytes: وبال
        size_t word = head;
        while (word > 0 && head - word < kWrittenOn && in_.nfkc[word - 1] != ' ') --word;
        x.begin = word == 0 || in_.nfkc[word - 1] == ' ' ? word : head;
      }
      frame.fillers.push_back(x);
    }
  // Groups too when they are no party: the target of "Zölle auf Waren aus der EU".
  // A forum (kind=forum: the G20) imposes nothing and is no target.
  for (const EntityMatch* g : f.group_matches)
    if (Filler x; !IsForum(gaz_, *g) && ToFiller(gaz_, in_.nfkc, *g, &x, grammar_.lang))
      frame.fillers.push_back(x);
  for (const EntityMatch* p : f.party_matches)
    if (Filler x; p->kind != EntityKind::kCountry && p->kind != EntityKind::kGroup &&
                  ToFiller(gaz_, in_.nfkc, *p, &x, grammar_.lang))
      frame.fillers.push_back(x);
  AddCompanyFillers(f, &frame);
  SortFillers(&frame.fillers);
  return MergeTitledPeople(in_.nfkc, std::move(frame));
}

// A listed company (kind=company with a country=) in the sentence stands for
// its home country as a measure's target ("sanctions on Skydio", 对美光实施
// 制裁: US). Only listed companies: their home is known, a rule-found name's
// is a guess. A company whose span holds a country's name (Bank of China)
// gives way to it. A listed bank only right after a target word ("санкции
// против Газпромбанка", "sanctions on Gazprombank"): banks are named beside
// measures as lenders far more often than as their targets.
void DocumentReader::AddCompanyFillers(const SentenceFacts& f, FrameInput* frame) const {
  constexpr size_t kBankMarkerGap = 6;  // bytes: "the ", "la "
  for (const EntityMatch* o : f.org_matches) {
    const std::string* home = HomeIfKind(*o, "company");
    if (home == nullptr && WordBefore(*o, FrameRole::kTargetBefore, kBankMarkerGap))
      home = HomeIfKind(*o, "bank");
    if (home == nullptr) continue;
    bool overlaps = false;
    for (const Filler& x : frame->fillers)
      overlaps = overlaps || (x.begin < o->nfkc_end && o->nfkc_begin < x.end);
    if (!overlaps)
      frame->fillers.push_back(
          {*home, o->nfkc_begin, o->nfkc_end, Filler::Kind::kCompany, 0, false});
  }
}

// Whether a worldwide word ("from all origins") lies in part `seg`. Only
// the part's own hits: the parts are apart, so the sentence is read once.
bool DocumentReader::IsWorldwide(const Span& seg) const {
  for (auto hi = FirstHitFrom(seg.begin); hi != hits_.end() && hi->begin < seg.end; ++hi)
    if (hi->role == FrameRole::kWorldwide && Contains(seg, hi->begin, hi->end)) return true;
  return false;
}

// The sentence's minerals named in part `seg`, in text order.
std::vector<std::string> DocumentReader::PartMinerals(const SentenceFacts& f,
                                                      const Span& seg) const {
  std::vector<std::string> out;
  for (auto mi = FirstMatchFrom(seg.begin); mi != in_.matches->end() && mi->nfkc_begin < seg.end;
       ++mi)
    if (mi->kind == EntityKind::kMineral && Contains(seg, mi->nfkc_begin, mi->nfkc_end) &&
        std::find(f.minerals.begin(), f.minerals.end(), IdOf(*mi)) != f.minerals.end())
      AddUnique(&out, IdOf(*mi));
  return out;
}

// One measure per imposer and target of a part of the sentence.
void DocumentReader::AddMeasures(const SentenceFacts& f, const std::string& type, const Span& seg,
                                 const MeasureReading& reading, const std::string& status) {
  std::vector<std::string> imposers, targets;
  for (const SlotFill& x : reading.actors) AddUnique(&imposers, x.id);
  for (const SlotFill& x : reading.targets) AddUnique(&targets, x.id);
  // A part that says its measure applies to every country is that measure
  // too, beside the country whose goods it names ("hàng hóa Việt Nam vẫn
  // chịu mức thuế cơ sở 10% áp cho mọi đối tác", "produtos brasileiros pagam
  // a tarifa básica que os EUA aplicam a quase todas as origens").
  // Not when a target stands in the worldwide words or after them in their
  // clause ("all Russian imports", "all imports of flat-rolled steel from
  // China", "todas las importaciones procedentes de México"), or before them
  // in their clause where the target comes first (对华10%基准关税, 中国製の鉄鋼
  // 製品に対してセーフガード): they speak of it.
  const bool worldwide =
      IsWorldwide(seg) &&
      std::none_of(reading.targets.begin(), reading.targets.end(), [&](const SlotFill& x) {
        for (auto hi = FirstHitFrom(seg.begin); hi != hits_.end() && hi->begin < seg.end; ++hi) {
          if (hi->role != FrameRole::kWorldwide) continue;
          if (x.begin >= hi->end ? !HasClauseBreak(in_.nfkc, hi->end, x.begin)
              : x.end <= hi->begin
                  ? grammar_.target_first && !HasClauseBreak(in_.nfkc, x.end, hi->begin)
                  : true)
            return true;
        }
        return false;
      });
  // No actor named: a state agency of the sentence acts for its country
  // (商务部); an international body (WTO) imposes nothing, nor one where
  // something is said ("В Министерстве торговли РК заявили": at the ministry).
  if (imposers.empty())
    for (const EntityMatch* o : f.org_matches) {
      const std::string* home = AtPlace(*o) ? nullptr : ActingFor(*o);
      if (home != nullptr && std::find(targets.begin(), targets.end(), *home) == targets.end()) {
        imposers.push_back(*home);
        break;
      }
    }
  // A country's trade law named in the part (Section 232) is its measure.
  const Hit* law = nullptr;
  if (imposers.empty())
    for (auto h = FirstHitFrom(seg.begin); h != f.hits_end && h->begin < seg.end; ++h)
      if (h->role == FrameRole::kLaw && h->end <= seg.end &&
          std::find(targets.begin(), targets.end(), h->word->value) == targets.end()) {
        law = &*h;
        imposers.push_back(h->word->value);
        break;
      }
  constexpr size_t kMeasureReach = 4;  // sentences (8 read a bystander on r3)
  if (!imposers.empty())
    last_measure_ = {f.index, type, imposers};
  else if (last_measure_.sentence != std::string::npos &&
           f.index - last_measure_.sentence <= kMeasureReach && last_measure_.type == type &&
           (targets.empty() || (worldwide && last_measure_.sentence == f.index))) {
    // A worldwide part with goods named borrows only its own sentence's
    // imposer ("…hoãn; hàng hóa Indonesia vẫn chịu mức thuế cơ sở 10%"), and
    // for the worldwide measure only: the goods are no target of that
    // imposer ("Vietnamese exporters still face a 10% baseline tariff" is
    // no measure of China's after China's tariff on US goods).
    imposers = last_measure_.imposers;
    targets.clear();
  }
  const Hit* home_word = nullptr;
  if (imposers.empty() && HomeImposes(f, targets.empty(), &home_word))
    imposers.push_back(home_country_);
  // (Not beside targets when the imposer is only "both governments": a
  // pair read from the story, no one named for the worldwide measure.)
  const bool pair_imposed =
      std::any_of(reading.actors.begin(), reading.actors.end(), [&](const SlotFill& x) {
        for (auto hi = FirstHitFrom(x.begin); hi != hits_.end() && hi->begin == x.begin; ++hi)
          if (hi->role == FrameRole::kPair) return true;
        return false;
      });
  if (targets.empty() || (worldwide && !pair_imposed)) targets.push_back("");
  for (const std::string& from : imposers) {
    // A country's measure on its own company, or on a list naming it too,
    // targets only the others (none left: untargeted).
    std::vector<std::string> tos;
    for (const std::string& to : targets)
      if (to != from) tos.push_back(to);
    if (tos.empty()) tos.push_back("");
    for (const std::string& to : tos) {
      FoundRestriction r;
      r.type = type;
      r.status = status;
      r.from = from;
      r.to = to;
      r.worldwide = worldwide && to.empty();
      for (const SlotFill& x : reading.actors)
        if (x.id == from) r.roles.push_back(x);
      if (home_word != nullptr && from == home_country_)
        r.roles.push_back({Slot::kActor, from, home_word->begin, home_word->end});
      if (law != nullptr && from == law->word->value)
        r.roles.push_back({Slot::kActor, from, law->begin, law->end});
      for (const SlotFill& x : reading.targets)
        if (x.id == to) r.roles.push_back(x);
      r.minerals = PartMinerals(f, seg);
      r.evidence.push_back(f.sentence);
      r.confidence = 0.6 + (r.to.empty() ? 0 : 0.2) + (r.minerals.empty() ? 0 : 0.1);
      found_r_.push_back(std::move(r));
    }
  }
}

// A measure of a sentence that names no target and no mineral of its own,
// beside one of the same imposer (or none named) and status that names a
// target, is aimed at that target: "将16家美国实体列入出口管制管控名单，禁止
// 向其出口两用物项", "미국 기업 15곳을 수출통제 명단에 올려 …수출을 금지했다".
// The nearest such part (the one before it on a tie). `own_object(k)`: part k
// names its own minerals ("export controls on graphite ... and banned
// exports of gallium to the US": two measures) or is worldwide; it stays
// untargeted.
void ShareTargets(size_t n, const std::vector<std::string>& statuses,
                  std::vector<MeasureReading>* readings,
                  const std::function<bool(size_t)>& own_object) {
  auto ids = [](const std::vector<SlotFill>& fills) {
    std::set<std::string> out;
    for (const SlotFill& x : fills) out.insert(x.id);
    return out;
  };
  if (n == 0) return;
  // The nearest part before and after each that names a target (of what
  // was read, not borrowed): one pass each way, so the work stays linear.
  std::vector<size_t> prev(n, n), next(n, n);
  for (size_t k = 1; k < n; ++k)
    prev[k] = !(*readings)[k - 1].targets.empty() ? k - 1 : prev[k - 1];
  for (size_t k = n - 1; k-- > 0;)
    next[k] = !(*readings)[k + 1].targets.empty() ? k + 1 : next[k + 1];
  // A lender j named its own target, so it is never a borrower: reading
  // (*readings)[j] while filling others sees what was read.
  for (size_t k = 0; k < n; ++k) {
    MeasureReading& r = (*readings)[k];
    if (!r.targets.empty() || own_object(k)) continue;
    size_t j = prev[k];
    if (j == n || (next[k] != n && k - j > next[k] - k)) j = next[k];
    if (j == n || statuses[j] != statuses[k] ||
        (!r.actors.empty() && ids(r.actors) != ids((*readings)[j].actors)))
      continue;
    r.targets = (*readings)[j].targets;
    if (r.actors.empty()) r.actors = (*readings)[j].actors;
  }
}

// Whether measure word `measure` is the topic of talks: a topic word right
// before it in its clause (on, over, 就) and a talks word in that clause
// ("Japan and China held talks on export restrictions", "双方仍就关税税率
// 进行磋商"). Such a measure may exist, but who imposes it on whom the talks
// do not say: the parties of the talks are no imposer.
bool DocumentReader::TalksTopic(const SentenceFacts& f, const Hit& measure) const {
  constexpr size_t kTopicGap = 48;  // bytes: "关税稅率、半导体" before the measure word
  if (f.span.end - f.span.begin > kMaxClauseSentence) return false;  // Linear work only.
  // A break of the clause; not 、, which joins a list (关税税率、半导体调查).
  auto break_at = [&](size_t at) {
    return in_.nfkc.compare(at, 3, "\xE3\x80\x81") == 0 ? 0 : ClauseBreakAt(in_.nfkc, at);
  };
  // Whether a break ends right at `at` (breaks are 1 to 3 bytes long).
  auto break_ends = [&](size_t at) {
    for (size_t len = 1; len <= 3 && at >= f.span.begin + len; ++len)
      if (break_at(at - len) == len) return true;
    return false;
  };
  size_t clause_begin = measure.begin, clause_end = measure.end;
  while (clause_begin > f.span.begin && !break_ends(clause_begin)) --clause_begin;
  while (clause_end < f.span.end && break_at(clause_end) == 0) ++clause_end;
  bool topic_word = false, talks = false;
  for (auto h = FirstHitFrom(clause_begin); h != f.hits_end && h->begin < clause_end; ++h) {
    if (h->end > clause_end) continue;
    if (h->role == FrameRole::kTopicBefore && h->end <= measure.begin &&
        measure.begin - h->end <= kTopicGap)
      topic_word = true;
    if ((h->role == FrameRole::kStatus || h->role == FrameRole::kAgreement) &&
        h->word->value == "talks")
      talks = true;
  }
  return topic_word && talks;
}

// The trade measures of the sentence. Each restriction word opens its own
// part of the sentence ("imposed export controls on graphite and banned
// exports of gallium to the United States"): its minerals and target are
// read there.
void DocumentReader::ReadMeasures(const SentenceFacts& f) {
  const Span& s = f.span;
  const size_t first_found = found_r_.size();
  FrameInput frame = MeasureFrameOf(f);
  // Never the dateline's place nor a company's home ("a Thai battery maker").
  // (A country that と or 和 joins to the next one, "日本と米国は", "美国和日本对…",
  // is the first of a conjoined subject: it acts with the others.)
  constexpr size_t kJoinedGap = 4;  // bytes: と, 和, 与
  std::vector<std::pair<size_t, size_t>> cannot_act;
  for (size_t k = 0; k < f.country_matches.size(); ++k) {
    const EntityMatch* c = f.country_matches[k];
    // Joined: the gap is a joiner or partner word (と, 和, 与), not に.
    auto right_after = [&](const EntityMatch* m) {
      if (m->nfkc_begin < c->nfkc_end || m->nfkc_begin - c->nfkc_end > kJoinedGap) return false;
      for (auto h = FirstHitFrom(c->nfkc_end); h != f.hits_end && h->begin == c->nfkc_end; ++h)
        if (h->end == m->nfkc_begin &&
            (h->role == FrameRole::kListJoiner || h->role == FrameRole::kPartnerAfter ||
             h->role == FrameRole::kPartnerBefore))
          return true;
      return false;
    };
    const bool joined =
        (k + 1 < f.country_matches.size() && right_after(f.country_matches[k + 1])) ||
        std::any_of(f.group_matches.begin(), f.group_matches.end(), right_after);
    // A capital as a place ("Beobachter in Berlin werten …", 在北京) imposes
    // nothing, as it is no party of an agreement. The reader then abstains
    // from "Officials in Washington imposed…" and "В Вашингтоне ввели
    // пошлины": letting a place impose when nothing else does was tried and
    // read Berlin's observers again (r22) and cost r6.
    const bool place = CapitalAsPlace(*c);
    if ((WordAfter(*c, FrameRole::kNotActorAfter, 0) && !joined) ||
        WordAfter(*c, FrameRole::kNotPartyAfter, 1) || place ||
        InDateline(in_.nfkc, s, f.dateline_close, *c))
      cannot_act.emplace_back(c->nfkc_begin, c->nfkc_end);
  }
  const auto can_act = [&](const Filler& x) {
    if (x.kind == Filler::Kind::kCompany) return false;  // Only a target.
    for (const auto& [b, e] : cannot_act)
      if (x.begin <= b && e <= x.end) return false;
    return !x.id.empty();
  };
  const bool cjk_order = grammar_.target_first;
  struct Part {
    size_t begin, end, at;
    std::string type;
    FrameSlots slots;
  };
  std::vector<Part> parts;
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi) {
    const Hit& h = *hi;
    if (h.role != FrameRole::kMeasure || !Contains(s, h.begin, h.end)) continue;
    if (!parts.empty() && h.begin < parts.back().end) continue;  // Overlaps the last.
    // A measure named as the topic of a deal or talks ("tariff deal",
    // 日米関税合意, 관세 협상) is no measure of its own.
    bool topic = false;
    for (auto hj = std::next(hi); hj != f.hits_end && hj->begin <= h.end + 3; ++hj)
      topic = topic || (hj->begin >= h.end &&
                        (hj->role == FrameRole::kAgreement || hj->role == FrameRole::kStrong ||
                         (hj->role == FrameRole::kStatus && hj->word->value == "talks")));
    if (topic || TalksTopic(f, h)) continue;
    parts.push_back({h.begin, h.end, h.begin, h.word->value, h.word->slots});
  }
  std::vector<size_t> trigger_end(parts.size());
  for (size_t k = 0; k < parts.size(); ++k) {
    trigger_end[k] = parts[k].end;
    // In Chinese, Japanese and Korean the target comes before the word
    // (中方对美国商品的反制关税): the part opens where the last word ends.
    parts[k].begin = k == 0 ? s.begin : cjk_order ? trigger_end[k - 1] : parts[k].at;
    parts[k].end = k + 1 < parts.size() ? parts[k + 1].at : s.end;
  }
  for (const Part& p : parts) frame.verbs.push_back(p.at);
  std::vector<MeasureReading> readings(parts.size());
  std::vector<std::string> statuses(parts.size());
  for (size_t k = 0; k < parts.size(); ++k) {
    frame.trigger = {parts[k].at, trigger_end[k]};
    frame.export_measure = IsExportMeasure(parts[k].type);
    frame.slots = parts[k].slots;
    readings[k] = ReadMeasureFrame(frame, {parts[k].begin, parts[k].end}, cjk_order, can_act,
                                   grammar_.imposer_after);
    statuses[k] = MeasureStatus(f, frame.trigger, {parts[k].begin, parts[k].end});
  }
  ShareTargets(parts.size(), statuses, &readings, [&](size_t k) {
    const Span seg{parts[k].begin, parts[k].end};
    return IsWorldwide(seg) || !PartMinerals(f, seg).empty();
  });
  for (size_t k = 0; k < parts.size(); ++k) {
    // Two clauses of the measure, each imposer with its own target.
    if (!readings[k].pairs.empty()) {
      for (const auto& [actor, target] : readings[k].pairs)
        AddMeasures(f, parts[k].type, {parts[k].begin, parts[k].end}, {{actor}, {target}, {}},
                    statuses[k]);
      continue;
    }
    if (const RelativeRoles rel = RelativeImposer(f, {parts[k].at, trigger_end[k]});
        !rel.imposers.empty()) {
      MeasureReading& r = readings[k];
      r.actors.clear();
      for (const EntityMatch* c : rel.imposers) {
        const std::string& id = IdOf(*c);
        r.actors.push_back({Slot::kActor, id, c->nfkc_begin, c->nfkc_end});
        r.targets.erase(std::remove_if(r.targets.begin(), r.targets.end(),
                                       [&](const SlotFill& x) { return x.id == id; }),
                        r.targets.end());
      }
      if (rel.target != nullptr)
        r.targets = {
            {Slot::kTarget, IdOf(*rel.target), rel.target->nfkc_begin, rel.target->nfkc_end}};
    }
    if (readings[k].actors.empty()) AddPairImposers(f, {parts[k].at, trigger_end[k]}, &readings[k]);
    AddMeasures(f, parts[k].type, {parts[k].begin, parts[k].end}, readings[k], statuses[k]);
  }
  // What a joins word may join: this sentence's measures (all its parts').
  if (found_r_.size() > first_found) {
    if (measure_sentence_ != f.index) measure_first_ = first_found;
    measure_sentence_ = f.index;
  }
}

// "США ввели экспортный контроль против России; к ним присоединились Япония и
// Тайвань", "…حظر تفرضه الولايات المتحدة، وانضم إليه الاتحاد الأوروبي", "Japan and
// Korea also joined.": a list a joins word marks, in the sentence of the
// measures read last or the one right after it, imposes those measures too
// (their targets, type and status). Not a joiner that is their target, nor
// one already imposing them.
void DocumentReader::ReadMeasureJoining(const SentenceFacts& f) {
  if (measure_sentence_ == std::string::npos || f.index > measure_sentence_ + 1 ||
      measure_first_ >= found_r_.size())
    return;
  // A sentence about a deal or talks ("Australia and Japan also joined the
  // partnership talks") joins no measure.
  if (!f.kind.empty()) return;
  const Hit* word = JoinsWordOf(f);
  if (word == nullptr) return;
  const std::vector<SlotFill> joiners = ReadJoiners(MeasureFrameOf(f));
  // The joiners' own status when the sentence says one ("Japan will also
  // join": threatened), else the measure's.
  const FrameWord* status = BoundStatus(f, {word->end, word->end}, FrameRole::kMeasure);
  const size_t end = found_r_.size();
  for (const SlotFill& j : joiners)
    for (size_t i = measure_first_; i < end; ++i) {
      // Valid until the push_back below, which ends the iteration.
      const FoundRestriction& r = found_r_[i];
      if (r.from.empty() || j.id == r.to || j.id == r.from) continue;
      const bool known = std::any_of(found_r_.begin() + static_cast<std::ptrdiff_t>(measure_first_),
                                     found_r_.end(), [&](const FoundRestriction& x) {
                                       return x.from == j.id && x.to == r.to && x.type == r.type;
                                     });
      if (known) continue;
      FoundRestriction joined = r;
      joined.from = j.id;
      if (status != nullptr) joined.status = MeasureStatusOf(status->value);
      joined.roles.erase(std::remove_if(joined.roles.begin(), joined.roles.end(),
                                        [](const SlotFill& x) { return x.slot == Slot::kActor; }),
                         joined.roles.end());
      joined.roles.push_back({Slot::kActor, j.id, j.begin, j.end});
      if (f.index != measure_sentence_) joined.evidence.push_back(f.sentence);
      found_r_.push_back(std::move(joined));
    }
}

// The roles of a relative clause that holds the measure word, its antecedent
// right before ", which", ", que", ", который": the antecedent is the clause's
// subject and imposes ("China, which has required licences since April",
// "dependencia de China, que desde abril exige licencias", though the main
// clause names it as a reason); a country right after the relative word is
// the clause's subject instead (with the countries after it, up to the
// measure word), and the antecedent its object, the target ("Australia,
// which China hit with tariffs"). None when a country stands later in the
// clause before the measure word, nor across a clause break.
DocumentReader::RelativeRoles DocumentReader::RelativeImposer(const SentenceFacts& f,
                                                              const Span& trigger) const {
  const EntityMatch* antecedent = nullptr;
  size_t clause_begin = 0;
  std::vector<const EntityMatch*> names = f.country_matches;
  names.insert(names.end(), f.group_matches.begin(), f.group_matches.end());
  for (const EntityMatch* c : names) {
    if (c->nfkc_end > trigger.begin) continue;
    size_t at = c->nfkc_end;
    if (at >= in_.nfkc.size() || in_.nfkc[at] != ',') continue;
    ++at;
    while (at < in_.nfkc.size() && in_.nfkc[at] == ' ') ++at;
    for (auto h = FirstHitFrom(at); h != f.hits_end && h->begin == at; ++h)
      if (h->role == FrameRole::kRelative && h->end <= trigger.begin &&
          !HasClauseBreak(in_.nfkc, h->end, trigger.begin) &&
          (antecedent == nullptr || c->nfkc_begin > antecedent->nfkc_begin)) {
        antecedent = c;
        clause_begin = h->end;
      }
  }
  if (antecedent == nullptr) return {};
  constexpr size_t kSubjectGap = 5;  // bytes: " the "
  std::vector<const EntityMatch*> subjects;
  for (const EntityMatch* c : names)
    if (c->nfkc_begin >= clause_begin && c->nfkc_end <= trigger.begin) subjects.push_back(c);
  if (subjects.empty()) return {{antecedent}, nullptr};
  std::sort(subjects.begin(), subjects.end(), [](const EntityMatch* a, const EntityMatch* b) {
    return a->nfkc_begin < b->nfkc_begin;
  });
  if (subjects.front()->nfkc_begin - clause_begin > kSubjectGap) return {};
  return {subjects, antecedent};
}

// "Both sides' sanctions on Russian metals remain", "両国は中国に対する輸出規制を
// 強化した": a pair word before the measure word in its clause, when no
// imposer is named, stands for the two countries the story is about; each
// imposes (not on itself).
void DocumentReader::AddPairImposers(const SentenceFacts& f, const Span& trigger,
                                     MeasureReading* reading) const {
  if (!f.pair) return;
  const std::vector<std::string>* pair = ContextPair();
  if (pair == nullptr) return;
  for (auto hi = f.hits_begin; hi != f.hits_end; ++hi) {
    if (hi->role != FrameRole::kPair || !Contains(f.span, hi->begin, hi->end) ||
        hi->end > trigger.begin || HasClauseBreak(in_.nfkc, hi->end, trigger.begin))
      continue;
    // "between the two countries" (الموقعة بين البلدين, 両国の間で) names whom
    // a deal binds, not who imposes.
    constexpr size_t kMembersGap = 5;  // bytes: " the ", "の"
    bool members = WordFrom(hi->end, FrameRole::kMembersAfter, kMembersGap);
    for (auto hj = f.hits_begin; hj != hi && !members; ++hj)
      members = hj->role == FrameRole::kMembersBefore && hj->end <= hi->begin &&
                hi->begin - hj->end <= kMembersGap;
    if (members) continue;
    for (const std::string& id : *pair)
      reading->actors.push_back({Slot::kActor, id, hi->begin, hi->end});
    return;
  }
}

// One agreement per party set. An agreement its sentences date in another
// year than another report of the same parties ("signed a memorandum in
// 2012" in a story of today) is a background agreement of its own. Undated
// sentences belong with the story of the publication year. (A merge never
// changes an agreement's year: an undated one takes a stated date only of
// its own year.) Looked up by key, and amounts and evidence by set: a long
// text of the same deal or of every pair must not compare each one with
// all before.
void MergeAgreements(const std::string& published, std::vector<FoundAgreement>* found,
                     std::vector<FoundAgreement>* agreements) {
  const std::string published_year = published.substr(0, 4);
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
  for (FoundAgreement& a : *found) {
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
    // Talks or a failure a word says beat a conclusion only assumed;
    // otherwise a deed concluded anywhere in the document is concluded.
    // (A plan of more is no doubt on what was concluded: only talks or a
    // failure said of the deal undo an assumed conclusion.)
    const auto undoes = [](const FoundAgreement& x) {
      return x.status_read && (x.status == "talks" || x.status == "failed");
    };
    if (undoes(a) && same->status == "concluded" && !same->status_read) {
      same->status = a.status;
    } else if (undoes(*same) && a.status == "concluded" && !a.status_read) {
      // Stays as said.
    } else if (a.status == "concluded" || StatusRank(a.status) < StatusRank(same->status)) {
      same->status = a.status;
    }
    same->status_read = same->status_read || a.status_read;
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
}

// An agreement that no sentence of its own dates takes the date of the
// first dated deed of its parties only ("...signed a joint statement
// Wednesday" naming one of them): what a sentence states beats the
// publication date.
void DateFromDeeds(const std::vector<DatedDeed>& deeds, std::vector<FoundAgreement>* agreements) {
  for (FoundAgreement& a : *agreements) {
    if (a.date_in_text) continue;
    for (const DatedDeed& d : deeds) {
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
}

// Whether restriction `r` is restriction `x` (of the same imposer) read
// again. `same_sentence`: they share an evidence sentence.
bool SameMeasure(const FoundRestriction& x, const FoundRestriction& r, bool same_sentence) {
  if (x.to == r.to) return x.type == r.type;
  if (!r.to.empty() || r.worldwide) return false;
  // 商务部宣布…出口管制 joins 对美国出口…不予许可 (another sentence); the other
  // part of the same sentence is another measure, unless of its type. A
  // measure of another status is another measure (the suspended ban on
  // exports to the US, the licensing still in force). Of another type, it
  // is the same measure only when it names the same minerals (出口管制 on
  // 镓锗锑 and the ban on their exports to the US).
  const bool same_minerals =
      std::any_of(r.minerals.begin(), r.minerals.end(), [&](const std::string& m) {
        return std::find(x.minerals.begin(), x.minerals.end(), m) != x.minerals.end();
      });
  // Of its type, a measure on minerals is not the one another sentence aims
  // at firms with no mineral (七類中重稀土…實施出口管制 beside 將16家美國實體
  // 列入出口管制管控名單): a country's controls on an ore and its entity
  // list are two measures.
  const bool other_object = !same_sentence && !r.minerals.empty() && x.minerals.empty();
  return ((x.type == r.type && !other_object) || (!same_sentence && same_minerals)) &&
         x.status == r.status;
}

// One restriction per (from, to, type): a restriction read without its
// target joins the same country's restriction of that type with a target.
void MergeRestrictions(std::vector<FoundRestriction>* found,
                       std::vector<FoundRestriction>* restrictions) {
  std::stable_sort(found->begin(), found->end(),
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
  for (FoundRestriction& r : *found) {
    FoundRestriction* same = nullptr;
    size_t same_index = 0;
    for (size_t i : restrictions_of[r.from]) {
      const bool same_sentence =
          std::any_of(r.evidence.begin(), r.evidence.end(), [&](const Span& e) {
            return restriction_sentences[i].count({e.begin, e.end}) > 0;
          });
      if (SameMeasure((*restrictions)[i], r, same_sentence)) {
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
    // One sentence that says the measure applies to every origin says it of
    // the measure ("Trump's tariffs" in a headline, "10% on imports of all
    // origins" below): DropUnaimedMeasures keeps it.
    same->worldwide = same->worldwide || r.worldwide;
    same->roles.insert(same->roles.end(), r.roles.begin(), r.roles.end());
    for (const Span& e : r.evidence) restriction_sentences[same_index].emplace(e.begin, e.end);
    same->evidence.insert(same->evidence.end(), r.evidence.begin(), r.evidence.end());
    same->confidence = std::min(0.95, std::max(same->confidence, r.confidence) + 0.05);
  }
}

// Abstains from a measure of a type aimed by nature (MeasureNeedsTarget)
// whose target was not read: on unseen news such a reading was nearly always
// a target missed or a bystander's rate (a sanction "RU>" from "Russian
// aluminium"), not a measure on every country. Measures of other types and
// those a `worldwide` word marks stay. After the merge, so that an untargeted
// reading first lends its sentence to its imposer's targeted measure.
void DropUnaimedMeasures(std::vector<FoundRestriction>* restrictions) {
  restrictions->erase(std::remove_if(restrictions->begin(), restrictions->end(),
                                     [](const FoundRestriction& r) {
                                       return r.to.empty() && !r.worldwide &&
                                              MeasureNeedsTarget(r.type);
                                     }),
                      restrictions->end());
}

}  // namespace

RelationFinder::RelationFinder(std::vector<FrameWord> words, const AhoCorasick* automaton)
    : words_(std::move(words)) {
  for (size_t i = 0; i < words_.size(); ++i) {
    const FrameWord& w = words_[i];
    // Grammar lines are not looked for in the text.
    const bool grammar = w.role == FrameRole::kArticle || w.role == FrameRole::kWordOrder;
    if (w.role == FrameRole::kArticle) {
      AddUnique(&own_articles_[PrimaryLanguage(w.lang)], w.word);
    }
    if (w.role == FrameRole::kWordOrder) word_orders_[w.word].insert(PrimaryLanguage(w.lang));
    const bool pattern = IsPatternRole(words_[i].role);
    folded_.push_back(pattern || grammar ? std::string() : FoldForMatch(words_[i].word));
    latin_.push_back(IsLatinWord(words_[i].word));
    const std::pair<std::string, bool> read_class(w.lang, latin_.back());
    auto known = std::find(read_classes_.begin(), read_classes_.end(), read_class);
    if (known == read_classes_.end()) known = read_classes_.insert(known, read_class);
    read_class_.push_back(static_cast<uint16_t>(known - read_classes_.begin()));
    uint8_t edges = WordEdgesOf(folded_.back());
    if (words_[i].open_begin) edges = static_cast<uint8_t>(edges & ~kEdgeWordFirst);
    if (words_[i].open_end) edges = static_cast<uint8_t>(edges & ~kEdgeWordLast);
    edges_.push_back(edges);
    // Compiled on the first document of its language (the frame loader has
    // checked that RE2 takes it): a run in one language pays for its own.
    if (pattern) {
      auto re = std::make_shared<LazyRe2>();
      re->Set(words_[i].word, /*case_sensitive=*/true);
      patterns_.emplace_back(i, std::move(re));
    }
  }
  if (automaton != nullptr)
    automaton_ = *automaton;
  else
    automaton_.Build(folded_);
}

// Relation words in the text, at word boundaries, in nfkc offsets, sorted
// by begin (the longest first).
std::vector<Hit> RelationFinder::FindHits(const RelationInput& in) const {
  std::vector<Hit> hits;
  std::vector<char> reads(read_classes_.size());
  for (size_t c = 0; c < reads.size(); ++c)
    reads[c] = ReadsWord(read_classes_[c].first, read_classes_[c].second, in.lang);
  automaton_.FindAll(in.folded, [&](size_t b, size_t e, uint32_t p) {
    const FrameWord& w = words_[p];
    if (!reads[read_class_[p]]) return;
    if (!AtWordBoundaries(in.folded, b, e, edges_[p])) return;
    hits.push_back({in.folded_to_nfkc->Begin(b), in.folded_to_nfkc->End(e), &w, w.role});
  });
  for (const auto& [index, lazy] : patterns_) {
    const FrameWord& w = words_[index];
    if (!LanguageCovers(w.lang, in.lang)) continue;
    const RE2* re = lazy->get();
    if (re == nullptr) continue;
    // A pattern with a group marks only the group as its word (the measure
    // word, the worldwide phrase), so
    // that a name inside the match stays readable ('حظرت الصين تصدير':
    // banned China exports, the verb first).
    const int groups = re->NumberOfCapturingGroups() > 0 ? 2 : 1;
    re2::StringPiece input(in.nfkc.data(), in.nfkc.size()), m[2];
    for (size_t pos = 0; pos < in.nfkc.size() &&
                         re->Match(input, pos, in.nfkc.size(), RE2::UNANCHORED, m, groups);) {
      const size_t b = static_cast<size_t>(m[0].data() - in.nfkc.data());
      pos = b + std::max<size_t>(m[0].size(), 1);
      const re2::StringPiece& word = m[groups - 1];
      const size_t wb = static_cast<size_t>(word.data() - in.nfkc.data());
      hits.push_back({wb, wb + word.size(), &w, PatternHitRole(w.role)});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  // A measure word inside a longer agreement word is a part of that word
  // (关税 in 关税同盟, a customs union), not a measure, nor is one inside a
  // not-measure word (duty-free, 零关税, 무관세): hits come by start, the
  // longer first, so an enclosing word is already seen.
  // So is a slot marker inside a longer one: "to" in "subjected to", "a" in
  // "sometidos a", "with" in "hit with" mark nothing of their own.
  // (One word may hold two roles: "by" marks a passive's actor and a deed's
  // agent; both stay.)
  // So is a status word inside a longer one: "lifted" in "has not lifted",
  // 解除 in 解除していない, 取消 in 没有取消 (a measure still in force).
  size_t agreement_end = 0;
  Span marker{0, 0};  // The slot marker that reaches furthest so far.
  Span status{0, 0};  // Likewise the status word.
  std::vector<Hit> kept;
  kept.reserve(hits.size());
  for (const Hit& h : hits) {
    if (h.role == FrameRole::kMeasure && h.end <= agreement_end) continue;
    const bool same_word = h.begin == marker.begin && h.end == marker.end;
    if (IsSlotMarker(h.role) && h.end <= marker.end && !same_word) continue;
    if (h.role == FrameRole::kStatus) {
      if (h.end <= status.end && !(h.begin == status.begin && h.end == status.end)) continue;
      if (h.end > status.end) status = {h.begin, h.end};
    }
    if (h.role == FrameRole::kAgreement || h.role == FrameRole::kTreaty ||
        h.role == FrameRole::kNotMeasure)
      agreement_end = std::max(agreement_end, h.end);
    if (IsSlotMarker(h.role) && h.end > marker.end) marker = {h.begin, h.end};
    kept.push_back(h);
  }
  return kept;
}

// Drops the agreement and measure words that are words of a name (and the
// groupings inside an organization's name): التعاون
// in مجلس التعاون الخليجي (the Gulf Cooperation Council), Cooperation in the
// China-Arab States Cooperation Forum, Tariff in a tariff commission's name:
// a longer group or organization match holds the word. Matches do not
// overlap and come by position, hits by start: one pass over both.
std::vector<Hit> DropWordsOfNames(const std::vector<EntityMatch>& matches, std::vector<Hit> hits) {
  auto m = matches.begin();
  hits.erase(std::remove_if(
                 hits.begin(), hits.end(),
                 [&](const Hit& h) {
                   while (m != matches.end() && m->nfkc_end <= h.begin) ++m;
                   // A grouping whose last words begin a group's name is that
                   // group ("دول مجلس التعاون لدول الخليج العربية": the GCC's
                   // states are the GCC, one party), not its members apart.
                   if (h.role == FrameRole::kGrouping)
                     for (auto g = m; g != matches.end() && g->nfkc_begin < h.end; ++g)
                       if (g->kind == EntityKind::kGroup && g->nfkc_begin > h.begin &&
                           g->nfkc_end > h.end)
                         return true;
                   if (m == matches.end() || m->nfkc_begin > h.begin || h.end > m->nfkc_end ||
                       m->nfkc_end - m->nfkc_begin <= h.end - h.begin)
                     return false;  // No longer name holds the word.
                   // So is a grouping's name inside an organization's (中亚 in
                   // 新疆中亚石油天然气公司): the organization is no bloc.
                   if (h.role == FrameRole::kGrouping) return m->kind == EntityKind::kOrganization;
                   return (h.role == FrameRole::kAgreement || h.role == FrameRole::kMeasure) &&
                          (m->kind == EntityKind::kGroup || m->kind == EntityKind::kOrganization);
                 }),
             hits.end());
  return hits;
}

// How far a unilateral act may stand from the verb of signing whose object
// it is ("signed an executive order", "포고문에 서명", "签署了一项行政令"); where
// the subject stands between them (verb-subject-object: "وقّع الرئيس الأمريكي
// دونالد ترامب مساء الخميس قانون…"), farther.
constexpr size_t kActReach = 24, kVerbSubjectActReach = 120;

// Drops the agreement words that sign a unilateral act: the one right before
// the act's word in its clause ("Trump signed a proclamation", 签署行政令), or
// right after it in a verb-final language (大統領令に署名, 포고문에 서명). An
// agreement word on the act's other side ("a decree ratifying the treaty")
// stays: it names a deal.
std::vector<Hit> DropSignedActs(std::string_view nfkc, std::vector<Hit> hits, bool verb_final,
                                bool verb_subject) {
  const size_t reach = verb_subject ? kVerbSubjectActReach : kActReach;
  std::vector<bool> drop(hits.size(), false);
  bool any = false;
  for (size_t i = 0; i < hits.size(); ++i) {
    const Hit& act = hits[i];
    if (act.role != FrameRole::kUnilateralAct) continue;
    // Hits are sorted by begin and words are short: only those near the act.
    const size_t from = act.begin > reach + 64 ? act.begin - reach - 64 : 0;
    auto first = std::lower_bound(hits.begin(), hits.end(), from,
                                  [](const Hit& x, size_t pos) { return x.begin < pos; });
    // Past kActReach only the subject stands between (no frame word at all:
    // "signed an agreement with Syria under the law" signs the deal).
    auto words_between = [&](size_t b, size_t e) {
      for (auto x = first; x != hits.end() && x->begin < e; ++x)
        if (x->begin >= b && x->end <= e) return true;
      return false;
    };
    for (size_t j = static_cast<size_t>(first - hits.begin());
         j < hits.size() && hits[j].begin <= act.end + reach; ++j) {
      const Hit& h = hits[j];
      if (h.role != FrameRole::kAgreement && h.role != FrameRole::kStrong) continue;
      const bool before = h.end <= act.begin && act.begin - h.end <= reach &&
                          !HasClauseBreak(nfkc, h.end, act.begin) &&
                          (act.begin - h.end <= kActReach || !words_between(h.end, act.begin));
      const bool after = act.end <= h.begin && h.begin - act.end <= reach &&
                         !HasClauseBreak(nfkc, act.end, h.begin) &&
                         (h.begin - act.end <= kActReach || !words_between(act.end, h.begin));
      if (verb_final ? after : before) drop[j] = any = true;
    }
  }
  if (!any) return hits;
  std::vector<Hit> kept;
  for (size_t i = 0; i < hits.size(); ++i)
    if (!drop[i]) kept.push_back(hits[i]);
  return kept;
}

bool RelationFinder::HasWordOrder(std::string_view order, const std::string& lang) const {
  const auto it = word_orders_.find(order);
  return it != word_orders_.end() && it->second.count(lang) > 0;
}

void RelationFinder::Find(const Gazetteer& gaz, const RelationInput& in,
                          std::vector<FoundAgreement>* agreements,
                          std::vector<FoundRestriction>* restrictions) const {
  const std::string lang = PrimaryLanguage(in.lang);
  static const std::vector<std::string> kNoArticles;
  const auto own = own_articles_.find(lang);
  const Grammar grammar{HasWordOrder("verb-final", lang),
                        HasWordOrder("target-first", lang),
                        HasWordOrder("imposer-after", lang),
                        HasWordOrder("home-imposes", lang),
                        HasWordOrder("adjective-after", lang),
                        HasWordOrder("verb-subject", lang),
                        HasWordOrder("and-with", lang),
                        own == own_articles_.end() ? &kNoArticles : &own->second,
                        in.lang};
  const std::vector<Hit> hits = DropSignedActs(in.nfkc, DropWordsOfNames(*in.matches, FindHits(in)),
                                               grammar.verb_final, grammar.verb_subject);
  DocumentReader reader(gaz, in, hits, grammar);
  for (size_t si = 0; si < in.sentences->size(); ++si)
    for (const Span& part : reader.ContrastParts(si)) reader.ReadSentence(si, part);
  MergeAgreements(in.published, &reader.agreements(), agreements);
  DateFromDeeds(reader.dated_deeds(), agreements);
  MergeRestrictions(&reader.restrictions(), restrictions);
  DropUnaimedMeasures(restrictions);
  for (FoundAgreement& a : *agreements) a.confidence = std::min(0.95, a.confidence);
}

}  // namespace kgx
