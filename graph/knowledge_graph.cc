#include "graph/knowledge_graph.h"

#include <unicode/locdspnm.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <memory>
#include <thread>
#include <tuple>

#include "base/civil_date.h"
#include "base/parallel.h"
#include "base/strings.h"  // AddUnique

namespace kgx {
namespace {

// Days since 1970-01-01 of "YYYY-MM-DD", or of the 15th for a month
// ("YYYY-MM"), or -1.
long DayNumber(const std::string& iso) {
  int y, m, d = 15;
  if (iso.size() == 7) {
    if (std::sscanf(iso.c_str(), "%4d-%2d", &y, &m) != 2) return -1;
  } else if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) {
    return -1;
  }
  return DaysFromCivil(y, m, d);
}

bool Overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return true;
  for (const std::string& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  return false;
}

// Two reports with the same parties are one agreement when their minerals
// overlap (or one names none) and their dates allow one event: both
// undated; or both dated, their days (DayNumber) at most
// kSameAgreementDays apart, or in the same year when one gives only its
// year. An undated report never joins a dated one, nor the reverse: nothing
// says it is the same event, and the date would be claimed for a report
// that never stated it (knowledge_graph.h).
bool SameAgreement(const AgreementRef& a, long day_a, const AgreementRef& b, long day_b) {
  if (!Overlap(a.minerals, b.minerals)) return false;
  if (a.date.empty() || b.date.empty()) return a.date.empty() && b.date.empty();
  if (day_a < 0 || day_b < 0) return a.date.compare(0, 4, b.date, 0, 4) == 0;
  return std::labs(day_a - day_b) <= kSameAgreementDays;
}

// Counts a record's document once per node or edge (a record is one document).
void CountDoc(int* count, std::string* last, const std::string& doc) {
  if (*last == doc) return;
  *last = doc;
  ++*count;
}

bool EvidenceLess(const DocEvidence& a, const DocEvidence& b) {
  return std::tie(a.doc, a.evidence.start, a.evidence.end) <
         std::tie(b.doc, b.evidence.start, b.evidence.end);
}

bool SameSpan(const DocEvidence& a, const DocEvidence& b) {
  return !EvidenceLess(a, b) && !EvidenceLess(b, a);
}

// Keeps the first `limit` sentences in (document, offset) order, whatever
// order they are offered in.
void KeepFirst(std::vector<DocEvidence>* kept, DocEvidence ev, size_t limit) {
  for (const DocEvidence& k : *kept)
    if (SameSpan(k, ev)) return;
  if (kept->size() < limit) {
    kept->push_back(std::move(ev));
    return;
  }
  auto last = std::max_element(kept->begin(), kept->end(), EvidenceLess);
  if (EvidenceLess(ev, *last)) *last = std::move(ev);
}

std::string ReportKey(const AgreementRef& a) {
  std::string key = a.status + "|";  // A plan and a deed are never one agreement.
  for (const std::string& p : a.parties) key += p + ",";
  key += "|" + a.date + "|";
  for (const std::string& m : a.minerals) key += m + ",";
  return key;
}

}  // namespace

namespace {

// Every node kind, in NodeKind's order: its type name, its slug, and
// whether records mention it (a mention's kind is then the slug).
struct NodeKindNames {
  NodeKind kind;
  const char* name;
  const char* slug;
  bool mentioned;
};
constexpr NodeKindNames kNodeKindNames[] = {
    {NodeKind::kCountry, "Country", "country", true},
    {NodeKind::kCountryGroup, "CountryGroup", "group", true},
    {NodeKind::kOrganization, "Organization", "organization", true},
    {NodeKind::kMineral, "Mineral", "mineral", true},
    {NodeKind::kAgreement, "Agreement", "agreement", false},
    {NodeKind::kUnconcludedAgreement, "UnconcludedAgreement", "unconcluded-agreement", false},
    {NodeKind::kDocument, "Document", "document", false}};
static_assert(std::size(kNodeKindNames) == kNodeKinds, "a row per node kind");

constexpr bool RowsInKindOrder() {
  for (size_t i = 0; i < std::size(kNodeKindNames); ++i)
    if (static_cast<size_t>(kNodeKindNames[i].kind) != i) return false;
  return true;
}
static_assert(RowsInKindOrder(), "kNodeKindNames' rows in NodeKind's order");

const NodeKindNames& NamesOf(NodeKind kind) {
  return kNodeKindNames[static_cast<size_t>(kind)];
}

}  // namespace

