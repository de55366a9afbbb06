#include <malloc.h>

#include "tools/cli.h"

int main(int argc, char** argv) {
  // Start-up builds the gazetteer from a hundred thousand small strings and
  // a few large vectors that grow by doubling. With glibc's defaults each
  // large block is a fresh mmap, and each free gives pages back to the
  // kernel, so the next one faults them in again: about a tenth of the
  // start-up's CPU (bench/startup.py). Kept in the heap, pages are reused.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
  return kgx::RunCli(argc, argv);
}
