// The project model for fuzz targets, loaded once ($KGX_DATA overrides).
#ifndef KGX_TESTS_FUZZ_FUZZ_GAZETTEER_H_
#define KGX_TESTS_FUZZ_FUZZ_GAZETTEER_H_

#include <cstdlib>

#include "extract/model.h"

inline const kgx::Model& FuzzModel() {
  static const kgx::Model* model = [] {
    auto* m = new kgx::Model();
    const char* dir = std::getenv("KGX_DATA");
    if (!m->LoadDirectory(dir != nullptr ? dir : KGX_GAZETTEER_DIR).ok()) std::abort();
    m->Compile();
    return m;
  }();
  return *model;
}

#endif  // KGX_TESTS_FUZZ_FUZZ_GAZETTEER_H_
