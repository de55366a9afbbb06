// Files compiled in by CMake (report_assets.cc.in), so kgx needs nothing at
// run time: the HTML report's own page frame, style sheet and script, written
// for kgx (export/report/*), and the JSON-LD context (export/context.jsonld).
#ifndef KGX_EXPORT_REPORT_ASSETS_H_
#define KGX_EXPORT_REPORT_ASSETS_H_

namespace kgx {

// The page, with slots /*KGX_STYLE*/, <!--KGX_SVG-->, <!--KGX_DATA--> and
// /*KGX_SCRIPT*/ in that order.
extern const char kReportHtml[];
extern const char kReportCss[];
extern const char kReportJs[];
// export/context.jsonld: the JSON-LD context of graph.jsonld.
extern const char kJsonLdContext[];

}  // namespace kgx

#endif  // KGX_EXPORT_REPORT_ASSETS_H_
