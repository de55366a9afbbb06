#include "extract/entities/people.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string_view>

#include "base/strings.h"
#include "extract/read/normalize.h"

namespace kgx {
namespace {

constexpr UChar32 kNone = -1;
constexpr UChar32 kMiddleDot = 0x30FB;  // ・, between the parts of a foreign name.
constexpr UChar32 kLongVowel = 0x30FC;  // ー

// Longest name read after or before a title, in words or characters: beyond
// it a run is a phrase, not a name, and nothing is read.
constexpr int kMaxLatinWords = 4;
constexpr int kMaxCjkChars = 4;

enum class Shape { kOther, kLatin, kHan, kKatakana, kHangul };

UChar32 At(std::string_view s, size_t pos, size_t* next = nullptr) {
  if (pos >= s.size()) return kNone;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  if (next != nullptr) *next = static_cast<size_t>(i);
  return c;
}

UChar32 Before(std::string_view s, size_t pos, size_t* prev = nullptr) {
  if (pos == 0 || pos > s.size()) return kNone;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  if (prev != nullptr) *prev = static_cast<size_t>(i);
  return c;
}

Shape ShapeOf(UChar32 c) {
  if (c == kNone) return Shape::kOther;
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? Shape::kLatin : Shape::kOther;
  if (c == kLongVowel) return Shape::kKatakana;
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_LATIN:
      return Shape::kLatin;
    case USCRIPT_HAN:
      return Shape::kHan;
    case USCRIPT_KATAKANA:
      return c == kMiddleDot ? Shape::kOther : Shape::kKatakana;
    case USCRIPT_HANGUL:
      return Shape::kHangul;
    default:
      return Shape::kOther;
  }
}

// Letters, marks and the joiners of a Latin name (Jean-Noël, O'Neill, J.).
bool IsLatinNameChar(UChar32 c) {
  if (c == '-' || c == '\'' || c == 0x2019 || c == '.') return true;
  if (c == kNone) return false;
  return ShapeOf(c) == Shape::kLatin ||
         (c >= 0x80 && (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK));
}

bool IsUpper(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c); }

bool InList(const std::vector<std::pair<std::string, std::string>>& words, const std::string& lang,
            std::string_view folded) {
  for (const auto& [l, w] : words)
    if (folded == w && LanguageCovers(l, lang)) return true;
  return false;
}

// Where a title or a name lies in the NFKC text.
struct Span {
  size_t begin = 0, end = 0;
};

class PeopleFinder {
 public:
  PeopleFinder(const Gazetteer& gaz, const MatchText& text, const std::string& lang,
               std::vector<EntityMatch>* matches)
      : gaz_(gaz),
        words_(gaz.person_words()),
        nfkc_(text.nfkc),
        lang_(lang),
        matches_(*matches),
        dropped_(matches->size(), false) {}

  void Titles(const std::vector<TitleHit>& hits, const OffsetMap& folded_to_nfkc,
              std::string_view folded);
  void GivenNames();
  void Surnames();
  void CjkSurnames();
  void Finish();

