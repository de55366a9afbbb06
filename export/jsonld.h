// JSON-LD export: the graph as linked data.
//
//   kgx::Status s = kgx::WriteJsonLd(graph, "graph.jsonld");
//
// The inline @context maps to schema.org where a term exists (Country,
// Organization, MonetaryAmount, CreativeWork, name, sameAs, value, currency,
// text) and to the kgx vocabulary (https://w3id.org/kgx/vocab#) for the rest:
// CountryGroup, Mineral, Agreement, Restriction, party, coversMineral,
// participant, evidence... Countries and minerals with a Wikidata id carry it
// as sameAs. What is not concluded or not in force keeps types and links of
// its own, with a `status`: UnconcludedAgreement (its parties through
// unconcludedParty, never party) and RestrictionNotInForce. Node ids are URNs
// (urn:kgx:<kind>:<percent-encoded id>). Written atomically; text is cleaned
// (export/text_safety.h). Thread safety: reads the graph only.
#ifndef KGX_EXPORT_JSONLD_H_
#define KGX_EXPORT_JSONLD_H_

#include <string>

#include "base/status.h"
#include "graph/knowledge_graph.h"

namespace kgx {

Status WriteJsonLd(const KnowledgeGraph& graph, const std::string& path);

// urn:kgx:country:JP, urn:kgx:mineral:rare%20earths
std::string NodeIri(const NodeProps& node);

}  // namespace kgx

#endif  // KGX_EXPORT_JSONLD_H_
