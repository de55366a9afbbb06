// Extractor: one Document in, one Record out (read -> normalize -> segment ->
// match). It knows nothing of graphs.
//
//   kgx::Extractor ex(model);              // model compiled, outlives ex
//   kgx::Record r = ex.Extract(document);
//
// Thread safety: Extract() is const and may run on many threads at once.
#ifndef KGX_EXTRACT_EXTRACTOR_H_
#define KGX_EXTRACT_EXTRACTOR_H_

#include "extract/read/document.h"
#include "extract/model.h"
#include "extract/record/record.h"

namespace kgx {

class Extractor {
 public:
  explicit Extractor(const Model& model) : model_(model) {}
  Record Extract(const Document& doc) const;

 private:
  const Model& model_;
};

}  // namespace kgx

#endif  // KGX_EXTRACT_EXTRACTOR_H_