 private:
  bool NotName(std::string_view nfkc_word) const {
    return InList(words_.not_name, lang_, FoldForMatch(nfkc_word));
  }
  // Index of the first match that ends after `pos`.
  size_t FirstEndingAfter(size_t pos) const {
    return static_cast<size_t>(
        std::lower_bound(matches_.begin(), matches_.end(), pos,
                         [](const EntityMatch& m, size_t p) { return m.nfkc_end <= p; }) -
        matches_.begin());
  }
  // The kept match that starts at `pos`, or -1.
  int MatchStartingAt(size_t pos) const {
    const size_t i = FirstEndingAfter(pos);
    return i < matches_.size() && !dropped_[i] && matches_[i].nfkc_begin == pos
               ? static_cast<int>(i)
               : -1;
  }
  int MatchEndingAt(size_t pos) const {
    if (pos == 0) return -1;
    const size_t i = FirstEndingAfter(pos - 1);
    return i < matches_.size() && !dropped_[i] && matches_[i].nfkc_end == pos ? static_cast<int>(i)
                                                                              : -1;
  }
  static bool Yields(EntityKind k) {  // What a name may cover and remove.
    return k == EntityKind::kCountry || k == EntityKind::kRegion || k == EntityKind::kWord;
  }
  Span ReadLatinAfter(size_t pos) const;
  enum class Direction { kForward, kBackward };
  Span ReadRun(size_t pos, Shape shape, Direction dir) const;
  Span ReadHangulBefore(size_t pos) const;
  bool IsBoundaryAt(size_t pos) const;
  bool IsBoundaryBefore(size_t pos) const;
  // Adds a person over `name` unless it overlaps what it may not cover, a
  // title, or (unless `may_be_place`) holds nothing but places; returns
  // whether it did.
  bool AddPerson(Span name, const EntityMatch& like, bool may_be_place = false);
  std::string CountryBefore(size_t pos) const;

  const Gazetteer& gaz_;
  const PersonWords& words_;
  std::string_view nfkc_;
  const std::string& lang_;
  std::vector<EntityMatch>& matches_;
  std::vector<bool> dropped_;
  std::vector<EntityMatch> added_;
  std::vector<Span> titles_;  // Every title found, in NFKC offsets.
};

bool PeopleFinder::IsBoundaryAt(size_t pos) const {
  for (const auto& [l, w] : words_.boundary)
    if (LanguageCovers(l, lang_) && StartsWith(nfkc_.substr(pos), w)) return true;
  return false;
}

bool PeopleFinder::IsBoundaryBefore(size_t pos) const {
  for (const auto& [l, w] : words_.boundary)
    if (LanguageCovers(l, lang_) && EndsWith(nfkc_.substr(0, pos), w)) return true;
  return false;
}

// Capitalized words, with particles between them ("Luiz Inácio Lula da
// Silva"), up to kMaxLatinWords; a possessive or a full stop ends the name.
Span PeopleFinder::ReadLatinAfter(size_t pos) const {
  Span name{pos, pos};
  int words = 0;
  size_t i = pos;
  while (words < kMaxLatinWords) {
    size_t e = i, next = i;
    while (IsLatinNameChar(At(nfkc_, e, &next))) e = next;
    if (e == i) break;
    std::string_view token = nfkc_.substr(i, e - i);
    bool last = false;
    for (std::string_view s : {"'s", "\xE2\x80\x99s"})
      if (EndsWith(token, s)) {
        token.remove_suffix(s.size());
        last = true;
      }
    if (token.size() > 2 && token.back() == '.') {  // An initial (J.) keeps its stop.
      token.remove_suffix(1);
      last = true;
    }
    if (token.empty()) break;
    // Organizations, groups, minerals and people of the gazetteer are no
    // part of an unknown name; countries may be (Israel Katz).
    const int m = MatchStartingAt(i);
    if (m >= 0 && !Yields(matches_[static_cast<size_t>(m)].kind)) break;
    if (IsUpper(At(token, 0))) {
      if (NotName(token)) break;
      ++words;
      name.end = i + token.size();
    } else if (words == 0 || !InList(words_.particle, lang_, FoldForMatch(token))) {
      break;
    }
    if (last || At(nfkc_, e) != ' ') break;
    i = e + 1;
  }
  return name;
}

