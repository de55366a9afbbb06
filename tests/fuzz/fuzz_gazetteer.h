// The project gazetteers for fuzz targets, loaded once ($KGX_DATA overrides).
#ifndef KGX_TESTS_FUZZ_FUZZ_GAZETTEER_H_
#define KGX_TESTS_FUZZ_FUZZ_GAZETTEER_H_

#include <cstdlib>

#include "extract/gazetteer.h"

inline const kgx::Gazetteer& FuzzGazetteer() {
  static const kgx::Gazetteer* gaz = [] {
    auto* g = new kgx::Gazetteer();
    const char* dir = std::getenv("KGX_DATA");
    if (!g->LoadDirectory(dir != nullptr ? dir : KGX_GAZETTEER_DIR).ok()) std::abort();
    g->Compile();
    return g;
  }();
  return *gaz;
}

#endif  // KGX_TESTS_FUZZ_FUZZ_GAZETTEER_H_