const char* NodeKindName(NodeKind kind) { return NamesOf(kind).name; }
const char* NodeKindSlug(NodeKind kind) { return NamesOf(kind).slug; }

bool NodeKindOfMention(std::string_view mention_kind, NodeKind* kind) {
  for (const NodeKindNames& n : kNodeKindNames)
    if (n.mentioned && mention_kind == n.slug) {
      *kind = n.kind;
      return true;
    }
  return false;
}

const char* EdgeKindName(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kPartyTo: return "PARTY_TO";
    case EdgeKind::kCovers: return "COVERS";
    case EdgeKind::kParticipates: return "PARTICIPATES";
    case EdgeKind::kRestricts: return "RESTRICTS";
    case EdgeKind::kBasedIn: return "BASED_IN";
    case EdgeKind::kReportedBy: return "REPORTED_BY";
    case EdgeKind::kCoMentioned: return "CO_MENTIONED";
    case EdgeKind::kPartyToUnconcluded: return "PARTY_TO_UNCONCLUDED";
    case EdgeKind::kRestrictsNotInForce: return "RESTRICTS_NOT_IN_FORCE";
  }
  return "?";
}

namespace {

// `n` (a whole number) with a comma every three digits.
std::string Thousands(double n) {
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.0f", n);
  std::string in = digits, out;
  const size_t first = in[0] == '-' ? 1 : 0;
  for (size_t i = 0; i < in.size(); ++i) {
    if (i > first && (in.size() - i) % 3 == 0) out += ',';
    out += in[i];
  }
  return out;
}

}  // namespace

std::string MoneyLabel(double value, const std::string& currency) {
  struct Scale {
    double factor;
    const char* word;
  };
  static constexpr Scale kScales[] = {{1e12, "tn"}, {1e9, "bn"}, {1e6, "m"}};
  for (const Scale& scale : kScales) {
    if (value < scale.factor) continue;
    const double x = value / scale.factor;
    char buf[64];
    if (x >= 100) return Thousands(std::round(x)) + scale.word + " " + currency;
    // Three significant digits, trailing zeros dropped (1.80 -> 1.8).
    std::snprintf(buf, sizeof buf, "%.*f", x >= 10 ? 1 : 2, x);
    std::string digits = buf;
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
    // Rounding may reach the next power of ten (99.96 -> "100.0"): fine as written.
    return digits + scale.word + " " + currency;
  }
  return Thousands(std::round(value)) + " " + currency;
}

std::string CountryName(const std::string& code) {
  // ICU's full English name, unless CLDR disambiguates it with a dash
  // ("Congo - Kinshasa"): then its short form ("Congo (DRC)").
  std::string out;
  for (UDisplayContext length : {UDISPCTX_LENGTH_FULL, UDISPCTX_LENGTH_SHORT}) {
    UDisplayContext contexts[] = {length};
    std::unique_ptr<icu::LocaleDisplayNames> names(
        icu::LocaleDisplayNames::createInstance(icu::Locale::getEnglish(), contexts, 1));
    icu::UnicodeString name;
    if (names) names->regionDisplayName(code.c_str(), name);
    out.clear();
    name.toUTF8String(out);
    if (out.find(" - ") == std::string::npos) break;
  }
  const size_t dash = out.find(" - ");  // No short form either: "Congo (Kinshasa)".
  if (dash != std::string::npos) out = out.substr(0, dash) + " (" + out.substr(dash + 3) + ")";
  return out.empty() ? code : out;
}

bool KnowledgeGraph::FindNode(NodeKind kind, const std::string& id, Vertex* v) const {
  const auto& index = index_[static_cast<int>(kind)];
  auto it = index.find(id);
  if (it == index.end()) return false;
  *v = it->second;
  return true;
}

