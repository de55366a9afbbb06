#include "tools/cli.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <thread>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <set>
#include <memory>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include "export/atomic_file.h"
#include "export/dot.h"
#include "export/graphml.h"
#include "export/html_report.h"
#include "export/jsonld.h"
#include "export/neo4j.h"
#include "export/render.h"
#include "export/summary.h"
#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/reader.h"
#include "graph/knowledge_graph.h"
#include "graph/analytics.h"
#include "graph/filter.h"
#include "tools/eval.h"
#include "tools/ordered_pool.h"

namespace kgx {
namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;
constexpr int kExitUsage = 2;

struct Command {
  const char* name;
  const char* summary;
};

constexpr Command kCommands[] = {
    {"build", "read documents and write the knowledge graph (-o graph.dot -o graph.svg)"},
    {"extract", "read documents and print one JSON record per document (JSON lines)"},
    {"merge", "build the graph from `kgx extract` records (RECORDS.jsonl...), like build"},
    {"stats", "print the most central actors, minerals, partner pairs and money per pair"},
    {"eval", "score extraction against gold annotations (GOLD.jsonl): P, R, F1"},
    {"aliases", "print every gazetteer alias as matched (NFKC case-folded), one a line"},
};

void PrintUsage(FILE* out) {
  std::fprintf(out,
               "usage: kgx COMMAND [options] PATH...\n"
               "\n"
               "commands:\n");
  for (const Command& c : kCommands) std::fprintf(out, "  %-9s %s\n", c.name, c.summary);
  std::fprintf(out,
               "\n"
               "options:\n"
               "  -o FILE            output; the extension picks the format:\n"
               "                     .dot (Graphviz DOT), .svg, .png (rendered), .jsonld (JSON-LD),\n"
               "                     .graphml (GraphML), .jsonl (records), .html (interactive\n"
               "                     report), .md (written summary); '-o -' writes to standard\n"
               "                     output in the --format given\n"
               "  --format FMT       the format of '-o -': dot, jsonld, jsonl, md (also svg,\n"
               "                     graphml, html)\n"
               "  --country ID       keep agreements and measures of these countries or groups\n"
               "                     (JP, or JP,AU: any of them)\n"
               "  --mineral NAME     keep those naming these minerals (lithium, or lithium,nickel)\n"
               "  --since DATE       keep those dated on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD)\n"
               "  --until DATE       keep those dated on or before DATE\n"
               "  --min-docs N       keep those reported by at least N documents\n"
               "                     (filters shape every graph output and stats; records stay whole)\n"
               "  --json             stats: print JSON\n"
               "  --neo4j DIR        build/merge: Neo4j CSV files, import.sh and load.cypher\n"
               "                     (build: one or more; extract: default standard output)\n"
               "  --jsonl            extract: JSON lines (the default and only format)\n"
               "  --view VIEW        build: 'cooperation' (default: countries and groups linked\n"
               "                     by agreements, restrictions in red) or 'full' (every node\n"
               "                     and edge type)\n"
               "  --data DIR         gazetteer directory (default: $KGX_DATA, then the\n"
               "                     installed share/kgx/gazetteers, then the source tree)\n"
               "  --gazetteer FILE   add a gazetteer file of your own (repeatable)\n"
               "  --max-file-size N  skip files larger than N bytes (default 64 MiB)\n"
               "  -j, --threads N    worker threads (default: all cores); output is the same\n"
               "  -q, --quiet        no notes on stderr, only errors\n"
               "  --min KIND=F1      eval: exit 1 if KIND (country, group, organization,\n"
               "                     mineral, amount, agreement, restriction) scores\n"
               "                     below F1\n"
               "  -v, --verbose      eval: list every miss and false alarm\n"
               "  -h, --help         this help\n"
               "  --version          print the version\n"
               "\n"
               "PATHs are files or folders, read recursively: .txt, .md, .markdown,\n"
               ".html, .htm; other files are skipped with a note.\n"
               "exit status: 0 all inputs read, 1 some inputs skipped (named on stderr),\n"
               "2 usage or fatal error.\n");
}

int UsageError(const std::string& message) {
  std::fprintf(stderr, "kgx: %s\n(run 'kgx --help' for usage)\n", message.c_str());
  return kExitUsage;
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t next = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}

struct Options {
  std::string command;
  std::vector<std::string> paths;
  std::vector<std::string> outputs;
  std::string data_dir;
  std::vector<std::string> gazetteers;
  ReadOptions read;
  bool quiet = false;
  bool verbose = false;
  std::map<std::string, double> floors;
  DotOptions dot;
  std::string neo4j_dir;
  GraphFilter filter;
  std::string format;  // Of '-o -'.
  bool json = false;   // stats --json
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
};

std::string Extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return ext;
}

