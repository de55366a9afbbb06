// Gazetteer: the entities kgx knows and every surface form of them.
//
// Data lives in gazetteers/*.tsv (format in gazetteers/README.md); each file
// declares its kind with a `@kind` line and holds one alias per line:
//
//   @kind	country
//   @icu-countries	en,zh-Hans,zh-Hant,ja
//   AU	zh-Hant	澳洲
//   US	en	U.S.	case
//
// Files are read by the Model (model.h), which hands the gazetteer the lines
// of its sections: entities and their aliases, person titles (they share
// the automaton), inflection rules and abbreviation context. The words of
// other steps (money, stopwords, organization rules, frames) never come here.
//
//   kgx::Gazetteer gaz;
//   std::string error = gaz.AddEntityLine(EntityKind::kCountry, {"AU", "en", "Oz"});
//   gaz.Compile();                                     // builds the automaton
//
// Aliases are stored folded (NFKC_Casefold, see normalize.h), so the matcher
// sees one form per alias however the text writes width or case.
// Failure: each Add*Line returns what is wrong with a line ("" when good);
// the caller names the file and line. Nothing is guessed. Thread safety: load and compile on one
// thread; after Compile() all const methods may be used concurrently.
#ifndef KGX_EXTRACT_ENTITIES_GAZETTEER_H_
#define KGX_EXTRACT_ENTITIES_GAZETTEER_H_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "base/aho_corasick.h"
#include "base/byte_io.h"
#include "base/noncopyable.h"
#include "base/status.h"
#include "extract/entities/person_words.h"
#include "extract/read/language.h"
#include "extract/read/word_edges.h"

