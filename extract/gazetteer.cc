#include "extract/gazetteer.h"

#include <dirent.h>
#include <re2/re2.h>
#include <unicode/locdspnm.h>
#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/ucurr.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "extract/file_io.h"
#include "extract/matcher.h"
#include "extract/normalize.h"
#include "extract/parallel.h"

namespace kgx {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
    if (pos == std::string::npos) break;
    start = pos + 1;
  }
  return out;
}

bool ValidLang(const std::string& lang) {
  static const RE2 kLang("\\*|[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?");
  return RE2::FullMatch(lang, kLang);
}

bool ValidId(EntityKind kind, const std::string& id) {
  static const RE2 kCountry("[A-Z]{2}");
  static const RE2 kGroup("[A-Z][A-Z0-9_]*");
  switch (kind) {
    case EntityKind::kCountry: return RE2::FullMatch(id, kCountry);
    case EntityKind::kGroup: return RE2::FullMatch(id, kGroup);
    default: break;
  }
  if (id.empty()) return false;
  for (unsigned char c : id)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

// Number of code points in valid UTF-8.
size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
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

bool HasHan(const std::string& s) {
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    UErrorCode status = U_ZERO_ERROR;
    if (c >= 0 && uscript_getScript(c, &status) == USCRIPT_HAN) return true;
  }
  return false;
}

// True when `s` holds nothing a reader sees: only white space (U+0020,
// U+3000...) and default-ignorable code points (U+200B...). Such an alias
// would match every space, or fold to nothing.
bool IsBlank(const std::string& s) {
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0 || !(u_isUWhiteSpace(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)))
      return false;
  }
  return true;
}

}  // namespace

std::string PersonRoleOn(const Entity& person, const std::string& date) {
  const std::string month = date.substr(0, 7);
  const PersonTerm* latest = nullptr;
  for (const PersonTerm& t : person.terms) {
    if (!month.empty() && t.from <= month && (t.to.empty() || month <= t.to)) return t.role;
    if (latest == nullptr || t.from > latest->from) latest = &t;
  }
  return latest == nullptr ? std::string() : latest->role;
}

bool LanguageCovers(const std::string& line_lang, const std::string& doc_lang) {
  if (line_lang == "*" || line_lang == doc_lang) return true;
  return doc_lang.size() > line_lang.size() &&
         doc_lang.compare(0, line_lang.size(), line_lang) == 0 &&
         doc_lang[line_lang.size()] == '-';
}

const char* EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kCountry: return "country";
    case EntityKind::kGroup: return "group";
    case EntityKind::kOrganization: return "organization";
    case EntityKind::kMineral: return "mineral";
    case EntityKind::kMedia: return "media";
    case EntityKind::kRegion: return "region";
    case EntityKind::kWord: return "word";
    case EntityKind::kPerson: return "person";
  }
  return "?";
}

bool ParseEntityKind(const std::string& name, EntityKind* kind) {
  static const std::pair<const char*, EntityKind> kKinds[] = {
      {"country", EntityKind::kCountry}, {"group", EntityKind::kGroup},
      {"organization", EntityKind::kOrganization}, {"mineral", EntityKind::kMineral},
      {"media", EntityKind::kMedia}, {"region", EntityKind::kRegion},
      {"word", EntityKind::kWord}, {"person", EntityKind::kPerson}};
  for (const auto& [n, k] : kKinds) {
    if (name == n) {
      *kind = k;
      return true;
    }
  }
  return false;
}

int KindPriority(EntityKind kind) {
  // Lower wins. An organization or media name that equals a place name is
  // usually the more specific reading; ordinary words lose to real entities
  // of the same length. A person's name that is also a place name is the
  // person: people.tsv lists only names the press uses for them.
  switch (kind) {
    case EntityKind::kOrganization: return 0;
    case EntityKind::kMedia: return 1;
    case EntityKind::kGroup: return 2;
    case EntityKind::kPerson: return 3;
    case EntityKind::kMineral: return 4;
    case EntityKind::kCountry: return 5;
    case EntityKind::kRegion: return 6;
    case EntityKind::kWord: return 7;
  }
  return 8;
}

