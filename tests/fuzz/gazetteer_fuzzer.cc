// libFuzzer target: the gazetteer loader on arbitrary files (all kinds,
// directives, flags) and, when a file loads, the compiled matcher; the same
// bytes as a relation frame file (gazetteers/frames/<lang>.tsv, its own
// parser) and the relation finder compiled from it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/model.h"
#include "extract/entities/matcher.h"
#include "extract/read/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 14)) return 0;
  const std::string content(reinterpret_cast<const char*>(data), size);
  kgx::Model gaz;
  // @icu-countries is slow (every country in every locale): leave it to the tests.
  if (content.find("@icu-") != std::string::npos) return 0;
  {
    kgx::Model frames;
    if (frames.LoadString("frames/en.tsv", content).ok()) frames.Compile();
  }
  if (!gaz.LoadString("fuzz.tsv", content).ok()) return 0;
  gaz.Compile();
  kgx::OffsetMap map;
  const std::string text = "Japan and 日本, 日米豪印, US$5 bn, 米価 and Korea Zinc.";
  const std::string nfkc = kgx::NormalizeNfkc(text);
  const std::string folded = kgx::FoldForMatch(nfkc, &map);
  (void)kgx::FindEntities(gaz.entity_tables(), kgx::MatchText{nfkc, folded, &map}, "ja");
  return 0;
}
