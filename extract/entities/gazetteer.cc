#include "extract/entities/gazetteer.h"

#include <re2/re2.h>
#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "base/files.h"
#include "base/parallel.h"
#include "base/strings.h"  // EndsWith, Split, StartsWith
#include "base/utf8.h"
#include "extract/read/file_io.h"
#include "extract/read/normalize.h"
#include "extract/read/word_edges.h"

namespace kgx {
namespace {

bool ValidId(EntityKind kind, const std::string& id) {
  static const RE2 kGroup("[A-Z][A-Z0-9_]*");
  switch (kind) {
    case EntityKind::kCountry:
      return IsCountryCode(id);
    case EntityKind::kGroup:
      return RE2::FullMatch(id, kGroup);
    default:
      break;
  }
  if (id.empty()) return false;
  for (unsigned char c : id)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

bool IsShortUpperAcronym(const std::string& s) {
  if (s.empty() || s.size() > 5) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Whether any code point of `s` passes `test` (an ill-formed byte is read as
// a negative code point).
template <typename Test>
bool AnyCodePoint(const std::string& s, Test test) {
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (test(c)) return true;
  }
  return false;
}

bool HasHan(const std::string& s) {
  return AnyCodePoint(s, [](UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return c >= 0 && uscript_getScript(c, &status) == USCRIPT_HAN;
  });
}

// True when `s` holds nothing a reader sees: only white space (U+0020,
// U+3000...) and default-ignorable code points (U+200B...). Such an alias
// would match every space, or fold to nothing.
bool IsBlank(const std::string& s) {
  return !AnyCodePoint(s, [](UChar32 c) {
    return c < 0 ||
           !(u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT));
  });
}

}  // namespace

std::string SplitGazetteerLine(const std::string& line, std::vector<std::string>* fields) {
  if (!IsValidUtf8(line)) return "invalid UTF-8";
  *fields = Split(line, '\t');
  for (size_t i = 0; i < fields->size(); ++i) {
    if ((*fields)[i].empty()) return "empty field (fields are separated by one tab)";
    if (IsBlank((*fields)[i]))
      return "field " + std::to_string(i + 1) + " is only white space or invisible characters";
  }
  return "";
}

std::string PersonRoleOn(const Entity& person, const std::string& date) {
  const std::string month = date.substr(0, 7);
  const PersonTerm* latest = nullptr;
  for (const PersonTerm& t : person.terms) {
    if (!month.empty() && t.from <= month && (t.to.empty() || month <= t.to)) return t.role;
    if (latest == nullptr || t.from > latest->from) latest = &t;
  }
  return latest == nullptr ? std::string() : latest->role;
}

namespace {

// Every entity kind, its name in gazetteer files (`@kind`) and records (a
// mention's "kind") and its priority when two matches cover exactly the
// same text (lower wins): the one place that pairs them. An organization or
// media name that equals a place name is usually the more specific reading;
// ordinary words lose to real entities of the same length. A person's name
// that is also a place name is the person: people.tsv lists only names the
// press uses for them.
struct EntityKindRow {
  EntityKind kind;
  const char* name;
  int priority;
};
constexpr EntityKindRow kEntityKindRows[] = {
    {EntityKind::kCountry, "country", 5},
    {EntityKind::kGroup, "group", 2},
    {EntityKind::kOrganization, "organization", 0},
    {EntityKind::kMineral, "mineral", 4},
    {EntityKind::kMedia, "media", 1},
    {EntityKind::kRegion, "region", 6},
    {EntityKind::kWord, "word", 7},
    {EntityKind::kPerson, "person", 3}};

}  // namespace

const char* EntityKindName(EntityKind kind) {
  for (const EntityKindRow& row : kEntityKindRows)
    if (row.kind == kind) return row.name;
  return "?";
}

bool ParseEntityKind(const std::string& name, EntityKind* kind) {
  for (const EntityKindRow& row : kEntityKindRows) {
    if (name == row.name) {
      *kind = row.kind;
      return true;
    }
  }
  return false;
}

int KindPriority(EntityKind kind) {
  for (const EntityKindRow& row : kEntityKindRows)
    if (row.kind == kind) return row.priority;
  return static_cast<int>(std::size(kEntityKindRows));
}

namespace {

// Chinese in the other script: ICU transliterator id and the language it gives.
const std::pair<const char*, const char*> kScriptConversions[] = {{"Hant-Hans", "zh-Hans"},
                                                                  {"Hans-Hant", "zh-Hant"}};

}  // namespace

Gazetteer::~Gazetteer() {
  if (warmup_.joinable()) warmup_.join();
}

void Gazetteer::StartWarmup() {
  // ICU builds its script transliterators on first use (about 20 ms, most
  // of what AddConversions() costs): with a thread to spare, that happens
  // while the files are read. Built once, ICU keeps them for every thread.
  if (threads_ > 1 && !warmup_.joinable())
    warmup_ = std::thread([] {
      for (const auto& [id, lang] : kScriptConversions) Transliterate(id, "中");
    });
}

std::string Gazetteer::AddContextLine(const std::vector<std::string>& f) {
  if (f.size() != 3) return "expected 'before|after|headline|ambiguous<TAB>lang<TAB>text'";
  if (!IsGazetteerLanguageTag(f[1])) return "invalid language tag '" + f[1] + "'";
  std::pair<std::string, std::string> entry(f[1], FoldForMatch(f[2]));
  if (f[0] == "before")
    context_.before.push_back(entry);
  else if (f[0] == "after")
    context_.after.push_back(entry);
  else if (f[0] == "headline")
    context_.headline.push_back(entry);
  else if (f[0] == "ambiguous")
    context_.ambiguous_chains.insert(entry);
  else
    return "unknown context position '" + f[0] + "'";
  return "";
}

std::string Gazetteer::AddEntityLine(EntityKind kind, const std::vector<std::string>& f) {
  if (f.size() < 3) return "expected 'id<TAB>lang<TAB>alias[<TAB>flag...]'";
  if (!ValidId(kind, f[0]))
    return "invalid " + std::string(EntityKindName(kind)) + " id '" + f[0] + "'";
  if (!IsGazetteerLanguageTag(f[1])) return "invalid language tag '" + f[1] + "'";
  uint8_t flags = 0;
  bool drop = false;
  std::map<std::string, std::string> attrs;
  PersonTerm term;
  for (size_t i = 3; i < f.size(); ++i) {
    const std::string& item = f[i];
    size_t eq = item.find('=');
    if (eq != std::string::npos) {
      std::string key = item.substr(0, eq), value = item.substr(eq + 1);
      static const RE2 kMonth("(19|20)[0-9]{2}-(0[1-9]|1[0-2])");
      if (key == "role" || key == "from" || key == "to") {
        // A term of office (people only): role=, from= and to=, the
        // months as YYYY-MM; an empty to= means still in office.
        if (kind != EntityKind::kPerson) return "'" + key + "=' belongs to '@kind person' lines";
        if (key == "role") {
          if (value.empty()) return "empty value for 'role'";
          term.role = value;
        } else if (!(key == "to" && value.empty()) && !RE2::FullMatch(value, kMonth)) {
          return key + "= must be a month as YYYY-MM, got '" + value + "'";
        } else {
          (key == "from" ? term.from : term.to) = value;
        }
        continue;
      }
      static const char* kKeys[] = {"name", "country",  "symbol", "qid",
                                    "kind", "acts-for", "members"};
      if (std::find_if(std::begin(kKeys), std::end(kKeys),
                       [&](const char* k) { return key == k; }) == std::end(kKeys))
        return "unknown attribute '" + key + "'";
      if (value.empty()) return "empty value for '" + key + "'";
      if (key == "country" && !ValidId(EntityKind::kCountry, value))
        return "country= must be an ISO 3166-1 alpha-2 code, got '" + value + "'";
      if (key == "acts-for" && !ValidId(EntityKind::kCountry, value) &&
          !ValidId(EntityKind::kGroup, value))
        return "acts-for= must be a country or group code, got '" + value + "'";
      if (key == "members") {
        if (kind != EntityKind::kGroup) return "'members=' belongs to group lines";
        for (const std::string& id : Split(value, ','))
          if (!ValidId(EntityKind::kCountry, id))
            return "members= must list ISO 3166-1 alpha-2 codes, got '" + id + "'";
      }
      attrs[key] = value;
    } else if (item == "drop") {
      drop = true;
    } else {
      static const std::pair<const char*, AliasFlag> kFlags[] = {
          {"case", kAliasCase},       {"abbr", kAliasAbbr},           {"demonym", kAliasDemonym},
          {"capital", kAliasCapital}, {"ambiguous", kAliasAmbiguous}, {"short", kAliasShort},
          {"listed", kAliasListed},   {"language-only", kAliasLanguageOnly}};
      const auto* it = std::find_if(std::begin(kFlags), std::end(kFlags),
                                    [&](const auto& flag) { return item == flag.first; });
      if (it == std::end(kFlags)) return "unknown flag '" + item + "'";
      flags |= it->second;
    }
  }
  if ((flags & kAliasAbbr) && f[1] == "*")
    return "an abbr alias needs a language (it is only read in that language)";
  if (term.role.empty() && !(term.from.empty() && term.to.empty()))
    return "a term needs role= beside from= and to=";
  if (!term.to.empty() && term.to < term.from)
    return "term ends (" + term.to + ") before it starts (" + term.from + ")";
  const uint32_t e = Intern(kind, f[0]);
  for (auto& [k, v] : attrs) entities_[e].attrs[k] = v;
  if (!term.role.empty()) entities_[e].terms.push_back(std::move(term));
  if (f[2] == "-") return "";  // Attribute-only line.
  if (drop) {
    dropped_.emplace(e, FoldForMatch(f[2]));
  } else {
    AddAlias(e, f[1], f[2], flags);
  }
  return "";
}

uint32_t Gazetteer::Intern(EntityKind kind, const std::string& id) {
  std::string key = std::string(EntityKindName(kind)) + ":" + id;
  auto it = index_.find(key);
  if (it != index_.end()) return it->second;
  const uint32_t e = static_cast<uint32_t>(entities_.size());
  entities_.push_back(Entity{kind, id, {}, {}});
  index_.emplace(key, e);
  return e;
}

int Gazetteer::Find(EntityKind kind, const std::string& id) const {
  auto it = index_.find(std::string(EntityKindName(kind)) + ":" + id);
  return it == index_.end() ? -1 : static_cast<int>(it->second);
}

void Gazetteer::AddAlias(uint32_t entity, const std::string& lang, const std::string& text,
                         uint8_t flags) {
  AddOneAlias(entity, lang, text, flags);
  // The press writes an organization's five-letter acronym as a word too
  // (Spanish, Portuguese and Italian most: CORFO, "contratos con Corfo",
  // Enami, Adnoc): read that form, as written, in every language (the
  // alias's language is not the document's). Not one marked `case` in the
  // data, where the word is another (ARENA "arena", IRENA "Irena"), nor
  // shorter ones (KITA: Indonesian "Kita").
  constexpr size_t kTitledAcronym = 5;
  if (entities_[entity].kind == EntityKind::kOrganization && !(flags & kAliasCase) &&
      text.size() == kTitledAcronym && IsShortUpperAcronym(text)) {
    std::string titled = text;
    for (size_t i = 1; i < titled.size(); ++i) titled[i] = static_cast<char>(titled[i] - 'A' + 'a');
    AddOneAlias(entity, lang, titled, flags | kAliasCase);
  }
  // Chinese is written in two scripts (and Japanese shares many forms): every
  // Han alias is also read in the other script, converted with ICU's
  // Hant-Hans transliterators, so 日本金属矿产资源机构 also finds
  // 日本金屬礦產資源機構 without a second line. One-character abbreviations
  // are listed per script on purpose and are not converted.
  // The conversions (a third of the start-up) wait for Compile(), which
  // makes each distinct one once, on threads_ threads, and puts them here.
  if ((flags & kAliasAbbr) || !HasHan(text)) return;
  conversions_.push_back({aliases_.size(), entity, text, flags});
}

void Gazetteer::AddConversions() {
  if (conversions_.empty()) return;
  // Each distinct text once, in both directions.
  std::unordered_map<std::string, size_t> index;
  std::vector<const std::string*> texts;
  for (const Conversion& c : conversions_)
    if (index.emplace(c.text, texts.size()).second) texts.push_back(&c.text);
  std::vector<std::string> converted(texts.size() * 2);
  ParallelFor(threads_, texts.size(), [&](size_t, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i)
      for (size_t k = 0; k < 2; ++k)
        converted[i * 2 + k] = Transliterate(kScriptConversions[k].first, *texts[i]);
  });
  // Each alias's conversions follow it, as if added with it.
  std::vector<Alias> all;
  all.reserve(aliases_.size() + conversions_.size());
  size_t next = 0;
  for (size_t i = 0; i <= aliases_.size(); ++i) {
    for (; next < conversions_.size() && conversions_[next].after == i; ++next) {
      const Conversion& c = conversions_[next];
      const size_t at = index[c.text];
      for (size_t k = 0; k < 2; ++k) {
        const std::string& other = converted[at * 2 + k];
        Alias a;
        if (!other.empty() && other != c.text &&
            MakeAlias(c.entity, kScriptConversions[k].second, other, c.flags, &a))
          all.push_back(std::move(a));
      }
    }
    if (i < aliases_.size()) all.push_back(std::move(aliases_[i]));
  }
  aliases_ = std::move(all);
  conversions_.clear();
}

void Gazetteer::AddPersonWordConversions() {
  // Chinese titles and words in the other script too, as aliases are (总统
  // finds 總統); a few dozen, made once at Compile().
  auto convert = [](const std::string& lang, const std::string& text, auto&& add) {
    if (lang.compare(0, 2, "zh") != 0 || !HasHan(text)) return;
    for (const auto& [id, other_lang] : kScriptConversions) {
      const std::string other = Transliterate(id, text);
      if (!other.empty() && other != text) add(std::string(other_lang), other);
    }
  };
  std::vector<PersonTitle> titles;
  for (const PersonTitle& t : person_words_.titles) {
    titles.push_back(t);
    convert(t.lang, t.text, [&](const std::string& lang, const std::string& text) {
      titles.push_back(t);
      titles.back().lang = lang;
      titles.back().text = text;
    });
  }
  person_words_.titles = std::move(titles);
  for (auto* list : {&person_words_.not_name, &person_words_.boundary}) {
    std::vector<std::pair<std::string, std::string>> words;
    for (const auto& [lang, word] : *list) {
      words.emplace_back(lang, word);
      convert(lang, word, [&](const std::string& l, const std::string& text) {
        words.emplace_back(l, FoldForMatch(text));
      });
    }
    *list = std::move(words);
  }
}

void Gazetteer::AddOneAlias(uint32_t entity, const std::string& lang, const std::string& text,
                            uint8_t flags) {
  Alias a;
  if (MakeAlias(entity, lang, text, flags, &a)) aliases_.push_back(std::move(a));
}

bool Gazetteer::MakeAlias(uint32_t entity, const std::string& lang, const std::string& text,
                          uint8_t flags, Alias* out) {
  Alias& a = *out;
  a.surface = NormalizeNfkc(text);
  a.folded = FoldForMatch(text);
  if (a.folded.empty()) return false;
  a.entity = entity;
  a.lang = lang;
  a.flags = flags;
  if (IsShortUpperAcronym(a.surface)) a.flags |= kAliasCase;
  if (lang != "*" && lang != "en" && lang.compare(0, 3, "en-") != 0) {
    UChar32 first;
    U8_GET(reinterpret_cast<const uint8_t*>(a.surface.data()), 0, 0,
           static_cast<int32_t>(a.surface.size()), first);
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(first, &status) == USCRIPT_LATIN) a.flags |= kAliasLanguageOnly;
  }
  return true;
}