namespace {

// Chinese in the other script: ICU transliterator id and the language it gives.
const std::pair<const char*, const char*> kScriptConversions[] = {{"Hant-Hans", "zh-Hans"},
                                                                  {"Hans-Hant", "zh-Hant"}};

}  // namespace

Gazetteer::~Gazetteer() {
  if (warmup_.joinable()) warmup_.join();
}

namespace {

// The *.tsv files of `dir`, in name order; false if it cannot be opened.
bool ListTsvFiles(const std::string& dir, std::vector<std::string>* names) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return false;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".tsv") == 0) names->push_back(name);
  }
  closedir(d);
  std::sort(names->begin(), names->end());
  return true;
}

}  // namespace

Status Gazetteer::LoadDirectory(const std::string& dir) {
  // ICU builds its script transliterators on first use (about 20 ms, most
  // of what AddConversions() costs): with a thread to spare, that happens
  // while the files are read. Built once, ICU keeps them for every thread.
  if (threads_ > 1 && !warmup_.joinable())
    warmup_ = std::thread([] {
      for (const auto& [id, lang] : kScriptConversions) Transliterate(id, "中");
    });
  std::vector<std::string> names;
  if (!ListTsvFiles(dir, &names))
    return Status::Error("cannot open gazetteer directory '" + dir + "'");
  if (names.empty()) return Status::Error("no gazetteer files (*.tsv) in '" + dir + "'");
  for (const std::string& name : names) {
    Status s = LoadFile(dir + "/" + name);
    if (!s.ok()) return s;
  }
  return LoadFrameDirectory(dir + "/frames");
}

// The relation frames, one file per language (frames/ja.tsv): parsed by the
// relation reader's own table (extract/relations/frames.h). A gazetteer
// folder without frames/ has no relation words.
Status Gazetteer::LoadFrameDirectory(const std::string& dir) {
  std::vector<std::string> names;
  if (!ListTsvFiles(dir, &names)) return Status::Ok();
  for (const std::string& name : names) {
    Status s = LoadFile(dir + "/" + name);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// A frame file is a .tsv in a folder named frames; its name is its language.
bool Gazetteer::FrameLanguage(const std::string& path, std::string* lang) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos || slash < 6 || path.compare(slash - 6, 7, "frames/") != 0)
    return false;
  std::string name = path.substr(slash + 1);
  if (name.size() <= 4 || name.compare(name.size() - 4, 4, ".tsv") != 0) return false;
  *lang = name.substr(0, name.size() - 4);
  return true;
}

Status Gazetteer::LoadFile(const std::string& path) {
  std::string content;
  Status s = ReadRegularFile(path, kMaxGazetteerBytes, &content);
  if (!s.ok()) return Status::Error("gazetteer " + s.message());
  return LoadString(path, content);
}