// The format of an output: its extension, or --format's for '-' (stdout).
std::string OutputExt(const Options& opt, const std::string& out) {
  return out == "-" ? "." + opt.format : Extension(out);
}

// The filters in words, for the report and summary ("country JP, since 2024-01").
std::string FilterScope(const GraphFilter& f) {
  std::vector<std::string> parts;
  auto any = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& x : v) out += (out.empty() ? "" : " or ") + x;
    return out;
  };
  if (!f.countries.empty()) parts.push_back("country " + any(f.countries));
  if (!f.minerals.empty()) parts.push_back("mineral " + any(f.minerals));
  if (!f.since.empty()) parts.push_back("since " + f.since);
  if (!f.until.empty()) parts.push_back("until " + f.until);
  if (f.min_docs > 1) parts.push_back("at least " + std::to_string(f.min_docs) + " documents");
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// A graph writer aimed at standard output: it writes a temporary file (the
// writers write files atomically), which is then copied out and removed.
Status WriteToStdout(const std::string& ext, const std::function<Status(const std::string&)>& write) {
  std::error_code ec;
  const fs::path temp = fs::temp_directory_path(ec) / ("kgx-stdout-" + std::to_string(getpid()) + ext);
  if (ec) return Status::Error("no temporary folder for standard output: " + ec.message());
  Status s = write(temp.string());
  if (s.ok()) {
    std::ifstream in(temp, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() || std::fflush(stdout) != 0)
      s = Status::Error(std::string("cannot write to standard output: ") + std::strerror(errno));
  }
  fs::remove(temp, ec);
  return s;
}

// Where the gazetteers are: --data, $KGX_DATA, next to the installed binary,
// then the source tree this binary was built from.
std::string FindDataDir(const Options& opt) {
  if (!opt.data_dir.empty()) return opt.data_dir;
  if (const char* env = std::getenv("KGX_DATA"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / KGX_INSTALL_DATA_SUBDIR;
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return KGX_SOURCE_DATA_DIR;
}

// Expands files and folders into a sorted list of readable document paths.
// Returns false if some path could not be read (already reported).
bool CollectInputs(const Options& opt, std::vector<std::string>* files, bool records_too) {
  bool all_ok = true;
  for (const std::string& path : opt.paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      std::fprintf(stderr, "kgx: cannot read '%s': %s\n", path.c_str(),
                   ec ? ec.message().c_str() : "No such file or directory");
      all_ok = false;
      continue;
    }
    if (!fs::is_directory(st)) {
      files->push_back(path);  // Named explicitly: read whatever its extension.
      continue;
    }
    // Directory symlinks are not followed, so link loops cannot recurse.
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      const std::string name = p.filename().string();
      if (!name.empty() && name[0] == '.') {  // .git, editor files
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_directory(ec)) continue;
      if (!IsSupportedExtension(p.string()) && !(records_too && Extension(p.string()) == ".jsonl")) {
        if (!opt.quiet && it->is_regular_file(ec))
          std::fprintf(stderr, "kgx: note: skipping '%s': not a .txt, .md or .html file\n",
                       p.string().c_str());
        continue;
      }
      found.push_back(p.string());
    }
    if (ec) {
      std::fprintf(stderr, "kgx: cannot read folder '%s': %s\n", path.c_str(),
                   ec.message().c_str());
      all_ok = false;
    }
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
  }
  return all_ok;
}

