#include "extract/entities/matcher.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "base/strings.h"
#include "base/utf8.h"
#include "extract/entities/org_acronyms.h"
#include "extract/entities/people.h"
#include "extract/read/word_edges.h"

namespace kgx {
namespace {

// Whether the word letters before `begin` are a word the alias may have
// attached in front (Arabic و, ب, ال: والصين, بالليثيوم; inflection.tsv).
bool AfterAttachedWord(const Gazetteer& gaz, const Alias& alias, std::string_view f, size_t begin) {
  if (alias.attached == 0) return false;
  size_t start = begin;
  // Attached words are a few letters: a longer run is another word.
  while (start > 0 && begin - start <= 8 && IsWordChar(CodePointBefore(f, start))) {
    --start;
    while (start > 0 && (static_cast<unsigned char>(f[start]) & 0xC0) == 0x80) --start;
  }
  if (start > 0 && IsWordChar(CodePointBefore(f, start))) return false;
  return gaz.attached()[alias.attached - 1].count(std::string(f.substr(start, begin - start))) > 0;
}

// Whether the one or two Hangul syllables right before `begin` are a prefix
// the alias may have attached in front (대중국, 주인도; inflection.tsv), with
// no third syllable before them.
bool AfterAttachedSyllables(const Gazetteer& gaz, const Alias& alias, std::string_view f,
                            size_t begin) {
  if (alias.attached == 0) return false;
  const std::set<std::string>& words = gaz.attached()[alias.attached - 1];
  size_t start = begin;
  for (int n = 0; n < 2 && IsHangulSyllable(CodePointBefore(f, start)); ++n) {
    start -= 3;  // A Hangul syllable is three bytes.
    if (!IsHangulSyllable(CodePointBefore(f, start)) &&
        words.count(std::string(f.substr(start, begin - start))) > 0)
      return true;
  }
  return false;
}

// Checks boundaries and case; may extend `m.end` over a plural "s".
bool Acceptable(const Gazetteer& gaz, const MatchText& text, EntityMatch* m) {
  const Alias& alias = gaz.aliases()[m->alias];
  const std::string_view f = text.folded;
  const UChar32 before = CodePointBefore(f, m->begin);
  const UChar32 after = CodePointAt(f, m->end);

  if (alias.edges & kEdgeWordFirst) {
    if (IsWordChar(before) && !AfterAttachedWord(gaz, alias, f, m->begin)) return false;
    // "LYC.AX", "abc.us": a ticker suffix or a domain, not a place.
    if (before == '.' && IsWordChar(CodePointBefore(f, m->begin - 1))) return false;
  }
  if ((alias.edges & kEdgeWordLast) && IsWordChar(after)) {
    const bool plural =
        (alias.flags & kAliasDemonym) && after == 's' && !IsWordChar(CodePointAt(f, m->end + 1));
    if (!plural) return false;
    m->end += 1;
  }
  // "US$", "NZ$": a currency symbol, not the country.
  if (after == '$') return false;
  if ((alias.edges & kEdgeKatakanaFirst) && IsKatakanaLike(before)) return false;
  if ((alias.edges & kEdgeHangulFirst) && IsHangulSyllable(before) &&
      !AfterAttachedSyllables(gaz, alias, f, m->begin))
    return false;
  if ((alias.edges & kEdgeKatakanaLast) && IsKatakanaLike(after)) return false;

  const size_t nb = text.folded_to_nfkc->Begin(m->begin);
  const size_t ne = text.folded_to_nfkc->End(m->end);
  if (nb > ne || ne > text.nfkc.size()) return false;
  const std::string_view occurrence = text.nfkc.substr(nb, ne - nb);
  if (alias.flags & kAliasCase) return StartsWith(occurrence, alias.surface);
  // A capitalized name does not match an all-lower-case word (turkey, chad).
  if ((alias.edges & kEdgeUpper) && !HasUpper(occurrence)) return false;
  return true;
}

bool Chainable(const Gazetteer& gaz, const EntityMatch& m) {
  return (gaz.aliases()[m.alias].flags & kAliasAbbr) != 0;
}

// Text allowed between the members of an abbreviation chain: 日・米. Not
// "、": in Japanese it follows clauses (交わせる中、米首脳), so 中、米 is no chain.

bool IsAsciiDigit(UChar32 c) { return c >= '0' && c <= '9'; }

bool HasContextAfter(const Gazetteer& gaz, std::string_view folded, size_t end,
                     const std::string& lang) {
  for (const auto& [l, word] : gaz.abbreviation_context().after)
    if (LanguageCovers(l, lang) && StartsWith(folded.substr(end), word)) return true;
  return false;
}

bool HasContextBefore(const Gazetteer& gaz, std::string_view folded, size_t begin,
                      const std::string& lang) {
  for (const auto& [l, word] : gaz.abbreviation_context().before)
    if (LanguageCovers(l, lang) && EndsWith(folded.substr(0, begin), word)) return true;
  return false;
}

// A lone abbreviation (one member, no chain) that opens a line (after a markdown heading's "#" and
// spaces) with a `headline` context word after it: 米、銅製品に関税.
bool HasHeadlineContext(const Gazetteer& gaz, std::string_view folded, size_t begin, size_t end,
                        const std::string& lang) {
  size_t at = begin;
  while (at > 0 && (folded[at - 1] == ' ' || folded[at - 1] == '#')) --at;
  if (at > 0 && folded[at - 1] != '\n') return false;
  // A headline's line: no sentence end (。) and no second 、 in it (a
  // paragraph that opens with a list, 米、小麦、大豆の価格, is no headline).
  const size_t line_end = std::min(folded.find('\n', end), folded.size());
  const std::string_view line = folded.substr(end, line_end - end);
  const std::string_view comma = "\xE3\x80\x81", stop = "\xE3\x80\x82";  // 、 。
  const size_t first_comma = line.find(comma);
  if (line.find(stop) != std::string_view::npos ||
      (first_comma != std::string_view::npos &&
       line.find(comma, first_comma + comma.size()) != std::string_view::npos))
    return false;
  for (const auto& [l, word] : gaz.abbreviation_context().headline)
    if (LanguageCovers(l, lang) && StartsWith(folded.substr(end), word)) return true;
  return false;
}

bool IsAmbiguousChain(const Gazetteer& gaz, std::string_view chain, const std::string& lang) {
  for (const auto& [l, word] : gaz.abbreviation_context().ambiguous_chains)
    if (LanguageCovers(l, lang) && chain == word) return true;
  return false;
}

bool IsPossessive(std::string_view token) { return EndsWith(token, "'s") || EndsWith(token, "’s"); }

bool InSet(const std::vector<std::pair<std::string, std::string>>& words, std::string_view token) {
  for (const auto& [lang, w] : words)
    if (token == w) return true;
  return false;
}

// Whether `m`, a match starting right after a body that ends at `body_end`
// (one space between), is a country's adjective that qualifies the body: in
// the languages that write it after the noun ("ministère des Finances
// chilien", "Ministerio de Minería peruano"). An adjective before a capital
// belongs to the next noun ("... chinesische Firmen", "Chinese officials").
bool IsHomeAdjectiveAfter(const Gazetteer& gaz, std::string_view nfkc, size_t body_end,
                          const EntityMatch& m) {
  if (m.kind != EntityKind::kCountry || m.alias == EntityMatch::kRule ||
      !(gaz.aliases()[m.alias].flags & kAliasDemonym) || m.nfkc_begin != body_end + 1 ||
      body_end >= nfkc.size() || nfkc[body_end] != ' ')
    return false;
  if (m.nfkc_end + 1 < nfkc.size() && nfkc[m.nfkc_end] == ' ') {
    const UChar32 next = CodePointAt(nfkc, m.nfkc_end + 1);
    if (next >= 0 && u_isupper(next)) return false;
  }
  return true;
}

// What the rule steps below share: the gazetteer's matches of the text
// (non-overlapping, by position) and the rules.
struct RuleScene {
  const Gazetteer& gaz;
  const OrganizationRules& rules;
  const OrganizationRuleWords& words;
  std::string_view nfkc;
  const std::vector<EntityMatch>& matches;

