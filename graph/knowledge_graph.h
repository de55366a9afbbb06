// KnowledgeGraph: records of many documents merged into one typed property
// graph on Boost.Graph.
//
//   kgx::KnowledgeGraph g;
//   for (const kgx::Record& r : records) g.AddRecord(r);   // any order
//   g.Finalize();                  // canonical order: output is deterministic
//   for (auto v : boost::make_iterator_range(boost::vertices(g.graph()))) ...
//
// Nodes: Country, CountryGroup, Organization, Mineral, Agreement,
// UnconcludedAgreement, Document, keyed by kind and canonical id, so an
// entity read in any language is one node. Edges: PARTY_TO (country or group
// -> agreement), COVERS (agreement -> mineral), PARTICIPATES (organization ->
// agreement), RESTRICTS (country -> country, or -> each mineral when no
// target is named, or a loop on the country when neither is: a measure on
// its exports, target unnamed), BASED_IN (organization -> country),
// REPORTED_BY (agreement -> document), CO_MENTIONED (countries named in one
// sentence). Nodes and edges count mentions and documents.
//
// Only concluded agreements are Agreement nodes with PARTY_TO edges, and only
// measures in force are RESTRICTS edges (DESIGN.md, status). What was read
// as planned, talked of or failed is an UnconcludedAgreement node (its
// `status` says which) with PARTY_TO_UNCONCLUDED edges from its parties and
// the same COVERS, PARTICIPATES and REPORTED_BY edges; a measure lifted,
// suspended, threatened or postponed is a RESTRICTS_NOT_IN_FORCE edge with its status,
// between the same ends a RESTRICTS edge would have. So nothing read is lost,
// and no view or count of agreements and measures takes a plan for a deed.
//
// The same agreement reported by several documents is one Agreement node:
// two reports are the same agreement when they have the same parties and
// status, their minerals overlap (or one names none) and their dates allow
// one event: at most kSameAgreementDays apart, or the same year when one
// gives only its year ("2012"). An undated report (its sentence states no
// date and its document has none: records fall back on the publication
// date) joins only undated ones: it is kept apart rather than merged into a
// dated report of the same parties, which may be another event (a framework
// of 2025 is not the memorandum of 2024), and no date is given to it that
// no document states. Finalize() decides these merges after sorting the
// reports, so the result does not depend on the order records were added.
//
// Memory follows the graph, not the text: an agreement node or a RESTRICTS
// edge keeps its first kEvidenceExamples sentences (in document and offset
// order), a CO_MENTIONED edge kCoMentionExamples; counts say how many there
// were. Reports wait for Finalize() without their sentences: those wait in a
// pool that keeps, per parties, date and minerals, only the first few.
// Thread safety: build on one thread; const methods may then run concurrently.
#ifndef KGX_GRAPH_KNOWLEDGE_GRAPH_H_
#define KGX_GRAPH_KNOWLEDGE_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/parallel.h"  // JoiningThread
#include "extract/record/record.h"

