// libFuzzer target: the reader on arbitrary bytes, as .txt, .md and .html,
// in any encoding (the charset detection and conversion run too).
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/read/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Up to 1 MiB (CI runs -max_len=1048576): time that grows faster than the
  // input only shows on big ones (issue 16); -timeout catches it.
  if (size > (1 << 20)) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const char* path : {"f.txt", "f.md", "f.html"}) {
    kgx::Document doc;
    kgx::Status s = kgx::ParseDocument(path, bytes, &doc);
    if (!s.ok()) continue;
    // Every text offset maps inside the file.
    for (size_t i = 0; i <= doc.text.size(); i += 1 + doc.text.size() / 64) {
      size_t b, e;
      doc.SourceToRaw(doc.text_map.Begin(i), doc.text_map.End(i), &b, &e);
      if (b > doc.raw.size() || e > doc.raw.size()) __builtin_trap();
    }
  }
  return 0;
}
