// Agreements and restrictions: entities turned into relations, each with the
// sentences it was read in.
//
// Per sentence (ICU sentence breaks; lines under a related-articles heading
// are skipped): a trigger word (agree, sign, 合意, 签署, 협정, accord...) and at
// least two parties (countries and groups; a group followed by a venue word,
// "G20開幕", is a meeting place, not a party) make an agreement. A sentence
// with one party or none and a pair word ("the two countries", 両国, 双方)
// takes the parties of the latest sentence that named two, or the
// headline's. Not agreements: sentences with a hedge (a wish, a forecast, an
// analyst's view), and lists of three or more examples ("such as", など)
// without a concluding word (agree, sign, 合意). Agreements of a document with
// the same parties are one agreement with every piece of evidence.
// Restrictions: a restriction word (export ban, 輸出停止, 出口管制, tariff) with
// its imposing country (the first country in the sentence that is not the
// target, or the home country of an organization told to act) and its target
// (marked by "exports to", 日本向け, 对美...), when one is named.
// All words are data: gazetteers/relations.tsv. Thread safety: reentrant.
#ifndef KGX_EXTRACT_RELATIONS_RELATIONS_H_
#define KGX_EXTRACT_RELATIONS_RELATIONS_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/aho_corasick.h"
#include "base/regex.h"
#include "extract/facts/dates.h"
#include "extract/facts/money.h"
#include "extract/read/offset_map.h"
#include "extract/read/segment.h"
#include "extract/relations/frames.h"
#include "extract/relations/roles.h"

namespace re2 {
class RE2;
}

namespace kgx {

class Gazetteer;
struct EntityMatch;
struct FrameHit;

struct RelationInput {
  std::string_view nfkc, folded;
  const OffsetMap* folded_to_nfkc = nullptr;
  const std::vector<Span>* sentences = nullptr;  // Over nfkc.
  const std::vector<EntityMatch>* matches = nullptr;
  const std::vector<Amount>* amounts = nullptr;
  const std::vector<DateMention>* dates = nullptr;
  std::string lang, published;
};

struct FoundAgreement {
  std::vector<std::string> parties;  // Sorted ids of countries and groups.
  std::string kind;
  std::vector<std::string> minerals, organizations;
  std::vector<size_t> amounts;  // Indices into RelationInput::amounts.
  std::string date;
  bool date_in_text = false;   // Written in a sentence, not the publication date.
  std::vector<Span> evidence;  // Sentences, nfkc offsets.
  double confidence = 0;
  std::string status = "concluded";  // concluded, planned, talks, failed
  // The status was said by a word (a concluding, status or talks word), not
  // assumed from a cooperation word alone; a said status wins a merge.
  bool status_read = false;
  std::vector<SlotFill> roles;  // Which words filled which slot (nfkc).
};

struct FoundRestriction {
  std::string from, to, type;
  std::string status = "in_force";  // in_force, lifted, suspended, threatened, postponed
  std::vector<SlotFill> roles;      // actor (imposer) and target words (nfkc)
  std::vector<std::string> minerals;
  std::vector<Span> evidence;
  double confidence = 0;
  // Said to apply to every country ("from all origins"): never folded into
  // a targeted measure of its imposer.
  bool worldwide = false;
};

class RelationFinder {
 public:
  // With `automaton`, what automaton() returned for the same words (the
  // model cache, model_cache.h): it is taken instead of built again.
  explicit RelationFinder(std::vector<FrameWord> words, const AhoCorasick* automaton = nullptr);
  // The automaton over the words' folded forms (pattern i is words[i]).
  const AhoCorasick& automaton() const { return automaton_; }
  void Find(const Gazetteer& gaz, const RelationInput& in, std::vector<FoundAgreement>* agreements,
            std::vector<FoundRestriction>* restrictions) const;

 private:
  std::vector<FrameHit> FindHits(const RelationInput& in) const;

  std::vector<FrameWord> words_;
  std::vector<std::string> folded_;  // Folded form of each word.
  std::vector<bool> latin_;          // Whether each word is written in Latin letters.
  // Each word's (language tag, Latin letters) class: whether a document
  // reads a word is asked once per class and document, not per hit.
  std::vector<uint16_t> read_class_;
  std::vector<std::pair<std::string, bool>> read_classes_;
  std::vector<uint8_t> edges_;       // Which ends of each folded word need a word boundary.
  AhoCorasick automaton_;
  // restriction-pattern lines: (word index, compiled pattern).
  std::vector<std::pair<size_t, std::shared_ptr<LazyRe2>>> patterns_;
  // Each primary language's own articles: glue in a list (IsGlueText) and a deal
  // noun's article (OnlyDealNounBefore).
  std::map<std::string, std::vector<std::string>> own_articles_;
  // Primary language subtags with `word-order` lines.
  // word order (kWordOrders) -> the primary language subtags it holds for.
  std::map<std::string, std::set<std::string>, std::less<>> word_orders_;
  bool HasWordOrder(std::string_view order, const std::string& lang) const;
};

}  // namespace kgx

#endif  // KGX_EXTRACT_RELATIONS_RELATIONS_H_
