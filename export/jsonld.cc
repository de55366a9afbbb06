#include "export/jsonld.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>

#include "export/atomic_file.h"
#include "export/report_assets.h"
#include "export/text_safety.h"

namespace kgx {
namespace {

using nlohmann::json;

std::string PercentEncode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// The context is export/context.jsonld, compiled in (export/CMakeLists.txt).
json Context() {
  static const json kContext = json::parse(kJsonLdContext)["@context"];
  return kContext;
}

std::string DocIri(const std::string& doc) { return "urn:kgx:document:" + PercentEncode(doc); }

json EvidenceList(const std::vector<DocEvidence>& evidence) {
  json out = json::array();
  for (const DocEvidence& e : evidence)
    out.push_back({{"@type", "Evidence"},
                   {"document", DocIri(e.doc)},
                   {"text", CleanText(e.evidence.text, kEvidenceTextBytes)},
                   {"startOffset", e.evidence.start},
                   {"endOffset", e.evidence.end}});
  return out;
}

}  // namespace

std::string NodeIri(const NodeProps& node) {
  if (node.kind == NodeKind::kDocument) return DocIri(node.id);
  return std::string("urn:kgx:") + NodeKindSlug(node.kind) + ":" + PercentEncode(node.id);
}

Status WriteJsonLd(const KnowledgeGraph& kg, const std::string& path) {
  const BoostGraph& g = kg.graph();
  json graph = json::array();
  for (Vertex v = 0; v < boost::num_vertices(g); ++v) {
    const NodeProps& p = g[v];
    json n{{"@id", NodeIri(p)}, {"@type", NodeKindName(p.kind)}};
    n["identifier"] = CleanText(p.id);
    n["name"] = CleanText(p.label);
    if (!p.qid.empty()) n["sameAs"] = "http://www.wikidata.org/entity/" + p.qid;
    if (p.kind == NodeKind::kDocument) {
      const DocumentMeta& d = p.document;
      if (!d.url.empty()) n["url"] = CleanText(d.url);
      if (!d.lang.empty()) n["inLanguage"] = CleanText(d.lang);
      if (!d.published.empty()) n["datePublished"] = CleanText(d.published);
      if (!d.path.empty()) n["path"] = CleanText(d.path);
    } else {
      n["mentions"] = p.mentions;
    }
    if (!p.symbol.empty()) n["elementSymbol"] = p.symbol;
    if (!p.org_kind.empty()) n["organizationKind"] = p.org_kind;
    if (IsAgreementKind(p.kind)) {
      n["agreementKind"] = p.agreement_kind;
      // Planned, talks or failed; an Agreement is concluded by its type.
      if (p.kind == NodeKind::kUnconcludedAgreement) n["status"] = p.status;
      if (!p.date.empty()) n["date"] = p.date;
      n["confidence"] = RoundConfidence(p.confidence);
      json amounts = json::array();
      for (const AmountRef& a : p.amounts)
        amounts.push_back({{"@type", "MonetaryAmount"},
                           {"value", MoneyJson(a.value)},
                           {"currency", a.currency},
                           {"text", CleanText(a.text)}});
      if (!amounts.empty()) n["amount"] = amounts;
      n["evidence"] = EvidenceList(p.evidence);
    }
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      const EdgeProps& e = g[*it];
      const std::string target = NodeIri(g[boost::target(*it, g)]);
      if (e.kind == EdgeKind::kCovers) n["coversMineral"].push_back(target);
      else if (e.kind == EdgeKind::kBasedIn) n["basedIn"] = target;
      else if (e.kind == EdgeKind::kReportedBy) n["reportedBy"].push_back(target);
    }
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      const EdgeProps& e = g[*it];
      const std::string source = NodeIri(g[boost::source(*it, g)]);
      if (e.kind == EdgeKind::kPartyTo) n["party"].push_back(source);
      else if (e.kind == EdgeKind::kPartyToUnconcluded)
        n["unconcludedParty"].push_back(source);
      else if (e.kind == EdgeKind::kParticipates) n["participant"].push_back(source);
    }
    graph.push_back(n);
  }
  // Restrictions are statements of their own; one not in force is of
  // another type, with its status, so that no query for Restriction finds it.
  int restriction = 0, not_in_force = 0;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const EdgeProps& e = g[*it];
    if (!IsMeasureEdge(e.kind)) continue;
    const bool in_force = e.kind == EdgeKind::kRestricts;
    const NodeProps& from = g[boost::source(*it, g)];
    const NodeProps& to = g[boost::target(*it, g)];
    json r{{"@id", in_force ? "urn:kgx:restriction:" + std::to_string(++restriction)
                            : "urn:kgx:restriction-not-in-force:" + std::to_string(++not_in_force)},
           {"@type", in_force ? "Restriction" : "RestrictionNotInForce"},
           {"restrictingCountry", NodeIri(from)},
           {"restrictionType", e.restriction_type},
           {"evidence", EvidenceList(e.evidence)}};
    if (!in_force) r["status"] = e.status;
    // A loop is a measure whose target is not named (knowledge_graph.h).
    if (to.kind == NodeKind::kCountry && boost::source(*it, g) != boost::target(*it, g))
      r["targetCountry"] = NodeIri(to);
    for (const std::string& m : e.minerals) {
      NodeProps mineral;
      mineral.kind = NodeKind::kMineral;
      mineral.id = m;
      r["restrictedMineral"].push_back(NodeIri(mineral));
    }
    graph.push_back(r);
  }
  json doc{{"@context", Context()}, {"@graph", graph}};
  return WriteFileAtomically(
      path, doc.dump(1, '\t', false, json::error_handler_t::replace) + "\n");
}

}  // namespace kgx
