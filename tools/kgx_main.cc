#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

#include "tools/cli.h"

int main(int argc, char** argv) {
  // Start-up builds the gazetteer from a hundred thousand small strings and
  // a few large vectors that grow by doubling. With glibc's defaults each
  // large block is a fresh mmap, and each free gives pages back to the
  // kernel, so the next one faults them in again: about a tenth of the
  // start-up's CPU (bench/startup.py). Kept in the heap, pages are reused.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  constexpr std::uintptr_t kTopPad = 64 << 20, kBlock = 1 << 20, kPage = 4096;
  mallopt(M_TOP_PAD, static_cast<int>(kTopPad));
  // The gazetteer's strings and tables touch about 20 MB of that heap at once:
  // with 4 KB pages that is some four thousand page faults, 40% of the
  // start-up's CPU (perf stat: 6,065 faults and 120 ms against 2,150 and
  // 69 ms). Asked for huge pages, as glibc's tunable glibc.malloc.hugetlb=1
  // would, the kernel backs the free heap above a fresh block in 2 MB steps.
  // Only when the block lies in the program break's heap, within the top pad
  // (not under a sanitizer's or valgrind's allocator).
  if (void* block = std::malloc(kBlock)) {
    const std::uintptr_t begin = reinterpret_cast<std::uintptr_t>(block) & ~(kPage - 1);
    const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
    if (top > begin && top - begin <= kTopPad + 2 * kBlock)
      madvise(reinterpret_cast<void*>(begin), top - begin, MADV_HUGEPAGE);
    std::free(block);
  }
  return kgx::RunCli(argc, argv);
}
