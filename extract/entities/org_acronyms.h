// An organization's short form defined in the text: "Bureau of Industry and
// Security (BIS)", 哈萨克斯坦国家原子能公司（哈原工）, 越南稀土公司（VTRE）.
// Within one document the short form then names the same organization
// wherever it stands ("...BIS said"), and when only one of the two forms is
// listed in the gazetteer, the other takes the listed entity, so the graph
// has one node for the organization.
//
// Thread safety: a pure function of its arguments.
#ifndef KGX_EXTRACT_ENTITIES_ORG_ACRONYMS_H_
#define KGX_EXTRACT_ENTITIES_ORG_ACRONYMS_H_

#include <string_view>
#include <vector>

#include "extract/entities/entity_match.h"

namespace kgx {

class OrganizationRules;

// `matches`: the entity matches of `nfkc`, sorted by nfkc_begin and not
// overlapping (FindEntities()). A definition is an organization match
// followed by a bracket that holds only its short form: an acronym of two
// capitals or more (any name), or after a CJK name also a single Latin word
// (Volcan) or a CJK run of two to six characters. Adds a match of the same
// organization at every other occurrence of the short form that no match
// covers (Latin forms with their case, at word boundaries), and gives a rule
// name the entity of a listed form in its bracket (and the reverse). Leaves
// `matches` sorted.
// `rules` (may be null) tells whether a code abbreviates a Latin name.
void LinkOrganizationAcronyms(std::string_view nfkc, const OrganizationRules* rules,
                              std::vector<EntityMatch>* matches);

}  // namespace kgx

#endif  // KGX_EXTRACT_ENTITIES_ORG_ACRONYMS_H_