Vertex KnowledgeGraph::Node(NodeKind kind, const std::string& id) {
  auto [it, added] = index_[static_cast<int>(kind)].try_emplace(id, 0);  // One hash.
  if (!added) return it->second;
  const Vertex v = boost::add_vertex(*g_);
  NodeProps& p = (*g_)[v];
  p.kind = kind;
  p.id = id;
  p.label = kind == NodeKind::kCountry ? CountryName(id) : id;
  it->second = v;
  return v;
}

Edge KnowledgeGraph::EdgeBetween(Vertex a, Vertex b, EdgeKind kind, const std::string& subtype,
                                 const std::string& status) {
  if (kind == EdgeKind::kCoMentioned && (*g_)[b].id < (*g_)[a].id) std::swap(a, b);  // Undirected.
  for (auto [it, end] = boost::out_edges(a, *g_); it != end; ++it)
    if (boost::target(*it, *g_) == b && (*g_)[*it].kind == kind &&
        (*g_)[*it].restriction_type == subtype && (*g_)[*it].status == status)
      return *it;
  EdgeProps p;
  p.kind = kind;
  p.restriction_type = subtype;
  p.status = status;
  return boost::add_edge(a, b, p, *g_).first;
}

Edge KnowledgeGraph::NewEdge(Vertex a, Vertex b, EdgeKind kind, int count) {
  EdgeProps p;
  p.kind = kind;
  p.doc_count = p.count = count;
  return boost::add_edge(a, b, p, *g_).first;
}

void KnowledgeGraph::AddRecord(const Record& r) {
  // Documents are known by their stable id (the path only for records that
  // carry none): the graph does not change with the folder kgx ran in.
  const std::string& doc = r.id.empty() ? r.doc : r.id;
  DocumentMeta& meta = documents_[doc];
  if (meta.path.empty() || r.doc < meta.path)  // Whatever the order: the same.
    meta = {r.doc, r.title, r.url, r.lang, r.published};
  std::map<std::string_view, NodeKind> kind_of;  // Co-occurrence ids are countries or groups.
  // Mentions counted per entity first: one node lookup per entity of the
  // record, not per mention.
  std::map<std::pair<std::string_view, NodeKind>, int> mentions;
  for (const Mention& m : r.mentions) {
    NodeKind kind;
    if (!NodeKindOfMention(m.kind, &kind)) continue;  // Media report; they are not parties.
    kind_of[m.id] = kind;
    ++mentions[{m.id, kind}];
  }
  for (const auto& [entity, count] : mentions) {
    NodeProps& p = (*g_)[Node(entity.second, std::string(entity.first))];
    p.mentions += count;
    CountDoc(&p.doc_count, &p.last_doc, doc);
  }
  for (const OrganizationRef& o : r.organizations) {
    const Vertex v = Node(NodeKind::kOrganization, o.name);
    // Attributes do not depend on the order records arrive: the first
    // non-empty value in sort order wins.
    auto keep = [](std::string* have, const std::string& value) {
      if (!value.empty() && (have->empty() || value < *have)) *have = value;
    };
    keep(&(*g_)[v].org_kind, o.kind);
    keep(&(*g_)[v].country, o.country);
    if (!o.country.empty()) {
      EdgeProps& e = (*g_)[EdgeBetween(v, Node(NodeKind::kCountry, o.country), EdgeKind::kBasedIn)];
      CountDoc(&e.doc_count, &e.last_doc, doc);
      e.count = e.doc_count;
    }
  }
  for (const MineralRef& m : r.minerals)
    if (!m.symbol.empty()) (*g_)[Node(NodeKind::kMineral, m.name)].symbol = m.symbol;
  auto party_kind = [&](const std::string& id) {
    auto it = kind_of.find(id);
    return it == kind_of.end() ? NodeKind::kCountry : it->second;
  };
  for (const Cooccurrence& c : r.cooccurrences) {
    // A sentence listing dozens of countries says nothing of each pair.
    if (c.ids.size() > kMaxPairwiseParties) continue;
    for (size_t i = 0; i < c.ids.size(); ++i) {
      for (size_t j = i + 1; j < c.ids.size(); ++j) {
        Edge e = EdgeBetween(Node(party_kind(c.ids[i]), c.ids[i]),
                             Node(party_kind(c.ids[j]), c.ids[j]), EdgeKind::kCoMentioned);
        EdgeProps& p = (*g_)[e];
        ++p.count;
        CountDoc(&p.doc_count, &p.last_doc, doc);
        // Co-mentions are derived and numerous: keep a few sentences as
        // examples (the first in document order), not all of them.
        KeepFirst(&p.evidence, {doc, c.evidence}, kCoMentionExamples);
      }
    }
  }
  // Only measures in force are RESTRICTS edges (DESIGN.md, status); the
  // others are RESTRICTS_NOT_IN_FORCE edges between the same ends.
  for (const RestrictionRef& x : r.restrictions) {
    const bool in_force = IsInForce(x);
    const Vertex from = Node(NodeKind::kCountry, x.from);
    std::vector<Vertex> targets;
    if (!x.to.empty()) targets.push_back(Node(NodeKind::kCountry, x.to));
    else
      for (const std::string& m : x.minerals) targets.push_back(Node(NodeKind::kMineral, m));
    // Neither target nor mineral named ("China's export controls"): the
    // measure is on the country's own exports, a loop, so that it still
    // reaches every format.
    if (targets.empty()) targets.push_back(from);
    for (Vertex t : targets) {
      EdgeProps& e =
          (*g_)[in_force ? EdgeBetween(from, t, EdgeKind::kRestricts, x.type)
                         : EdgeBetween(from, t, EdgeKind::kRestrictsNotInForce, x.type, x.status)];
      ++e.count;
      CountDoc(&e.doc_count, &e.last_doc, doc);
      for (const std::string& m : x.minerals) AddUnique(&e.minerals, m);
      for (const Evidence& ev : x.evidence) KeepFirst(&e.evidence, {doc, ev}, kEvidenceExamples);
    }
  }
  // Concluded agreements and the others are clustered alike, each status on
  // its own (AddAgreements); the others become UnconcludedAgreement nodes.
  for (const AgreementRef& a : r.agreements) {
    Report report{doc, a};
    std::vector<DocEvidence>& pool = examples_[ReportKey(a)];
    report.pool = &pool;  // unordered_map entries stay put.
    for (Evidence& ev : report.agreement.evidence) {
      KeepFirst(&pool, {doc, ev}, kEvidenceExamples);
      std::string().swap(ev.text);
    }
    reports_.push_back(std::move(report));
    // Parties keep their kind (group or country) from the record's mentions.
    for (const std::string& p : a.parties) Node(party_kind(p), p);
  }
}

