// `kgx eval GOLD.jsonl`: precision, recall and F1 of the extractor against
// hand-checked gold annotations, per entity kind and per language.
//
// Each gold line names a document (relative to the gold file's folder), its
// language and the set of ids a careful reader finds in it, per kind:
//   {"doc": "ja-01.txt", "lang": "ja", "countries": ["JP", "US"], "groups": [],
//    "organizations": ["JOGMEC"], "minerals": ["gallium"], "amounts": ["39000000000 JPY"],
//    "agreements": ["JP-US"], "restrictions": ["CN>US", "CN>"]}
// Agreements are scored as the pairs of their parties; restrictions as
// "FROM>TO" ("FROM>" when no target is named). Organizations and groups may be
// given by name ("Mercosur", ["Ministry of Economy, Trade and Industry",
// "経済産業省"]): a name is resolved through the gazetteer to kgx's id.
// Every line is checked first: one that is not such an object (not JSON, a
// record of `kgx extract`, `{}`, ids that are not strings) is named with the
// gold file and line, and nothing is scored (exit 2). A gold document that
// cannot be read is named the same way and left out of the scores (exit 2).
// Scores are micro-averaged over (document, id) pairs. Floors (`--min
// country=0.95`) make the command exit 1 when a kind scores below them, so
// CI catches regressions.
#ifndef KGX_TOOLS_EVAL_H_
#define KGX_TOOLS_EVAL_H_

#include <map>
#include <string>

#include "extract/model.h"

namespace kgx {

struct EvalOptions {
  std::string gold_path;
  std::map<std::string, double> floors;  // kind -> minimum F1
  bool verbose = false;                  // List every miss and false alarm.
};

// Whether `name` is a kind eval scores, as the command line names it:
// country, group, organization, mineral, amount, agreement, restriction.
bool IsEvalKind(const std::string& name);

// Prints the report to stdout; returns the process exit code.
int RunEval(const Model& model, const EvalOptions& options);

}  // namespace kgx

#endif  // KGX_TOOLS_EVAL_H_
