// The analyst's view (`-o report.html`): one self-contained HTML file that
// works offline, opened by double-click. Nothing is fetched: the script and
// style are kgx's own, inline; the graph is Graphviz's SVG, laid out once
// here (neato, like the DOT view).
//
//   kgx::HtmlReportOptions opt;
//   kgx::Status s = kgx::WriteHtmlReport(graph, "report.html", opt);
//
// What it shows: the cooperation view (countries and groups linked by the
// agreements they share, trade measures as red arrows) with countries'
// display names, measures in words and money as news writes it; a side panel
// that, on a click on a country, an edge or an agreement, lists its
// agreements and measures (kind, status, date, minerals, amounts, parties)
// with every evidence sentence kept and its document's title, date, language
// and link; filters (country, mineral, kind, status, date range, minimum
// documents, free text) that the graph, panel and timeline follow; a timeline
// of agreements and measures by month, whose bars set the date range.
// Agreements not concluded (planned, talks, failed) and measures not in force
// (lifted, suspended, threatened, postponed) are shown too, as dashed edges labelled with
// their status ("threatened tariff") and cards marked so; the status filter's
// "concluded or in force" choice hides them.
//
// Safety: documents are untrusted. Their text reaches the page only as JSON
// inside <script type="application/json">, with <, > and & written as \u
// escapes so no sentence can close the element, and the script puts it on
// the page with textContent, never as markup; links are http(s) URLs or
// percent-encoded file paths (DocumentHref).
// Failure: a Status naming the file (layout, rendering, writing).
// Thread safety: not thread-safe (Graphviz keeps global state).
#ifndef KGX_EXPORT_HTML_REPORT_H_
#define KGX_EXPORT_HTML_REPORT_H_

#include <string>

#include "base/status.h"
#include "graph/knowledge_graph.h"

namespace kgx {

struct HtmlReportOptions {
  std::string scope;     // Filters applied on the command line, in words; "" if none.
  std::string link_dir;  // Links to files are made relative to it; "" = the report's folder.
};

// The page's data (what the script reads), as the JSON text embedded in it.
std::string ReportDataJson(const KnowledgeGraph& graph, const HtmlReportOptions& options);

// The whole page.
Status HtmlReport(const KnowledgeGraph& graph, const HtmlReportOptions& options, std::string* html);
Status WriteHtmlReport(const KnowledgeGraph& graph, const std::string& path,
                       HtmlReportOptions options);

}  // namespace kgx

#endif  // KGX_EXPORT_HTML_REPORT_H_