// Appends the records of a JSON-lines file written by `kgx extract`; a
// malformed line is named with its line number and skipped.
bool ReadRecords(const std::string& path, std::vector<Record>* records,
                 std::vector<std::string>* errors) {
  std::ifstream in(path);
  if (!in) {
    errors->push_back("cannot read '" + path + "'");
    return false;
  }
  bool ok = true;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    Record r;
    Status s = Status::Error("not JSON");
    try {
      s = FromJson(nlohmann::json::parse(line), &r);
    } catch (const nlohmann::json::exception& e) {
      s = Status::Error(e.what());
    }
    if (!s.ok()) {
      errors->push_back(path + ":" + std::to_string(n) + ": " + s.message());
      ok = false;
      continue;
    }
    records->push_back(std::move(r));
  }
  return ok;
}

// Wikidata ids (qid=) and countries' display names (name=) live in the
// gazetteers, not in records.
void AddWikidataIds(const Gazetteer& gaz, KnowledgeGraph* graph) {
  for (Vertex v = 0; v < graph->node_count(); ++v) {
    NodeProps& p = graph->node(v);
    EntityKind kind;
    if (p.kind == NodeKind::kCountry) kind = EntityKind::kCountry;
    else if (p.kind == NodeKind::kCountryGroup) kind = EntityKind::kGroup;
    else if (p.kind == NodeKind::kMineral) kind = EntityKind::kMineral;
    else if (p.kind == NodeKind::kOrganization) kind = EntityKind::kOrganization;
    else continue;
    const int e = gaz.Find(kind, p.id);
    if (e < 0) continue;
    auto it = gaz.entities()[e].attrs.find("qid");
    if (it != gaz.entities()[e].attrs.end()) p.qid = it->second;
    // A country's display name where ICU's is not the usual one ("DR Congo").
    it = gaz.entities()[e].attrs.find("name");
    if (p.kind == NodeKind::kCountry && it != gaz.entities()[e].attrs.end()) p.label = it->second;
  }
}

// Each input file's size (0 if unknown), for the progress line and batches.
std::vector<uint64_t> FileSizes(const std::vector<std::string>& files) {
  std::vector<uint64_t> sizes(files.size(), 0);
  for (size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    const auto size = fs::file_size(files[i], ec);
    if (!ec) sizes[i] = size;
  }
  return sizes;
}

// Consecutive files handed to a worker at once, so threads meet once per
// batch rather than once per (typically 2 KB) news item: batches of at
// most 64 KiB or 64 files, and at least 16 per thread when the corpus
// allows, so the last one does not leave a core idle for long.
std::vector<size_t> BatchEnds(const std::vector<uint64_t>& sizes, uint64_t total, int threads) {
  const uint64_t limit = std::max<uint64_t>(
      1, std::min<uint64_t>(64 * 1024, total / (16 * static_cast<uint64_t>(threads))));
  std::vector<size_t> ends;
  uint64_t bytes = 0;
  size_t count = 0;
  for (size_t i = 0; i < sizes.size(); ++i) {
    bytes += sizes[i];
    if (++count >= 64 || bytes >= limit) {
      ends.push_back(i + 1);
      bytes = count = 0;
    }
  }
  if (count > 0) ends.push_back(sizes.size());
  return ends;
}