JoiningThread KnowledgeGraph::AddAgreements(int threads) {
  std::vector<std::pair<std::string, uint32_t>> order = ReportOrder(threads);
  std::vector<std::vector<Cluster>> by_part = ClusterReports(order, threads);
  index_[static_cast<int>(NodeKind::kDocument)].reserve(reports_.size());  // No rehashing.
  std::vector<Cluster*> clusters;  // In order: the parts hold consecutive groups.
  for (auto& part : by_part)
    for (Cluster& c : part) clusters.push_back(&c);
  AddClusterNodes(clusters, threads);
  // The reports and their sentences are freed beside the rest of Finalize
  // when a second thread is allowed (they were a fifth of its time).
  auto free_all = [reports = std::move(reports_), examples = std::move(examples_),
                   by_part = std::move(by_part), order = std::move(order)]() mutable {
    std::vector<std::vector<Cluster>>().swap(by_part);
    std::vector<std::pair<std::string, uint32_t>>().swap(order);
    std::vector<Report>().swap(reports);
    std::unordered_map<std::string, std::vector<DocEvidence>>().swap(examples);
  };
  reports_.clear();  // Moved from: empty again, as after clear().
  examples_.clear();
  if (threads <= 1) {
    free_all();
    return JoiningThread();
  }
  return JoiningThread(std::move(free_all));
}