std::string Gazetteer::AddInflectionLine(const std::vector<std::string>& f) {
  if (f.size() == 4 && f[0] == "spelling") {
    if (!IsGazetteerLanguageTag(f[1]) || f[1] == "*") return "invalid language tag '" + f[1] + "'";
    // Different as the matcher reads them: أمريكا and امريكا fold alike.
    if (f[2].empty() || f[3].empty() || FoldForMatch(f[2]) == FoldForMatch(f[3]))
      return "a spelling rule needs two different forms";
    spellings_.push_back({f[1], NormalizeNfkc(f[2]), NormalizeNfkc(f[3])});
    return "";
  }
  if (f.size() == 3 && (f[0] == "modifier" || f[0] == "article")) {
    if (!IsGazetteerLanguageTag(f[1]) || f[1] == "*") return "invalid language tag '" + f[1] + "'";
    InflectionRule r;
    r.modifier = f[0] == "modifier";
    r.article = f[0] == "article";
    r.lang = f[1];
    for (const std::string& e : Split(f[2], ','))
      if (!e.empty()) r.edges.push_back(NormalizeNfkc(e));
    if (r.edges.empty()) return "a " + f[0] + " rule needs at least one edge";
    inflections_.push_back(std::move(r));
    return "";
  }
  if (f.size() != 4 || (f[0] != "suffix" && f[0] != "prefix" && f[0] != "adjective"))
    return "expected 'suffix|prefix|adjective<TAB>lang<TAB>edge[,edge...]<TAB>form[ form...]', "
           "'modifier|article<TAB>lang<TAB>edge[,edge...]' or "
           "'spelling<TAB>lang<TAB>form<TAB>form'";
  if (!IsGazetteerLanguageTag(f[1]) || f[1] == "*") return "invalid language tag '" + f[1] + "'";
  InflectionRule r;
  r.prefix = f[0] == "prefix";
  r.adjective = f[0] == "adjective";
  r.lang = f[1];
  for (const std::string& e : Split(f[2], ','))
    r.edges.push_back(e == "*" && !(f[0] == "suffix") ? "" : NormalizeNfkc(e));
  for (const std::string& slot : Split(f[3], ' ')) {
    if (slot.empty()) return "two spaces between forms";
    r.forms.emplace_back();
    for (const std::string& alt : Split(slot, '/'))
      r.forms.back().push_back(alt == "-" ? "" : NormalizeNfkc(alt));
  }
  if (r.forms.size() > 32) return "at most 32 forms, got " + std::to_string(r.forms.size());
  if ((r.prefix || r.adjective) && r.forms.size() != 1) {
    // A prefix or adjective rule's forms are alternatives of one slot.
    std::vector<std::string> all;
    for (const auto& slot : r.forms) all.insert(all.end(), slot.begin(), slot.end());
    r.forms.assign(1, all);
  }
  // The words of a name agree slot by slot: every suffix rule of a
  // language lists the same cases.
  for (const InflectionRule& other : inflections_)
    if (!r.prefix && !r.adjective && !other.prefix && !other.adjective && !other.modifier &&
        !other.article && other.lang == r.lang && other.forms.size() != r.forms.size())
      return ("a " + r.lang + " suffix rule needs " + std::to_string(other.forms.size()) +
              " forms, one per case, got " + std::to_string(r.forms.size()));
  inflections_.push_back(std::move(r));
  return "";
}