Status Gazetteer::LoadString(const std::string& path, const std::string& content) {
  if (std::string lang; FrameLanguage(path, &lang)) {
    if (!ValidLang(lang)) return Status::Error(path + ": the file's name is no language tag");
    return frames_.AddFile(content, path, lang);
  }
  enum class Mode {
    kNone,
    kEntities,
    kStopwords,
    kContext,
    kOrgRules,
    kCurrency,
    kMoneyWords,
    kPersonTitles
  } mode = Mode::kNone;
  EntityKind kind = EntityKind::kCountry;
  std::istringstream in(content);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const std::string where = path + ":" + std::to_string(line_no);
    auto error = [&](const std::string& what) { return Status::Error(where + ": " + what); };
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (!IsValidUtf8(line)) return error("invalid UTF-8");
    std::vector<std::string> f = Split(line, '\t');
    for (size_t i = 0; i < f.size(); ++i) {
      if (f[i].empty()) return error("empty field (fields are separated by one tab)");
      if (IsBlank(f[i]))
        return error("field " + std::to_string(i + 1) + " is only white space or invisible characters");
    }

    if (line[0] == '@') {
      if (f[0] == "@kind" && f.size() == 2) {
        if (f[1] == "stopword") {
          mode = Mode::kStopwords;
        } else if (f[1] == "abbreviation-context") {
          mode = Mode::kContext;
        } else if (f[1] == "organization-rule") {
          mode = Mode::kOrgRules;
        } else if (f[1] == "currency") {
          mode = Mode::kCurrency;
        } else if (f[1] == "money-word") {
          mode = Mode::kMoneyWords;
        } else if (f[1] == "relation-word") {
          return error(
              "relation words are frames now: gazetteers/frames/<lang>.tsv "
              "(gazetteers/README.md, \"Frames\")");
        } else if (f[1] == "person-title") {
          mode = Mode::kPersonTitles;
        } else if (ParseEntityKind(f[1], &kind)) {
          mode = Mode::kEntities;
        } else {
          return error("unknown kind '" + f[1] + "'");
        }
      } else if (f[0] == "@icu-countries" && f.size() == 2) {
        if (mode != Mode::kEntities || kind != EntityKind::kCountry)
          return error("@icu-countries belongs in a '@kind\tcountry' file");
        Status s = AddIcuCountries(where, f[1]);
        if (!s.ok()) return s;
      } else if (f[0] == "@icu-currencies" && f.size() == 3) {
        if (mode != Mode::kCurrency)
          return error("@icu-currencies belongs in a '@kind\tcurrency' file");
        Status s = AddIcuCurrencies(where, f[1], f[2]);
        if (!s.ok()) return s;
      } else {
        return error("unknown directive '" + f[0] +
                     "' (expected @kind, @icu-countries or @icu-currencies)");
      }
      continue;
    }

    switch (mode) {
      case Mode::kNone:
        return error("data before the first '@kind' line");
      case Mode::kStopwords: {
        if (f.size() != 2) return error("expected 'word<TAB>lang'");
        if (!ValidLang(f[1])) return error("invalid language tag '" + f[1] + "'");
        stopwords_.emplace(FoldForMatch(f[0]), f[1]);
        break;
      }
      case Mode::kContext: {
        if (f.size() != 3) return error("expected 'before|after|ambiguous<TAB>lang<TAB>text'");
        if (!ValidLang(f[1])) return error("invalid language tag '" + f[1] + "'");
        std::pair<std::string, std::string> entry(f[1], FoldForMatch(f[2]));
        if (f[0] == "before") context_.before.push_back(entry);
        else if (f[0] == "after") context_.after.push_back(entry);
        else if (f[0] == "ambiguous") context_.ambiguous_chains.insert(entry);
        else return error("unknown context position '" + f[0] + "'");
        break;
      }
      case Mode::kCurrency: {
        static const RE2 kCode("[A-Z]{3}");
        if (f.size() != 3) return error("expected 'CODE<TAB>lang<TAB>alias'");
        if (!RE2::FullMatch(f[0], kCode)) return error("invalid ISO 4217 code '" + f[0] + "'");
        if (!ValidLang(f[1])) return error("invalid language tag '" + f[1] + "'");
        money_words_.currencies.push_back({NormalizeNfkc(f[2]), {f[0], f[1]}});
        break;
      }
      case Mode::kMoneyWords: {
        if (f.size() < 3)
          return error("expected 'scale|qualifier<TAB>lang<TAB>text<TAB>value' or 'range<TAB>lang<TAB>text'");
        if (!ValidLang(f[1])) return error("invalid language tag '" + f[1] + "'");
        if (f[0] == "scale" && f.size() == 4) {
          char* end = nullptr;
          const double m = std::strtod(f[3].c_str(), &end);
          // nan and 1e999 parse too: a multiplier is a finite positive number.
          if (*end != '\0' || !std::isfinite(m) || m <= 0)
            return error("invalid multiplier '" + f[3] + "'");
          money_words_.scales.push_back({NormalizeNfkc(f[2]), m});
        } else if (f[0] == "qualifier" && f.size() == 4) {
          static const std::set<std::string> kMeanings = {"approximately", "up_to", "more_than",
                                                          "at_least"};
          if (!kMeanings.count(f[3])) return error("unknown qualifier meaning '" + f[3] + "'");
          money_words_.qualifiers.push_back({NormalizeNfkc(f[2]), f[3]});
        } else if (f[0] == "range" && f.size() == 3) {
          money_words_.ranges.push_back(NormalizeNfkc(f[2]));
        } else {
          return error("expected 'scale|qualifier<TAB>lang<TAB>text<TAB>value' or 'range<TAB>lang<TAB>text'");
        }
        break;
      }
      case Mode::kPersonTitles: {
        if (f.size() < 3) return error("expected 'role<TAB>lang<TAB>text[<TAB>item...]'");
        if (!ValidLang(f[1])) return error("invalid language tag '" + f[1] + "'");
        PersonWords& w = person_words_;
        if (f[0] == "before" || f[0] == "after" || f[0] == "either") {
          PersonTitle t;
          t.lang = f[1];
          t.text = NormalizeNfkc(f[2]);
          t.before = f[0] != "after";
          t.after = f[0] != "before";
          for (size_t i = 3; i < f.size(); ++i) {
            const std::string& item = f[i];
            if (item == "suffix") {
              t.suffix = true;
            } else if (item.compare(0, 8, "country=") == 0) {
              t.country = item.substr(8);
              if (!ValidId(EntityKind::kCountry, t.country))
                return error("country= must be an ISO 3166-1 alpha-2 code or EU, got '" +
                             t.country + "'");
            } else if (item.compare(0, 5, "role=") == 0 && item.size() > 5) {
              t.role = item.substr(5);
            } else {
              return error("unknown title item '" + item + "' (expected country=, role= or suffix)");
            }
          }
          if (FoldForMatch(t.text).empty()) return error("empty title");
          w.titles.push_back(std::move(t));
          break;
        }
        if (f.size() != 3) return error("expected '" + f[0] + "<TAB>lang<TAB>word'");
        std::pair<std::string, std::string> entry(f[1], FoldForMatch(f[2]));
        if (f[0] == "not-name") w.not_name.push_back(entry);
        else if (f[0] == "boundary") w.boundary.push_back(entry);
        else if (f[0] == "particle") w.particle.push_back(entry);
        else if (f[0] == "given-name") w.given_name.push_back(entry);
        else
          return error("unknown person-title role '" + f[0] +
                       "' (expected before, after, either, not-name, boundary, particle or "
                       "given-name)");
        break;
      }
      case Mode::kOrgRules: {
        if (f.size() != 3) return error("expected 'role<TAB>lang<TAB>text'");
        if (!ValidLang(f[1])) return error("invalid language tag '" + f[1] + "'");
        if (!rule_words_.Add(f[0], f[1], f[2]))
          return error("unknown organization rule role '" + f[0] + "'");
        break;
      }
      case Mode::kEntities: {
        if (f.size() < 3) return error("expected 'id<TAB>lang<TAB>alias[<TAB>flag...]'");
        if (!ValidId(kind, f[0]))
          return error("invalid " + std::string(EntityKindName(kind)) + " id '" + f[0] + "'");
        if (!ValidLang(f[1])) return error("invalid language tag '" + f[1] + "'");
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
              if (kind != EntityKind::kPerson)
                return error("'" + key + "=' belongs to '@kind person' lines");
              if (key == "role") {
                if (value.empty()) return error("empty value for 'role'");
                term.role = value;
              } else if (!(key == "to" && value.empty()) && !RE2::FullMatch(value, kMonth)) {
                return error(key + "= must be a month as YYYY-MM, got '" + value + "'");
              } else {
                (key == "from" ? term.from : term.to) = value;
              }
              continue;
            }
            static const char* kKeys[] = {"name", "country", "symbol", "qid", "kind"};
            if (std::find_if(std::begin(kKeys), std::end(kKeys),
                             [&](const char* k) { return key == k; }) == std::end(kKeys))
              return error("unknown attribute '" + key + "'");
            if (value.empty()) return error("empty value for '" + key + "'");
            if (key == "country" && !ValidId(EntityKind::kCountry, value))
              return error("country= must be an ISO 3166-1 alpha-2 code, got '" + value + "'");
            attrs[key] = value;
          } else if (item == "case") {
            flags |= kAliasCase;
          } else if (item == "abbr") {
            flags |= kAliasAbbr;
          } else if (item == "demonym") {
            flags |= kAliasDemonym;
          } else if (item == "capital") {
            flags |= kAliasCapital;
          } else if (item == "ambiguous") {
            flags |= kAliasAmbiguous;
          } else if (item == "drop") {
            drop = true;
          } else {
            return error("unknown flag '" + item + "'");
          }
        }
        if ((flags & kAliasAbbr) && f[1] == "*")
          return error("an abbr alias needs a language (it is only read in that language)");
        if (term.role.empty() && !(term.from.empty() && term.to.empty()))
          return error("a term needs role= beside from= and to=");
        if (!term.to.empty() && term.to < term.from)
          return error("term ends (" + term.to + ") before it starts (" + term.from + ")");
        const uint32_t e = Intern(kind, f[0]);
        for (auto& [k, v] : attrs) entities_[e].attrs[k] = v;
        if (!term.role.empty()) entities_[e].terms.push_back(std::move(term));
        if (f[2] == "-") break;  // Attribute-only line.
        if (drop) {
          dropped_.emplace(e, FoldForMatch(f[2]));
        } else {
          AddAlias(e, f[1], f[2], flags);
        }
        break;
      }
    }
  }
  if (in.bad()) return Status::Error("error reading gazetteer '" + path + "'");
  return Status::Ok();
}