std::vector<std::pair<std::string, uint32_t>> KnowledgeGraph::ReportOrder(int threads) const {
  // Canonical order first, so clustering does not depend on input order
  // (an index is sorted: reports are large to move).
  // The order is (status, parties, day, date, document, first evidence
  // offset), compared as one byte string: parties joined by \x01 and ended
  // by \x00 (a shorter list sorts first), then the day in fixed width (none
  // for undated reports, which come first), date, document and the offset.
  std::vector<std::pair<std::string, uint32_t>> order(reports_.size());
  ParallelFor(threads, order.size(), [&](size_t, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const Report& r = reports_[i];
      std::string& key = order[i].first;
      // Status first: only reports of one status can be one agreement.
      key += r.agreement.status;
      key += '\0';
      for (size_t k = 0; k < r.agreement.parties.size(); ++k)
        key += (k ? "\x01" : "") + r.agreement.parties[k];
      key += '\0';
      // Dated reports by day (a month counts as its 15th: "2024-11" after
      // "2024-11-05"), so clustering meets them in time order.
      if (!r.agreement.date.empty()) {
        char days[24];
        std::snprintf(days, sizeof days, "%09ld", DayNumber(r.agreement.date) + 100000000L);
        key += days;
      }
      key += r.agreement.date;
      key += '\0';
      key += r.doc;
      key += '\0';
      char offset[17];
      std::snprintf(offset, sizeof offset, "%016zx",
                    r.agreement.evidence.empty() ? size_t{0} : r.agreement.evidence.front().start);
      key += offset;
      order[i].second = static_cast<uint32_t>(i);
    }
  });
  // Sorted in parts, then merged: keys are unique, so the order is the same.
  ParallelFor(threads, order.size(), [&](size_t, size_t begin, size_t end) {
    std::sort(order.begin() + begin, order.begin() + end);
  });
  const size_t parts = Parts(threads, order.size());
  for (size_t k = 1; k < parts; ++k)
    std::inplace_merge(order.begin(), order.begin() + order.size() * k / parts,
                       order.begin() + order.size() * (k + 1) / parts);
  return order;
}

std::vector<std::vector<KnowledgeGraph::Cluster>> KnowledgeGraph::ClusterReports(
    const std::vector<std::pair<std::string, uint32_t>>& order, int threads) const {
  // Only reports with the same parties can be one agreement, and they are
  // neighbours in this order: each group of parties is clustered on its
  // own, the groups in parallel. Within a group reports come by date, so a
  // cluster dated more than kSameAgreementDays before a dated report can
  // take no later dated report ("active" drops it); reports with no full
  // date still see every cluster of the group.
  auto same_parties = [&](size_t a, size_t b) {
    const AgreementRef& x = reports_[order[a].second].agreement;
    const AgreementRef& y = reports_[order[b].second].agreement;
    return x.status == y.status && x.parties == y.parties;
  };
  std::vector<size_t> group_starts;  // Where each group of parties begins.
  for (size_t i = 0; i < order.size(); ++i)
    if (i == 0 || !same_parties(i - 1, i)) group_starts.push_back(i);
  group_starts.push_back(order.size());
  const size_t n_groups = group_starts.size() - 1;
  std::vector<std::vector<Cluster>> by_part(Parts(threads, n_groups));
  ParallelFor(threads, n_groups, [&](size_t part, size_t g_begin, size_t g_end) {
    std::vector<Cluster>& clusters = by_part[part];
    for (size_t g = g_begin; g < g_end; ++g) {
      const size_t first = clusters.size();
      std::vector<size_t> active;  // Clusters of this group still in date range.
      for (size_t i = group_starts[g]; i < group_starts[g + 1]; ++i) {
        const Report& r = reports_[order[i].second];
        const long day = DayNumber(r.agreement.date);
        if (day >= 0)
          active.erase(std::remove_if(active.begin(), active.end(),
                                      [&](size_t c) {
                                        return clusters[c].day >= 0 &&
                                               day - clusters[c].day > kSameAgreementDays;
                                      }),
                       active.end());
        Cluster* home = nullptr;
        auto consider = [&](size_t c) {
          if (SameAgreement(clusters[c].merged, clusters[c].day, r.agreement, day))
            home = &clusters[c];
        };
        if (day < 0) {
          for (size_t c = first; c < clusters.size(); ++c) consider(c);
        } else {
          for (size_t c : active) consider(c);
        }
        if (home == nullptr) {
          active.push_back(clusters.size());
          clusters.push_back({r.agreement, {&r}, day});
          continue;
        }
        Merge(r, home);
      }
    }
  });
  return by_part;
}