// A Han run (2-4 characters, ended by a boundary word), a katakana run
// (with ・ between its parts) or a hangul word: read forward, the run starts
// at `pos`; read backward, it ends there. One reading for both directions,
// so a name reads the same before and after its title.
Span PeopleFinder::ReadRun(size_t pos, Shape shape, Direction dir) const {
  const bool forward = dir == Direction::kForward;
  size_t i = pos, step = pos;
  int chars = 0;
  for (;;) {
    if (shape == Shape::kHan && (forward ? IsBoundaryAt(i) : IsBoundaryBefore(i))) break;
    const UChar32 c = forward ? At(nfkc_, i, &step) : Before(nfkc_, i, &step);
    if (ShapeOf(c) == shape) {
      ++chars;
      i = step;
      continue;
    }
    // ・ joins katakana parts (ジョー・バイデン) when katakana stands beyond
    // it; read backward it may not be the run's last character.
    if (shape == Shape::kKatakana && c == kMiddleDot && (forward || i < pos) &&
        ShapeOf(forward ? At(nfkc_, step) : Before(nfkc_, step)) == shape) {
      i = step;
      continue;
    }
    break;
  }
  if (chars < 2 || (shape != Shape::kKatakana && chars > kMaxCjkChars)) return {pos, pos};
  return forward ? Span{pos, i} : Span{i, pos};
}

// "윤석열 대통령", "이스라엘 카츠 국방장관": the word before the space, and a
// given name before it.
Span PeopleFinder::ReadHangulBefore(size_t pos) const {
  size_t space = pos;
  if (Before(nfkc_, pos, &space) != ' ') return {pos, pos};
  Span name = ReadRun(space, Shape::kHangul, Direction::kBackward);
  if (name.begin == name.end || NotName(nfkc_.substr(name.begin, name.end - name.begin)))
    return {pos, pos};
  size_t gap = name.begin;
  if (Before(nfkc_, name.begin, &gap) == ' ') {
    const int m = MatchEndingAt(gap);
    if (m >= 0) {
      const EntityMatch& g = matches_[static_cast<size_t>(m)];
      const std::string_view given = nfkc_.substr(g.nfkc_begin, g.nfkc_end - g.nfkc_begin);
      if (InList(words_.given_name, lang_, FoldForMatch(given))) name.begin = g.nfkc_begin;
    }
  }
  return name;
}

// The country written right before a title: "Brazil's President", 美国总统,
// "Peruvian Mines Minister", 미국 대표.
std::string PeopleFinder::CountryBefore(size_t pos) const {
  for (std::string_view gap :
       {"", " ", "-", "'s ", "\xE2\x80\x99s ", "\xE3\x81\xAE" /* の */, "\xE7\x9A\x84" /* 的 */}) {
    if (gap.size() > pos || nfkc_.compare(pos - gap.size(), gap.size(), gap) != 0) continue;
    const int m = MatchEndingAt(pos - gap.size());
    if (m >= 0 && matches_[static_cast<size_t>(m)].kind == EntityKind::kCountry)
      return gaz_.entities()[matches_[static_cast<size_t>(m)].entity].id;
  }
  return "";
}

bool PeopleFinder::AddPerson(Span name, const EntityMatch& like, bool may_be_place) {
  if (name.begin >= name.end) return false;
  for (const EntityMatch& a : added_)
    if (a.nfkc_begin < name.end && name.begin < a.nfkc_end) return false;
  // 장관은 in "장관은 산업부 장관": a title is no part of a name.
  for (const Span& t : titles_)
    if (t.begin < name.end && name.begin < t.end) return false;
  std::vector<size_t> inside;
  size_t covered = 0;
  for (size_t i = FirstEndingAfter(name.begin);
       i < matches_.size() && matches_[i].nfkc_begin < name.end; ++i) {
    if (dropped_[i]) continue;
    const EntityMatch& m = matches_[i];
    if (!Yields(m.kind) || m.nfkc_begin < name.begin || m.nfkc_end > name.end) return false;
    inside.push_back(i);
    covered += m.nfkc_end - m.nfkc_begin;
  }
  // チャド大統領, "Minister Jordan": only places, so no person. Separators
  // (spaces, ・) do not count.
  size_t letters = 0;
  for (size_t i = name.begin, next = i; i < name.end; i = next) {
    const UChar32 c = At(nfkc_, i, &next);
    if (c != ' ' && c != kMiddleDot) letters += next - i;
  }
  if (covered >= letters && !may_be_place) return false;
  for (size_t i : inside) dropped_[i] = true;
  EntityMatch p = like;
  p.nfkc_begin = name.begin;
  p.nfkc_end = name.end;
  p.begin = p.end = 0;  // Rule matches carry nfkc offsets only.
  if (p.entity == EntityMatch::kRule && p.rule_name.empty())
    p.rule_name = std::string(nfkc_.substr(name.begin, name.end - name.begin));
  added_.push_back(std::move(p));
  return true;
}