uint32_t Gazetteer::Intern(EntityKind kind, const std::string& id) {
  std::string key = std::string(EntityKindName(kind)) + ":" + id;
  auto it = index_.find(key);
  if (it != index_.end()) return it->second;
  const uint32_t e = static_cast<uint32_t>(entities_.size());
  entities_.push_back(Entity{kind, id, {}});
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

Status Gazetteer::AddIcuCountries(const std::string& where, const std::string& locales) {
  struct Name {
    std::string code, lang, text;
  };
  const std::vector<std::string> tags = Split(locales, ',');
  for (const std::string& tag : tags)
    if (!ValidLang(tag) || tag == "*")
      return Status::Error(where + ": invalid locale '" + tag + "' in @icu-countries");
  // Each locale's names on their own (on threads_ threads: ICU's display
  // names are most of the start-up), then taken in the order of the line.
  struct Names {
    std::vector<Name> primary, derived;
    std::string error;
  };
  std::vector<Names> by_tag(tags.size());
  auto read_locale = [&](size_t k) {
    const std::string& tag = tags[k];
    Names& out = by_tag[k];
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status)) {
      out.error = where + ": ICU rejects locale '" + tag + "'";
      return;
    }
    for (UDisplayContext length : {UDISPCTX_LENGTH_FULL, UDISPCTX_LENGTH_SHORT}) {
      UDisplayContext contexts[] = {length};
      std::unique_ptr<icu::LocaleDisplayNames> names(
          icu::LocaleDisplayNames::createInstance(locale, contexts, 1));
      if (!names) {
        out.error = where + ": ICU has no display names for '" + tag + "'";
        return;
      }
      for (const char* const* c = uloc_getISOCountries(); *c != nullptr; ++c) {
        icu::UnicodeString u;
        names->regionDisplayName(*c, u);
        std::string text = NormalizeNfkc(ToUtf8(u));
        if (text.empty() || text == *c) continue;  // ICU has no name for it.
        out.primary.push_back({*c, tag, text});
        // "Myanmar (Burma)" also gives "Myanmar" and "Burma", if unambiguous.
        size_t open = text.find(" (");
        if (open == std::string::npos) open = text.find('(');
        size_t close = text.rfind(')');
        if (open != std::string::npos && close != std::string::npos && close > open) {
          size_t inner = text[open] == ' ' ? open + 2 : open + 1;
          out.derived.push_back({*c, tag, text.substr(0, open)});
          out.derived.push_back({*c, tag, text.substr(inner, close - inner)});
        }
      }
    }
  };
  ParallelFor(threads_, tags.size(), [&](size_t, size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) read_locale(k);
  });
  std::vector<Name> primary, derived;
  for (Names& n : by_tag) {
    if (!n.error.empty()) return Status::Error(n.error);
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
    if (CodePoints(n.text) < 3 || owners[FoldForMatch(n.text)].size() != 1) continue;
    AddAlias(Intern(EntityKind::kCountry, n.code), n.lang, n.text, 0);
  }
  return Status::Ok();
}