  // Gazetteer matches do not overlap and are sorted by position, so those
  // that touch a span are one contiguous run (no scan of the whole text).
  std::vector<EntityMatch>::const_iterator FirstOverlapping(size_t b) const {
    return std::lower_bound(matches.begin(), matches.end(), b,
                            [](const EntityMatch& m, size_t pos) { return m.nfkc_end <= pos; });
  }
  // The country or group match covering [b, e), if any.
  const EntityMatch* PlaceAt(size_t b, size_t e) const {
    for (auto it = FirstOverlapping(b); it != matches.end() && it->nfkc_begin < e; ++it)
      if ((it->kind == EntityKind::kCountry || it->kind == EntityKind::kGroup) &&
          it->nfkc_begin <= b && it->nfkc_end >= e)
        return &*it;
    return nullptr;
  }
  std::string CountryOf(const EntityMatch* m) const {
    return m != nullptr && m->kind == EntityKind::kCountry ? gaz.entities()[m->entity].id
                                                           : std::string();
  }
};

// A rule's candidate and the home country it has so far (a CJK
// government body's country before it).
struct RuleCandidate {
  OrgCandidate c;
  std::string home;
  // Where the reported name ends when it runs past the span: the home's
  // adjective after a body (Ministerio de Hacienda chileno) is in the name,
  // so two countries' bodies are two nodes, and stays a country mention.
  size_t name_end = 0;
};

// Whether [b, e), the words between a head and its country, hold another
// country, or a listed organization with words after it: the name ended
// there ("Министерство коммерции КНР назвало канадские" is MOFCOM, then a
// verb). A listed body right before the country is that country's own
// (Bộ Tài chính Mỹ).
bool OtherNameBetween(const RuleScene& s, size_t b, size_t e) {
  for (auto it = s.FirstOverlapping(b); it != s.matches.end() && it->nfkc_begin < e; ++it) {
    if (it->nfkc_begin < b || it->nfkc_end > e) continue;
    if (it->kind == EntityKind::kCountry) return true;
    if (it->kind == EntityKind::kOrganization &&
        s.nfkc.substr(it->nfkc_end, e - it->nfkc_end).find_first_not_of(' ') !=
            std::string_view::npos)
      return true;
  }
  return false;
}

// Whether [b, e), the run after a country up to a body's head, holds another
// country that is no host (美國凍結|阿富汗中央銀行: Afghanistan is the nearer
// home, with a candidate of its own; 中国驻|加拿大|大使馆: Canada hosts).
bool HomeInside(const RuleScene& s, size_t b, size_t e, const std::string& lang) {
  for (auto it = s.FirstOverlapping(b); it != s.matches.end() && it->nfkc_begin < e; ++it)
    if (it->kind == EntityKind::kCountry && it->nfkc_begin >= b && it->nfkc_end <= e &&
        !s.rules.HostBefore(s.nfkc, it->nfkc_begin, lang))
      return true;
  return false;
}

// The head words of the rules that read a body beside a country, for one
// document's language: what GovernmentAfter() and GovernmentBefore() look
// for. Neither can find a body where none of these words is near the
// country, so the country's neighbourhood is searched for them first (a
// few bytes, no ICU word breaks) and the rule runs only where one is: in
// the bench corpus most documents' language has no such head at all, and
// most countries of the others have none beside them.
struct BodyHeads {
  std::vector<std::string_view> after;   // government-cjk: 美国|财政部
  std::vector<std::string_view> before;  // government-country, company-country (stems without ~)
  bool any_before_empty = false;         // An empty head stands anywhere.

  // Only the lines of `lang` are read (WordsByLanguage): a document's
  // language has few of the rules' heads.
  const OrganizationRules& rules;
  const std::string& lang;