void KnowledgeGraph::AddClusterNodes(const std::vector<Cluster*>& clusters, int threads) {
  // Each agreement's node is prepared, then added to the graph on this
  // thread, in chunks so that only two chunks' nodes wait at a time. With a
  // second thread, it prepares the next chunk while this one adds the last
  // (adding alone used to wait for each chunk's preparing).
  // Ids (parties and date) are numbered when several agreements share them.
  std::unordered_map<std::string, int> seen;  // Ids of agreements so far, with their count.
  seen.reserve(clusters.size());
  static constexpr size_t kChunk = 512;
  auto prepare = [&clusters](size_t from, std::vector<PreparedAgreement>* out) {
    out->assign(std::min(kChunk, clusters.size() - from), PreparedAgreement());
    for (size_t i = 0; i < out->size(); ++i) Prepare(*clusters[from + i], &(*out)[i]);
  };
  std::vector<PreparedAgreement> ready, next;
  if (!clusters.empty()) prepare(0, &ready);
  for (size_t from = 0; from < clusters.size(); from += kChunk) {
    const bool more = from + kChunk < clusters.size();
    // Reads only the next chunk's clusters and their reports.
    const bool ahead = more && threads > 1;
    JoiningThread helper;
    if (ahead) helper = JoiningThread(prepare, from + kChunk, &next);
    for (size_t i = 0; i < ready.size(); ++i) {
      AddAgreementNode(&ready[i], &seen);
      *clusters[from + i] = Cluster();  // Done with: free it now.
    }
    if (ahead)
      helper.Join();
    else if (more)
      prepare(from + kChunk, &next);
    ready.swap(next);
  }
}

void KnowledgeGraph::AddAgreementNode(PreparedAgreement* a, std::unordered_map<std::string, int>* seen) {
  const NodeKind kind =
      a->props.status == "concluded" ? NodeKind::kAgreement : NodeKind::kUnconcludedAgreement;
  std::string id = a->id;
  // Ids are numbered per node kind: a plan may share its deed's parties and date.
  const int n = ++(*seen)[std::string(NodeKindName(kind)) + ":" + id];
  if (n > 1) id += "#" + std::to_string(n);
  const Vertex v = Node(kind, id);
  NodeProps& p = (*g_)[v];
  a->props.kind = p.kind;  // The node's own: its kind and numbered id.
  a->props.id = std::move(p.id);
  p = std::move(a->props);
  const int n_docs = p.doc_count;
  // v is new, so are its edges: one per unique party, mineral,
  // organization and document.
  for (const std::string& party : a->parties) {
    Vertex pv;
    if (!FindNode(NodeKind::kCountryGroup, party, &pv)) pv = Node(NodeKind::kCountry, party);
    const Edge e = NewEdge(pv, v, PartyEdge(kind), n_docs);
    if (kind != NodeKind::kAgreement) (*g_)[e].status = p.status;
  }
  for (const std::string& m : a->minerals)
    NewEdge(v, Node(NodeKind::kMineral, m), EdgeKind::kCovers, n_docs);
  for (const std::string& o : a->organizations)
    NewEdge(Node(NodeKind::kOrganization, o), v, EdgeKind::kParticipates, n_docs);
  for (const std::string* d : a->docs)
    NewEdge(v, Node(NodeKind::kDocument, *d), EdgeKind::kReportedBy, 1);
}

void KnowledgeGraph::Merge(const Report& r, Cluster* home) {
  AgreementRef& m = home->merged;
  for (const auto& x : r.agreement.minerals) AddUnique(&m.minerals, x);
  for (const auto& x : r.agreement.organizations) AddUnique(&m.organizations, x);
  // The same figure in several reports is one figure (A$1.67 billion and
  // 16.7 億澳元 both normalize to 1670000000 AUD); it counts when one report
  // counts it.
  for (const AmountRef& x : r.agreement.amounts) {
    auto same = std::find_if(m.amounts.begin(), m.amounts.end(), [&](const AmountRef& y) {
      return y.value == x.value && y.currency == x.currency;
    });
    if (same == m.amounts.end())
      m.amounts.push_back(x);
    else if (x.role.empty())
      same->role.clear();
  }
  // The most precise date (a day over a month), then the earliest.
  const std::string& d = r.agreement.date;
  if (!d.empty() &&
      (m.date.empty() || d.size() > m.date.size() || (d.size() == m.date.size() && d < m.date))) {
    m.date = d;
    home->day = DayNumber(m.date);
  }
  m.confidence = std::max(m.confidence, r.agreement.confidence);
  home->reports.push_back(&r);
}

