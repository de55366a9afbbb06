#include "graph/filter.h"

#include <re2/re2.h>

#include <algorithm>

namespace kgx {
namespace {

bool AnyOf(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  for (const std::string& w : wanted)
    if (std::find(have.begin(), have.end(), w) != have.end()) return true;
  return false;
}

// Compares two dates at the precision both have ("2024" vs "2024-06-01": "2024").
int ComparePrefix(const std::string& a, const std::string& b) {
  const size_t n = std::min(a.size(), b.size());
  return a.compare(0, n, b, 0, n);
}

struct Checker {
  const KnowledgeGraph& kg;
  const GraphFilter& f;

  bool Passes(const std::vector<std::string>& ends, const std::vector<std::string>& minerals,
              const std::string& date, int docs) const {
    if (!f.countries.empty() && !AnyOf(f.countries, ends)) return false;
    if (!f.minerals.empty() && !AnyOf(f.minerals, minerals)) return false;
    if (docs < f.min_docs) return false;
    return DateInRange(date, f.since, f.until);
  }
  bool Agreement(Vertex v) const {
    const BoostGraph& g = kg.graph();
    std::vector<std::string> minerals;
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
      if (g[*it].kind == EdgeKind::kCovers) minerals.push_back(g[boost::target(*it, g)].id);
    return Passes(g[v].parties, minerals, g[v].date, g[v].doc_count);
  }
  bool Measure(Edge e) const {
    const BoostGraph& g = kg.graph();
    const EdgeProps& p = g[e];
    std::vector<std::string> ends = {g[boost::source(e, g)].id};
    if (g[boost::target(e, g)].kind != NodeKind::kMineral)
      ends.push_back(g[boost::target(e, g)].id);
    // A measure's date is only needed when a range is asked for.
    const std::string date = f.since.empty() && f.until.empty() ? "" : MeasureDate(kg, p);
    return Passes(ends, p.minerals, date, p.doc_count);
  }
};

}  // namespace

Status ParseFilterDate(const std::string& text, std::string* date) {
  static const RE2 kDate(R"((\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)");
  if (!RE2::FullMatch(text, kDate))
    return Status::Error("invalid date '" + text + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  *date = text;
  return Status::Ok();
}

bool DateInRange(const std::string& date, const std::string& since, const std::string& until) {
  if (since.empty() && until.empty()) return true;
  if (date.empty()) return false;
  if (!since.empty() && ComparePrefix(date, since) < 0) return false;
  if (!until.empty() && ComparePrefix(date, until) > 0) return false;
  return true;
}

std::string MeasureDate(const KnowledgeGraph& kg, const EdgeProps& measure) {
  std::string earliest;
  for (const DocEvidence& ev : measure.evidence) {
    auto it = kg.documents().find(ev.doc);
    if (it == kg.documents().end() || it->second.published.empty()) continue;
    const std::string& d = it->second.published;
    if (earliest.empty() || d < earliest) earliest = d;
  }
  return earliest;
}

KnowledgeGraph FilterGraph(const KnowledgeGraph& kg, const GraphFilter& filter) {
  const BoostGraph& g = kg.graph();
  const Checker check{kg, filter};
  std::vector<bool> keep(boost::num_vertices(g), false);
  for (Vertex v = 0; v < keep.size(); ++v) {
    if (!IsAgreementKind(g[v].kind) || !check.Agreement(v)) continue;
    keep[v] = true;
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
      keep[boost::target(*it, g)] = true;
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
      keep[boost::source(*it, g)] = true;
  }
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    if (IsMeasureEdge(g[*it].kind) && check.Measure(*it))
      keep[boost::source(*it, g)] = keep[boost::target(*it, g)] = true;
  // Edges of agreements follow their agreement (kept above with its ends);
  // a measure must pass on its own, as a country kept for another reason
  // may impose measures that do not.
  return kg.Subgraph(keep, [&](Edge e) { return !IsMeasureEdge(g[e].kind) || check.Measure(e); });
}

std::string FilterScope(const GraphFilter& f) {
  std::vector<std::string> parts;
  auto any = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& x : v) out += (out.empty() ? "" : " or ") + x;
    return out;
  };
  if (!f.countries.empty()) parts.push_back("country " + any(f.countries));
  if (!f.minerals.empty()) parts.push_back("mineral " + any(f.minerals));
  if (!f.since.empty()) parts.push_back("since " + f.since);
  if (!f.until.empty()) parts.push_back("until " + f.until);
  if (f.min_docs > 1) parts.push_back("at least " + std::to_string(f.min_docs) + " documents");
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace kgx
