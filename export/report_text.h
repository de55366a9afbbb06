// Words for people, shared by the HTML report and the written summary:
// measure types and agreement kinds in words ("export ban"), money as news
// writes it ("US$1.2 billion", "about A$300 million"), and a document's link.
//
//   kgx::MoneyText({1670000000, 1670000000, "AUD"})  -> "A$1.67 billion"
//   kgx::KindText("export_ban")                      -> "export ban"
//
// Thread safety: pure functions (ICU's currency data is read-only).
#ifndef KGX_EXPORT_REPORT_TEXT_H_
#define KGX_EXPORT_REPORT_TEXT_H_

#include <string>
#include <vector>

#include "extract/record/record.h"
#include "graph/knowledge_graph.h"

namespace kgx {

// A kind, type or status code in words: "export_ban" -> "export ban",
// "mou_or_framework" -> "memorandum or framework", "in_force" -> "in force".
std::string KindText(const std::string& code);

// An amount with its currency's usual English symbol (ICU: A$, €, ¥; "US$"
// for the dollar so it is not read as another dollar; the ISO code where
// there is no symbol), a scale word, its qualifier and range.
std::string MoneyText(const AmountRef& amount);

// A BCP 47 tag's English name from ICU: "ja" -> "Japanese", "zh-Hans" ->
// "Chinese (Simplified)"; the tag itself when ICU has no name for it.
std::string LanguageName(const std::string& tag);

// Where a reader can open the document: its URL when it is http(s), else
// the file, as a URL relative to `from_dir` (absolute paths: file://),
// percent-encoded so that no path can turn into a scheme such as javascript:.
std::string DocumentHref(const std::string& path, const std::string& url,
                         const std::string& from_dir);

// A trade measure as a reader counts it: the graph keeps an untargeted
// measure as one RESTRICTS edge per mineral (CN -> gallium, CN -> germanium);
// here they are one measure again. Targeted measures are one edge each.
struct Measure {
  Vertex from;
  bool targeted = false;
  Vertex to = 0;  // The target country or group when targeted.
  std::string type;
  std::string status;  // in_force; lifted, suspended, threatened or postponed.
  std::vector<std::string> minerals;  // Sorted.
  int doc_count = 0;                  // Documents behind it (the most of its edges).
  std::vector<DocEvidence> evidence;  // Sorted by document and offset, unique.
  std::string date;                   // MeasureDate: earliest publication, or "".
};
// Every measure of one edge kind, by imposer, type, target, minerals and
// status: kRestricts for the measures in force, kRestrictsNotInForce for the
// others.
std::vector<Measure> Measures(const KnowledgeGraph& graph, EdgeKind kind = EdgeKind::kRestricts);

// The minerals an agreement covers (its COVERS edges), sorted.
std::vector<std::string> AgreementMinerals(const BoostGraph& g, Vertex agreement);

}  // namespace kgx

#endif  // KGX_EXPORT_REPORT_TEXT_H_
