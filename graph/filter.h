// Narrowing the graph to what an analyst asked for: some countries, some
// minerals, a date range, facts reported by enough documents. The command
// line's --country, --mineral, --since, --until and --min-docs apply it to
// the graph before any output is written.
//
//   kgx::GraphFilter f;
//   f.countries = {"JP"};
//   f.since = "2024-01";
//   kgx::KnowledgeGraph small = kgx::FilterGraph(graph, f);
//
// What is kept: the agreements (concluded or not) that pass every
// condition, with their parties, minerals, organizations and documents; the
// trade measures (RESTRICTS and RESTRICTS_NOT_IN_FORCE edges) that pass,
// with both ends; organizations' BASED_IN
// edges and co-mentions between nodes still there. Conditions:
//   countries  an agreement with one of them as a party; a measure one of
//              them imposes or is targeted by (ids of countries or groups);
//   minerals   an agreement or measure naming one of them;
//   since/until  the fact's date overlaps the range (YYYY, YYYY-MM or
//              YYYY-MM-DD, compared at the precision both have: "2024"
//              falls within --since 2024-06); a measure is dated by the
//              earliest publication of the documents it was read in; an
//              undated fact is dropped when a range is given;
//   min_docs   reported by at least that many documents.
// Thread safety: reads the graph only.
#ifndef KGX_GRAPH_FILTER_H_
#define KGX_GRAPH_FILTER_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "graph/knowledge_graph.h"

namespace kgx {

struct GraphFilter {
  std::vector<std::string> countries;  // Country or group ids (JP, EU); any of them.
  std::vector<std::string> minerals;   // Canonical mineral ids (lithium); any of them.
  std::string since, until;            // YYYY, YYYY-MM or YYYY-MM-DD; "" for open.
  int min_docs = 0;
  bool empty() const {
    return countries.empty() && minerals.empty() && since.empty() && until.empty() && min_docs <= 1;
  }
};

// Checks a --since or --until value; the error says what was expected.
Status ParseFilterDate(const std::string& text, std::string* date);

// Whether `date` (YYYY[-MM[-DD]], possibly "") lies in [since, until] at the
// precision both have. An empty date is in range only when the range is open.
bool DateInRange(const std::string& date, const std::string& since, const std::string& until);

// The date of a measure: the earliest publication date among the documents
// of its evidence, "" when none is known.
std::string MeasureDate(const KnowledgeGraph& graph, const EdgeProps& measure);

// The subgraph the filter keeps (see above); `graph` itself when the filter
// is empty is the caller's shortcut, not this function's.
KnowledgeGraph FilterGraph(const KnowledgeGraph& graph, const GraphFilter& filter);

// The filter in words, for the report and summary: "country JP or KR,
// since 2024-01, at least 2 documents"; "" for an empty filter.
std::string FilterScope(const GraphFilter& filter);

}  // namespace kgx

#endif  // KGX_GRAPH_FILTER_H_