void KnowledgeGraph::Prepare(const Cluster& c, PreparedAgreement* out) {
  out->id.clear();
  for (const std::string& p : c.merged.parties) out->id += (out->id.empty() ? "" : "-") + p;
  out->id += "/" + (c.merged.date.empty() ? std::string("undated") : c.merged.date);
  NodeProps& p = out->props;
  p.agreement_kind = c.merged.kind;
  p.status = c.merged.status;
  p.date = c.merged.date;
  p.parties = c.merged.parties;
  p.amounts = c.merged.amounts;
  p.confidence = c.merged.confidence;
  std::string label;
  for (const std::string& party : p.parties) label += (label.empty() ? "" : "–") + party;
  label += " " + p.agreement_kind;
  // Not concluded: the status is in the label, so no reader takes it for a deal.
  if (p.status != "concluded" && p.status != p.agreement_kind) label += " (" + p.status + ")";
  p.label = label + (p.date.empty() ? "" : " " + p.date);
  std::vector<const std::vector<DocEvidence>*> pools;
  std::vector<const std::string*>& docs = out->docs;
  std::vector<DocEvidence> spans;  // The cluster's own sentences, without text.
  for (const Report* r : c.reports) {
    docs.push_back(&r->doc);
    pools.push_back(r->pool);
    for (const Evidence& ev : r->agreement.evidence) spans.push_back({r->doc, ev});
  }
  auto less = [](const std::string* a, const std::string* b) { return *a < *b; };
  auto same = [](const std::string* a, const std::string* b) { return *a == *b; };
  std::sort(docs.begin(), docs.end(), less);
  docs.erase(std::unique(docs.begin(), docs.end(), same), docs.end());
  for (const std::string* d : docs) p.docs.emplace_hint(p.docs.end(), *d);
  p.mentions = static_cast<int>(c.reports.size());
  p.doc_count = static_cast<int>(docs.size());
  std::sort(pools.begin(), pools.end());
  pools.erase(std::unique(pools.begin(), pools.end()), pools.end());
  std::sort(spans.begin(), spans.end(), EvidenceLess);
  for (const std::vector<DocEvidence>* pool : pools)
    for (const DocEvidence& ev : *pool)
      if (std::binary_search(spans.begin(), spans.end(), ev, EvidenceLess))
        KeepFirst(&p.evidence, ev, kEvidenceExamples);
  std::sort(p.evidence.begin(), p.evidence.end(), EvidenceLess);
  auto unique = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  };
  out->parties = unique(c.merged.parties);
  out->minerals = unique(c.merged.minerals);
  out->organizations = unique(c.merged.organizations);
}

std::vector<KnowledgeGraph::Partnership> KnowledgeGraph::Partnerships(NodeKind kind) const {
  std::map<std::pair<Vertex, Vertex>, std::vector<Vertex>> pairs;
  for (Vertex v = 0; v < boost::num_vertices(*g_); ++v) {
    if ((*g_)[v].kind != kind) continue;
    std::vector<Vertex> parties;
    for (auto [it, end] = boost::in_edges(v, *g_); it != end; ++it)
      if ((*g_)[*it].kind == PartyEdge(kind)) parties.push_back(boost::source(*it, *g_));
    std::sort(parties.begin(), parties.end());
    if (parties.size() > kMaxPairwiseParties) continue;  // Multilateral().
    for (size_t i = 0; i < parties.size(); ++i)
      for (size_t j = i + 1; j < parties.size(); ++j) pairs[{parties[i], parties[j]}].push_back(v);
  }
  std::vector<Partnership> out;
  for (auto& [ends, agreements] : pairs) out.push_back({ends.first, ends.second, agreements});
  return out;
}