namespace kgx {

enum class NodeKind {
  kCountry,
  kCountryGroup,
  kOrganization,
  kMineral,
  kAgreement,
  kUnconcludedAgreement,
  kDocument
};
constexpr int kNodeKinds = static_cast<int>(NodeKind::kDocument) + 1;
enum class EdgeKind {
  kPartyTo,
  kCovers,
  kParticipates,
  kRestricts,
  kBasedIn,
  kReportedBy,
  kCoMentioned,
  kPartyToUnconcluded,
  kRestrictsNotInForce
};
// A kind's type name (Country, UnconcludedAgreement: JSON-LD @type, Neo4j
// label, GraphML and DOT names) and its slug (country,
// unconcluded-agreement: IRIs, the DOT legend). One table pairs them.
const char* NodeKindName(NodeKind kind);
const char* NodeKindSlug(NodeKind kind);
// The node kind of a record mention's kind (record.h: country, group,
// organization, mineral); false for kinds that are no node (media, person,
// region, word).
bool NodeKindOfMention(std::string_view mention_kind, NodeKind* kind);
const char* EdgeKindName(EdgeKind kind);
// Agreement and UnconcludedAgreement: the nodes COVERS, PARTICIPATES and
// REPORTED_BY edges start or end at.
inline bool IsAgreementKind(NodeKind kind) {
  return kind == NodeKind::kAgreement || kind == NodeKind::kUnconcludedAgreement;
}
// The edge from a party to an agreement of that kind: PARTY_TO for
// Agreement, PARTY_TO_UNCONCLUDED for UnconcludedAgreement.
inline EdgeKind PartyEdge(NodeKind agreement) {
  return agreement == NodeKind::kAgreement ? EdgeKind::kPartyTo : EdgeKind::kPartyToUnconcluded;
}
// RESTRICTS and RESTRICTS_NOT_IN_FORCE.
inline bool IsMeasureEdge(EdgeKind kind) {
  return kind == EdgeKind::kRestricts || kind == EdgeKind::kRestrictsNotInForce;
}

constexpr int kSameAgreementDays = 45;
// An agreement or sentence with more parties than this is one node linked to
// each of them, not a clique of pairs: 3,000 parties would be 4.5 million
// pair edges (partnerships, CO_MENTIONED).
constexpr size_t kMaxPairwiseParties = 12;
constexpr size_t kCoMentionExamples = 3;  // Evidence sentences kept per CO_MENTIONED edge.
constexpr size_t kEvidenceExamples = 5;   // ...per Agreement node and RESTRICTS edge.

struct DocEvidence {
  std::string doc;
  Evidence evidence;
};

// What a document says of itself (Document nodes).
struct DocumentMeta {
  std::string path;  // Where it was read from (the first in name order).
  std::string title, url, lang, published;
};

struct NodeProps {
  NodeKind kind = NodeKind::kCountry;
  std::string id;
  std::string label;  // English display name.
  std::string qid;    // Wikidata id where known (set by the caller from gazetteer data).
  int mentions = 0;
  int doc_count = 0;           // Documents the node was read in.
  std::string last_doc;        // While building: counts each record once.
  std::set<std::string> docs;  // Agreements only: the documents reporting it.
  // Organizations.
  std::string org_kind, country;
  // Minerals.
  std::string symbol;
  // Documents (the node's id is the record's stable id).
  DocumentMeta document;
  // Agreements.
  std::string agreement_kind, date;
  std::string status;  // concluded (Agreement); planned, talks or failed (UnconcludedAgreement).
  std::vector<std::string> parties;
  std::vector<AmountRef> amounts;
  double confidence = 0;
  std::vector<DocEvidence> evidence;
};

struct EdgeProps {
  EdgeKind kind = EdgeKind::kCoMentioned;
  int count = 0;  // Sentences or reports behind the edge.
  int doc_count = 0;
  std::string last_doc;               // While building: counts each record once.
  std::string restriction_type;       // RESTRICTS, RESTRICTS_NOT_IN_FORCE
  std::vector<std::string> minerals;  // RESTRICTS, RESTRICTS_NOT_IN_FORCE
  // The measure's (in_force; lifted, suspended, threatened, postponed) or, on
  // PARTY_TO_UNCONCLUDED, the agreement's status (planned, talks, failed).
  std::string status;
  std::vector<DocEvidence> evidence;
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps, EdgeProps>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;

// What records do not carry about an entity, from the gazetteers: its
// Wikidata id and a display name that replaces the label ("" each when
// none).
struct EntityInfo {
  std::string qid, label;
};
using EntityInfoLookup = std::function<EntityInfo(NodeKind kind, const std::string& id)>;

class KnowledgeGraph {
 public:
  void AddRecord(const Record& record);
  // Merges agreement reports, then renumbers nodes by (kind, id) and edges by
  // their ends, so every export is byte-identical whatever the input order.
  // `threads` share the work; the graph is the same whatever their number.
  // `info`, when given, is asked once for each country, group, mineral and
  // organization node.
  void Finalize(int threads = 1, const EntityInfoLookup& info = nullptr);

  const BoostGraph& graph() const { return *g_; }
  size_t node_count() const { return boost::num_vertices(*g_); }
  size_t edge_count() const { return boost::num_edges(*g_); }
  // Returns the vertex, or false if absent.
  bool FindNode(NodeKind kind, const std::string& id, Vertex* v) const;
  // Pairs of parties with the agreements they share, for the cooperation
  // view; agreements of more than kMaxPairwiseParties parties make no pairs.
  // `kind` kAgreement: concluded ones; kUnconcludedAgreement: the others.
  struct Partnership {
    Vertex a, b;
    std::vector<Vertex> agreements;
  };
  std::vector<Partnership> Partnerships(NodeKind kind = NodeKind::kAgreement) const;
  // Path, title, language, date and URL of every document read, by its id.
  const std::map<std::string, DocumentMeta>& documents() const { return documents_; }
  // The path a document was read from, for people to read (its id when
  // unknown): ids are stable keys, paths are what a tooltip should show.
  const std::string& DocumentPath(const std::string& id) const {
    auto it = documents_.find(id);
    return it == documents_.end() || it->second.path.empty() ? id : it->second.path;
  }
  // A finalized copy holding the nodes with keep_node[v] and the edges whose
  // keep_edge returns true and whose ends are both kept, in the same order
  // (so its exports are as deterministic as this graph's), with every
  // document's info. Call after Finalize().
  template <typename EdgePredicate>
  KnowledgeGraph Subgraph(const std::vector<bool>& keep_node, EdgePredicate keep_edge) const {
    KnowledgeGraph out;
    std::vector<Vertex> renumbered = CopyNodes(keep_node, &out);
    for (auto [it, end] = boost::edges(*g_); it != end; ++it) {
      const Vertex s = boost::source(*it, *g_), t = boost::target(*it, *g_);
      if (keep_node[s] && keep_node[t] && keep_edge(*it))
        boost::add_edge(renumbered[s], renumbered[t], (*g_)[*it], *out.g_);
    }
    return out;
  }
  // The agreements Partnerships(kind) leaves out: more than kMaxPairwiseParties.
  std::vector<Vertex> Multilateral(NodeKind kind = NodeKind::kAgreement) const;