namespace kgx {

// Entity kinds. kRegion and kWord are never reported: they exist so that a
// longer ordinary word (中東, 北米, 日比谷) wins over the country abbreviation
// inside it. A kPerson is never a country mention, whatever its words read.
enum class EntityKind {
  kCountry,
  kGroup,
  kOrganization,
  kMineral,
  kMedia,
  kRegion,
  kWord,
  kPerson
};
const char* EntityKindName(EntityKind kind);
bool ParseEntityKind(const std::string& name, EntityKind* kind);
// Which kind wins when two matches cover exactly the same text.
int KindPriority(EntityKind kind);

// Whether a line tagged `line_lang` applies to a document in `doc_lang`:
// "zh" covers zh-Hans and zh-Hant, "*" covers every language. (Inline: it
// runs for every frame word and alias found; tags are a few bytes.)
inline bool LanguageCovers(const std::string& line_lang, const std::string& doc_lang) {
  const size_t n = line_lang.size();
  if (n == 1 && line_lang[0] == '*') return true;
  if (n > doc_lang.size() || doc_lang.compare(0, n, line_lang) != 0) return false;
  return n == doc_lang.size() || doc_lang[n] == '-';
}

// The tab-separated fields of a gazetteer line into *fields; "" or what is
// wrong with the line (not UTF-8, an empty or blank field).
std::string SplitGazetteerLine(const std::string& line, std::vector<std::string>* fields);

// One term of office of a person (people.tsv): role, and the first and last
// month as YYYY-MM; `to` is empty while in office.
struct PersonTerm {
  std::string role, from, to;
};

struct Entity {
  EntityKind kind = EntityKind::kCountry;
  std::string id;                            // Canonical id (DESIGN.md).
  std::map<std::string, std::string> attrs;  // name, country, symbol, qid, kind...
  std::vector<PersonTerm> terms;             // People only, in file order.
};

// A person's role on `date` (YYYY-MM-DD, YYYY-MM or ""): the term in office
// then, else the latest term; "" without terms.
std::string PersonRoleOn(const Entity& person, const std::string& date);

enum AliasFlag : uint8_t {
  kAliasCase = 1,     // Must match with the same case (acronyms: US, MSP).
  kAliasAbbr = 2,     // One-character CJK abbreviation: needs a chain or context.
  kAliasDemonym = 4,  // Australian, Japanese, 日系: refers to the country.
  kAliasCapital = 8,  // Washington, 北京: the capital used for the government.
  // Set at load for Latin-script aliases of a language other than English
  // (fr "bore", es "indio", de "Zinn"): read only in documents of that
  // language, where they cannot be English words; and English aliases
  // marked `language-only` that are words of another language (en "tin",
  // vi "thông tin": information).
  kAliasLanguageOnly = 16,
  // Knowingly shared with another entity (财政部: China's or Taiwan's
  // ministry of finance). Matching is unchanged: of the entities sharing
  // the span, the first by id wins (ResolveOverlaps); the flag tells the
  // gazetteer test that the sharing is meant.
  kAliasAmbiguous = 32,
  // A short form that names the entity only where the document names it in
  // full (it "l'Unione", de "die Kommission", "Brüssel"): read only in a
  // document with a match of the same entity by an alias without this flag
  // (FindEntities).
  kAliasShort = 64,
  // A word that names the entity only as an item of a list with another
  // entity of its kind that is not so marked (Vietnamese đồng, copper, is
  // also the currency and a syllable of many words: "nhôm, đồng và niken").
  kAliasListed = 128,
};

struct Alias {
  std::string folded;   // Pattern as matched (NFKC_Casefold).
  std::string surface;  // NFKC form as written in the gazetteer.
  uint32_t entity = 0;  // Index into entities().
  std::string lang;     // BCP 47 tag or "*".
  uint8_t flags = 0;
  uint8_t edges = 0;  // AliasEdge bits (word_edges.h; after Compile()).
  // Which words may be written onto the front of the alias (Arabic و, ب,
  // ال in والصين, بالليثيوم): 1 + an index into Gazetteer::attached(), or 0.
  uint16_t attached = 0;
};

// How a language changes the words of a name (`@kind inflection`,
// gazetteers/inflection.tsv); Compile() adds every generated form of every
// alias of that language as an alias of the same entity.
//  - suffix: a word ending in one of `edges` takes the endings of each
//    grammatical case (`forms[slot]`, alternatives per slot); the words of
//    a name take the same slot (Южная Корея -> Южной Кореи).
//  - prefix: a name starting with one of `edges` ("" for any) is also
//    written with each of `forms[0]` before it (الصين -> والصين, للصين).
//  - adjective: a demonym alias (kAliasDemonym) whose word ends in one of
//    `edges` ("" for any end) takes each of `forms[0]`, its gender and
//    number (in Russian also case) endings: chinois -> chinoise, chinoises;
//    китайский -> китайская, китайскую; الصيني -> الصينية. Such an alias and
//    its forms take no suffix rule (they are adjectives, not nouns) but do
//    take the prefix rules (والصينية). The words of a name take the same
//    form, a word with fewer forms its last (الكوري الجنوبي -> الكورية الجنوبية).
//  - modifier: a word ending in one of `edges` (no forms) agrees with the
//    noun after it (Лондонская биржа). A name of modifiers, a noun and more
//    words (a genitive: биржа металлов, Министерство финансов Канады) is
//    also declined in its modifiers and that noun alone, the rest kept as
//    written (Лондонской бирже металлов), besides every word declined.
//  - article: a demonym whose words start with the edge (the article ال) is
//    also written without it, each word (an adjective after an indefinite
//    noun: رسوم جمركية أمريكية, منتجات كورية جنوبية); the bare form then
//    takes the adjective rules and the any-start prefix rule (و~) as the
//    demonym does.
// In a form, "~" stands for the matched edge. A prefix form with "~" is a
// word attached to the name, read by the matcher before a match rather than
// generated (a copy of every name per prefix would double the automaton):
// the mention is the name alone. One without "~" (لل for ل + ال) replaces
// the edge and is generated.
struct InflectionRule {
  bool prefix = false;
  bool adjective = false;
  bool modifier = false;
  bool article = false;
  std::string lang;
  std::vector<std::string> edges;
  std::vector<std::vector<std::string>> forms;
};

// Context that validates a lone CJK abbreviation (abbreviation_context.tsv).
struct AbbreviationContext {
  std::vector<std::pair<std::string, std::string>> before;  // (lang, folded text)
  std::vector<std::pair<std::string, std::string>> after;
  // Text after an abbreviation that opens a line, as a headline's subject
  // does (米、銅製品に関税を発動): only there does it make a country.
  std::vector<std::pair<std::string, std::string>> headline;
  std::set<std::pair<std::string, std::string>> ambiguous_chains;
};

class Gazetteer : NonCopyable {
 public:
  Gazetteer() = default;
  ~Gazetteer();
  // The lines of the gazetteer's sections (fields split at tabs); each
  // returns "" or what is wrong with the line.
  // `@kind country` ... `@kind person`: id, language, alias and flags or
  // attributes of an entity.
  std::string AddEntityLine(EntityKind kind, const std::vector<std::string>& f);
  // `@icu-countries<TAB>LOCALES`: ICU's names of every ISO country in each
  // listed locale.
  std::string AddIcuCountries(const std::string& locales);
  // `@kind abbreviation-context`: before|after|headline|ambiguous, language,
  // text.
  std::string AddContextLine(const std::vector<std::string>& f);
  // `@kind person-title` (person_words.h).
  std::string AddPersonTitleLine(const std::vector<std::string>& f) {
    return person_words_.AddLine(f);
  }
  // `@kind inflection` (InflectionRule).
  std::string AddInflectionLine(const std::vector<std::string>& f);
  // Drops removed aliases, de-duplicates and builds the automaton.
  void Compile();
  // What Compile() made, in a flat form (the model cache, model_cache.h),
  // and back: LoadCompiled() on a fresh Gazetteer gives one that matches
  // exactly as the compiled one did. It returns false on input that
  // SaveCompiled() did not write (the gazetteer is then unusable: load and
  // compile from the files instead). Every member that matching reads must
  // be written here; a change to these members or their order must bump
  // kModelCacheFormat (model_cache.h).
  void SaveCompiled(ByteWriter* out) const;
  bool LoadCompiled(ByteReader* in);
  // How many threads loading and compiling may use (default 1); the result
  // is the same on any number.
  void SetThreads(int threads) { threads_ = threads; }
  // With threads to spare, builds ICU's script transliterators (about 20 ms,
  // most of what Compile()'s conversions cost) on a thread while files load.
  void StartWarmup();

  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Alias>& aliases() const { return aliases_; }
  // The folded words that may be attached before an alias (Alias::attached).
  const std::vector<std::set<std::string>>& attached() const { return attached_; }
  const AhoCorasick& automaton() const { return automaton_; }
  // Indices of one automaton pattern (AliasesOf, TitlesOf), in order.
  struct IndexSpan {
    const uint32_t* first;
    const uint32_t* last;
    const uint32_t* begin() const { return first; }
    const uint32_t* end() const { return last; }
    size_t size() const { return static_cast<size_t>(last - first); }
  };
  // Aliases (indices into aliases()) that share automaton pattern `pattern`.
  IndexSpan AliasesOf(uint32_t pattern) const { return pattern_aliases_.Of(pattern); }
  const AbbreviationContext& abbreviation_context() const { return context_; }
  // Person titles and name words (people.tsv); titles share the automaton.
  const PersonWords& person_words() const { return person_words_; }
  // Titles (indices into person_words().titles) of automaton pattern `pattern`.
  IndexSpan TitlesOf(uint32_t pattern) const { return pattern_titles_.Of(pattern); }
  // Titles read before a name whose text ends in byte `last`, and titles
  // read after one whose text starts with byte `first` (indices into
  // person_words().titles): the relation reader looks a title up beside
  // every filler, so it scans a few instead of all of them.
  const std::vector<uint32_t>& TitlesBeforeEndingIn(unsigned char last) const {
    return titles_before_by_last_[last];
  }
  const std::vector<uint32_t>& TitlesAfterStartingWith(unsigned char first) const {
    return titles_after_by_first_[first];
  }
  // Index of the entity, or -1.
  int Find(EntityKind kind, const std::string& id) const;