std::vector<Vertex> KnowledgeGraph::CopyNodes(const std::vector<bool>& keep_node,
                                              KnowledgeGraph* out) const {
  std::vector<Vertex> renumbered(boost::num_vertices(*g_), 0);
  for (Vertex v = 0; v < renumbered.size(); ++v) {
    if (!keep_node[v]) continue;
    const NodeProps& p = (*g_)[v];
    renumbered[v] = boost::add_vertex(p, *out->g_);
    out->index_[static_cast<int>(p.kind)].emplace(p.id, renumbered[v]);
  }
  out->documents_ = documents_;
  out->finalized_ = true;
  return renumbered;
}

std::vector<Vertex> KnowledgeGraph::Multilateral(NodeKind kind) const {
  std::vector<Vertex> out;
  for (Vertex v = 0; v < boost::num_vertices(*g_); ++v) {
    if ((*g_)[v].kind != kind) continue;
    size_t parties = 0;
    for (auto [it, end] = boost::in_edges(v, *g_); it != end; ++it)
      parties += (*g_)[*it].kind == PartyEdge(kind);
    if (parties > kMaxPairwiseParties) out.push_back(v);
  }
  return out;
}

void KnowledgeGraph::Finalize(int threads, const EntityInfoLookup& info) {
  JoiningThread freeing;  // Of what clustering leaves (AddAgreements).
  if (!finalized_) freeing = AddAgreements(threads);
  if (info) {
    for (Vertex v = 0; v < boost::num_vertices(*g_); ++v) {
      NodeProps& p = (*g_)[v];
      if (p.kind != NodeKind::kCountry && p.kind != NodeKind::kCountryGroup &&
          p.kind != NodeKind::kMineral && p.kind != NodeKind::kOrganization)
        continue;
      EntityInfo e = info(p.kind, p.id);
      if (!e.qid.empty()) p.qid = std::move(e.qid);
      if (!e.label.empty()) p.label = std::move(e.label);
    }
  }
  for (auto& [id, meta] : documents_) {
    Vertex v;
    if (!FindNode(NodeKind::kDocument, id, &v)) continue;
    NodeProps& p = (*g_)[v];
    p.document = meta;
    if (!meta.title.empty()) p.label = meta.title;
  }
  finalized_ = true;
  std::vector<Vertex> order(boost::num_vertices(*g_));
  for (Vertex v = 0; v < order.size(); ++v) order[v] = v;
  std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) {
    return std::tie((*g_)[a].kind, (*g_)[a].id) < std::tie((*g_)[b].kind, (*g_)[b].id);
  });
  std::vector<Vertex> new_index(order.size());
  auto sorted = std::make_unique<BoostGraph>(order.size());  // Properties moved in.
  for (auto& index : index_) index.clear();
  for (Vertex i = 0; i < order.size(); ++i) {
    const Vertex v = order[i];
    index_[static_cast<int>((*g_)[v].kind)].emplace((*g_)[v].id, i);
    new_index[v] = i;
    (*sorted)[i] = std::move((*g_)[v]);
  }
  // Edges in (source, target, kind, subtype, status) order; the sort moves
  // small keys, not the properties.
  struct Pending {
    Vertex s, t;
    EdgeKind kind;
    const std::string* subtype;
    const std::string* status;
    EdgeProps* p;
  };
  std::vector<Pending> edges;
  edges.reserve(boost::num_edges(*g_));
  for (auto [it, end] = boost::edges(*g_); it != end; ++it) {
    EdgeProps& p = (*g_)[*it];
    std::sort(p.evidence.begin(), p.evidence.end(), EvidenceLess);
    std::sort(p.minerals.begin(), p.minerals.end());
    edges.push_back({new_index[boost::source(*it, *g_)], new_index[boost::target(*it, *g_)], p.kind,
                     &p.restriction_type, &p.status, &p});
  }
  std::sort(edges.begin(), edges.end(), [](const Pending& a, const Pending& b) {
    return std::tie(a.s, a.t, a.kind, *a.subtype, *a.status) <
           std::tie(b.s, b.t, b.kind, *b.subtype, *b.status);
  });
  // Boost 1.74's add_edge copies the properties it is given: add the edge
  // bare, then move them in.
  for (Pending& e : edges) {
    const Edge added = boost::add_edge(e.s, e.t, *sorted).first;
    (*sorted)[added] = std::move(*e.p);
  }
  g_ = std::move(sorted);
  freeing.Join();
}

}  // namespace kgx