  BodyHeads(const OrganizationRules& r, const std::string& l) : rules(r), lang(l) {
    rules.government_cjk_heads().ForEach(lang, [&](const std::string& head) {
      if (!head.empty()) after.push_back(head);
    });
    for (const WordsByLanguage* heads : {&rules.government_heads(), &rules.company_heads()})
      heads->ForEach(lang, [&](const std::string& head) {
        const std::string_view h = RuleStem(head);
        if (h.empty()) any_before_empty = true;
        before.push_back(h);
      });
  }
  static bool AnyIn(const std::vector<std::string_view>& heads, std::string_view text) {
    for (std::string_view h : heads)
      if (text.find(h) != std::string_view::npos) return true;
    return false;
  }
  // Whether a head may end a body after the country ending at `pos`: one
  // lies in the run of CJK name letters there (after one space), the run
  // GovernmentAfter() reads. The run is cut at kRun letters, more than
  // that rule reads, so the gate never hides a body it would find.
  bool MayFollow(std::string_view nfkc, size_t pos) const {
    if (after.empty()) return false;
    constexpr int kRun = 64;
    const size_t from = rules.SkipGovernmentLink(nfkc, pos, lang);
    const size_t end = rules.NameRunEnd(nfkc, from, lang, kRun);
    return end > from && AnyIn(after, nfkc.substr(from, end - from));
  }
  // Whether a head may begin a body that ends with the country at `begin`:
  // one lies in the word window GovernmentBefore() reads (a few words, so a
  // long unpunctuated run is never walked once per country).
  bool MayPrecede(std::string_view nfkc, size_t begin) const {
    if (before.empty() || begin == 0 || nfkc[begin - 1] != ' ') return false;
    if (any_before_empty) return true;
    const size_t from = OrganizationRules::WindowBefore(nfkc, begin);
    return AnyIn(before, nfkc.substr(from, begin - from));
  }
};

// Bodies a bare-head names with no country after it (وزارة
// الاقتصاد, Министерство экономики), in languages with name-word lines:
// each head found at a word's start (its clitic or article written on).
void FindBareBodies(const RuleScene& s, const std::string& lang, std::vector<RuleCandidate>* out) {
  if (!s.rules.HasBareNames(lang)) return;
  constexpr size_t kMaxAttached = 6;  // bytes written onto the head: وب, ال
  auto is_place = [&](size_t b, size_t e) {
    const auto m = s.FirstOverlapping(b);
    return m != s.matches.end() && m->nfkc_begin < e &&
           (m->kind == EntityKind::kCountry || m->kind == EntityKind::kGroup);
  };
  std::vector<size_t> starts;
  auto find_heads = [&](const std::string& head) {
    const std::string_view h = RuleStem(head);
    if (h.empty()) return;
    for (size_t at = s.nfkc.find(h); at != std::string_view::npos; at = s.nfkc.find(h, at + 1)) {
      size_t b = at;
      while (b > 0 && at - b < kMaxAttached && s.nfkc[b - 1] != ' ' &&
             static_cast<unsigned char>(s.nfkc[b - 1]) >= 0x80)
        --b;
      if (b == 0 || s.nfkc[b - 1] == ' ' || s.nfkc[b - 1] == '\n') starts.push_back(b);
    }
  };
  s.rules.bare_heads().ForEach(lang, find_heads);
  s.rules.bare_body_heads().ForEach(lang, find_heads);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  for (size_t b : starts) {
    OrgCandidate c;
    if (!s.rules.GovernmentBare(s.nfkc, b, lang, is_place, &c)) continue;
    // A company's country adjective after its name is its home (الشركة
    // الوطنية للحديد والصلب الجزائرية).
    std::string home;
    const auto next = c.home_after ? s.FirstOverlapping(c.end + 1) : s.matches.end();
    if (next != s.matches.end() && next->kind == EntityKind::kCountry)
      home = s.gaz.entities()[next->entity].id;
    out->push_back({std::move(c), std::move(home)});
  }
}

// A bare body whose name begins a longer one of the document, a listed
// organization's mention or a body its country ends (وزارة التجارة after
// وزارة التجارة الصينية), is that body named short: which country's it is
// the bare name does not say, so it is left to the longer mention (no
// second node).
void DropBareBodiesNamedWhole(const RuleScene& s, const std::vector<RuleCandidate>& others,
                              std::vector<RuleCandidate>* bare) {
  if (bare->empty()) return;
  std::vector<std::string_view> longer;
  for (const EntityMatch& m : s.matches)
    if (m.kind == EntityKind::kOrganization)
      longer.push_back(s.nfkc.substr(m.nfkc_begin, m.nfkc_end - m.nfkc_begin));
  for (const RuleCandidate& o : others)
    if (o.c.government && o.c.home_after)
      longer.push_back(s.nfkc.substr(o.c.begin, o.c.end - o.c.begin));
  bare->erase(std::remove_if(bare->begin(), bare->end(),
                             [&](const RuleCandidate& b) {
                               const std::string_view name =
                                   s.nfkc.substr(b.c.begin, b.c.end - b.c.begin);
                               return std::any_of(longer.begin(), longer.end(), [&](auto l) {
                                 return l.size() > name.size() + 1 && StartsWith(l, name) &&
                                        l[name.size()] == ' ';
                               });
                             }),
              bare->end());
}

// The rules' candidates, then CJK government bodies after a country:
// 美国|财政部, 미국| 재무부.
std::vector<RuleCandidate> FindRuleCandidates(const RuleScene& s, const std::string& lang) {
  std::vector<RuleCandidate> out;
  for (OrgCandidate& c : s.rules.Find(s.nfkc, lang)) out.push_back({std::move(c), ""});
  const BodyHeads heads(s.rules, lang);
  const bool any_heads = !heads.after.empty() || !heads.before.empty();
  for (const EntityMatch& m : s.matches) {
    if (!any_heads) break;
    if (m.kind != EntityKind::kCountry) continue;
    OrgCandidate c;
    // 駐日|中国大使館: a country right after this one is the nearer home, and
    // its own candidate.
    const auto next = s.FirstOverlapping(m.nfkc_end);
    const bool country_next = next != s.matches.end() && next->kind == EntityKind::kCountry &&
                              next->nfkc_begin <= m.nfkc_end + 1;
    if (!country_next && heads.MayFollow(s.nfkc, m.nfkc_end) &&
        s.rules.GovernmentAfter(s.nfkc, m.nfkc_end, lang, &c) &&
        !HomeInside(s, m.nfkc_end, c.end, lang)) {
      // Written onto the country, the body's name holds it (美国财政部, 미국
      // 재무부); after a link word it is the body's own (米国の|商務省).
      if (c.begin <= m.nfkc_end + 1) c.begin = m.nfkc_begin;
      out.push_back({std::move(c), s.gaz.entities()[m.entity].id});
    }
    // ...and before one: Министерство коммерции КНР, شركة أورانو الفرنسية.
    // The name ends at the first name after its head (OtherNameBetween).
    OrgCandidate before;
    if (heads.MayPrecede(s.nfkc, m.nfkc_begin) &&
        s.rules.GovernmentBefore(
            s.nfkc, m.nfkc_begin, m.nfkc_end, lang,
            m.alias != EntityMatch::kRule && (s.gaz.aliases()[m.alias].flags & kAliasDemonym) != 0,
            &before) &&
        !OtherNameBetween(s, before.begin, m.nfkc_begin))
      out.push_back({std::move(before), s.gaz.entities()[m.entity].id});
  }
  // Bodies with no country after them, last: a longer body read above
  // takes their short form (DropBareBodiesNamedWhole).
  std::vector<RuleCandidate> bare;
  FindBareBodies(s, lang, &bare);
  DropBareBodiesNamedWhole(s, out, &bare);
  for (RuleCandidate& b : bare) out.push_back(std::move(b));
  return out;
}

// A Latin candidate's tokens, each cut at the name's id end.
struct LatinTokens {
  const OrgCandidate& c;
  std::string_view nfkc;
  size_t size() const { return c.token_starts.size(); }
  size_t End(size_t i) const {
    return std::min(i + 1 < size() ? c.token_starts[i + 1] - 1 : c.id_end, c.id_end);
  }
  std::string_view operator[](size_t i) const {
    return nfkc.substr(c.token_starts[i], End(i) - c.token_starts[i]);
  }
};

// Trims the leading tokens that cannot start a name: sentence openers,
// possessives and places ("Australia's Tivan Resources"). Returns the first
// token kept (size() when none), or size() when a title makes the name a
// person's; a place trimmed is the name's home (*home, from *home_begin).
size_t TrimLeadingTokens(const RuleScene& s, const LatinTokens& tokens, bool legal_form,
                         std::string* home, size_t* home_begin) {
  // A legal form makes the name a company's whatever its words:
  // "Strategic Resources Inc." keeps "Strategic"; openers (The, In)
  // are trimmed still.
  auto not_name = [&](std::string_view token) {
    return s.rules.IsOpener(token) || (!legal_form && s.rules.IsNotName(token));
  };
  // "Minister Smith", "Bundesfinanzminister Lindner (FDP)": a title
  // before a name makes a person, not an organization.
  bool person = false;
  const size_t n = tokens.size();
  size_t t = 0;
  for (; t < n; ++t) {
    const size_t tb = tokens.c.token_starts[t], te = tokens.End(t);
    std::string_view token = tokens[t];
    if (s.rules.IsTitle(token)) person = true;
    // "China's": the country is the token without its possessive.
    const size_t pe = !IsPossessive(token) ? te : te - (EndsWith(token, "'s") ? 2 : 4);
    const EntityMatch* place = s.PlaceAt(tb, pe);
    // A country written bare before more name words is part of the
    // name ("China Nonferrous Metal Mining Group"); its possessive
    // ("China's") or demonym ("Chinese") is not.
    // So is the EU's adjective ("Europäische Behörde für ...",
    // demonyms.tsv): a body of the EU, not of a home country.
    const bool demonym = place != nullptr && place->alias != EntityMatch::kRule &&
                         (s.gaz.aliases()[place->alias].flags & kAliasDemonym);
    if (place != nullptr && !IsPossessive(token) && t + 1 < n &&
        ((place->kind == EntityKind::kCountry && !demonym) ||
         (place->kind == EntityKind::kGroup && demonym)))
      break;
    if (!not_name(token) && !IsPossessive(token) && place == nullptr) break;
    // The country before a government body is its home ("Japan's
    // Ministry of Finance", "the Chinese Commerce Ministry").
    if (place != nullptr) {
      *home = s.CountryOf(place);
      *home_begin = tb;
    }
  }
  if (t < n && s.rules.IsTitle(tokens[t])) person = true;
  return person ? n : t;
}

// A government body's home country when no place was trimmed before it:
// the country just before the name ("Japan's Ministry of Finance", "the
// Chinese Ministry of Commerce") or inside it ("Ministerio de Minas de
// Colombia").
void FindGovernmentHome(const RuleScene& s, const OrgCandidate& c, std::string* home,
                        size_t* home_begin) {
  for (auto it = s.FirstOverlapping(c.begin > 5 ? c.begin - 5 : 0);
       it != s.matches.end() && it->nfkc_begin < c.begin; ++it) {
    const std::string_view gap = s.nfkc.substr(it->nfkc_end, c.begin - it->nfkc_end);
    if (it->nfkc_end <= c.begin && (gap == " " || gap == "'s " || gap == "’s ") &&
        !s.CountryOf(&*it).empty()) {
      *home = s.CountryOf(&*it);
      *home_begin = it->nfkc_begin;
    }
  }
  for (auto it = s.FirstOverlapping(c.begin);
       home->empty() && it != s.matches.end() && it->nfkc_begin < c.id_end; ++it)
    *home = s.CountryOf(&*it);
}

// A body's home written after it as an adjective, in the languages that put
// it there ("Ministerio de Economía neerlandés", "ministère des Finances
// chilien"): the country's demonym right after the name. Returns where it
// ends, or 0 when there is none.
size_t HomeAdjectiveAfter(const RuleScene& s, const OrgCandidate& c, std::string* home) {
  if (c.end >= s.nfkc.size()) return 0;
  for (auto it = s.FirstOverlapping(c.end + 1);
       it != s.matches.end() && it->nfkc_begin == c.end + 1; ++it)
    if (IsHomeAdjectiveAfter(s.gaz, s.nfkc, c.end, *it)) {
      *home = s.CountryOf(&*it);
      return it->nfkc_end;
    }
  return 0;
}

// Decides a Latin candidate's start and home; false when it names no
// organization (a person, no head word, a phrase that is no name).
bool ShapeLatinCandidate(const RuleScene& s, RuleCandidate* rc) {
  OrgCandidate& c = rc->c;
  const LatinTokens tokens{c, s.nfkc};
  const bool legal_form = c.id_end < c.end;
  size_t home_begin = c.begin;
  const size_t t = TrimLeadingTokens(s, tokens, legal_form, &rc->home, &home_begin);
  if (t >= tokens.size()) return false;
  c.begin = c.token_starts[t];
  if (c.begin >= c.id_end) return false;
  // No place trimmed: a home found inside the name starts nothing before it
  // ("The US Embassy" is "US Embassy").
  if (rc->home.empty()) home_begin = c.begin;
  if (c.government && rc->home.empty()) FindGovernmentHome(s, c, &rc->home, &home_begin);
  if (c.government && c.head_first && rc->home.empty())
    rc->name_end = HomeAdjectiveAfter(s, c, &rc->home);
  // A body's name is generic without its country ("Foreign Ministry",
  // "Ministry of Mines"): the country stays in it, so that two
  // countries' ministries are two nodes.
  if (c.government && !rc->home.empty() && home_begin < c.begin) {
    c.begin = home_begin;
  } else if (s.rules.IsNotOrganization(s.nfkc.substr(c.begin, c.id_end - c.begin))) {
    return false;
  }
  // The id needs one word that is not a suffix, legal form or opener
  // (a government head is one: "Ministry of Energy").
  if (c.head_first) return true;
  for (size_t i = t; i < tokens.size() && c.token_starts[i] < c.id_end; ++i) {
    const std::string_view token = tokens[i];
    const bool not_name = s.rules.IsOpener(token) || (!legal_form && s.rules.IsNotName(token));
    if (!InSet(s.words.suffix, token) && !InSet(s.words.legal, token) &&
        !InSet(s.words.government_last, token) && !not_name)
      return true;
  }
  return false;
}

// The rule matches and what decides between them.
struct RuleMatches {
  std::vector<EntityMatch> found;
  // Names defined by an acronym: (begin, end, needs an organization inside).
  std::set<std::tuple<size_t, size_t, bool>> acronym_spans;
  // Names with their home country after them (Bộ Tài chính Mỹ).
  std::set<std::pair<size_t, size_t>> home_after_spans;
  // CJK names by a suffix: (begin, end) -> where the suffix begins.
  std::map<std::pair<size_t, size_t>, size_t> subsidiary_spans;
};

void AddRuleMatch(std::string_view nfkc, const RuleCandidate& rc, RuleMatches* out) {
  const OrgCandidate& c = rc.c;
  EntityMatch m;
  m.entity = m.alias = EntityMatch::kRule;
  m.kind = EntityKind::kOrganization;
  m.nfkc_begin = c.begin;
  m.nfkc_end = c.end;
  const size_t name_end = std::max(c.id_end, rc.name_end);
  m.rule_name = std::string(nfkc.substr(c.begin, name_end - c.begin));
  if (c.government) {
    m.rule_kind = "agency";
    m.rule_country = rc.home;
  } else if (c.home_after) {
    m.rule_kind = "company";
    m.rule_country = rc.home;
  }
  if (c.acronym) out->acronym_spans.emplace(c.begin, c.end, c.needs_organization_inside);
  if (c.home_after) out->home_after_spans.emplace(c.begin, c.end);
  if (c.suffix_begin > c.begin)
    out->subsidiary_spans.emplace(std::make_pair(c.begin, c.end), c.suffix_begin);
  out->found.push_back(std::move(m));
}

// Whether gazetteer match `it` (overlapping rule match r) gives way to it.
// `defined`: an acronym defines r; *organization_inside is set when a
// gazetteer organization lies inside such a name.
bool GivesWay(const RuleScene& s, const RuleMatches& rm, const EntityMatch& r,
              std::vector<EntityMatch>::const_iterator it, bool defined,
              bool* organization_inside) {
  const EntityMatch& g = *it;
  const bool inside = r.nfkc_begin <= g.nfkc_begin && g.nfkc_end <= r.nfkc_end;
  const bool same = r.nfkc_begin == g.nfkc_begin && r.nfkc_end == g.nfkc_end;
  // A shared (ambiguous) organization alias inside a longer rule name
  // gives way: 印度财政部 is India's, whatever 财政部 alone names.
  const bool shared = g.kind == EntityKind::kOrganization && g.alias != EntityMatch::kRule &&
                      (s.gaz.aliases()[g.alias].flags & kAliasAmbiguous) && !same;
  // A name its acronym defines holds whatever the gazetteer read
  // inside it: "Contemporary Brunp Lygend (CBL)" is not Lygend.
  if (defined && inside && !same && g.kind == EntityKind::kOrganization)
    *organization_inside = true;
  // 首钢秘鲁铁矿公司: a listed company, more name, a suffix: a subsidiary.
  // What follows the listed name must not be suffixes only (江西铜业|股份有限公司).
  // A country between them marks the local arm (首钢|秘鲁|铁矿公司);
  // without one the words are the parent's own (江西金力永磁|科技|股份有限公司).
  auto suffix = rm.subsidiary_spans.find({r.nfkc_begin, r.nfkc_end});
  bool parent = suffix != rm.subsidiary_spans.end() && g.kind == EntityKind::kOrganization &&
                g.nfkc_begin == r.nfkc_begin && g.nfkc_end < suffix->second;
  bool country_between = false;
  for (auto c = it; parent && c != s.matches.end() && c->nfkc_begin < suffix->second; ++c)
    if (c->kind == EntityKind::kCountry && c->nfkc_begin >= g.nfkc_end) country_between = true;
  parent = parent && country_between;
  for (const auto& [lang, w] : s.words.cjk_suffix)
    if (parent && s.nfkc.substr(g.nfkc_end, r.nfkc_end - g.nfkc_end).substr(0, w.size()) == w)
      parent = false;
  // A group's adjective is a word of the name (Europäische Behörde für ...).
  const bool group_adjective = g.kind == EntityKind::kGroup && g.alias != EntityMatch::kRule &&
                               (s.gaz.aliases()[g.alias].flags & kAliasDemonym);
  // A listed body of another country inside a name its home country
  // ends: Bộ Tài chính (Vietnam's) in Bộ Tài chính Mỹ, Министерство
  // финансов (Russia's) in Министерство финансов Канады.
  bool foreign = false;
  if (g.kind == EntityKind::kOrganization && g.alias != EntityMatch::kRule && !same &&
      !r.rule_country.empty() && rm.home_after_spans.count({r.nfkc_begin, r.nfkc_end})) {
    const auto& attrs = s.gaz.entities()[g.entity].attrs;
    const auto home = attrs.find("country");
    foreign = home != attrs.end() && home->second != r.rule_country;
  }
  // A listed body whose name begins a longer government name the rule read
  // over capitalized words is another body: Departamento de Defesa (the
  // Pentagon's) in Departamento de Defesa Comercial (Brazil's trade defence).
  // Not when the rest is its home country (Departamento de Defesa dos
  // Estados Unidos): that one is the listed body's own name. Only where a
  // word of capitals carries the name on after a lower-case letter: script
  // without case (Arabic) or an acronym's end (Kementerian ESDM, then a
  // person's name) say nothing of where a name ends.
  auto lower_then_capital = [&]() {
    if (g.nfkc_end + 1 >= s.nfkc.size() || s.nfkc[g.nfkc_end] != ' ') return false;
    const UChar32 next = CodePointAt(s.nfkc, g.nfkc_end + 1);
    const UChar32 last = CodePointBefore(s.nfkc, g.nfkc_end);
    return next >= 0 && last >= 0 && u_isupper(next) && u_islower(last);
  };
  // One word carries it on, as an adjective does: two may be a person's
  // name after the body ("Departamento de Defesa Lloyd Austin").
  auto person_after = [&]() {
    if (r.nfkc_end <= g.nfkc_end + 1) return false;
    if (s.nfkc.substr(g.nfkc_end + 1, r.nfkc_end - g.nfkc_end - 1).find(' ') !=
        std::string_view::npos)
      return true;
    for (auto it = s.FirstOverlapping(g.nfkc_end);
         it != s.matches.end() && it->nfkc_begin < r.nfkc_end; ++it)
      if (it->kind == EntityKind::kPerson && it->nfkc_begin > g.nfkc_end) return true;
    return false;
  };
  const bool begins_longer = g.kind == EntityKind::kOrganization && g.alias != EntityMatch::kRule &&
                             r.rule_kind == "agency" && r.rule_country.empty() &&
                             g.nfkc_begin == r.nfkc_begin && g.nfkc_end < r.nfkc_end &&
                             lower_then_capital() && !person_after();
  const bool weaker = g.kind == EntityKind::kCountry || g.kind == EntityKind::kMineral ||
                      group_adjective || shared || parent || foreign || begins_longer ||
                      (defined && g.kind == EntityKind::kOrganization);
  return !same && inside && weaker;
}

// Among rule matches the longest wins; a rule match loses to the
// gazetteer matches it overlaps unless they give way. The accepted, and
// their spans (begin -> end).
std::vector<EntityMatch> AcceptRuleMatches(const RuleScene& s, RuleMatches rm,
                                           std::map<size_t, size_t>* accepted_spans) {
  std::sort(rm.found.begin(), rm.found.end(), [](const EntityMatch& a, const EntityMatch& b) {
    const size_t la = a.nfkc_end - a.nfkc_begin, lb = b.nfkc_end - b.nfkc_begin;
    return la != lb ? la > lb : a.nfkc_begin < b.nfkc_begin;
  });
  std::vector<EntityMatch> accepted;
  for (EntityMatch& r : rm.found) {
    bool drop = false;
    auto acronym = rm.acronym_spans.lower_bound({r.nfkc_begin, r.nfkc_end, false});
    const bool defined = acronym != rm.acronym_spans.end() &&
                         std::get<0>(*acronym) == r.nfkc_begin &&
                         std::get<1>(*acronym) == r.nfkc_end;
    bool organization_inside = false;
    auto next = accepted_spans->lower_bound(r.nfkc_begin);
    if (next != accepted_spans->end() && next->first < r.nfkc_end) drop = true;
    if (next != accepted_spans->begin() && std::prev(next)->second > r.nfkc_begin) drop = true;
    for (auto it = s.FirstOverlapping(r.nfkc_begin);
         !drop && it != s.matches.end() && it->nfkc_begin < r.nfkc_end; ++it) {
      const bool overlap = r.nfkc_begin < it->nfkc_end && it->nfkc_begin < r.nfkc_end;
      if (overlap && !GivesWay(s, rm, r, it, defined, &organization_inside)) drop = true;
    }
    if (defined && std::get<2>(*acronym) && !organization_inside) drop = true;
    if (!drop) {
      accepted_spans->emplace(r.nfkc_begin, r.nfkc_end);
      accepted.push_back(std::move(r));
    }
  }
  return accepted;
}

// Adds organizations found by the rules, after the gazetteer has spoken.
void AddRuleOrganizations(const EntityTables& tables, std::string_view nfkc,
                          const std::string& lang, std::vector<EntityMatch>* matches) {
  if (tables.organization_rules == nullptr) return;
  const RuleScene scene{tables.gazetteer, *tables.organization_rules,
                        tables.organization_rule_words, nfkc, *matches};
  RuleMatches rule_matches;
  for (RuleCandidate& rc : FindRuleCandidates(scene, lang))
    if (!rc.c.latin || ShapeLatinCandidate(scene, &rc)) AddRuleMatch(nfkc, rc, &rule_matches);
  std::map<size_t, size_t> accepted_spans;  // begin -> end, non-overlapping
  std::vector<EntityMatch> accepted =
      AcceptRuleMatches(scene, std::move(rule_matches), &accepted_spans);
  if (accepted.empty()) return;
  // Gazetteer countries, minerals and group adjectives inside an accepted
  // rule name go.
  std::vector<EntityMatch> merged;
  for (EntityMatch& g : *matches) {
    auto a = accepted_spans.upper_bound(g.nfkc_begin);  // The rule span starting at or before g.
    const bool inside = a != accepted_spans.begin() && std::prev(a)->second >= g.nfkc_end;
    if (!inside) merged.push_back(std::move(g));
  }
  for (EntityMatch& a : accepted) merged.push_back(std::move(a));
  std::sort(merged.begin(), merged.end(),
            [](const EntityMatch& a, const EntityMatch& b) { return a.nfkc_begin < b.nfkc_begin; });
  *matches = std::move(merged);
}

}  // namespace

bool IsListGap(std::string_view gap) {
  // Commas and slashes, and at most one short word (và, hoặc, and, и): a
  // list's joiner, not a phrase between two names.
  size_t word_begin = std::string_view::npos, word_end = 0;
  for (size_t i = 0; i < gap.size(); ++i) {
    const char c = gap[i];
    if (c == ' ' || c == ',' || c == '/') continue;
    if (word_begin != std::string_view::npos && word_end < i) return false;  // A second word.
    if (word_begin == std::string_view::npos) word_begin = i;
    word_end = i + 1;
  }
  if (word_begin == std::string_view::npos) return !gap.empty();
  const std::string_view word = gap.substr(word_begin, word_end - word_begin);
  return CharCount(word) <= 4 && word.find_first_of(".;:!?()") == std::string_view::npos;
}

bool IsChainGap(std::string_view gap) {
  return gap.empty() || gap == "・" || gap == "·" || gap == "/";
}

// The dash or dot of a compound of an abbreviation and a full name (한-이스라엘).
bool IsCompoundDash(std::string_view gap) {
  return gap == "-" || gap == "·" || gap == "・" || gap == "\xE2\x80\x93" /* – */;
}

std::vector<EntityMatch> ResolveOverlaps(const Gazetteer& gaz, std::vector<EntityMatch> matches,
                                         const std::string& lang) {
  const auto& ents = gaz.entities();
  // Sorted by index (matches are large to move): longest first, then a
  // language-only alias of the document's language, then kind priority,
  // position, id, the document's language (Italian "Emirati",
  // the country, before English "Emirati", its adjective) and alias.
  std::vector<int> priority(matches.size());
  std::vector<uint32_t> order(matches.size());
  size_t text_end = 0;
  for (uint32_t i = 0; i < matches.size(); ++i) {
    EntityMatch& m = matches[i];
    m.kind = ents[m.entity].kind;
    priority[i] = KindPriority(m.kind);
    order[i] = i;
    text_end = std::max(text_end, m.end);
  }
  // An alias of the document's own language beats one every language
  // shares: Spanish "EU" is Estados Unidos, not the European Union's "EU".
  auto own_line = [&](const EntityMatch& m) {
    const std::string& l = gaz.aliases()[m.alias].lang;
    return !lang.empty() && l != "*" && LanguageCovers(l, lang) &&
           (gaz.aliases()[m.alias].flags & kAliasLanguageOnly) != 0;
  };
  std::sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
    const EntityMatch &a = matches[i], &b = matches[j];
    const size_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (own_line(a) != own_line(b)) return own_line(a);
    if (priority[i] != priority[j]) return priority[i] < priority[j];
    if (a.begin != b.begin) return a.begin < b.begin;
    if (ents[a.entity].id != ents[b.entity].id) return ents[a.entity].id < ents[b.entity].id;
    const bool own_a = !lang.empty() && LanguageCovers(gaz.aliases()[a.alias].lang, lang),
               own_b = !lang.empty() && LanguageCovers(gaz.aliases()[b.alias].lang, lang);
    if (own_a != own_b) return own_a;
    return a.alias < b.alias;
  });
  // Greedy: a match is kept unless a byte of it is already taken.
  std::vector<bool> taken(text_end, false);
  std::vector<uint32_t> kept;
  for (uint32_t i : order) {
    const EntityMatch& m = matches[i];
    bool free = true;
    for (size_t b = m.begin; free && b < m.end; ++b) free = !taken[b];
    if (!free) continue;
    for (size_t b = m.begin; b < m.end; ++b) taken[b] = true;
    kept.push_back(i);
  }
  // Kept matches never overlap: by begin, each begins at its own byte.
  std::sort(kept.begin(), kept.end(),
            [&](uint32_t i, uint32_t j) { return matches[i].begin < matches[j].begin; });
  std::vector<EntityMatch> out;
  out.reserve(kept.size());
  for (uint32_t i : kept) out.push_back(std::move(matches[i]));
  return out;
}

