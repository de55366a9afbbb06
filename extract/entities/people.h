// People: who is named, so that a person is never read as a country.
//
// FindEntities() (matcher.h) calls FindPeople() on its matches, after the
// gazetteer's own people (people.tsv, `@kind person`) have won their
// overlaps by length. FindPeople() adds, from the `@kind person-title` words
// of people.tsv:
//  - a title and a name the gazetteer does not list: "Chancellor Merz",
//    "Bundesfinanzminister Lindner", 外长王毅, 石破首相, グリア代表,
//    안덕근 장관. The name is read by its script's shape: capitalized Latin
//    words (with particles: da, von, bin), a Han run of 2-4 characters
//    (ended by a boundary word: 表示, 会见), a katakana run, a hangul word of
//    2-4 syllables. A name made only of gazetteer places (チャド大統領: the
//    president of Chad) is no person. The person's country is the title's
//    (美国总统, 米通商代表) or a country written right before the title
//    ("Peruvian Mines Minister X", "Brazil's President X");
//  - a given name that is also a country (given-name words: Jordan, Chad,
//    Israel, チャド) followed by a name: "Israel Katz", チャド・ウルフ;
//  - the later bare surname of a full name found earlier in the document
//    ("Jordan Bardella ... Bardella", "Israel Katz ... Katz"): that person,
//    even where the surname reads as a country.
// Country (and region or word) matches inside a person's name are removed;
// gazetteer organizations, media, groups and people are never overridden.
// Thread safety: reentrant; the gazetteer must be compiled.
#ifndef KGX_EXTRACT_ENTITIES_PEOPLE_H_
#define KGX_EXTRACT_ENTITIES_PEOPLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/entities/entity_match.h"
#include "extract/entities/gazetteer.h"
#include "extract/read/word_edges.h"

namespace kgx {

// A person title found by the automaton: byte offsets into the folded text
// and the index into Gazetteer::person_words().titles.
struct TitleHit {
  size_t begin = 0, end = 0;
  uint32_t title = 0;
};

// `matches` holds FindEntities()'s matches so far: sorted by nfkc_begin,
// non-overlapping, nfkc offsets filled. On return it holds the people too,
// still sorted and non-overlapping. People not in the gazetteer are rule
// matches (entity kRule) of kind kPerson with the name in rule_name and the
// title's country and role in person_country and person_role.
void FindPeople(const Gazetteer& gaz, const MatchText& text, const std::string& lang,
                const std::vector<TitleHit>& titles, std::vector<EntityMatch>* matches);

}  // namespace kgx

#endif  // KGX_EXTRACT_ENTITIES_PEOPLE_H_
