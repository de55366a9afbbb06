// libFuzzer target: the whole extractor (matcher, organization rules,
// money, dates, relations) on arbitrary text with the project gazetteers.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/extractor.h"
#include "extract/entities/gazetteer.h"
#include "tests/fuzz/fuzz_gazetteer.h"
#include "extract/read/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 20)) return 0;  // CI runs -max_len=1048576; -timeout catches slow ones.
  kgx::Document doc;
  if (!kgx::ParseDocument("f.txt", std::string(reinterpret_cast<const char*>(data), size), &doc).ok())
    return 0;
  kgx::Record r = kgx::Extractor(FuzzModel()).Extract(doc);
  for (const kgx::Mention& m : r.mentions)
    if (m.start > m.end || m.end > doc.raw.size()) __builtin_trap();
  (void)kgx::ToJsonLine(r);
  return 0;
}