namespace {

// The rule of `rules` (suffix, prefix or adjective, in `lang`) with the
// longest edge that `word` ends (or starts) with, leaving a stem of two
// letters or more.
const InflectionRule* RuleFor(const std::vector<InflectionRule>& rules, bool prefix,
                              const std::string& lang, const std::string& word, std::string* edge,
                              bool adjective = false) {
  const InflectionRule* best = nullptr;
  for (const InflectionRule& r : rules) {
    if (r.modifier || r.article || r.prefix != prefix || r.adjective != adjective || r.lang != lang)
      continue;
    for (const std::string& e : r.edges) {
      if (word.size() < e.size() || (best != nullptr && e.size() <= edge->size())) continue;
      const bool at = prefix ? StartsWith(word, e) : EndsWith(word, e);
      if (!at || CharCount(word.substr(prefix ? e.size() : 0, word.size() - e.size())) < 2)
        continue;
      best = &r;
      *edge = e;
    }
  }
  return best;
}

// Whether `word` ends in an edge of a modifier rule of `lang` (an
// adjective that agrees with the noun after it).
bool IsModifier(const std::vector<InflectionRule>& rules, const std::string& lang,
                const std::string& word) {
  for (const InflectionRule& r : rules)
    if (r.modifier && r.lang == lang)
      for (const std::string& e : r.edges)
        if (word.size() > e.size() && EndsWith(word, e)) return true;
  return false;
}

std::string ReplaceTilde(const std::string& form, const std::string& edge) {
  const size_t t = form.find('~');
  return t == std::string::npos ? form : form.substr(0, t) + edge + form.substr(t + 1);
}

}  // namespace

