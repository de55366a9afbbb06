// The reader alone (kgx::ParseDocument: format, encoding, front matter,
// HTML, links) on each file given, in MB/s: the median of three runs over
// the bytes already in memory.
//
//   build/bench/reader_bench FILE...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/read/reader.h"

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string bytes = buf.str();
    std::vector<double> secs;
    for (int run = 0; run < 3; ++run) {
      kgx::Document doc;
      const auto start = std::chrono::steady_clock::now();
      const kgx::Status s = kgx::ParseDocument(argv[i], bytes, &doc);
      secs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      if (!s.ok()) {
        std::fprintf(stderr, "reader_bench: %s\n", s.message().c_str());
        return 1;
      }
    }
    std::sort(secs.begin(), secs.end());
    std::printf("%s\t%.1f\n", argv[i], static_cast<double>(bytes.size()) / 1e6 / secs[1]);
  }
  return 0;
}