void PeopleFinder::Titles(const std::vector<TitleHit>& hits, const OffsetMap& folded_to_nfkc,
                          std::string_view folded) {
  struct Found {
    Span span;
    const PersonTitle* title;
  };
  std::vector<Found> found;
  for (const TitleHit& h : hits) {
    const PersonTitle& t = words_.titles[h.title];
    // Titles are read in their own language (代表 in Chinese is no title
    // after a name), English ones everywhere, as English aliases are.
    if (!StartsWith(t.lang, "en") && !LanguageCovers(t.lang, lang_)) continue;
    uint8_t edges = WordEdgesOf(folded.substr(h.begin, h.end - h.begin));
    if (t.suffix) edges &= static_cast<uint8_t>(~kEdgeWordFirst);
    if (!AtWordBoundaries(folded, h.begin, h.end, edges)) continue;
    Span s{folded_to_nfkc.Begin(h.begin), folded_to_nfkc.End(h.end)};
    if (s.begin >= s.end || s.end > nfkc_.size()) continue;
    if (t.suffix) {  // Bundesfinanzminister, 상무장관: the title is the whole word.
      const Shape shape = ShapeOf(At(nfkc_, s.begin));
      size_t prev = s.begin;
      while (ShapeOf(Before(nfkc_, s.begin, &prev)) == shape) s.begin = prev;
    }
    found.push_back({s, &t});
    titles_.push_back(s);
  }
  // The longest title wins: "Prime Minister" over "Minister", 美国总统 over 总统.
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    const size_t la = a.span.end - a.span.begin, lb = b.span.end - b.span.begin;
    return la != lb ? la > lb : a.span.begin < b.span.begin;
  });
  std::vector<Span> taken;
  for (const Found& f : found) {
    bool inside = false;
    for (const Span& t : taken) inside |= t.begin <= f.span.begin && f.span.end <= t.end;
    if (inside) continue;
    taken.push_back(f.span);
    const PersonTitle& t = *f.title;
    EntityMatch like;
    like.entity = like.alias = EntityMatch::kRule;
    like.kind = EntityKind::kPerson;
    like.person_role = t.role;
    if (t.before) {
      size_t at = f.span.end;
      if (At(nfkc_, at) == ' ') ++at;
      const UChar32 c = At(nfkc_, at);
      const Shape shape = ShapeOf(c);
      Span name{at, at};
      if (shape == Shape::kLatin && IsUpper(c))
        name = ReadLatinAfter(at);
      else if (shape == Shape::kHan || shape == Shape::kKatakana)
        name = ReadRun(at, shape, Direction::kForward);
      if (name.begin < name.end && MatchStartingAt(name.begin) < 0 &&
          NotName(nfkc_.substr(name.begin, name.end - name.begin)))
        name.end = name.begin;
      like.person_country = t.country.empty() ? CountryBefore(f.span.begin) : t.country;
      if (AddPerson(name, like)) continue;
    }
    if (t.after) {
      // A country between the name and the title (トランプ米大統領) gives
      // the person's country.
      size_t at = f.span.begin;
      like.person_country = t.country;
      const int m = MatchEndingAt(at);
      if (m >= 0 && matches_[static_cast<size_t>(m)].kind == EntityKind::kCountry) {
        if (like.person_country.empty())
          like.person_country = gaz_.entities()[matches_[static_cast<size_t>(m)].entity].id;
        at = matches_[static_cast<size_t>(m)].nfkc_begin;
      }
      if (like.person_country.empty()) like.person_country = CountryBefore(at);
      const Shape shape = ShapeOf(Before(nfkc_, at));
      Span name{at, at};
      if (shape == Shape::kHan || shape == Shape::kKatakana)
        name = ReadRun(at, shape, Direction::kBackward);
      else if (Before(nfkc_, at) == ' ')
        name = ReadHangulBefore(at);
      if (name.begin < name.end && NotName(nfkc_.substr(name.begin, name.end - name.begin)))
        name.end = name.begin;
      AddPerson(name, like);
    }
  }
}