// Caps on what one alias generates, so that a rule of many cases or endings
// (a user's file, a fuzzer's input) costs a bounded number of patterns: a
// Russian name of two words has 11 cases of one or two endings each.
constexpr size_t kMaxFormsPerCase = 16;
constexpr size_t kMaxFormsPerAlias = 64;

namespace {

// A name's words, each with the rule that declines it (nullptr: kept as
// written) and the edge of the word that rule replaces.
struct DeclinedWords {
  std::vector<std::string> words;
  std::vector<const InflectionRule*> rule;
  std::vector<std::string> edge;

  // The suffix (or, with `adjective`, adjective) rule of each word of
  // `surface` in `lang`.
  DeclinedWords(const std::vector<InflectionRule>& rules, const std::string& lang,
                const std::string& surface, bool adjective)
      : words(Split(surface, ' ')), rule(words.size(), nullptr), edge(words.size()) {
    for (size_t w = 0; w < words.size(); ++w)
      rule[w] = RuleFor(rules, false, lang, words[w], &edge[w], adjective);
  }
  // Word w with its edge replaced by `ending` ("~" in it: the edge).
  std::string Form(size_t w, const std::string& ending) const {
    return words[w].substr(0, words[w].size() - edge[w].size()) + ReplaceTilde(ending, edge[w]);
  }
};

// A demonym in its slot-th gender and number form: each word its rule
// declines takes that form (its last, when it has fewer).
std::string AdjectiveForm(const DeclinedWords& d, size_t slot) {
  std::string text;
  for (size_t w = 0; w < d.words.size(); ++w) {
    if (w > 0) text += ' ';
    if (d.rule[w] == nullptr) {
      text += d.words[w];
      continue;
    }
    const std::vector<std::string>& ends = d.rule[w]->forms[0];
    text += d.Form(w, ends[std::min(slot, ends.size() - 1)]);
  }
  return text;
}

// The name in one case (`slot`), the words `declined` names taking that
// case's endings (every combination of their alternatives, up to
// kMaxFormsPerCase), the others kept as written.
std::vector<std::string> CaseTexts(const DeclinedWords& d,
                                   const std::vector<const InflectionRule*>& declined,
                                   size_t slot) {
  std::vector<std::string> texts = {""};
  for (size_t w = 0; w < d.words.size(); ++w) {
    std::vector<std::string> next;
    const InflectionRule* r = declined[w];
    const std::vector<std::string> ends = r ? r->forms[slot] : std::vector<std::string>{""};
    for (const std::string& t : texts)
      for (const std::string& end : ends)
        if (next.size() < kMaxFormsPerCase)
          next.push_back(t + (w ? " " : "") + (r ? d.Form(w, end) : d.words[w] + end));
    texts = std::move(next);
  }
  return texts;
}

// The suffix forms of `surface` in `lang`, every case, up to
// kMaxFormsPerAlias: each declined word takes the endings of one case, the
// same for all.
std::vector<std::string> CaseForms(const std::vector<InflectionRule>& rules,
                                   const std::string& lang, const std::string& surface) {
  const DeclinedWords d(rules, lang, surface, false);
  size_t slots = 0;  // Every suffix rule of a language has as many.
  for (const InflectionRule* r : d.rule)
    if (r != nullptr) slots = r->forms.size();
  // The noun the modifiers lead to: after it, a genitive that keeps its
  // form (Лондонская биржа | металлов). Those forms come first, as the
  // cap on forms may cut the every-word ones of a long name.
  size_t head = 0;
  while (head < d.words.size() && IsModifier(rules, lang, d.words[head])) ++head;
  std::vector<std::vector<const InflectionRule*>> variants;
  if (head + 1 < d.words.size() &&
      std::any_of(d.rule.begin() + head + 1, d.rule.end(), [](auto* r) { return r != nullptr; })) {
    variants.push_back(d.rule);
    std::fill(variants.back().begin() + head + 1, variants.back().end(), nullptr);
  }
  variants.push_back(d.rule);
  std::vector<std::string> forms;
  for (const auto& declined : variants)
    for (size_t slot = 0; slot < slots; ++slot)
      for (std::string& t : CaseTexts(d, declined, slot))
        if (forms.size() < kMaxFormsPerAlias) forms.push_back(std::move(t));
  return forms;
}

}  // namespace

