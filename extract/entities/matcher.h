// Finding gazetteer entities in normalized text.
//
//   std::vector<EntityMatch> m = FindEntities(model.entity_tables(), view, "ja");
//
// One pass of the gazetteer's Aho-Corasick automaton over the folded text
// gives every candidate; then, in this order:
//  1. word boundaries for letters of space-separated scripts ("Oman" is not in
//     "woman", "India" not in "Indiana") and for katakana runs (マリ is not in
//     マリン); a demonym may take a plural "s";
//  2. case: acronym aliases match their exact case ("US", not "us"), and a
//     capitalized name does not match an all-lower-case word ("turkey"); an
//     organization alias whose government head the text continues into a
//     title (美国财政部|长) is not read: the words name the minister;
//  3. ResolveOverlaps(): the one place that decides overlaps;
//  4. one-character CJK abbreviations (日, 米, 中...) are kept only inside a
//     chain of at least two entities (日美菲, 日米豪印) or next to a context
//     word from abbreviation_context.tsv (両国, 首脳, 訪, 対...).
//  5. people (people.h): a title and a name (Chancellor Merz, 石破首相), a
//     given name that is a country (Israel Katz) and the later surname of a
//     full name are persons; the country matches inside them go;
//  6. organizations not in the gazetteer, from org_rules.h: a rule match
//     loses to any gazetteer organization, media, group or person it
//     overlaps, and wins over countries and minerals inside it (Indonesia
//     Battery Corp); leading places and sentence openers are trimmed from
//     Latin names.
// Region and ordinary-word entries take part in overlaps (so 中東 shadows 中)
// but are not returned.
// Thread safety: reentrant; the gazetteer must be compiled.
#ifndef KGX_EXTRACT_ENTITIES_MATCHER_H_
#define KGX_EXTRACT_ENTITIES_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities/entity_match.h"
#include "extract/entities/gazetteer.h"
#include "extract/read/offset_map.h"
#include "extract/entities/org_rules.h"
// AtWordBoundaries, WordEdgesOf, IsLatinWord moved there; kept visible here
// for the matcher's users.
#include "extract/read/word_edges.h"

namespace kgx {

// What matching reads: the gazetteer, then the rules for organizations it
// does not list (Model::entity_tables(); null rules find none).
struct EntityTables {
  const Gazetteer& gazetteer;
  const OrganizationRules* organization_rules;
  const OrganizationRuleWords& organization_rule_words;
};

std::vector<EntityMatch> FindEntities(const EntityTables& tables, const MatchText& text,
                                      const std::string& lang);

// What may stand between the members of a chain of countries: nothing
// (日美), a middle dot (日・米) or a slash.
bool IsChainGap(std::string_view gap);

// Whether `gap` (folded text between two names) joins items of a list:
// commas, slashes and spaces, with at most one word of up to four letters
// (", ", " và ", ", hoặc "); not empty.
bool IsListGap(std::string_view gap);

// Keeps a set of non-overlapping matches: the longest first; for equal
// spans the kind priority (organization > media > group > mineral > country
// > region > word), then the entity id. Returned in text order.
// `lang`: the document's language; of two aliases of one entity on one span,
// the one of that language wins.
std::vector<EntityMatch> ResolveOverlaps(const Gazetteer& gaz, std::vector<EntityMatch> matches,
                                         const std::string& lang = "");

}  // namespace kgx

#endif  // KGX_EXTRACT_ENTITIES_MATCHER_H_
