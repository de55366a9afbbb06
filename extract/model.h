// Model: every compiled part of the extraction, loaded from one gazetteer
// folder, each part parsed by its own step.
//
//   kgx::Model model;
//   kgx::Status s = model.LoadDirectory("gazetteers");  // or LoadFile(...)
//   if (!s.ok()) { print s.message(); exit; }          // "file:line: problem"
//   model.Compile();
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
//   frames/<lang>.tsv                relations/frames.h (FrameTable) RelationFinder
//
// Failure: a malformed line fails the load with its file and line.
// Thread safety: load and compile on one thread; after Compile() every const
// method may be used concurrently.
#ifndef KGX_EXTRACT_MODEL_H_
#define KGX_EXTRACT_MODEL_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/gazetteer.h"
#include "extract/language.h"
#include "extract/matcher.h"
#include "extract/money.h"
#include "extract/org_rules.h"
#include "extract/relations.h"

namespace kgx {

class Model {
 public:
  Model() = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

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
  // Compiles every step's matcher.
  void Compile();
  // How many threads loading and compiling may use (default 1); the result
  // is the same on any number.
  void SetThreads(int threads);

  const Gazetteer& gazetteer() const { return gaz_; }
  // What entity matching reads (matcher.h).
  EntityTables entity_tables() const { return {gaz_, org_rules_.get(), rule_words_}; }
  const StopwordTable& stopwords() const { return stopwords_; }
  // Rules for organizations not in the gazetteer (after Compile()).
  const OrganizationRules* organization_rules() const { return org_rules_.get(); }
  const OrganizationRuleWords& organization_rule_words() const { return rule_words_; }
  // Money words (money.tsv) and the parser built from them (after Compile()).
  const MoneyParser* money_parser() const { return money_.get(); }
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
    kMoneyWords
  };
  Status LoadFrameDirectory(const std::string& dir);
  // "" or what is wrong with the line.
  std::string ReadDirective(const std::vector<std::string>& f, Section* section,
                            EntityKind* kind);
  std::string ReadLine(Section section, EntityKind kind, const std::vector<std::string>& f);

  Gazetteer gaz_;
  StopwordTable stopwords_;
  OrganizationRuleWords rule_words_;
  std::unique_ptr<OrganizationRules> org_rules_;
  MoneyWords money_words_;
  std::unique_ptr<MoneyParser> money_;
  FrameTable frames_;  // gazetteers/frames/<lang>.tsv
  std::unique_ptr<RelationFinder> relations_;
  int threads_ = 1;
};

}  // namespace kgx

#endif  // KGX_EXTRACT_MODEL_H_