std::vector<bool> Gazetteer::AddAdjectiveForms(SeenForms* seen) {
  std::vector<bool> adjective(aliases_.size(), false);
  for (size_t i = 0, n = aliases_.size(); i < n; ++i) {
    if (!(aliases_[i].flags & kAliasDemonym)) continue;
    const std::string lang = aliases_[i].lang;  // A copy: aliases_ grows below.
    const DeclinedWords d(inflections_, lang, aliases_[i].surface, true);
    size_t slots = 0;
    for (const InflectionRule* r : d.rule)
      if (r != nullptr) slots = std::max(slots, r->forms[0].size());
    if (slots == 0) continue;
    adjective[i] = true;
    for (size_t slot = 0; slot < std::min(slots, kMaxFormsPerAlias); ++slot) {
      Alias a;
      if (!MakeAlias(aliases_[i].entity, lang, AdjectiveForm(d, slot), aliases_[i].flags, &a))
        continue;
      if (!seen->emplace(a.entity, a.folded, lang).second) continue;
      aliases_.push_back(std::move(a));
      adjective.push_back(true);
    }
  }
  return adjective;
}

void Gazetteer::AddPrefixForms(size_t i, std::vector<std::string>* forms) {
  const std::string& surface = aliases_[i].surface;
  std::string start;
  const InflectionRule* r = RuleFor(inflections_, true, aliases_[i].lang, surface, &start);
  if (r == nullptr) return;
  std::set<std::string> before;  // Words attached before the name.
  for (const std::string& form : r->forms[0]) {
    const size_t t = form.find('~');
    if (t == std::string::npos) {
      if (forms->size() < kMaxFormsPerAlias) forms->push_back(form + surface.substr(start.size()));
    } else if (t > 0) {
      before.insert(FoldForMatch(form.substr(0, t)));
    }
  }
  // Each distinct set once: a language has one or two.
  auto it = std::find(attached_.begin(), attached_.end(), before);
  if (it == attached_.end() && !before.empty() && attached_.size() < 0xFFFF)
    it = attached_.insert(attached_.end(), std::move(before));
  if (it != attached_.end())
    aliases_[i].attached = static_cast<uint16_t>(it - attached_.begin() + 1);
}

