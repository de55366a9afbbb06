// What the matcher's steps hand one another: the text to match and one
// entity found in it. A header of its own so that the steps after the
// automaton (people.h, org_acronyms.h) need not include the matcher that
// calls them.
// Thread safety: plain values.
#ifndef KGX_EXTRACT_ENTITIES_ENTITY_MATCH_H_
#define KGX_EXTRACT_ENTITIES_ENTITY_MATCH_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/entities/gazetteer.h"
#include "extract/read/offset_map.h"

namespace kgx {

// The text to match: the NFKC view, its folded view and the map between them.
struct MatchText {
  std::string_view nfkc;
  std::string_view folded;
  const OffsetMap* folded_to_nfkc;
};

struct EntityMatch {
  static constexpr uint32_t kRule = 0xFFFFFFFF;
  size_t begin = 0, end = 0;  // Byte offsets into MatchText::folded (gazetteer matches).
  uint32_t entity = 0;        // Index into Gazetteer::entities(), or kRule.
  uint32_t alias = 0;         // Index into Gazetteer::aliases(), or kRule.
  // Filled by FindEntities() for every match: byte offsets into
  // MatchText::nfkc, the kind, and for rule matches the name as written.
  size_t nfkc_begin = 0, nfkc_end = 0;
  EntityKind kind = EntityKind::kCountry;
  std::string rule_name;
  // Rule matches: "agency" for a government body (else a company) and the
  // home country read before it ("Japan's Ministry of Finance", 美国财政部).
  std::string rule_kind, rule_country;
  // People found by a title (people.h), not in the gazetteer: the country
  // and role the title implies ("" when it implies none).
  std::string person_country, person_role;
};

}  // namespace kgx

#endif  // KGX_EXTRACT_ENTITIES_ENTITY_MATCH_H_
