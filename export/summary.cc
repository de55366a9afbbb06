#include "export/summary.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "export/atomic_file.h"
#include "export/report_text.h"
#include "export/text_safety.h"
#include "graph/analytics.h"

namespace kgx {
namespace {

// Document text made inert in Markdown: every punctuation character that
// can start structure mid-line (links, emphasis, code, HTML, tables) escaped.
std::string MdText(const std::string& text) {
  std::string out;
  for (char c : CleanText(text, 300)) {
    if (std::string("\\`*_{}[]<>#|~&").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

// "A", "A and B", "A, B and C".
std::string JoinWords(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

// Numbers sources in the order they are first cited.
class Sources {
 public:
  explicit Sources(const KnowledgeGraph& kg) : kg_(kg) {}
  // " [1][3]" for up to kMax documents, then "+N more".
  std::string Cite(const std::vector<std::string>& docs, int total) {
    static constexpr size_t kMax = 6;
    std::vector<int> numbers;
    for (size_t i = 0; i < docs.size() && i < kMax; ++i) numbers.push_back(Number(docs[i]));
    std::sort(numbers.begin(), numbers.end());
    std::string out = " ";
    for (int n : numbers) out += "[" + std::to_string(n) + "]";
    const int shown = static_cast<int>(std::min(docs.size(), kMax));
    if (total > shown) out += " and " + std::to_string(total - shown) + " more";
    return out;
  }
  std::string List(const std::string& link_dir) const {
    std::string out;
    for (size_t i = 0; i < order_.size(); ++i) {
      // Documents are known by id; the link goes to the file they were read from.
      DocumentMeta info;
      auto it = kg_.documents().find(order_[i]);
      if (it != kg_.documents().end()) info = it->second;
      const std::string& path = info.path.empty() ? order_[i] : info.path;
      out +=
          std::to_string(i + 1) + ". " + (info.title.empty() ? MdText(path) : MdText(info.title));
      out += " (" + (info.published.empty() ? std::string("undated") : info.published);
      if (!info.lang.empty()) out += ", " + MdText(LanguageName(info.lang));
      out += "; <" + DocumentHref(path, info.url, link_dir) + ">)\n";
    }
    return out;
  }

 private:
  int Number(const std::string& doc) {
    auto [it, added] = number_.emplace(doc, static_cast<int>(order_.size()) + 1);
    if (added) order_.push_back(doc);
    return it->second;
  }
  const KnowledgeGraph& kg_;
  std::map<std::string, int> number_;
  std::vector<std::string> order_;
};

std::string Names(const BoostGraph& g, const std::vector<std::string>& ids,
                  const KnowledgeGraph& kg) {
  std::vector<std::string> names;
  for (const std::string& id : ids) {
    Vertex v;
    if (kg.FindNode(NodeKind::kCountryGroup, id, &v) || kg.FindNode(NodeKind::kCountry, id, &v))
      names.push_back(g[v].label);
    else
      names.push_back(id);
  }
  return JoinWords(names);
}

std::vector<std::string> EvidenceDocs(const std::vector<DocEvidence>& evidence) {
  std::vector<std::string> docs;
  for (const DocEvidence& e : evidence)
    if (std::find(docs.begin(), docs.end(), e.doc) == docs.end()) docs.push_back(e.doc);
  return docs;
}

// Agreements of one node kind by date, undated last.
std::vector<Vertex> AgreementsByDate(const KnowledgeGraph& kg, NodeKind kind) {
  const BoostGraph& g = kg.graph();
  std::vector<Vertex> agreements;
  for (Vertex v = 0; v < kg.node_count(); ++v)
    if (g[v].kind == kind) agreements.push_back(v);
  std::stable_sort(agreements.begin(), agreements.end(), [&](Vertex a, Vertex b) {
    if (g[a].date.empty() != g[b].date.empty()) return g[b].date.empty();  // Undated last.
    return g[a].date < g[b].date;
  });
  return agreements;
}

// "**2024-04-08**: Japan and Philippines, joint statement on cobalt; A$1 billion"
// (`note`, when given, in parentheses before the sources) and its sources.
std::string AgreementLine(const KnowledgeGraph& kg, Vertex v, const std::string& note,
                          Sources* sources) {
  const BoostGraph& g = kg.graph();
  const NodeProps& p = g[v];
  std::string out = "- **" + (p.date.empty() ? std::string("undated") : p.date) +
                    "**: " + Names(g, p.parties, kg) + ", " + KindText(p.agreement_kind);
  const std::vector<std::string> minerals = AgreementMinerals(g, v);
  if (!minerals.empty()) out += " on " + JoinWords(minerals);
  std::vector<std::string> money;
  // A conversion, a repeat or a part of a total is not more money (its role).
  for (const AmountRef& a : p.amounts)
    if (a.role.empty()) money.push_back(MoneyText(a));
  if (!money.empty()) out += "; " + JoinWords(money);
  if (!note.empty()) out += " (" + note + ")";
  return out + sources->Cite({p.docs.begin(), p.docs.end()}, p.doc_count) + "\n";
}

// "export ban on gallium, against Japan, reported 2025-11-09" and its sources.
std::string MeasureLine(const BoostGraph& g, const Measure& m, Sources* sources) {
  std::string out = KindText(m.type);
  if (!m.minerals.empty()) out += " on " + JoinWords(m.minerals);
  out += m.targeted ? ", against " + g[m.to].label : ", no target named";
  if (!m.date.empty()) out += ", reported " + m.date;
  return out + sources->Cite(EvidenceDocs(m.evidence), m.doc_count) + "\n";
}

}  // namespace

std::string SummaryMarkdown(const KnowledgeGraph& kg, const SummaryOptions& options) {
  const BoostGraph& g = kg.graph();
  Sources sources(kg);
  std::string out = "# Critical minerals: agreements and trade measures\n\n";

  // The corpus: how much was read, over which dates and languages.
  std::set<std::string> langs;
  std::string first, last;
  for (const auto& [path, info] : kg.documents()) {
    if (!info.lang.empty()) langs.insert(info.lang);
    if (info.published.empty()) continue;
    if (first.empty() || info.published < first) first = info.published;
    if (last.empty() || info.published > last) last = info.published;
  }
  out += "Read from " + std::to_string(kg.documents().size()) + " document" +
         (kg.documents().size() == 1 ? "" : "s");
  if (!first.empty())
    out += " published " + (first == last ? "on " + first : "from " + first + " to " + last);
  std::vector<std::string> languages;
  for (const std::string& l : langs) languages.push_back(LanguageName(l));
  if (!languages.empty()) out += ", in " + JoinWords(languages);
  out += ".";
  if (!options.scope.empty()) out += " Only facts matching " + MdText(options.scope) + ".";
  out += "\n\n## Agreements by date\n\n";

  const std::vector<Vertex> agreements = AgreementsByDate(kg, NodeKind::kAgreement);
  if (agreements.empty()) out += "None found.\n";
  for (Vertex v : agreements) out += AgreementLine(kg, v, "", &sources);

  out += "\n## Trade measures by imposer\n\n";
  const std::vector<Measure> measures = Measures(kg);
  if (measures.empty()) out += "None found.\n";
  Vertex imposer = 0;
  for (size_t i = 0; i < measures.size(); ++i) {
    const Measure& m = measures[i];
    if (i == 0 || m.from != imposer)
      out += (i ? "\n" : "") + std::string("### ") + g[m.from].label + "\n\n";
    imposer = m.from;
    out += "- " + MeasureLine(g, m, &sources);
  }

  // What was read but is no deal and no measure in force, apart, so that a
  // brief never reads a plan as a deal or a threat as a tariff.
  out += "\n## Not concluded / not in force\n\n";
  const std::vector<Vertex> unconcluded = AgreementsByDate(kg, NodeKind::kUnconcludedAgreement);
  const std::vector<Measure> not_in_force = Measures(kg, EdgeKind::kRestrictsNotInForce);
  if (unconcluded.empty() && not_in_force.empty()) out += "None found.\n";
  for (Vertex v : unconcluded) {  // "talks, not concluded"; talks of kind talks: "not concluded".
    const NodeProps& p = g[v];
    const std::string status = p.status == p.agreement_kind ? "" : KindText(p.status) + ", ";
    out += AgreementLine(kg, v, status + "not concluded", &sources);
  }
  for (const Measure& m : not_in_force)
    out += "- " + g[m.from].label + ": " + KindText(m.status) + " " + MeasureLine(g, m, &sources);

  // Most connected: partners from the cooperation network, then minerals.
  out += "\n## Most connected\n\nCountries and groups, by number of partners:\n\n";
  const Analytics stats = Analyze(kg);
  std::vector<ActorScore> actors = stats.actors;
  std::stable_sort(actors.begin(), actors.end(),
                   [](const ActorScore& a, const ActorScore& b) { return a.degree > b.degree; });
  if (actors.empty()) out += "None found.\n";
  for (size_t i = 0; i < actors.size() && i < 10; ++i) {
    Vertex v;
    if (!kg.FindNode(NodeKind::kCountryGroup, actors[i].id, &v))
      kg.FindNode(NodeKind::kCountry, actors[i].id, &v);
    std::set<std::string> docs;
    int n = 0;
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
      if (g[*it].kind == EdgeKind::kPartyTo) {
        ++n;
        docs.insert(g[boost::target(*it, g)].docs.begin(), g[boost::target(*it, g)].docs.end());
      }
    out += "- " + actors[i].label + ": " + std::to_string(actors[i].degree) + " partner" +
           (actors[i].degree == 1 ? "" : "s") + ", " + std::to_string(n) + " agreement" +
           (n == 1 ? "" : "s") +
           sources.Cite({docs.begin(), docs.end()}, static_cast<int>(docs.size())) + "\n";
  }
  out += "\nMinerals, by number of agreements:\n\n";
  if (stats.minerals.empty()) out += "None found.\n";
  for (size_t i = 0; i < stats.minerals.size() && i < 10; ++i) {
    Vertex v;
    kg.FindNode(NodeKind::kMineral, stats.minerals[i].first, &v);
    std::set<std::string> docs;
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
      if (g[*it].kind == EdgeKind::kCovers && g[boost::source(*it, g)].kind == NodeKind::kAgreement)
        docs.insert(g[boost::source(*it, g)].docs.begin(), g[boost::source(*it, g)].docs.end());
    const int n = stats.minerals[i].second;
    out += "- " + stats.minerals[i].first + ": " + std::to_string(n) + " agreement" +
           (n == 1 ? "" : "s") +
           sources.Cite({docs.begin(), docs.end()}, static_cast<int>(docs.size())) + "\n";
  }
  out += "\n## Sources\n\n" + sources.List(options.link_dir.empty() ? "." : options.link_dir);
  return out;
}

Status WriteSummary(const KnowledgeGraph& graph, const std::string& path, SummaryOptions options) {
  if (options.link_dir.empty()) {  // Links work from where the summary is.
    const std::string dir = std::filesystem::path(path).parent_path().string();
    options.link_dir = dir.empty() ? "." : dir;
  }
  return WriteFileAtomically(path, SummaryMarkdown(graph, options));
}

}  // namespace kgx