 private:
  uint32_t Intern(EntityKind kind, const std::string& id);
  // Adds the alias and its other-script Chinese form (see the .cc).
  void AddAlias(uint32_t entity, const std::string& lang, const std::string& text, uint8_t flags);
  void AddOneAlias(uint32_t entity, const std::string& lang, const std::string& text,
                   uint8_t flags);
  // The alias as matched; false if it folds to nothing.
  static bool MakeAlias(uint32_t entity, const std::string& lang, const std::string& text,
                        uint8_t flags, Alias* out);
  // Puts the other-script forms of Han aliases (conversions_) after theirs.
  void AddConversions();
  // The same for Chinese person titles and words.
  void AddPersonWordConversions();
  // Adds the inflected forms of every alias (InflectionRule) after the
  // aliases, skipping forms the entity already has.
  void AddInflections();
  // AddInflections()'s steps. Forms already added, (entity, folded, lang).
  using SeenForms = std::set<std::tuple<uint32_t, std::string, std::string>>;
  // Adds each demonym's gender and number forms; per alias (old and new),
  // whether it is such an adjective (which takes no case endings).
  std::vector<bool> AddAdjectiveForms(SeenForms* seen);
  // Appends to `forms` the prefix forms of alias i that replace its edge
  // (ل + ال = لل) and records the words its prefix rule attaches before it.
  void AddPrefixForms(size_t i, std::vector<std::string>* forms);