Status Gazetteer::AddIcuCurrencies(const std::string& where, const std::string& locales,
                                   const std::string& codes) {
  static const RE2 kCode("[A-Z]{3}");
  for (const std::string& tag : Split(locales, ',')) {
    if (!ValidLang(tag) || tag == "*")
      return Status::Error(where + ": invalid locale '" + tag + "' in @icu-currencies");
    UErrorCode status = U_ZERO_ERROR;
    const std::string locale = icu::Locale::forLanguageTag(tag, status).getName();
    for (const std::string& code : Split(codes, ',')) {
      if (!RE2::FullMatch(code, kCode))
        return Status::Error(where + ": invalid ISO 4217 code '" + code + "'");
      icu::UnicodeString ucode = icu::UnicodeString::fromUTF8(code);
      const UChar* iso = ucode.getTerminatedBuffer();
      std::vector<icu::UnicodeString> names;
      UBool is_choice = false;
      int32_t len = 0;
      status = U_ZERO_ERROR;
      for (UCurrNameStyle style : {UCURR_SYMBOL_NAME, UCURR_LONG_NAME}) {
        const UChar* n = ucurr_getName(iso, locale.c_str(), style, &is_choice, &len, &status);
        if (U_SUCCESS(status) && n != nullptr) names.emplace_back(n, len);
      }
      for (const char* plural : {"one", "other"}) {
        status = U_ZERO_ERROR;
        const UChar* n =
            ucurr_getPluralName(iso, locale.c_str(), &is_choice, plural, &len, &status);
        if (U_SUCCESS(status) && n != nullptr) names.emplace_back(n, len);
      }
      for (const icu::UnicodeString& n : names) {
        std::string text = NormalizeNfkc(ToUtf8(n));
        if (!text.empty()) money_words_.currencies.push_back({text, {code, tag}});
      }
    }
  }
  return Status::Ok();
}

