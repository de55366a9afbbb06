// The written brief (`-o summary.md`): what an analyst pastes into a note.
//
//   kgx::SummaryOptions opt;  opt.scope = "country JP, since 2024-01";
//   std::string md = kgx::SummaryMarkdown(graph, opt);
//   kgx::Status s = kgx::WriteSummary(graph, "summary.md", opt);
//
// Sections: the corpus (documents, dates, languages, filters); agreements by
// date (undated last) with parties, kind, minerals and amounts; trade
// measures grouped by the country imposing them, with type, target and
// minerals; what is not concluded (planned, talks, failed agreements) or not
// in force (lifted, suspended, threatened, postponed measures), apart, each with its
// status, so a plan never reads as a deal; the most connected countries and groups (by partners)
// and minerals (by agreements); then the numbered sources. Every line of the lists cites its
// documents as [n], n being a source's number; sources give title, date, language and link (URL
// when known, else the file). Text from documents (titles) is escaped so it cannot add Markdown
// structure or HTML. Deterministic: the same graph gives the same bytes.
// Failure: a Status naming the file. Thread safety: reads the graph only.
#ifndef KGX_EXPORT_SUMMARY_H_
#define KGX_EXPORT_SUMMARY_H_

#include <string>

#include "base/status.h"
#include "graph/knowledge_graph.h"

namespace kgx {

struct SummaryOptions {
  std::string scope;     // The filters applied, in words; "" when none.
  std::string link_dir;  // Links to files are relative to this folder ("." default).
};

std::string SummaryMarkdown(const KnowledgeGraph& graph, const SummaryOptions& options);
// link_dir "" means the summary's own folder.
Status WriteSummary(const KnowledgeGraph& graph, const std::string& path, SummaryOptions options);

}  // namespace kgx

#endif  // KGX_EXPORT_SUMMARY_H_