 private:
  struct Report {  // One agreement as one document reported it.
    std::string doc;
    AgreementRef agreement;  // Evidence spans only; the sentences are in examples_.
    const std::vector<DocEvidence>* pool = nullptr;  // Its entry in examples_.
  };
  Vertex Node(NodeKind kind, const std::string& id);
  // Subgraph's nodes: copies the kept ones into `out` (finalized, with the
  // document infos); returns each kept vertex's number there.
  std::vector<Vertex> CopyNodes(const std::vector<bool>& keep_node, KnowledgeGraph* out) const;
  // The edge of this kind, subtype (restriction type) and status, made when absent.
  Edge EdgeBetween(Vertex a, Vertex b, EdgeKind kind, const std::string& subtype = "",
                   const std::string& status = "");
  // An edge known not to exist yet (one end is a new node): no search.
  Edge NewEdge(Vertex a, Vertex b, EdgeKind kind, int count);
  struct Cluster {  // Reports taken for one agreement.
    AgreementRef merged;
    std::vector<const Report*> reports;
    long day = -1;  // Day number of merged.date
  };
  struct PreparedAgreement {  // Its node and the ends of its edges.
    std::string id;           // Before numbering.
    NodeProps props;
    std::vector<std::string> parties, minerals, organizations;  // Sorted, unique.
    std::vector<const std::string*> docs;                       // Sorted, unique.
  };
  // Finalize's first step: reports clustered into agreements (ReportOrder,
  // ClusterReports), each cluster a node with its edges (AddClusterNodes).
  // Returns the thread that frees the reports (none on one thread): join it.
  JoiningThread AddAgreements(int threads);
  // Reports' indexes in canonical order: by status, parties, day, date,
  // document and offset, each paired with its sort key.
  std::vector<std::pair<std::string, uint32_t>> ReportOrder(int threads) const;
  // The clusters of each part of the groups of equal status and parties,
  // the parts in order (SameAgreement decides who joins whom).
  std::vector<std::vector<Cluster>> ClusterReports(
      const std::vector<std::pair<std::string, uint32_t>>& order, int threads) const;
  // Prepares and adds each cluster's node, freeing the cluster once added.
  void AddClusterNodes(const std::vector<Cluster*>& clusters, int threads);
  static void Merge(const Report& r, Cluster* home);
  static void Prepare(const Cluster& c, PreparedAgreement* out);
  // The agreement's node (its id numbered by `seen`) and its edges.
  void AddAgreementNode(PreparedAgreement* a, std::unordered_map<std::string, int>* seen);

  // Held by pointer: Finalize builds the sorted graph beside it and swaps
  // the pointers (Boost 1.74's adjacency_list has no move, and its swap copies).
  std::unique_ptr<BoostGraph> g_ = std::make_unique<BoostGraph>();
  // Vertex of each id, one table per node kind (looked up without copying the id).
  std::unordered_map<std::string, Vertex> index_[kNodeKinds];
  std::vector<Report> reports_;
  // Parties, date and minerals of reports -> their first sentences. Reports
  // with the same key are one agreement, so each agreement finds its first
  // kEvidenceExamples sentences among the pools of its reports' keys.
  std::unordered_map<std::string, std::vector<DocEvidence>> examples_;
  // Each document's own metadata, by id, for its node.
  std::map<std::string, DocumentMeta> documents_;
  bool finalized_ = false;
};

// A money figure as people write it, in every writer and in `stats`: three
// significant digits with a scale word (1670000000 AUD -> "1.67bn AUD",
// 2.85e14 -> "285tn", 1.8e12 -> "1.8tn"), never in exponent form; beyond a
// thousand trillion the trillions get thousands separators ("285,000tn").
// Below a million the whole number, with separators ("4,000 USD").
std::string MoneyLabel(double value, const std::string& currency);

// English name of an ISO 3166 country from ICU ("JP" -> "Japan").
std::string CountryName(const std::string& code);

}  // namespace kgx

#endif  // KGX_GRAPH_KNOWLEDGE_GRAPH_H_