void PeopleFinder::GivenNames() {
  for (size_t i = 0; i < matches_.size(); ++i) {
    const EntityMatch& g = matches_[i];
    if (dropped_[i] || g.kind != EntityKind::kCountry || g.alias == EntityMatch::kRule) continue;
    // The alias's folded form: no ICU call for every country of every text.
    if (!InList(words_.given_name, lang_, gaz_.aliases()[g.alias].folded)) continue;
    size_t at = g.nfkc_end, next = at;
    const UChar32 sep = At(nfkc_, at, &next);
    const UChar32 c = At(nfkc_, next);
    Span rest{next, next};
    const int m = MatchStartingAt(next);
    if (m >= 0 && matches_[static_cast<size_t>(m)].kind == EntityKind::kPerson &&
        (sep == ' ' || sep == kMiddleDot)) {
      // "Georgia Meloni": the gazetteer's person takes the given name in.
      EntityMatch& p = matches_[static_cast<size_t>(m)];
      p.nfkc_begin = g.nfkc_begin;
      dropped_[i] = true;
      continue;
    }
    // A Latin surname follows a Latin given name only, and an acronym is no
    // surname: "Israel FTA", "이스라엘 FTA" are the country's pact.
    const bool latin_given = ShapeOf(At(nfkc_, g.nfkc_begin)) == Shape::kLatin;
    size_t caps = next;
    while (caps < nfkc_.size() && nfkc_[caps] >= 'A' && nfkc_[caps] <= 'Z') ++caps;
    const bool acronym = caps - next >= 2 && !IsLatinNameChar(At(nfkc_, caps));
    if (sep == ' ' && latin_given && ShapeOf(c) == Shape::kLatin && IsUpper(c) && !acronym)
      rest = ReadLatinAfter(next);
    else if (sep == kMiddleDot && ShapeOf(c) == Shape::kKatakana)
      rest = ReadRun(next, Shape::kKatakana, Direction::kForward);
    if (rest.begin == rest.end || MatchStartingAt(rest.begin) >= 0) continue;
    EntityMatch like;
    like.entity = like.alias = EntityMatch::kRule;
    like.kind = EntityKind::kPerson;
    AddPerson({g.nfkc_begin, rest.end}, like);
  }
}