// A progress line on stderr for long runs, only when stderr is a terminal
// and not --quiet: files done, MB/s, time left.
class Progress {
 public:
  Progress(bool quiet, uint64_t total)
      : on_(!quiet && isatty(STDERR_FILENO)), total_(total), start_(Clock::now()), last_(start_) {}
  void Add(uint64_t bytes) {
    done_ += bytes;
    ++files_;
    const auto now = Clock::now();
    if (!on_ || now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? done_ / secs : 0;
    const double left = rate > 0 && total_ > done_ ? (total_ - done_) / rate : 0;
    std::fprintf(stderr, "\rkgx: %zu files, %.1f MB/s, about %.0f s left   ", files_, rate / 1e6, left);
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::fprintf(stderr, "\r%60s\r", "");
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool on_, shown_ = false;
  uint64_t total_, done_ = 0;
  size_t files_ = 0;
  Clock::time_point start_, last_;
};

// Loads the gazetteer folder and the user's files; false (reported) on error.
bool LoadGazetteers(const Options& opt, Gazetteer* gaz) {
  gaz->SetThreads(opt.threads);
  Status s = gaz->LoadDirectory(FindDataDir(opt));
  for (size_t i = 0; s.ok() && i < opt.gazetteers.size(); ++i) s = gaz->LoadFile(opt.gazetteers[i]);
  if (!s.ok()) {
    std::fprintf(stderr, "kgx: %s\n", s.message().c_str());
    return false;
  }
  gaz->Compile();
  return true;
}

int Run(const Options& opt) {
  Gazetteer gaz;
  if (!LoadGazetteers(opt, &gaz)) return kExitUsage;
  if (opt.command == "aliases") {
    std::set<std::string> unique;
    for (const Alias& a : gaz.aliases()) unique.insert(a.folded);
    for (const std::string& a : unique) std::printf("%s\n", a.c_str());
    return kExitOk;
  }
  if (opt.command == "eval") {
    if (opt.paths.size() != 1) {
      std::fprintf(stderr, "kgx: eval takes one GOLD.jsonl file\n");
      return kExitUsage;
    }
    EvalOptions eval;
    eval.gold_path = opt.paths[0];
    eval.floors = opt.floors;
    eval.verbose = opt.verbose;
    return RunEval(gaz, eval);
  }

  std::vector<std::string> files;
  bool all_ok = CollectInputs(opt, &files, opt.command == "merge" || opt.command == "stats");
  Extractor extractor(gaz);

  const bool extract = opt.command == "extract";
  std::unique_ptr<AtomicFile> jsonl;
  for (const std::string& out : opt.outputs) {
    if (Extension(out) != ".jsonl") continue;
    jsonl = std::make_unique<AtomicFile>(out);
    if (!jsonl->ok()) {
      std::fprintf(stderr, "kgx: %s\n", jsonl->error().c_str());
      return kExitUsage;
    }
  }
  const bool jsonl_to_stdout =
      std::find(opt.outputs.begin(), opt.outputs.end(), "-") != opt.outputs.end() && opt.format == "jsonl";
  FILE* records_out = jsonl ? jsonl->file() : (extract || jsonl_to_stdout ? stdout : nullptr);

  // Each input gives records (a document one, a .jsonl file many) or messages.
  struct Outcome {
    std::vector<Record> records;  // For the graph (not kept by `extract`).
    std::string lines;            // The records as JSON lines, when they are written.
    std::vector<std::string> errors, warnings;
    size_t bytes = 0;
  };
  KnowledgeGraph graph;
  const std::vector<uint64_t> sizes = FileSizes(files);
  uint64_t total_bytes = 0;
  for (uint64_t s : sizes) total_bytes += s;
  Progress progress(opt.quiet, total_bytes);
  auto process = [&](size_t i) {
    Outcome o;
    // Records are written as JSON lines here, on the worker threads.
    auto finish = [&]() {
      if (records_out != nullptr)
        for (const Record& record : o.records) {
          o.lines += ToJsonLine(record);
          o.lines += '\n';
        }
      if (extract) o.records.clear();
      return o;
    };
    const std::string& path = files[i];
    if (Extension(path) == ".jsonl") {  // Records from `kgx extract`.
      ReadRecords(path, &o.records, &o.errors);
      return finish();
    }
    Document doc;
    Status read = ReadDocument(path, opt.read, &doc);
    if (!read.ok()) {
      o.errors.push_back("skipping " + read.message());
      return o;
    }
    o.bytes = doc.raw.size();
    for (const std::string& w : doc.warnings) o.warnings.push_back(path + ": " + w);
    o.records.push_back(extractor.Extract(doc));
    return finish();
  };
  const std::vector<size_t> ends = BatchEnds(sizes, total_bytes, opt.threads);
  RunOrdered<std::vector<Outcome>>(
      ends.size(), opt.threads, 4 * static_cast<size_t>(opt.threads),
      [&](size_t b) {
        std::vector<Outcome> batch;
        for (size_t i = b == 0 ? 0 : ends[b - 1]; i < ends[b]; ++i) batch.push_back(process(i));
        return batch;
      },
      [&](size_t, std::vector<Outcome>& batch) {
        for (Outcome& o : batch) {
          progress.Clear();
          for (const std::string& e : o.errors) std::fprintf(stderr, "kgx: %s\n", e.c_str());
          if (!o.errors.empty()) all_ok = false;
          if (!opt.quiet)
            for (const std::string& w : o.warnings)
              std::fprintf(stderr, "kgx: warning: %s\n", w.c_str());
          if (records_out != nullptr) std::fwrite(o.lines.data(), 1, o.lines.size(), records_out);
          for (Record& record : o.records) graph.AddRecord(record);
          progress.Add(o.bytes);
        }
      });
  progress.Clear();
  if (jsonl) {
    Status c = jsonl->Commit();
    if (!c.ok()) {
      std::fprintf(stderr, "kgx: %s\n", c.message().c_str());
      return kExitUsage;
    }
  } else if ((extract || jsonl_to_stdout) && std::fflush(stdout) != 0) {
    std::fprintf(stderr, "kgx: cannot write to standard output: %s\n", std::strerror(errno));
    return kExitUsage;
  }
  if (extract) return all_ok ? kExitOk : kExitSkipped;

  graph.Finalize(opt.threads);  // The same graph whatever order records came in.
  AddWikidataIds(gaz, &graph);
  if (!opt.filter.empty()) graph = FilterGraph(graph, opt.filter);
  if (opt.command == "stats") {
    if (opt.json) std::printf("%s\n", StatsJson(graph).dump(2).c_str());
    else PrintStats(graph, stdout);
    return all_ok ? kExitOk : kExitSkipped;
  }
  for (const std::string& out : opt.outputs) {
    const std::string ext = OutputExt(opt, out);
    auto write = [&](const std::string& path) {
      if (ext == ".dot" || ext == ".gv") return WriteDot(graph, path, opt.dot);
      if (ext == ".svg") return RenderGraph(graph, path, "svg", opt.dot);
      if (ext == ".png") return RenderGraph(graph, path, "png", opt.dot);
      if (ext == ".jsonld") return WriteJsonLd(graph, path);
      if (ext == ".graphml") return WriteGraphml(graph, path);
      // Links to documents: from the output's folder, or the current one for stdout.
      const std::string links = out == "-" ? "." : "";
      if (ext == ".html" || ext == ".htm")
        return WriteHtmlReport(graph, path, {FilterScope(opt.filter), links});
      return WriteSummary(graph, path, {FilterScope(opt.filter), links});  // .md
    };
    if (ext == ".jsonl") continue;  // Written above.
    Status w = out == "-" ? WriteToStdout(ext, write) : write(out);
    if (!w.ok()) {
      std::fprintf(stderr, "kgx: %s\n", w.message().c_str());
      return kExitUsage;
    }
  }
  if (!opt.neo4j_dir.empty()) {
    Status w = WriteNeo4j(graph, opt.neo4j_dir);
    if (!w.ok()) {
      std::fprintf(stderr, "kgx: %s\n", w.message().c_str());
      return kExitUsage;
    }
  }
  if (!opt.quiet)
    std::fprintf(stderr, "kgx: %zu inputs, %zu nodes, %zu edges\n", files.size(),
                 graph.node_count(), graph.edge_count());
  return all_ok ? kExitOk : kExitSkipped;
}

}  // namespace

int RunCli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    PrintUsage(stderr);
    return kExitUsage;
  }
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    PrintUsage(stdout);
    return kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("kgx %s\n", KGX_VERSION);
    return kExitOk;
  }
  // The usual spellings of an option with its value: --threads=2, -j2, -oout.dot.
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string a = args[i];
    const size_t eq = a.find('=');
    if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
      args[i] = a.substr(0, eq);
      args.insert(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, a.substr(eq + 1));
      ++i;
    } else if (a.size() > 2 && (a.rfind("-j", 0) == 0 || a.rfind("-o", 0) == 0)) {
      args[i] = a.substr(0, 2);
      args.insert(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, a.substr(2));
      ++i;
    }
  }
  Options opt;
  opt.command = args[0];
  if (std::none_of(std::begin(kCommands), std::end(kCommands),
                   [&](const Command& c) { return opt.command == c.name; })) {
    std::string message = "unknown command '" + opt.command + "'";
    for (const Command& c : kCommands)
      if (EditDistance(opt.command, c.name) <= 2)
        message += "; did you mean '" + std::string(c.name) + "'?";
    return UsageError(message);
  }
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "-o" || a == "--output") {
      if (!value(&v)) return UsageError(a + " needs a file name");
      opt.outputs.push_back(v);
    } else if (a == "--data") {
      if (!value(&opt.data_dir)) return UsageError("--data needs a directory");
    } else if (a == "--gazetteer") {
      if (!value(&v)) return UsageError("--gazetteer needs a file");
      opt.gazetteers.push_back(v);
    } else if (a == "--max-file-size") {
      if (!value(&v)) return UsageError("--max-file-size needs a number of bytes");
      char* end = nullptr;
      unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n == 0) return UsageError("invalid --max-file-size '" + v + "'");
      opt.read.max_file_bytes = static_cast<size_t>(n);
    } else if (a == "--jsonl") {
      if (opt.command != "extract") return UsageError("--jsonl belongs to 'kgx extract'");
    } else if (a == "--min") {
      if (!value(&v)) return UsageError("--min needs KIND=F1");
      const size_t eq = v.find('=');
      static const std::set<std::string> kKinds = {"country", "group", "organization", "mineral",
                                                        "amount", "agreement", "restriction"};
      char* end = nullptr;
      const double f = eq == std::string::npos ? -1 : std::strtod(v.c_str() + eq + 1, &end);
      if (eq == std::string::npos || !kKinds.count(v.substr(0, eq)) || *end != '\0' || f < 0 || f > 1)
        return UsageError("invalid --min '" + v + "' (expected e.g. country=0.95)");
      opt.floors[v.substr(0, eq)] = f;
    } else if (a == "--threads" || a == "-j") {
      if (!value(&v)) return UsageError(a + " needs a number");
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 1 || n > 1024) return UsageError("invalid --threads '" + v + "'");
      opt.threads = static_cast<int>(n);
    } else if (a == "--neo4j") {
      if (!value(&opt.neo4j_dir)) return UsageError("--neo4j needs a directory");
    } else if (a == "--view") {
      if (!value(&v) || !ParseView(v, &opt.dot.view))
        return UsageError("--view takes 'cooperation' or 'full'");
    } else if (a == "--format") {
      static const std::set<std::string> kFormats = {"dot", "jsonld", "jsonl", "md", "svg", "graphml", "html"};
      if (!value(&opt.format) || !kFormats.count(opt.format))
        return UsageError("--format takes dot, jsonld, jsonl, md, svg, graphml or html");
    } else if (a == "--country" || a == "--mineral") {
      if (!value(&v) || v.empty()) return UsageError(a + " needs a value (" + (a == "--country" ? "JP" : "lithium") + ")");
      std::vector<std::string>& list = a == "--country" ? opt.filter.countries : opt.filter.minerals;
      for (size_t start = 0; start <= v.size();) {  // Comma-separated: any of them.
        const size_t comma = std::min(v.find(',', start), v.size());
        std::string item = v.substr(start, comma - start);
        if (a == "--country")  // Ids are upper case (JP, EU), minerals lower case.
          std::transform(item.begin(), item.end(), item.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        if (!item.empty()) list.push_back(item);
        start = comma + 1;
      }
    } else if (a == "--since" || a == "--until") {
      if (!value(&v)) return UsageError(a + " needs a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      Status d = ParseFilterDate(v, a == "--since" ? &opt.filter.since : &opt.filter.until);
      if (!d.ok()) return UsageError(a + ": " + d.message());
    } else if (a == "--min-docs") {
      if (!value(&v)) return UsageError("--min-docs needs a number");
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 1 || n > 1000000000) return UsageError("invalid --min-docs '" + v + "'");
      opt.filter.min_docs = static_cast<int>(n);
    } else if (a == "--json") {
      if (opt.command != "stats") return UsageError("--json belongs to 'kgx stats'");
      opt.json = true;
    } else if (a == "-v" || a == "--verbose") {
      opt.verbose = true;
    } else if (a == "-q" || a == "--quiet") {
      opt.quiet = true;
    } else if (a == "-h" || a == "--help") {
      PrintUsage(stdout);
      return kExitOk;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      return UsageError("unknown option '" + a + "'");
    } else {
      opt.paths.push_back(a);
    }
  }
  if (opt.paths.empty() && opt.command != "aliases") return UsageError("no input PATH given");
  if (std::count(opt.outputs.begin(), opt.outputs.end(), "-") > 1)
    return UsageError("only one '-o -' (standard output) at a time");
  if (std::count(opt.outputs.begin(), opt.outputs.end(), "-") == 1 && opt.format.empty())
    return UsageError("'-o -' needs --format dot, jsonld, jsonl, md, svg, graphml or html");
  if (!opt.format.empty() && std::count(opt.outputs.begin(), opt.outputs.end(), "-") == 0)
    return UsageError("--format is for '-o -' (standard output); files take their extension's");
  if (!opt.filter.empty() && opt.command != "build" && opt.command != "merge" && opt.command != "stats")
    return UsageError("--country, --mineral, --since, --until and --min-docs filter the graph: "
                      "build, merge or stats");
  for (const std::string& out : opt.outputs) {
    const std::string ext = OutputExt(opt, out);
    const bool graph_out = opt.command == "build" || opt.command == "merge";
    const bool ok = (ext == ".jsonl" && opt.command != "merge") ||
                    (graph_out && (ext == ".dot" || ext == ".gv" || ext == ".svg" ||
                                   ext == ".png" || ext == ".jsonld" || ext == ".graphml" ||
                                   ext == ".html" || ext == ".htm" || ext == ".md"));
    if (!ok) return UsageError("cannot tell the output format of '" + out + "' from its extension");
  }
  if (opt.command == "eval" && !opt.outputs.empty()) return UsageError("eval prints to standard output; no -o");
  if ((opt.command == "build" || opt.command == "merge") && opt.outputs.empty() &&
      opt.neo4j_dir.empty())
    return UsageError(opt.command + " needs at least one -o FILE (.dot, .svg, .png, .jsonld, "
                      ".graphml, .jsonl) or --neo4j DIR");
  return Run(opt);
}

}  // namespace kgx
