// libFuzzer target for time that grows faster than the input: the input is
// a unit ("[", "&#", "<a ", "US-China-"...) that the target repeats to a
// small and to a 16 times larger document, read as .txt, .md and .html,
// and extracted. Linear code takes about 16 times as long on the larger;
// code that rescans from each unit to the end of the file takes about 256
// times. The target traps when the larger takes over 64 times as long and
// more than a floor of CPU time, so that noise on small timings cannot
// trip it; it measures this thread's CPU time, not the wall clock, so a
// busy machine slows both sides alike. The corpus (tests/fuzz/corpus/
// scaling) holds the units of issue 16; `-timeout` catches what is slow
// even at the small size.
#include <time.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "extract/extractor.h"
#include "extract/read/reader.h"
#include "tests/fuzz/fuzz_gazetteer.h"

namespace {

double ThreadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string Repeat(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

// Reads `bytes` as each format or, when `extract`, extracts it as text
// (the stages after the reader see text whatever the format); CPU seconds.
double Run(const std::string& bytes, bool extract) {
  const double start = ThreadSeconds();
  if (extract) {
    kgx::Document doc;
    if (kgx::ParseDocument("f.txt", bytes, &doc).ok())
      (void)kgx::Extractor(FuzzModel()).Extract(doc);
  } else {
    for (const char* path : {"f.txt", "f.md", "f.html"}) {
      kgx::Document doc;
      (void)kgx::ParseDocument(path, bytes, &doc);
    }
  }
  return ThreadSeconds() - start;
}

void CheckLinear(const std::string& unit, size_t small, bool extract, double floor_seconds) {
  const std::string a = Repeat(unit, small), b = Repeat(unit, small * 16);
  double t_small = Run(a, extract);
  const double second = Run(a, extract);  // The faster of two: no warm-up in it.
  if (second < t_small) t_small = second;
  const double t_big = Run(b, extract);
  if (t_big > floor_seconds && t_big > 64 * t_small) {
    std::fprintf(stderr, "super-linear time: %zu bytes %.3f s, %zu bytes %.3f s (%s)\n", a.size(),
                 t_small, b.size(), t_big, extract ? "extract" : "read");
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 64) return 0;  // A unit; the target makes the size.
  const std::string unit(reinterpret_cast<const char*>(data), size);
  CheckLinear(unit, 64 << 10, false, 0.5);  // The reader: 64 KiB and 1 MiB.
  CheckLinear(unit, 16 << 10, true, 1.0);   // The extractor: 16 and 256 KiB.
  return 0;
}