void Gazetteer::AddSpellingForms(SeenForms* seen) {
  const size_t n = aliases_.size();
  for (size_t i = 0; i < n; ++i)
    for (const Spelling& sp : spellings_) {
      if (aliases_[i].lang != sp.lang) continue;
      for (const auto& [from, to] : {std::pair(&sp.a, &sp.b), std::pair(&sp.b, &sp.a)}) {
        if (aliases_[i].surface.find(*from) == std::string::npos) continue;
        // Every occurrence: a name may write the word twice.
        std::string surface;
        const std::string& was = aliases_[i].surface;
        for (size_t at = 0; at < was.size();) {
          const size_t hit = was.find(*from, at);
          if (hit == std::string::npos) {
            surface.append(was, at, std::string::npos);
            break;
          }
          surface.append(was, at, hit - at).append(*to);
          at = hit + from->size();
        }
        const Alias alias = aliases_[i];  // A copy: aliases_ grows below.
        Alias a;
        if (!MakeAlias(alias.entity, alias.lang, surface, alias.flags, &a)) continue;
        if (!seen->emplace(alias.entity, a.folded, alias.lang).second) continue;
        a.attached = alias.attached;
        aliases_.push_back(std::move(a));
      }
    }
}

void Gazetteer::AddArticleFreeForms(SeenForms* seen) {
  const size_t n = aliases_.size();
  for (const InflectionRule& r : inflections_) {
    if (!r.article) continue;
    for (size_t i = 0; i < n; ++i) {
      if (!(aliases_[i].flags & kAliasDemonym) || aliases_[i].lang != r.lang) continue;
      std::string bare;
      bool all = true;
      for (const std::string& word : Split(aliases_[i].surface, ' ')) {
        auto edge = std::find_if(r.edges.begin(), r.edges.end(), [&](const std::string& e) {
          return StartsWith(word, e) && CharCount(word.substr(e.size())) >= 2;
        });
        if (edge == r.edges.end()) {
          all = false;
          break;
        }
        bare += (bare.empty() ? "" : " ") + word.substr(edge->size());
      }
      if (!all) continue;
      const Alias alias = aliases_[i];  // A copy: aliases_ grows below.
      Alias a;
      if (!MakeAlias(alias.entity, alias.lang, bare, alias.flags, &a)) continue;
      if (!seen->emplace(alias.entity, a.folded, alias.lang).second) continue;
      aliases_.push_back(std::move(a));
    }
  }
}

void Gazetteer::AddInflections() {
  if (inflections_.empty() && spellings_.empty()) return;
  SeenForms seen;
  for (const Alias& a : aliases_) seen.emplace(a.entity, a.folded, a.lang);
  AddSpellingForms(&seen);  // Before the rules below: the other spelling takes them too.
  AddArticleFreeForms(&seen);  // Before the adjective rules: أمريكي takes أمريكية.
  if (inflections_.empty()) return;
  // Adjectives first: a demonym's gender and number forms are aliases of
  // their own, which then take the prefix rules below (but no suffix rule:
  // китайская is no noun to decline as Южная Корея is).
  const std::vector<bool> adjective = AddAdjectiveForms(&seen);
  const size_t n = aliases_.size();
  for (size_t i = 0; i < n; ++i) {
    std::vector<std::string> forms;
    if (!adjective[i]) forms = CaseForms(inflections_, aliases_[i].lang, aliases_[i].surface);
    // Prefixes: forms that replace the edge are generated (ل + ال = لل);
    // words attached before the name (و~, ب~, ال~) are read by the matcher.
    const size_t inflected = forms.size();  // Forms that start as the alias does.
    AddPrefixForms(i, &forms);
    const Alias alias = aliases_[i];  // A copy: aliases_ grows below.
    for (size_t k = 0; k < forms.size(); ++k) {
      Alias a;
      if (!MakeAlias(alias.entity, alias.lang, forms[k], alias.flags, &a)) continue;
      if (!seen.emplace(alias.entity, a.folded, alias.lang).second) continue;
      if (k < inflected) a.attached = alias.attached;
      aliases_.push_back(std::move(a));
    }
  }
}

std::string Gazetteer::AddIcuCountries(const std::string& locales) {
  struct Name {
    std::string code, lang, text;
  };
  const std::vector<std::string> tags = Split(locales, ',');
  for (const std::string& tag : tags)
    if (!IsGazetteerLanguageTag(tag) || tag == "*")
      return "invalid locale '" + tag + "' in @icu-countries";
  // Each locale's names on their own (on threads_ threads: ICU's display
  // names are most of the start-up), then taken in the order of the line.
  struct Names {
    std::vector<Name> primary, derived;
    std::string error;
  };
  std::vector<Names> by_tag(tags.size());
  auto read_locale = [&](size_t k) {
    const std::string& tag = tags[k];
    // A regional locale's names are its language's: pt-PT's "Gronelândia"
    // and "Quénia" beside pt's (Brazil's) "Groenlândia" and "Quênia".
    const std::string lang = LanguageWithoutRegion(tag);
    Names& out = by_tag[k];
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status)) {
      out.error = "ICU rejects locale '" + tag + "'";
      return;
    }
    for (UDisplayContext length : {UDISPCTX_LENGTH_FULL, UDISPCTX_LENGTH_SHORT}) {
      UDisplayContext contexts[] = {length};
      std::unique_ptr<icu::LocaleDisplayNames> names(
          icu::LocaleDisplayNames::createInstance(locale, contexts, 1));
      if (!names) {
        out.error = "ICU has no display names for '" + tag + "'";
        return;
      }
      for (const char* const* c = uloc_getISOCountries(); *c != nullptr; ++c) {
        icu::UnicodeString u;
        names->regionDisplayName(*c, u);
        std::string text = NormalizeNfkc(ToUtf8(u));
        if (text.empty() || text == *c) continue;  // ICU has no name for it.
        out.primary.push_back({*c, lang, text});
        // "Myanmar (Burma)" also gives "Myanmar" and "Burma", if unambiguous.
        size_t open = text.find(" (");
        if (open == std::string::npos) open = text.find('(');
        size_t close = text.rfind(')');
        if (open != std::string::npos && close != std::string::npos && close > open) {
          size_t inner = text[open] == ' ' ? open + 2 : open + 1;
          out.derived.push_back({*c, lang, text.substr(0, open)});
          out.derived.push_back({*c, lang, text.substr(inner, close - inner)});
        }
      }
    }
  };
  ParallelFor(threads_, tags.size(), [&](size_t, size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) read_locale(k);
  });
  std::vector<Name> primary, derived;
  for (Names& n : by_tag) {
    if (!n.error.empty()) return n.error;
    primary.insert(primary.end(), n.primary.begin(), n.primary.end());
    derived.insert(derived.end(), n.derived.begin(), n.derived.end());
  }
  std::map<std::string, std::set<std::string>> owners;  // folded -> codes
  for (const auto* list : {&primary, &derived})
    for (const Name& n : *list) owners[FoldForMatch(n.text)].insert(n.code);
  for (const Name& n : primary) {
    const uint32_t e = Intern(EntityKind::kCountry, n.code);
    if (n.lang == "en" && entities_[e].attrs.count("name") == 0)
      entities_[e].attrs["name"] = n.text;
    AddAlias(e, n.lang, n.text, 0);
  }
  for (const Name& n : derived) {
    // Parts of one or two characters (刚果（金） -> 金) are not names.
    if (CharCount(n.text) < 3 || owners[FoldForMatch(n.text)].size() != 1) continue;
    AddAlias(Intern(EntityKind::kCountry, n.code), n.lang, n.text, 0);
  }
  return "";
}

