// Why the gazetteer is one Aho-Corasick automaton and not an RE2::Set:
// times both over the same folded text with every gazetteer alias.
//
//   build/bench/matcher_bench gazetteers FILE... [--mb 20]
//
// Prints compile time, MB/s and what each reports. RE2::Set only says which
// patterns occur somewhere, not where, so it would still need a second pass
// per pattern to find positions; the automaton gives every occurrence.
#include <re2/re2.h>
#include <re2/set.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/model.h"
#include "extract/read/normalize.h"
#include "extract/read/reader.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: matcher_bench GAZETTEER_DIR FILE... [--mb N]\n");
    return 2;
  }
  size_t target_mb = 20;
  std::vector<std::string> files;
  for (int i = 2; i < argc; ++i) {
    if (std::string(argv[i]) == "--mb" && i + 1 < argc) target_mb = std::strtoul(argv[++i], nullptr, 10);
    else files.push_back(argv[i]);
  }
  auto t0 = std::chrono::steady_clock::now();
  kgx::Model model;
  kgx::Status s = model.LoadDirectory(argv[1]);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  model.Compile();
  const kgx::Gazetteer& gaz = model.gazetteer();
  const double ac_compile = Seconds(t0);

  std::string sample;
  for (const std::string& f : files) {
    kgx::Document doc;
    if (kgx::ReadDocument(f, kgx::ReadOptions(), &doc).ok()) sample += kgx::FoldForMatch(doc.text) + "\n";
  }
  if (sample.empty()) return 1;
  std::string text;
  while (text.size() < target_mb << 20) text += sample;

  t0 = std::chrono::steady_clock::now();
  size_t hits = 0;
  gaz.automaton().FindAll(text, [&](size_t, size_t, uint32_t) { ++hits; });
  const double ac_scan = Seconds(t0);

  std::vector<std::string> patterns;
  for (const kgx::Alias& a : gaz.aliases()) patterns.push_back(a.folded);
  t0 = std::chrono::steady_clock::now();
  RE2::Options opt;
  opt.set_max_mem(int64_t{2} << 30);
  opt.set_log_errors(false);
  RE2::Set set(opt, RE2::UNANCHORED);
  for (const std::string& p : patterns) set.Add(RE2::QuoteMeta(p), nullptr);
  const bool compiled = set.Compile();
  const double set_compile = Seconds(t0);
  double set_scan = 0;
  size_t set_found = 0;
  if (compiled) {
    t0 = std::chrono::steady_clock::now();
    std::vector<int> which;
    set.Match(text, &which);
    set_scan = Seconds(t0);
    set_found = which.size();
  }
  const double mb = static_cast<double>(text.size()) / (1 << 20);
  std::printf("aliases: %zu, automaton states: %zu, text: %.1f MB\n", patterns.size(),
              gaz.automaton().state_count(), mb);
  std::printf("aho-corasick: load+compile %.3f s, scan %.3f s = %.0f MB/s, %zu occurrences with positions\n",
              ac_compile, ac_scan, mb / ac_scan, hits);
  if (compiled)
    std::printf("re2::set:     compile %.3f s, scan %.3f s = %.0f MB/s, %zu distinct patterns, no positions\n",
                set_compile, set_scan, mb / set_scan, set_found);
  else
    std::printf("re2::set:     failed to compile within 2 GiB (%.3f s)\n", set_compile);
  return 0;
}