namespace {

// Whether an organization alias ending at `end` ends in a government head
// that the text continues into a title (美国财政部|长, 外交部|長): the words
// name a minister, not the ministry.
bool EndsInTitle(const OrganizationRuleWords& w, std::string_view folded, size_t end) {
  for (const auto& [lang, head] : w.government_cjk) {
    if (end < head.size() || folded.compare(end - head.size(), head.size(), head) != 0) continue;
    for (const auto& [l, word] : w.not_government)
      if (word.size() > head.size() && StartsWith(word, head) &&
          StartsWith(folded.substr(end - head.size()), word))
        return true;
  }
  return false;
}

// Short forms (kAliasShort: l'Unione, die Kommission, Brüssel) stay only
// where the text also names their entity by a full alias (Unione europea,
// EU-Kommission, EU): alone they are any union, any commission, the city.
void DropUnnamedShortForms(const Gazetteer& gaz, std::vector<EntityMatch>* matches) {
  auto is_short = [&](const EntityMatch& m) {
    return m.alias != EntityMatch::kRule && (gaz.aliases()[m.alias].flags & kAliasShort) != 0;
  };
  if (std::none_of(matches->begin(), matches->end(), is_short)) return;
  std::set<uint32_t> named;  // Entities named in full.
  for (const EntityMatch& m : *matches)
    if (m.entity != EntityMatch::kRule && !is_short(m)) named.insert(m.entity);
  auto unnamed = [&](const EntityMatch& m) { return is_short(m) && !named.count(m.entity); };
  matches->erase(std::remove_if(matches->begin(), matches->end(), unnamed), matches->end());
}

// The attribute `key` of a listed match's entity ("" when it has none).
std::string EntityAttr(const Gazetteer& gaz, const EntityMatch& m, const std::string& key) {
  if (m.entity == EntityMatch::kRule) return "";
  const auto& attrs = gaz.entities()[m.entity].attrs;
  const auto it = attrs.find(key);
  return it == attrs.end() ? "" : it->second;
}

// Whether ms[i], a listed body written in CJK or Hangul, follows a country's
// own name (at most a space between): not the host after 駐 (駐加拿大|台北
// 經濟文化代表處 is Taiwan's office in Canada), nor the second country of a
// pair (한미 산업통상자원부, 中俄商务部: whose body it is the pair does not say).
bool CountryNameBefore(const OrganizationRules* rules, std::string_view nfkc,
                       const std::string& lang, const std::vector<EntityMatch>& ms, size_t i) {
  const EntityMatch& body = ms[i];
  const EntityMatch& place = ms[i - 1];
  if (place.kind != EntityKind::kCountry || place.alias == EntityMatch::kRule ||
      body.nfkc_begin < place.nfkc_end ||
      nfkc.substr(place.nfkc_end, body.nfkc_begin - place.nfkc_end).find_first_not_of(' ') !=
          std::string_view::npos ||
      body.nfkc_begin - place.nfkc_end > 1 || !IsCjkNameChar(CodePointAt(nfkc, body.nfkc_begin)))
    return false;
  if (rules != nullptr && rules->HostBefore(nfkc, place.nfkc_begin, lang)) return false;
  return !(i >= 2 && ms[i - 2].kind == EntityKind::kCountry &&
           ms[i - 2].nfkc_end <= place.nfkc_begin &&
           IsChainGap(nfkc.substr(ms[i - 2].nfkc_end, place.nfkc_begin - ms[i - 2].nfkc_end)));
}

// A listed state body beside another country's adjective is that country's:
// a bare "Wirtschaftsministerium" is Germany's in the German press and
// "Ministerio de Minería" Chile's in Chilean sources, but "das
// niederländische Wirtschaftsministerium" is the Netherlands' and
// "Ministerio de Minería peruano" Peru's. The body becomes one named as
// written, adjective included, with the adjective's country as its home (as
// 美国财政部 is the United States'). The country word stays a mention of its
// own (the body's span is still the listed alias's). A body listed with
// that home keeps its id. In Korean, Japanese and Chinese the country's
// name itself stands before the body (체코 산업통상부: the Czech ministry,
// not Korea's 산업통상부).
void RehomeForeignBodies(const Gazetteer& gaz, const OrganizationRules* rules,
                         std::string_view nfkc, const std::string& lang,
                         std::vector<EntityMatch>* matches) {
  std::vector<EntityMatch>& ms = *matches;
  for (size_t i = 0; i < ms.size(); ++i) {
    EntityMatch& body = ms[i];
    if (body.kind != EntityKind::kOrganization || body.entity == EntityMatch::kRule) continue;
    const EntityMatch* place = nullptr;
    size_t name_begin = body.nfkc_begin, name_end = body.nfkc_end;
    if (i > 0 && ms[i - 1].kind == EntityKind::kCountry && ms[i - 1].alias != EntityMatch::kRule &&
        (gaz.aliases()[ms[i - 1].alias].flags & kAliasDemonym) &&
        ms[i - 1].nfkc_end + 1 == body.nfkc_begin && nfkc[ms[i - 1].nfkc_end] == ' ') {
      place = &ms[i - 1];
      name_begin = place->nfkc_begin;
    } else if (i > 0 && CountryNameBefore(rules, nfkc, lang, ms, i)) {
      // Korean, Japanese and Chinese put the country's own name before the
      // body (체코 산업통상부, 俄罗斯商务部).
      place = &ms[i - 1];
      name_begin = place->nfkc_begin;
    } else if (i + 1 < ms.size() && IsHomeAdjectiveAfter(gaz, nfkc, body.nfkc_end, ms[i + 1])) {
      place = &ms[i + 1];
      name_end = place->nfkc_end;
    }
    if (place == nullptr) continue;
    const std::string home = EntityAttr(gaz, body, "country");
    const std::string country = gaz.entities()[place->entity].id;
    if (EntityAttr(gaz, body, "kind") != "agency" || home.empty() || home == country) continue;
    body.entity = body.alias = EntityMatch::kRule;
    body.rule_name = std::string(nfkc.substr(name_begin, name_end - name_begin));
    body.rule_kind = "agency";
    body.rule_country = country;
  }
}

}  // namespace