void Gazetteer::Compile() {
  if (warmup_.joinable()) warmup_.join();
  AddConversions();
  // Remove dropped aliases and exact duplicates, keeping the first line. An
  // alias matched with its case is no duplicate of one written otherwise:
  // ICU's Italian "USA" (an acronym, matched as written) must not swallow
  // the press's "Usa" of a later line.
  std::set<std::tuple<uint32_t, std::string, std::string, std::string>> seen;
  std::vector<Alias> kept;
  for (Alias& a : aliases_) {
    if (dropped_.count({a.entity, a.folded})) continue;
    const std::string exact = (a.flags & kAliasCase) ? a.surface : std::string();
    if (!seen.emplace(a.entity, a.folded, a.lang, exact).second) continue;
    kept.push_back(std::move(a));
  }
  aliases_ = std::move(kept);
  AddInflections();
  for (Alias& a : aliases_) {
    a.edges = AliasEdgesOf(a.folded, a.surface);
    // Only a country's name stands alone in Korean: minerals and bodies
    // are written into compounds (탄산리튬, 중희토류, 미국상무부).
    if (entities_[a.entity].kind != EntityKind::kCountry) a.edges &= ~kEdgeHangulFirst;
  }
  for (Entity& e : entities_)
    if (e.attrs.count("name") == 0) e.attrs["name"] = e.id;

  std::map<std::string, uint32_t> pattern_of;
  std::vector<std::string> patterns;
  std::vector<std::vector<uint32_t>> pattern_aliases, pattern_titles;
  auto pattern = [&](const std::string& folded) {
    auto [it, inserted] = pattern_of.emplace(folded, static_cast<uint32_t>(patterns.size()));
    if (inserted) {
      patterns.push_back(folded);
      pattern_aliases.emplace_back();
      pattern_titles.emplace_back();
    }
    return it->second;
  };
  for (uint32_t i = 0; i < aliases_.size(); ++i)
    pattern_aliases[pattern(aliases_[i].folded)].push_back(i);
  // Person titles ride in the same automaton: one pass finds both.
  AddPersonWordConversions();
  const auto& titles = person_words_.titles;
  for (uint32_t i = 0; i < titles.size(); ++i)
    pattern_titles[pattern(FoldForMatch(titles[i].text))].push_back(i);
  pattern_aliases_.Assign(pattern_aliases);
  pattern_titles_.Assign(pattern_titles);
  automaton_.Build(patterns);
  IndexTitleEdges();
}

void Gazetteer::IndexTitleEdges() {
  for (auto* index : {&titles_before_by_last_, &titles_after_by_first_})
    for (std::vector<uint32_t>& bucket : *index) bucket.clear();
  const auto& titles = person_words_.titles;
  for (uint32_t i = 0; i < titles.size(); ++i) {
    const std::string& text = titles[i].text;
    if (text.empty()) continue;
    if (titles[i].before)
      titles_before_by_last_[static_cast<unsigned char>(text.back())].push_back(i);
    if (titles[i].after) titles_after_by_first_[static_cast<unsigned char>(text[0])].push_back(i);
  }
}

void Gazetteer::IndexLists::Assign(const std::vector<std::vector<uint32_t>>& lists) {
  std::vector<uint32_t>& o = offsets.mutable_vector();
  std::vector<uint32_t>& v = values.mutable_vector();
  o.assign(1, 0);
  v.clear();
  for (const auto& l : lists) {
    v.insert(v.end(), l.begin(), l.end());
    o.push_back(static_cast<uint32_t>(v.size()));
  }
}

void Gazetteer::IndexLists::Save(ByteWriter* out) const {
  out->Pod(offsets);
  out->Pod(values);
}

