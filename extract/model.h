// Model: every compiled part of the extraction, loaded from one gazetteer
// folder, each part parsed by its own step.
//
//   kgx::Model model;
//   kgx::Status s = model.LoadDirectory("gazetteers");  // or LoadFile(...)
//   if (!s.ok()) { print s.message(); exit; }          // "file:line: problem"
//   s = model.Compile();                                // with a cache: errors here
//   kgx::Extractor ex(model);
//
// A gazetteer file declares its sections with `@kind` lines
// (gazetteers/README.md); the model routes each section's lines to the step
// that reads them and owns what that step compiles:
//
//   section                          step (parser)                  compiled
//   country ... person, inflection,  Gazetteer (entities, aliases,  automaton
//     abbreviation-context,            titles)
//     person-title
//   stopword                         language.h (StopwordTable)
//   organization-rule                org_rules.h                    OrganizationRules
//   currency, money-word             money.h (MoneyWords)           MoneyParser
//   date-form, date-word             dates.h (DateForms)            DateFinder
//   frames/<lang>.tsv                relations/frames.h (FrameTable) RelationFinder
//
// The compiled gazetteer can be kept on disk (UseCache, model_cache.h): a
// run whose gazetteer bytes, kgx and ICU are unchanged loads it instead of
// compiling (most of the start-up), and extracts exactly the same. The
// cache holds the gazetteer's sections compiled, the money words (with
// ICU's currency names) and the frames parsed, and the automata over the
// currency and frame words; stopwords and organization rule words are
// parsed on every run (they are few).
//
// Failure: a malformed line fails the load with its file and line.
// Thread safety: load and compile on one thread; after Compile() every const
// method may be used concurrently.
#ifndef KGX_EXTRACT_MODEL_H_
#define KGX_EXTRACT_MODEL_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/noncopyable.h"
#include "base/status.h"
#include "extract/entities/gazetteer.h"
#include "extract/entities/matcher.h"
#include "extract/entities/org_rules.h"
#include "extract/facts/dates.h"
#include "extract/facts/money.h"
#include "extract/read/language.h"
#include "extract/relations/relations.h"

namespace kgx {

class Model : NonCopyable {
 public:
  Model() = default;

  // Loads every *.tsv file of `dir`, in name order, then the relation
  // frames of dir/frames/<lang>.tsv.
  Status LoadDirectory(const std::string& dir);
  // Loads one file; later files add aliases and may override attributes.
  // Like documents, only a regular file of at most kMaxGazetteerBytes is
  // read (a folder, FIFO or device is an error naming the path).
  Status LoadFile(const std::string& path);
  static constexpr size_t kMaxGazetteerBytes = 64u << 20;
  // Parses `content` as if read from `path` (tests, fuzzing); a path
  // frames/<lang>.tsv is a relation frame file of that language.
  Status LoadString(const std::string& path, const std::string& content);
  // Keeps the compiled gazetteer in `dir` (model_cache.h; "" for none,
  // the default). Call before loading: files are then read by Load* but
  // parsed by Compile(), which skips the gazetteer's own sections (and
  // their compiling) when the cache holds a model of the same bytes, so a
  // malformed line is reported by Compile() instead.
  void UseCache(const std::string& dir) { cache_dir_ = dir; }
  // Compiles every step's matcher; with a cache, parses the files first
  // (the first malformed line fails it, naming file and line) and loads or
  // writes the cache. Ok without a cache.
  Status Compile();
  // Whether Compile() loaded the gazetteer from the cache.
  bool loaded_from_cache() const { return loaded_from_cache_; }
  // How many threads loading and compiling may use (default 1); the result
  // is the same on any number.
  void SetThreads(int threads);

  const Gazetteer& gazetteer() const { return *gaz_; }
  // What entity matching reads (matcher.h).
  EntityTables entity_tables() const { return {*gaz_, org_rules_.get(), rule_words_}; }
  const StopwordTable& stopwords() const { return stopwords_; }
  // Rules for organizations not in the gazetteer (after Compile()).
  const OrganizationRules* organization_rules() const { return org_rules_.get(); }
  const OrganizationRuleWords& organization_rule_words() const { return rule_words_; }
  // Money words (money.tsv) and the parser built from them (after Compile()).
  const MoneyWords& money_words() const { return money_words_; }
  const MoneyParser* money_parser() const { return money_.get(); }
  // The date forms (dates.tsv) and the finder built from them (after
  // Compile()).
  const DateFinder* date_finder() const { return dates_.get(); }
  // Relation frames (frames/<lang>.tsv) and the finder built from them.
  const FrameTable& frames() const { return frames_; }
  const RelationFinder* relation_finder() const { return relations_.get(); }

 private:
  // The sections of a gazetteer file (`@kind` lines).
  enum class Section {
    kNone,
    kEntities,
    kContext,
    kPersonTitles,
    kInflection,
    kStopwords,
    kOrgRules,
    kCurrency,
    kMoneyWords,
    kDateForms,
    kDateWords
  };
  Status LoadFrameDirectory(const std::string& dir);
  // Whether the cache holds what the section makes (the gazetteer's
  // sections and the money words).
  static bool IsCachedSection(Section section);
  // LoadString()'s parse of one file.
  Status Parse(const std::string& path, const std::string& content);
  // Compile()'s steps with a cache.
  uint64_t CacheKey() const;
  bool LoadFromCache(std::string_view payload, const std::shared_ptr<const void>& mapping);
  void WriteCache(uint64_t key) const;
  void CompileRules();
  // "" or what is wrong with the line.
  std::string ReadDirective(const std::vector<std::string>& f, Section* section, EntityKind* kind);
  std::string ReadLine(Section section, EntityKind kind, const std::vector<std::string>& f);

  // The mapped cache file a loaded gazetteer points into (its automaton's
  // tables): declared first, so it is unmapped after the gazetteer goes.
  std::shared_ptr<const void> cache_mapping_;
  // Replaced whole when a cache read fails half way.
  std::unique_ptr<Gazetteer> gaz_ = std::make_unique<Gazetteer>();
  StopwordTable stopwords_;
  OrganizationRuleWords rule_words_;
  std::unique_ptr<OrganizationRules> org_rules_;
  MoneyWords money_words_;
  std::unique_ptr<MoneyParser> money_;
  DateForms date_forms_;
  std::unique_ptr<DateFinder> dates_;
  FrameTable frames_;  // gazetteers/frames/<lang>.tsv
  std::unique_ptr<RelationFinder> relations_;
  // The frames' and currency words' automata read from the cache, until
  // Compile() hands them to the finders.
  std::unique_ptr<AhoCorasick> cached_frame_words_, cached_currency_words_;
  int threads_ = 1;
  std::string cache_dir_;
  // With a cache: the files read, (path, bytes) in load order, until Compile().
  std::vector<std::pair<std::string, std::string>> sources_;
  bool loaded_from_cache_ = false;  // Then the gazetteer's sections are not parsed.
  // The organization rule words' script conversions, (ICU id, word) ->
  // form, cached with the gazetteer so a cached start builds no
  // transliterator.
  std::map<std::pair<std::string, std::string>, std::string> conversion_memo_;
};

}  // namespace kgx

#endif  // KGX_EXTRACT_MODEL_H_