std::vector<EntityMatch> FindEntities(const EntityTables& tables, const MatchText& text,
                                      const std::string& lang) {
  const Gazetteer& gaz = tables.gazetteer;
  std::vector<EntityMatch> candidates;
  std::vector<TitleHit> titles;
  gaz.automaton().FindAll(text.folded, [&](size_t begin, size_t end, uint32_t pattern) {
    for (uint32_t t : gaz.TitlesOf(pattern)) titles.push_back({begin, end, t});
    for (uint32_t a : gaz.AliasesOf(pattern)) {
      const Alias& alias = gaz.aliases()[a];
      if ((alias.flags & (kAliasAbbr | kAliasLanguageOnly)) && !LanguageCovers(alias.lang, lang))
        continue;
      EntityMatch m;
      m.begin = begin;
      m.end = end;
      m.entity = alias.entity;
      m.alias = a;
      if (gaz.entities()[alias.entity].kind == EntityKind::kOrganization &&
          EndsInTitle(tables.organization_rule_words, text.folded, end))
        continue;
      if (Acceptable(gaz, text, &m)) candidates.push_back(m);
    }
  });
  std::vector<EntityMatch> kept = ResolveOverlaps(gaz, std::move(candidates), lang);

  // Abbreviations: find chains of adjacent abbreviation matches.
  std::vector<bool> valid(kept.size(), true);
  for (size_t i = 0; i < kept.size();) {
    if (!Chainable(gaz, kept[i])) {
      ++i;
      continue;
    }
    // After a digit, 日 is a day and 中 a count (15日、3中): not a chain start.
    if (IsAsciiDigit(CodePointBefore(text.folded, kept[i].begin))) {
      valid[i] = false;
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < kept.size() && Chainable(gaz, kept[j]) &&
           IsChainGap(text.folded.substr(kept[j - 1].end, kept[j].begin - kept[j - 1].end)))
      ++j;
    const size_t begin = kept[i].begin, end = kept[j - 1].end;
    // A chain of two or more stands alone; context after it applies to the
    // whole chain (日中関係); context before it only to its first member
    // (訪日中の: 日 is Japan, 中 means "during").
    // One abbreviation joined by a dash or a middle dot to a country or
    // group's full name is a compound too (한-이스라엘 FTA, 한·캄보디아, 中-东盟).
    const bool compound =
        j - i == 1 && j < kept.size() && !Chainable(gaz, kept[j]) &&
        (kept[j].kind == EntityKind::kCountry || kept[j].kind == EntityKind::kGroup) &&
        IsCompoundDash(text.folded.substr(end, kept[j].begin - end));
    const bool chain =
        (j - i >= 2 && !IsAmbiguousChain(gaz, text.folded.substr(begin, end - begin), lang)) ||
        compound;
    if (!chain && !HasContextAfter(gaz, text.folded, end, lang) &&
        !(j - i == 1 && HasHeadlineContext(gaz, text.folded, begin, end, lang))) {
      const bool first = HasContextBefore(gaz, text.folded, begin, lang);
      for (size_t k = i; k < j; ++k) valid[k] = first && k == i;
    }
    i = j;
  }
  // A listed alias (đồng) stands only in a list with an entity of its kind
  // that is not listed: "nhôm, đồng và niken" (IsListGap()).
  auto listed = [&](size_t i) { return (gaz.aliases()[kept[i].alias].flags & kAliasListed) != 0; };
  for (size_t i = 0; i < kept.size(); ++i) {
    if (!listed(i)) continue;
    bool plain = false;
    for (const int step : {-1, 1})
      for (size_t a = i, b = i + step; !plain && b < kept.size() && kept[b].kind == kept[i].kind;
           a = b, b += step) {
        const size_t left = std::min(a, b), right = std::max(a, b);
        const size_t gap = kept[right].begin - kept[left].end;
        if (!IsListGap(text.folded.substr(kept[left].end, gap))) break;
        plain = !listed(b);
      }
    valid[i] = valid[i] && plain;
  }
  std::vector<EntityMatch> out;
  for (size_t i = 0; i < kept.size(); ++i) {
    const EntityKind kind = kept[i].kind;
    if (!valid[i] || kind == EntityKind::kRegion || kind == EntityKind::kWord) continue;
    kept[i].nfkc_begin = text.folded_to_nfkc->Begin(kept[i].begin);
    kept[i].nfkc_end = std::max(kept[i].nfkc_begin, text.folded_to_nfkc->End(kept[i].end));
    out.push_back(kept[i]);
  }
  DropUnnamedShortForms(gaz, &out);
  RehomeForeignBodies(gaz, tables.organization_rules, text.nfkc, lang, &out);
  FindPeople(gaz, text, lang, titles, &out);
  AddRuleOrganizations(tables, text.nfkc, lang, &out);
  LinkOrganizationAcronyms(text.nfkc, tables.organization_rules, &out);
  return out;
}

}  // namespace kgx