bool Gazetteer::IndexLists::Load(ByteReader* in, size_t limit) {
  in->View(&offsets);
  in->View(&values);
  if (!in->ok() || offsets.empty() || offsets[0] != 0 || offsets[offsets.size() - 1] != values.size())
    return false;
  for (size_t p = 1; p < offsets.size(); ++p)
    if (offsets[p] < offsets[p - 1]) return false;
  for (uint32_t i : values)
    if (i >= limit) return false;
  return true;
}

namespace {

// One list of a record's fields drives both ways of the cache: Fields(io, x)
// calls io.Field(member) for each, in order; a Saver writes each, a Loader
// reads each back. A field added to the list is saved and loaded alike.
struct Saver {
  ByteWriter* out;
  void Field(const std::string& v) { out->Str(v); }
  void Field(uint8_t v) { out->U8(v); }
  void Field(uint16_t v) { out->U16(v); }
  void Field(uint32_t v) { out->U32(v); }
  void Field(bool v) { out->U8(v ? 1 : 0); }
};
struct Loader {
  ByteReader* in;
  void Field(std::string& v) { v = in->Str(); }
  void Field(uint8_t& v) { v = in->U8(); }
  void Field(uint16_t& v) { v = in->U16(); }
  void Field(uint32_t& v) { v = in->U32(); }
  void Field(bool& v) {
    const uint8_t b = in->U8();
    if (b > 1) in->Fail();
    v = b != 0;
  }
};

// The members of a struct, in the order they are saved and loaded.
template <typename Io, typename... Members>
void FieldsOf(Io& io, Members&... members) {
  (io.Field(members), ...);
}

template <typename Io, typename A>
void AliasFields(Io& io, A& a) {
  FieldsOf(io, a.folded, a.surface, a.entity, a.lang, a.flags, a.edges, a.attached);
}

template <typename Io, typename T>
void TitleFields(Io& io, T& t) {
  FieldsOf(io, t.lang, t.text, t.country, t.role, t.before, t.after, t.suffix);
}

}  // namespace

void Gazetteer::SaveCompiled(ByteWriter* out) const {
  Saver saver{out};
  out->U64(entities_.size());
  for (const Entity& e : entities_) {
    out->U8(static_cast<uint8_t>(e.kind));
    out->Str(e.id);
    out->U64(e.attrs.size());
    for (const auto& [k, v] : e.attrs) {
      out->Str(k);
      out->Str(v);
    }
    out->U64(e.terms.size());
    for (const PersonTerm& t : e.terms) out->Strings({t.role, t.from, t.to});
  }
  out->U64(attached_.size());
  for (const auto& words : attached_) out->StringSet(words);
  out->U64(aliases_.size());
  for (const Alias& a : aliases_) AliasFields(saver, a);
  out->Pairs(context_.before);
  out->Pairs(context_.after);
  out->Pairs(context_.headline);
  out->Pairs(std::vector<std::pair<std::string, std::string>>(
      context_.ambiguous_chains.begin(), context_.ambiguous_chains.end()));
  automaton_.Save(out);
  pattern_aliases_.Save(out);
  out->U64(person_words_.titles.size());
  for (const PersonTitle& t : person_words_.titles) TitleFields(saver, t);
  for (const auto* list : {&person_words_.not_name, &person_words_.boundary,
                           &person_words_.particle, &person_words_.given_name, &person_words_.of})
    out->Pairs(*list);
  pattern_titles_.Save(out);
}

bool Gazetteer::LoadCompiled(ByteReader* in) {
  Loader loader{in};
  entities_.resize(in->Count(1));
  for (uint32_t i = 0; i < entities_.size() && in->ok(); ++i) {
    Entity& e = entities_[i];
    const uint8_t kind = in->U8();
    if (kind > static_cast<uint8_t>(EntityKind::kPerson)) in->Fail();
    e.kind = static_cast<EntityKind>(kind);
    e.id = in->Str();
    for (uint64_t n = in->Count(16); n > 0; --n) {
      std::string k = in->Str();
      e.attrs[k] = in->Str();
    }
    e.terms.resize(in->Count(8));
    for (PersonTerm& t : e.terms) {
      std::vector<std::string> f = in->Strings();
      if (f.size() != 3) {
        in->Fail();
        break;
      }
      t = {f[0], f[1], f[2]};
    }
    index_.emplace(std::string(EntityKindName(e.kind)) + ":" + e.id, i);
  }
  attached_.resize(in->Count(8));
  for (auto& words : attached_) words = in->StringSet();
  aliases_.resize(in->Count(1));
  for (Alias& a : aliases_) {
    AliasFields(loader, a);
    if (a.entity >= entities_.size() || a.attached > attached_.size()) in->Fail();
  }
  context_.before = in->Pairs();
  context_.after = in->Pairs();
  context_.headline = in->Pairs();
  for (auto& chain : in->Pairs()) context_.ambiguous_chains.insert(std::move(chain));
  const bool automaton_ok = automaton_.Load(in);
  const bool aliases_ok = pattern_aliases_.Load(in, aliases_.size());
  person_words_.titles.resize(in->Count(1));
  for (PersonTitle& t : person_words_.titles) TitleFields(loader, t);
  for (auto* list : {&person_words_.not_name, &person_words_.boundary, &person_words_.particle,
                     &person_words_.given_name, &person_words_.of})
    *list = in->Pairs();
  const bool titles_ok = pattern_titles_.Load(in, person_words_.titles.size());
  IndexTitleEdges();
  // Every pattern the automaton reports has its lists.
  return in->ok() && automaton_ok && aliases_ok && titles_ok &&
         pattern_aliases_.size() == pattern_titles_.size() &&
         pattern_aliases_.size() == automaton_.pattern_count();
}

}  // namespace kgx