void PeopleFinder::Surnames() {
  // Every person found so far, gazetteer's and added, in text order (copies:
  // added_ grows below).
  std::vector<EntityMatch> people;
  for (size_t i = 0; i < matches_.size(); ++i)
    if (!dropped_[i] && matches_[i].kind == EntityKind::kPerson) people.push_back(matches_[i]);
  people.insert(people.end(), added_.begin(), added_.end());
  std::sort(people.begin(), people.end(),
            [](const EntityMatch& a, const EntityMatch& b) { return a.nfkc_begin < b.nfkc_begin; });
  std::vector<std::string_view> done;
  for (const EntityMatch& p : people) {
    const std::string_view full = nfkc_.substr(p.nfkc_begin, p.nfkc_end - p.nfkc_begin);
    size_t cut = full.rfind(' ');
    size_t skip = 1;
    if (cut == std::string_view::npos) {
      cut = full.rfind("\xE3\x83\xBB");  // ・
      skip = 3;
    }
    if (cut == std::string_view::npos) continue;
    const std::string_view surname = full.substr(cut + skip);
    if (surname.size() < 2 || std::find(done.begin(), done.end(), surname) != done.end()) continue;
    done.push_back(surname);
    // A surname stands for the full name: a rule person keeps it as its name.
    EntityMatch like = p;
    if (like.entity == EntityMatch::kRule) like.rule_name = std::string(full);
    const bool latin = ShapeOf(At(surname, 0)) == Shape::kLatin;
    const uint8_t edges = WordEdgesOf(surname);
    for (size_t at = nfkc_.find(surname, p.nfkc_end); at != std::string_view::npos;
         at = nfkc_.find(surname, at + surname.size())) {
      const size_t end = at + surname.size();
      if (latin ? !AtWordBoundaries(nfkc_, at, end, edges)
                : ShapeOf(Before(nfkc_, at)) == Shape::kKatakana ||
                      ShapeOf(At(nfkc_, end)) == Shape::kKatakana)
        continue;
      // ウルフ氏 after チャド・ウルフ: the title read the surname alone.
      auto same = std::find_if(added_.begin(), added_.end(), [&](const EntityMatch& a) {
        return a.nfkc_begin == at && a.nfkc_end == end && a.entity == EntityMatch::kRule;
      });
      if (same != added_.end()) {
        *same = like;
        same->nfkc_begin = at;
        same->nfkc_end = end;
        continue;
      }
      // The surname may read as a place (Jordan, Chile): it is the person.
      AddPerson({at, end}, like, /*may_be_place=*/true);
    }
  }
}

// 片山財務大臣 after 片山さつき財務相, 이 장관 after 이재명: in Han and hangul the
// surname comes first, so a name a title read that begins an earlier full
// name is that person.
void PeopleFinder::CjkSurnames() {
  std::vector<EntityMatch> people;
  for (size_t i = 0; i < matches_.size(); ++i)
    if (!dropped_[i] && matches_[i].kind == EntityKind::kPerson) people.push_back(matches_[i]);
  people.insert(people.end(), added_.begin(), added_.end());
  for (EntityMatch& a : added_) {
    if (a.entity != EntityMatch::kRule) continue;
    const std::string_view name = nfkc_.substr(a.nfkc_begin, a.nfkc_end - a.nfkc_begin);
    const Shape shape = ShapeOf(At(name, 0));
    if (shape != Shape::kHan && shape != Shape::kHangul) continue;
    for (const EntityMatch& p : people) {
      const std::string_view full = nfkc_.substr(p.nfkc_begin, p.nfkc_end - p.nfkc_begin);
      if (p.nfkc_end > a.nfkc_begin || full.size() <= name.size() || !StartsWith(full, name))
        continue;
      const size_t begin = a.nfkc_begin, end = a.nfkc_end;
      a = p;
      if (a.entity == EntityMatch::kRule) a.rule_name = std::string(full);
      a.nfkc_begin = begin;
      a.nfkc_end = end;
      break;
    }
  }
}

void PeopleFinder::Finish() {
  if (added_.empty() && std::find(dropped_.begin(), dropped_.end(), true) == dropped_.end()) return;
  std::vector<EntityMatch> out;
  out.reserve(matches_.size() + added_.size());
  for (size_t i = 0; i < matches_.size(); ++i)
    if (!dropped_[i]) out.push_back(std::move(matches_[i]));
  for (EntityMatch& a : added_) out.push_back(std::move(a));
  std::sort(out.begin(), out.end(),
            [](const EntityMatch& a, const EntityMatch& b) { return a.nfkc_begin < b.nfkc_begin; });
  matches_ = std::move(out);
}

}  // namespace

void FindPeople(const Gazetteer& gaz, const MatchText& text, const std::string& lang,
                const std::vector<TitleHit>& titles, std::vector<EntityMatch>* matches) {
  PeopleFinder finder(gaz, text, lang, matches);
  if (!titles.empty()) finder.Titles(titles, *text.folded_to_nfkc, text.folded);
  finder.GivenNames();
  finder.Surnames();
  finder.CjkSurnames();
  finder.Finish();
}

}  // namespace kgx