void Gazetteer::Compile() {
  if (warmup_.joinable()) warmup_.join();
  AddConversions();
  // Remove dropped aliases and exact duplicates, keeping the first line.
  std::set<std::tuple<uint32_t, std::string, std::string>> seen;
  std::vector<Alias> kept;
  for (Alias& a : aliases_) {
    if (dropped_.count({a.entity, a.folded})) continue;
    if (!seen.emplace(a.entity, a.folded, a.lang).second) continue;
    kept.push_back(std::move(a));
  }
  aliases_ = std::move(kept);
  for (Alias& a : aliases_) a.edges = AliasEdgesOf(a);
  for (Entity& e : entities_)
    if (e.attrs.count("name") == 0) e.attrs["name"] = e.id;

  std::map<std::string, uint32_t> pattern_of;
  std::vector<std::string> patterns;
  pattern_aliases_.clear();
  pattern_titles_.clear();
  auto pattern = [&](const std::string& folded) {
    auto [it, inserted] = pattern_of.emplace(folded, static_cast<uint32_t>(patterns.size()));
    if (inserted) {
      patterns.push_back(folded);
      pattern_aliases_.emplace_back();
      pattern_titles_.emplace_back();
    }
    return it->second;
  };
  for (uint32_t i = 0; i < aliases_.size(); ++i) pattern_aliases_[pattern(aliases_[i].folded)].push_back(i);
  // Person titles ride in the same automaton: one pass finds both.
  AddPersonWordConversions();
  const auto& titles = person_words_.titles;
  for (uint32_t i = 0; i < titles.size(); ++i)
    pattern_titles_[pattern(FoldForMatch(titles[i].text))].push_back(i);
  // The four matchers are independent: with a thread to spare, the rules'
  // patterns (the slowest to compile) are compiled beside the others.
  auto rules = [this] { org_rules_ = std::make_unique<OrganizationRules>(rule_words_); };
  std::thread helper;
  if (threads_ > 1) helper = std::thread(rules);
  automaton_.Build(patterns);
  money_ = std::make_unique<MoneyParser>(money_words_);
  relations_ = std::make_unique<RelationFinder>(frames_.words());
  if (helper.joinable()) helper.join();
  else rules();
}

}  // namespace kgx
