// The HTML report's own page frame, style sheet and script, written for kgx
// (export/report/*) and compiled in from those files by CMake
// (report_assets.cc.in), so the report needs nothing at run time.
#ifndef KGX_EXPORT_REPORT_ASSETS_H_
#define KGX_EXPORT_REPORT_ASSETS_H_

namespace kgx {

// The page, with slots /*KGX_STYLE*/, <!--KGX_SVG-->, <!--KGX_DATA--> and
// /*KGX_SCRIPT*/ in that order.
extern const char kReportHtml[];
extern const char kReportCss[];
extern const char kReportJs[];

}  // namespace kgx

#endif  // KGX_EXPORT_REPORT_ASSETS_H_