  std::vector<Entity> entities_;
  std::vector<InflectionRule> inflections_;
  // Spellings of one word that the press of a language uses alike
  // (inflection.tsv `spelling`: أمريكية and أميركية): lang, the two forms.
  struct Spelling {
    std::string lang, a, b;
  };
  std::vector<Spelling> spellings_;
  // Adds, for each alias that writes one form of a spelling, the alias
  // written with the other (each form once: `seen`, AddInflections').
  void AddSpellingForms(SeenForms* seen);
  // Adds, for each demonym whose words start with an article rule's edge,
  // the demonym written without it (`seen`, AddInflections').
  void AddArticleFreeForms(SeenForms* seen);
  std::vector<std::set<std::string>> attached_;
  std::unordered_map<std::string, uint32_t> index_;  // "kind:id" -> entity
  std::vector<Alias> aliases_;
  std::set<std::pair<uint32_t, std::string>> dropped_;  // (entity, folded)
  AbbreviationContext context_;
  // Per automaton pattern, a list of indices, flat: pattern p's are
  // values[offsets[p], offsets[p + 1]). Viewed in the mapped model cache
  // when loaded from it, like the automaton.
  struct IndexLists {
    PodArray<uint32_t> offsets, values;
    size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
    IndexSpan Of(uint32_t p) const {
      return {values.data() + offsets[p], values.data() + offsets[p + 1]};
    }
    void Assign(const std::vector<std::vector<uint32_t>>& lists);
    void Save(ByteWriter* out) const;
    // False when an offset or index is out of range (values >= limit).
    bool Load(ByteReader* in, size_t limit);
  };
  AhoCorasick automaton_;
  IndexLists pattern_aliases_;
  PersonWords person_words_;
  // Built from person_words_ by IndexTitleEdges(), after Compile() or
  // LoadCompiled().
  std::array<std::vector<uint32_t>, 256> titles_before_by_last_, titles_after_by_first_;
  void IndexTitleEdges();
  IndexLists pattern_titles_;
  int threads_ = 1;
  struct Conversion {  // A Han alias to be read in the other script too.
    size_t after;      // Its converted forms go before aliases_[after].
    uint32_t entity;
    std::string text;
    uint8_t flags;
  };
  std::vector<Conversion> conversions_;
  std::thread warmup_;  // Builds ICU's transliterators while files load.
};

}  // namespace kgx

#endif  // KGX_EXTRACT_ENTITIES_GAZETTEER_H_
