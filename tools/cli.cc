#include "tools/cli.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/strings.h"  // LowerExtension
#include "export/dot.h"
#include "export/graphml.h"
#include "export/html_report.h"
#include "export/jsonld.h"
#include "export/neo4j.h"
#include "export/output_set.h"
#include "export/render.h"
#include "export/summary.h"
#include "export/temp_files.h"
#include "extract/extractor.h"
#include "extract/model.h"
#include "extract/model_cache.h"
#include "extract/read/reader.h"
#include "graph/analytics.h"
#include "graph/filter.h"
#include "graph/knowledge_graph.h"
#include "tools/eval.h"
#include "tools/inputs.h"
#include "tools/messages.h"
#include "tools/ordered_pool.h"

namespace kgx {
namespace {

namespace fs = std::filesystem;

constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;
constexpr int kExitUsage = 2;

struct Options {
  std::string command;
  std::vector<std::string> paths;
  std::vector<std::string> outputs;
  std::string data_dir;
  std::vector<std::string> gazetteers;
  ReadOptions read;
  bool quiet = false;
  bool verbose = false;
  bool no_cache = false;  // --no-cache: compile the gazetteers, keep nothing.
  std::map<std::string, double> floors;
  DotOptions dot;
  std::string neo4j_dir;
  GraphFilter filter;
  std::string format;  // Of '-o -' (standard output): dot, jsonld, jsonl, md...
  bool json = false;   // stats --json
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
};

// Links from the report and summary to documents: relative to the output's
// folder (""), or to the current folder when the output is standard output.
std::string LinkDir(const std::string& temp_path) {
  return temp_path.find("/kgx-stdout") != std::string::npos ? "." : "";
}

// ---------------------------------------------------------------------------
// Output formats: one row per extension. A row whose writer is null is the
// records (.jsonl), written while the documents are read; the others are
// written from the finished graph.

using GraphWriter = Status (*)(const KnowledgeGraph& graph, const std::string& path,
                               const Options& opt);

struct OutputFormat {
  const char* extension;  // Lower case, with the dot.
  const char* what;
  GraphWriter write;
};

const OutputFormat kOutputFormats[] = {
    {".dot", "Graphviz DOT (dot -Tsvg graph.dot draws the same picture)",
     [](const KnowledgeGraph& g, const std::string& p, const Options& o) {
       return WriteDot(g, p, o.dot);
     }},
    {".gv", "Graphviz DOT",
     [](const KnowledgeGraph& g, const std::string& p, const Options& o) {
       return WriteDot(g, p, o.dot);
     }},
    {".svg", "SVG, drawn by Graphviz",
     [](const KnowledgeGraph& g, const std::string& p, const Options& o) {
       return RenderGraph(g, p, "svg", o.dot);
     }},
    {".png", "PNG, drawn by Graphviz",
     [](const KnowledgeGraph& g, const std::string& p, const Options& o) {
       return RenderGraph(g, p, "png", o.dot);
     }},
    {".jsonld", "JSON-LD (schema.org, Wikidata sameAs)",
     [](const KnowledgeGraph& g, const std::string& p, const Options&) {
       return WriteJsonLd(g, p);
     }},
    {".graphml", "GraphML (Gephi, Cytoscape)",
     [](const KnowledgeGraph& g, const std::string& p, const Options&) {
       return WriteGraphml(g, p);
     }},
    {".html", "an interactive report for a browser (offline, one file)",
     [](const KnowledgeGraph& g, const std::string& p, const Options& o) {
       return WriteHtmlReport(g, p, {FilterScope(o.filter), LinkDir(p)});
     }},
    {".htm", "the same report",
     [](const KnowledgeGraph& g, const std::string& p, const Options& o) {
       return WriteHtmlReport(g, p, {FilterScope(o.filter), LinkDir(p)});
     }},
    {".md", "a written summary in Markdown, citing its documents",
     [](const KnowledgeGraph& g, const std::string& p, const Options& o) {
       return WriteSummary(g, p, {FilterScope(o.filter), LinkDir(p)});
     }},
    {".jsonl", "the records, one JSON object a line", nullptr},
};

// The formats '-o -' can write to standard output (--format NAME).
constexpr char kStdoutFormats[] = "dot, jsonld, jsonl, md, svg, graphml, html";

// The format of an output: its extension, or --format's for '-o -'.
const OutputFormat* FindFormat(const std::string& path, const Options& opt) {
  const std::string ext = "." + (path == "-" ? opt.format : LowerExtension(path));
  for (const OutputFormat& f : kOutputFormats)
    if (ext == f.extension) return &f;
  return nullptr;
}

// Which formats a command writes: build all, merge the graph (records are
// its input), extract the records only.
bool Writes(const std::string& command, const OutputFormat& f) {
  if (command == "build") return true;
  if (command == "merge") return f.write != nullptr;
  if (command == "extract") return f.write == nullptr;
  return false;
}

std::string AcceptedFormats(const std::string& command) {
  std::string list;
  for (const OutputFormat& f : kOutputFormats)
    if (Writes(command, f)) list += (list.empty() ? "" : ", ") + std::string(f.extension);
  return list;
}

// ---------------------------------------------------------------------------
// Options: one row per option and set of commands that take it; help and
// parsing both read this table.

struct OptionSpec {
  const char* names;     // "-o, --output": the short form, if any, first.
  const char* value;     // "FILE"; nullptr for a flag.
  const char* commands;  // The commands that take it, space separated.
  const char* help;      // Lines after the first are indented under it.
  Status (*set)(const std::string& value, Options* opt);
};

Status Invalid(const std::string& what) { return Status::Error(what); }

// --country and --mineral take a comma-separated list: any of them. Country
// and group ids are upper case (JP, EU), mineral names lower case.
Status AddFilterItems(const std::string& v, bool upper, std::vector<std::string>* list) {
  for (size_t start = 0; start <= v.size();) {
    const size_t comma = std::min(v.find(',', start), v.size());
    std::string item = v.substr(start, comma - start);
    std::transform(item.begin(), item.end(), item.begin(), [upper](unsigned char c) {
      return static_cast<char>(upper ? std::toupper(c) : std::tolower(c));
    });
    if (!item.empty()) list->push_back(item);
    start = comma + 1;
  }
  return list->empty()
             ? Invalid(upper ? "--country needs an id (JP)" : "--mineral needs a name (lithium)")
             : Status::Ok();
}

// A whole number from 1 to `max` for option `flag`, or what is wrong.
Status ParseCount(const char* flag, const std::string& v, long max, int* out) {
  char* end = nullptr;
  const long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n < 1 || n > max)
    return Invalid(std::string("invalid ") + flag + " '" + v + "'");
  *out = static_cast<int>(n);
  return Status::Ok();
}

const OptionSpec kOptions[] = {
    {"-o, --output", "FILE", "build merge extract",
     "an output; its extension picks the format (repeatable)",
     [](const std::string& v, Options* o) {
       o->outputs.push_back(v);
       return Status::Ok();
     }},
    {"--neo4j", "DIR", "build merge",
     "Neo4j CSV files, import.sh and load.cypher into the folder DIR\n(made if missing)",
     [](const std::string& v, Options* o) {
       o->neo4j_dir = v;
       return v.empty() ? Invalid("--neo4j needs a folder") : Status::Ok();
     }},
    {"--view", "VIEW", "build merge",
     "'cooperation' (default: countries and groups linked by\nconcluded agreements, measures in "
     "force in red) or 'full'\n(every node and edge type; plans, talks and measures not in\nforce "
     "dashed, with their status)",
     [](const std::string& v, Options* o) {
       return ParseView(v, &o->dot.view) ? Status::Ok()
                                         : Invalid("--view takes 'cooperation' or 'full'");
     }},
    {"--format", "FMT", "build merge extract",
     "the format of '-o -' (standard output): dot, jsonld, jsonl,\nmd, svg, graphml or html",
     [](const std::string& v, Options* o) {
       o->format = v;
       const std::string list = std::string(", ") + kStdoutFormats + ",";
       return list.find(", " + v + ",") != std::string::npos && !v.empty()
                  ? Status::Ok()
                  : Invalid(std::string("--format takes ") + kStdoutFormats);
     }},
    {"--country", "ID", "build merge stats",
     "keep the agreements and measures of these countries or\ngroups (JP, or JP,AU: any of them)",
     [](const std::string& v, Options* o) {
       return AddFilterItems(v, true, &o->filter.countries);
     }},
    {"--mineral", "NAME", "build merge stats",
     "keep those naming these minerals (lithium, or lithium,nickel)",
     [](const std::string& v, Options* o) {
       return AddFilterItems(v, false, &o->filter.minerals);
     }},
    {"--since", "DATE", "build merge stats",
     "keep those dated on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD)",
     [](const std::string& v, Options* o) { return ParseFilterDate(v, &o->filter.since); }},
    {"--until", "DATE", "build merge stats", "keep those dated on or before DATE",
     [](const std::string& v, Options* o) { return ParseFilterDate(v, &o->filter.until); }},
    {"--min-docs", "N", "build merge stats",
     "keep those reported by at least N documents (the filters\nshape every graph output and "
     "stats; records stay whole)",
     [](const std::string& v, Options* o) {
       return ParseCount("--min-docs", v, 1000000000, &o->filter.min_docs);
     }},
    {"--json", nullptr, "stats", "print the statistics as JSON",
     [](const std::string&, Options* o) {
       o->json = true;
       return Status::Ok();
     }},
    {"--jsonl", nullptr, "extract", "JSON lines (the default and only format)",
     [](const std::string&, Options*) { return Status::Ok(); }},
    {"--min", "KIND=F1", "eval",
     "exit 1 if KIND (country, group, organization, mineral,\namount, agreement, restriction) "
     "scores below F1",
     [](const std::string& v, Options* o) {
       const size_t eq = v.find('=');
       char* end = nullptr;
       const double f = eq == std::string::npos ? -1 : std::strtod(v.c_str() + eq + 1, &end);
       if (eq == std::string::npos || !IsEvalKind(v.substr(0, eq)) || *end != '\0' || f < 0 ||
           f > 1)
         return Invalid("invalid --min '" + v + "' (expected e.g. country=0.95)");
       o->floors[v.substr(0, eq)] = f;
       return Status::Ok();
     }},
    {"-v, --verbose", nullptr, "eval", "list every miss and false alarm",
     [](const std::string&, Options* o) {
       o->verbose = true;
       return Status::Ok();
     }},
    {"--data", "DIR", "build extract merge stats eval aliases",
     "gazetteer folder (default: $KGX_DATA, then the installed\nshare/kgx/gazetteers, then the "
     "source tree)",
     [](const std::string& v, Options* o) {
       o->data_dir = v;
       return Status::Ok();
     }},
    {"--gazetteer", "FILE", "build extract merge stats eval aliases",
     "add a gazetteer file of your own (repeatable)",
     [](const std::string& v, Options* o) {
       o->gazetteers.push_back(v);
       return Status::Ok();
     }},
    {"--no-cache", nullptr, "build extract merge stats eval aliases",
     "compile the gazetteers anew and keep no compiled copy\n(default: "
     "$XDG_CACHE_HOME/kgx or ~/.cache/kgx)",
     [](const std::string&, Options* o) {
       o->no_cache = true;
       return Status::Ok();
     }},
    {"--max-file-size", "N", "build extract merge stats",
     "skip documents larger than N bytes (default 64 MiB); a\nrecord line may be 4 times that",
     [](const std::string& v, Options* o) {
       char* end = nullptr;
       const unsigned long long n = std::strtoull(v.c_str(), &end, 10);
       if (v.empty() || v[0] == '-' || *end != '\0' || n == 0 || n > (uint64_t{1} << 53) / 4)
         return Invalid("invalid --max-file-size '" + v + "'");
       o->read.max_file_bytes = static_cast<size_t>(n);
       return Status::Ok();
     }},
    {"-j, --threads", "N", "build extract merge stats eval aliases",
     "worker threads (default: all cores); the output is the same",
     [](const std::string& v, Options* o) { return ParseCount("--threads", v, 1024, &o->threads); }},
    {"-q, --quiet", nullptr, "build extract merge stats eval aliases",
     "no notes or warnings on stderr, only errors",
     [](const std::string&, Options* o) {
       o->quiet = true;
       return Status::Ok();
     }},
};

// ---------------------------------------------------------------------------
// Commands.

int RunDocuments(const Options& opt);
int RunEvalCommand(const Options& opt);
int RunAliases(const Options& opt);

struct Command {
  const char* name;
  const char* usage;  // After "kgx ".
  const char* summary;
  int (*run)(const Options& opt);
};

const Command kCommands[] = {
    {"build", "build PATH... -o FILE [-o FILE...] [--neo4j DIR] [--view full]",
     "read documents and write the knowledge graph", RunDocuments},
    {"extract", "extract PATH... [--jsonl] [-o FILE.jsonl]",
     "read documents and print one JSON record per document (JSON lines)", RunDocuments},
    {"merge", "merge RECORDS.jsonl... -o FILE [-o FILE...] [--neo4j DIR]",
     "build the same graph from `kgx extract` records", RunDocuments},
    {"stats", "stats PATH...",
     "print the most central actors, minerals, partner pairs and money per pair", RunDocuments},
    {"eval", "eval GOLD.jsonl [--min KIND=F1] [-v]",
     "score extraction against gold annotations: precision, recall, F1", RunEvalCommand},
    {"aliases", "aliases", "print every gazetteer alias as matched (NFKC case-folded), one a line",
     RunAliases},
};

const Command* FindCommand(const std::string& name) {
  for (const Command& c : kCommands)
    if (name == c.name) return &c;
  return nullptr;
}

bool TakesOption(const OptionSpec& spec, const std::string& command) {
  const std::string list = std::string(" ") + spec.commands + " ";
  return list.find(" " + command + " ") != std::string::npos;
}

// "-o, --output" spells "-o" and "--output".
bool Spells(const OptionSpec& spec, const std::string& name) {
  const std::string names = std::string(spec.names) + ",";
  for (size_t p = 0; p < names.size();) {
    while (names[p] == ' ') ++p;
    const size_t comma = names.find(',', p);
    if (names.compare(p, comma - p, name) == 0) return true;
    p = comma + 1;
  }
  return false;
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

// Prints help text indented by `indent`, continuation lines aligned.
void PrintIndented(FILE* out, const std::string& text, int indent) {
  for (size_t p = 0; p <= text.size();) {
    size_t nl = text.find('\n', p);
    if (nl == std::string::npos) nl = text.size();
    if (p > 0) std::fprintf(out, "\n%*s", indent, "");
    std::fprintf(out, "%s", text.substr(p, nl - p).c_str());
    p = nl + 1;
  }
  std::fprintf(out, "\n");
}

constexpr char kPaths[] =
    "PATHs are files or folders, read recursively: .txt, .md, .markdown, .html,\n"
    ".htm (and .jsonl records for merge and stats); other files are skipped with a\n"
    "note. Use -- before PATHs that start with '-'.\n";
constexpr char kExitStatus[] =
    "exit status: 0 all inputs read; 1 some inputs skipped (each named on stderr);\n"
    "2 usage or fatal error, or no document read (nothing is written then).\n";

void PrintUsage(FILE* out) {
  std::fprintf(out, "usage: kgx COMMAND [options] PATH...\n\ncommands:\n");
  for (const Command& c : kCommands) std::fprintf(out, "  %-9s %s\n", c.name, c.summary);
  std::fprintf(out,
               "\n'kgx COMMAND --help' lists the command's options.\n"
               "  -h, --help         this help\n"
               "  --version          print the version\n\n%s%s",
               kPaths, kExitStatus);
}

void PrintCommandHelp(FILE* out, const Command& c) {
  std::fprintf(out, "usage: kgx %s\n\n%s.\n\noptions:\n", c.usage, c.summary);
  for (const OptionSpec& spec : kOptions) {
    if (!TakesOption(spec, c.name)) continue;
    std::string left = spec.names;
    if (spec.value != nullptr) left += std::string(" ") + spec.value;
    std::fprintf(out, "  %-20s ", left.c_str());
    std::string help = spec.help;
    if (Spells(spec, "-o")) {  // The formats this command writes.
      for (const OutputFormat& f : kOutputFormats)
        if (Writes(c.name, f)) {
          char row[160];
          std::snprintf(row, sizeof row, "\n  %-9s%s", f.extension, f.what);
          help += row;
        }
      if (std::string(c.name) == "extract") help += "\n(default: standard output)";
    }
    PrintIndented(out, help, 23);
  }
  const bool documents = c.run == RunDocuments;
  std::fprintf(out, "  %-20s %s\n\n%s%s", "-h, --help", "this help", documents ? kPaths : "",
               kExitStatus);
}

int UsageError(const std::string& message, const std::string& command = "") {
  Error(message);
  std::fprintf(stderr, "(run 'kgx %s--help' for usage)\n",
               command.empty() ? "" : (command + " ").c_str());
  return kExitUsage;
}

// Parses args[1...] into *opt. Returns -1 to go on, else an exit status
// (help printed, or a usage error reported).
int ParseArgs(const std::vector<std::string>& args, const Command& cmd, Options* opt) {
  bool options_done = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || a.size() < 2 || a[0] != '-') {
      opt->paths.push_back(a);
      continue;
    }
    if (a == "--") {  // Everything after is a PATH, even "-x.txt".
      options_done = true;
      continue;
    }
    if (a == "-h" || a == "--help") {
      PrintCommandHelp(stdout, cmd);
      return kExitOk;
    }
    // Attached values: --threads=2, -j2, -ograph.dot. A value given as the
    // next argument is taken as it is, so -o -x.dot writes '-x.dot'.
    std::string name = a, value;
    bool attached = false;
    if (a[1] == '-') {
      const size_t eq = a.find('=');
      if (eq != std::string::npos)
        name = a.substr(0, eq), value = a.substr(eq + 1), attached = true;
    } else if (a.size() > 2) {
      name = a.substr(0, 2), value = a.substr(2), attached = true;
    }
    const OptionSpec* spec = nullptr;
    const OptionSpec* elsewhere = nullptr;
    for (const OptionSpec& s : kOptions) {
      if (!Spells(s, name)) continue;
      (TakesOption(s, cmd.name) ? spec : elsewhere) = &s;
      if (spec != nullptr) break;
    }
    if (spec == nullptr && elsewhere != nullptr)
      return UsageError(name + " is not an option of 'kgx " + cmd.name +
                            "' (commands that take it: " + elsewhere->commands + ")",
                        cmd.name);
    if (spec == nullptr) {
      std::string message = "unknown option '" + name + "'";
      for (const OptionSpec& s : kOptions)
        if (TakesOption(s, cmd.name) && name.size() > 3) {
          const std::string names = s.names;
          const std::string long_name = names.substr(names.rfind(' ') + 1);
          if (EditDistance(name, long_name) <= 2) message += "; did you mean '" + long_name + "'?";
        }
      return UsageError(message, cmd.name);
    }
    if (spec->value == nullptr && attached)
      return UsageError(name + " takes no value ('" + a + "')", cmd.name);
    if (spec->value != nullptr && !attached) {
      if (i + 1 >= args.size()) return UsageError(name + " needs " + spec->value, cmd.name);
      value = args[++i];
    }
    if (Status s = spec->set(value, opt); !s.ok()) return UsageError(s.message(), cmd.name);
  }
  return -1;
}

// What the command line asks for can be done: PATHs given, outputs of
// formats this command writes. Returns an error message or "".
std::string CheckRequest(const Options& opt) {
  const std::string& c = opt.command;
  if (opt.paths.empty() && c != "aliases") return "no input PATH given";
  if (!opt.paths.empty() && c == "aliases") return "'kgx aliases' takes no PATH";
  if (c == "eval" && opt.paths.size() != 1) return "'kgx eval' takes one GOLD.jsonl file";
  const auto to_stdout = std::count(opt.outputs.begin(), opt.outputs.end(), "-");
  if (to_stdout > 1) return "only one '-o -' (standard output) at a time";
  if (to_stdout == 1 && opt.format.empty())
    return std::string("'-o -' needs --format (") + kStdoutFormats + ")";
  if (to_stdout == 0 && !opt.format.empty())
    return "--format is for '-o -' (standard output); files take their extension's format";
  int records = 0;
  for (const std::string& out : opt.outputs) {  // Only build, merge and extract take -o.
    const OutputFormat* f = FindFormat(out, opt);
    if (f != nullptr && f->write == nullptr && ++records > 1)
      return "one records output (.jsonl) at most; '" + out + "' is a second";
    if (f != nullptr && Writes(c, *f)) continue;
    if (c == "extract")
      return "'kgx extract' writes only records (.jsonl; default: standard output), not '" + out +
             "'; 'kgx build' writes the graph";
    if (f != nullptr)
      return "'kgx merge' reads records; it does not write them ('" + out +
             "'): write the graph as " + AcceptedFormats(c);
    return "cannot tell the format of '" + out + "' from its extension; 'kgx " + c + "' writes " +
           AcceptedFormats(c);
  }
  if ((c == "build" || c == "merge") && opt.outputs.empty() && opt.neo4j_dir.empty())
    return c + " needs at least one -o FILE (" + AcceptedFormats(c) + ") or --neo4j DIR";
  return "";
}

// ---------------------------------------------------------------------------
// Running.

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

// Loads the gazetteer folder and the user's files; false (reported) on error.
bool LoadGazetteers(const Options& opt, Model* model) {
  model->SetThreads(opt.threads);
  // The compiled gazetteers are kept between runs (extract/model_cache.h).
  if (!opt.no_cache) model->UseCache(DefaultModelCacheDir());
  Status s = model->LoadDirectory(FindDataDir(opt));
  for (size_t i = 0; s.ok() && i < opt.gazetteers.size(); ++i)
    s = model->LoadFile(opt.gazetteers[i]);
  if (s.ok()) s = model->Compile();
  if (!s.ok()) {
    Error(s.message());
    return false;
  }
  return true;
}

// Wikidata ids (qid=) and countries' display names (name=) live in the
// gazetteers, not in records: the graph asks for them at Finalize.
EntityInfoLookup GazetteerInfo(const Gazetteer& gaz) {
  return [&gaz](NodeKind node_kind, const std::string& id) {
    EntityInfo info;
    EntityKind kind;
    if (node_kind == NodeKind::kCountry)
      kind = EntityKind::kCountry;
    else if (node_kind == NodeKind::kCountryGroup)
      kind = EntityKind::kGroup;
    else if (node_kind == NodeKind::kMineral)
      kind = EntityKind::kMineral;
    else if (node_kind == NodeKind::kOrganization)
      kind = EntityKind::kOrganization;
    else
      return info;
    const int e = gaz.Find(kind, id);
    if (e < 0) return info;
    const auto& attrs = gaz.entities()[e].attrs;
    if (auto it = attrs.find("qid"); it != attrs.end()) info.qid = it->second;
    // A country's display name where ICU's is not the usual one ("DR Congo").
    if (auto it = attrs.find("name"); node_kind == NodeKind::kCountry && it != attrs.end())
      info.label = it->second;
    return info;
  };
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

// One unit of work: a file, or a part of a large records file.
struct InputTask {
  size_t file;    // Index into the files.
  FilePart part;  // The whole file unless a records file was cut.
  bool last;      // The file's last part.
  uint64_t bytes;
};

// Records files over kRecordPartBytes are read in parts of about that size,
// so that `merge` holds a few parts at once (the ordered pool's window), not
// every file's records: peak memory no longer grows with a file's size.
constexpr uint64_t kRecordPartBytes = 1 << 20;

std::vector<InputTask> InputTasks(const std::vector<std::string>& files,
                                  const std::vector<uint64_t>& sizes, bool records) {
  std::vector<InputTask> tasks;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!records || sizes[i] <= kRecordPartBytes || LowerExtension(files[i]) != "jsonl") {
      tasks.push_back({i, FilePart(), true, sizes[i]});
      continue;
    }
    const std::vector<FilePart> parts = SplitLines(files[i], kRecordPartBytes);
    for (size_t k = 0; k < parts.size(); ++k) {
      const uint64_t end = std::min(parts[k].end, sizes[i]);
      tasks.push_back({i, parts[k], k + 1 == parts.size(), end - std::min(end, parts[k].begin)});
    }
  }
  return tasks;
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
    std::fprintf(stderr, "\rkgx: %s, %.1f MB/s, about %.0f s left   ",
                 Counted(files_, "file").c_str(), rate / 1e6, left);
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

// Where the records go (a staged .jsonl file or standard output), with
// every write checked: the first failure is kept and later writes skipped.
class RecordsOut {
 public:
  RecordsOut() = default;
  ~RecordsOut() {
    if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  }
  RecordsOut(const RecordsOut&) = delete;
  RecordsOut& operator=(const RecordsOut&) = delete;

  Status Open(const std::string& temp, const std::string& name) {
    name_ = "'" + name + "'";
    file_ = std::fopen(temp.c_str(), "wb");
    if (file_ == nullptr)
      return Status::Error("cannot write " + name_ + ": " + std::strerror(errno));
    return Status::Ok();
  }
  void UseStandardOutput() {
    file_ = stdout;
    name_ = "standard output";
  }
  bool on() const { return file_ != nullptr; }
  bool failed() const { return error_ != 0; }
  void Write(const std::string& bytes) {
    if (file_ == nullptr || error_ != 0 || bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
      error_ = errno ? errno : EIO;
  }
  // Flushes (and closes a file); the status names the output.
  Status Finish() {
    if (file_ == nullptr) return Status::Ok();
    if (error_ == 0 && std::fflush(file_) != 0) error_ = errno ? errno : EIO;
    if (error_ == 0 && std::ferror(file_)) error_ = EIO;
    if (file_ != stdout) {
      if (std::fclose(file_) != 0 && error_ == 0) error_ = errno ? errno : EIO;
    } else if (error_ != 0) {
      std::clearerr(stdout);  // Reported here, not again when kgx exits.
    }
    file_ = nullptr;
    if (error_ != 0)
      return Status::Error("cannot write to " + name_ + ": " + std::strerror(error_));
    return Status::Ok();
  }

 private:
  FILE* file_ = nullptr;
  std::string name_;
  int error_ = 0;
};

// Counts documents merged and names those read twice (by their doc id):
// `merge r.jsonl r.jsonl`, or a build's graph.jsonl beside an extract's
// records, counts each document once.
class Documents {
 public:
  // True when the record's document was not read before.
  bool First(const Record& r, const std::string& where) {
    auto [it, fresh] = seen_.emplace(r.doc, where);
    if (fresh) return true;
    if (repeats_++ == 0)
      first_repeat_ = where + ": document '" + r.doc + "' was already read (" + it->second + ")";
    return false;
  }
  // Reports the repeats of one input file, if any.
  void ReportRepeats(const std::string& file) {
    if (repeats_ == 1) Warning(first_repeat_ + "; merged once");
    if (repeats_ > 1)
      Warning(first_repeat_ + "; " + Counted(repeats_, "document") + " of '" + file +
              "' were already read; each merged once");
    repeats_ = 0;
  }

 private:
  std::unordered_map<std::string, std::string> seen_;  // doc -> where first read
  size_t repeats_ = 0;
  std::string first_repeat_;
};

// The outputs of one run, staged before anything is read: nothing replaces
// an existing output until all are written.
struct StagedOutputs {
  OutputSet outputs;
  std::vector<std::string> temps;  // Where to write opt.outputs[i].
  StdoutCopy stdout_copy;          // A graph written to standard output goes through a file.
  std::string neo4j_temp;
};

Status StageOutputs(const Options& opt, StagedOutputs* staged) {
  staged->temps.resize(opt.outputs.size());
  for (size_t i = 0; i < opt.outputs.size(); ++i)
    if (Status s = opt.outputs[i] == "-"
                       ? staged->stdout_copy.Stage("." + opt.format, &staged->temps[i])
                       : staged->outputs.AddFile(opt.outputs[i], &staged->temps[i]);
        !s.ok())
      return s;
  if (!opt.neo4j_dir.empty())
    if (Status s = staged->outputs.AddFolder(opt.neo4j_dir, &staged->neo4j_temp); !s.ok())
      return s;
  for (const std::string& stale : staged->outputs.removed_stale())
    Note("removed '" + stale + "', left by a kgx run that was stopped");
  return Status::Ok();
}

// Where the records go: a .jsonl output, else standard output for `extract`
// or '-o -' with a records format.
Status OpenRecords(const Options& opt, const StagedOutputs& staged, RecordsOut* records_out) {
  bool records_to_stdout = opt.command == "extract";
  for (size_t i = 0; i < opt.outputs.size(); ++i) {
    if (FindFormat(opt.outputs[i], opt)->write != nullptr) continue;
    if (opt.outputs[i] == "-") {
      records_to_stdout = true;
      continue;
    }
    if (Status s = records_out->Open(staged.temps[i], opt.outputs[i]); !s.ok()) return s;
  }
  if (!records_out->on() && records_to_stdout) records_out->UseStandardOutput();
  return Status::Ok();
}

// What one input gives: records (a document one, a .jsonl file many) or
// messages.
struct Outcome {
  std::vector<Record> records;  // For the graph (not kept by `extract`).
  std::vector<std::string> where;
  std::string lines;  // The records as JSON lines, when they are written.
  size_t count = 0;   // Records read.
  std::vector<std::string> errors, warnings;
  size_t bytes = 0;
};

// Reads input `path` (on a worker thread): its records, written as JSON
// lines here when `write_lines`, and kept for the graph unless `extract`.
// `part`: the lines of a records file to read (a large one is read part by
// part, InputTasks).
Outcome ReadInput(const std::string& path, const FilePart& part, const Options& opt,
                  const Extractor& extractor, bool write_lines, bool extract) {
  // A record says more than its document (offsets, evidence): a line may be
  // 4 times the document size limit.
  const size_t max_record_line = 4 * opt.read.max_file_bytes;
  Outcome o;
  auto finish = [&]() {
    o.count = o.records.size();
    if (write_lines)
      for (const Record& record : o.records) {
        o.lines += ToJsonLine(record);
        o.lines += '\n';
      }
    if (extract) o.records.clear();
    return o;
  };
  if (LowerExtension(path) == "jsonl") {  // Records from `kgx extract`.
    ReadRecords(path, max_record_line, &o.records, &o.where, &o.errors, part);
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
  o.where.push_back(path);
  return finish();
}

// Writes the graph to every staged output and commits them; the status
// names the output the user gave.
Status WriteOutputs(const KnowledgeGraph& graph, const Options& opt, StagedOutputs* staged) {
  for (size_t i = 0; i < opt.outputs.size(); ++i) {
    const OutputFormat* f = FindFormat(opt.outputs[i], opt);
    if (f->write == nullptr) continue;  // Records, written while reading.
    // The writer names its temporary; the user named the output.
    if (Status w = f->write(graph, staged->temps[i], opt); !w.ok())
      return Status::Error("cannot write '" + opt.outputs[i] + "': " + w.message());
  }
  if (!opt.neo4j_dir.empty())
    if (Status w = WriteNeo4j(graph, staged->neo4j_temp); !w.ok())
      return Status::Error("cannot write '" + opt.neo4j_dir + "': " + w.message());
  if (Status s = staged->outputs.Commit(); !s.ok()) return s;
  return staged->stdout_copy.Copy();
}

// build, extract, merge, stats: documents (and records) in, graph or
// records out. Every check that can fail before reading is done first.
int RunDocuments(const Options& opt) {
  if (Status s = CheckInputPaths(opt.paths); !s.ok()) {
    Error(s.message());
    return kExitUsage;
  }
  StagedOutputs staged;
  if (Status s = StageOutputs(opt, &staged); !s.ok()) {
    Error(s.message());
    return kExitUsage;
  }
  Model model;
  if (!LoadGazetteers(opt, &model)) return kExitUsage;
  const bool extract = opt.command == "extract";
  std::vector<std::string> files;
  bool all_ok = CollectInputs(opt.paths, opt.command == "merge" || opt.command == "stats", &files);
  if (files.empty()) {
    Error("no documents to read in the PATHs given; nothing written");
    return kExitUsage;
  }
  RecordsOut records_out;
  if (Status s = OpenRecords(opt, staged, &records_out); !s.ok()) {
    Error(s.message());
    return kExitUsage;
  }

  Extractor extractor(model);
  KnowledgeGraph graph;
  Documents documents;
  const std::vector<uint64_t> sizes = FileSizes(files);
  uint64_t total_bytes = 0;
  for (uint64_t s : sizes) total_bytes += s;
  Progress progress(opt.quiet, total_bytes);
  size_t records_read = 0;
  const std::vector<InputTask> tasks =
      InputTasks(files, sizes, opt.command == "merge" || opt.command == "stats");
  std::vector<uint64_t> task_bytes;
  for (const InputTask& t : tasks) task_bytes.push_back(t.bytes);
  const std::vector<size_t> ends = BatchEnds(task_bytes, total_bytes, opt.threads);
  size_t next_task = 0;
  RunOrdered<std::vector<Outcome>>(
      ends.size(), opt.threads, 4 * static_cast<size_t>(opt.threads),
      [&](size_t b) {
        std::vector<Outcome> batch;
        for (size_t i = b == 0 ? 0 : ends[b - 1]; i < ends[b]; ++i)
          batch.push_back(ReadInput(files[tasks[i].file], tasks[i].part, opt, extractor,
                                    records_out.on(), extract));
        return batch;
      },
      [&](size_t, std::vector<Outcome>& batch) {
        for (Outcome& o : batch) {
          const InputTask& task = tasks[next_task++];
          const std::string& file = files[task.file];
          progress.Clear();
          for (const std::string& e : o.errors) Error(e);
          if (!o.errors.empty()) all_ok = false;
          for (const std::string& w : o.warnings) Warning(w);
          records_out.Write(o.lines);
          records_read += o.count;
          for (size_t k = 0; k < o.records.size(); ++k)
            if (documents.First(o.records[k], o.where[k])) graph.AddRecord(o.records[k]);
          if (task.last) documents.ReportRepeats(file);
          progress.Add(o.bytes);
        }
      });
  progress.Clear();
  if (Status s = records_out.Finish(); !s.ok()) {
    Error(s.message());
    return kExitUsage;
  }
  if (records_read == 0) {
    Error("no document was read (" + Counted(files.size(), "input") +
          ", each skipped); nothing written");
    return kExitUsage;
  }
  if (!extract) {
    // The same graph whatever order records came in.
    graph.Finalize(opt.threads, GazetteerInfo(model.gazetteer()));
    if (!opt.filter.empty()) graph = FilterGraph(graph, opt.filter);
  }
  if (opt.command == "stats") {
    if (opt.json)
      std::printf("%s\n", StatsJson(graph).dump(2).c_str());
    else
      PrintStats(graph, stdout);
    return all_ok ? kExitOk : kExitSkipped;
  }
  if (Status s = WriteOutputs(graph, opt, &staged); !s.ok()) {
    Error(s.message());
    return kExitUsage;
  }
  if (!extract)
    Info(Counted(files.size(), "input") + ", " + Counted(graph.node_count(), "node") + ", " +
         Counted(graph.edge_count(), "edge"));
  return all_ok ? kExitOk : kExitSkipped;
}

int RunEvalCommand(const Options& opt) {
  if (Status s = CheckInputPaths(opt.paths); !s.ok()) {
    Error(s.message());
    return kExitUsage;
  }
  Model model;
  if (!LoadGazetteers(opt, &model)) return kExitUsage;
  EvalOptions eval;
  eval.gold_path = opt.paths[0];
  eval.floors = opt.floors;
  eval.verbose = opt.verbose;
  return RunEval(model, eval);
}

int RunAliases(const Options& opt) {
  Model model;
  if (!LoadGazetteers(opt, &model)) return kExitUsage;
  std::set<std::string> unique;
  for (const Alias& a : model.gazetteer().aliases()) unique.insert(a.folded);
  for (const std::string& a : unique) std::printf("%s\n", a.c_str());
  return kExitOk;
}

int Dispatch(const std::vector<std::string>& args) {
  if (args.empty()) {
    PrintUsage(stderr);
    return kExitUsage;
  }
  if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    const Command* c = args.size() > 1 ? FindCommand(args[1]) : nullptr;
    if (c != nullptr)
      PrintCommandHelp(stdout, *c);
    else
      PrintUsage(stdout);
    return kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    std::printf("kgx %s\n", KGX_VERSION);
    return kExitOk;
  }
  const Command* cmd = FindCommand(args[0]);
  if (cmd == nullptr) {
    std::string message = "unknown command '" + args[0] + "'";
    for (const Command& c : kCommands)
      if (EditDistance(args[0], c.name) <= 2)
        message += "; did you mean '" + std::string(c.name) + "'?";
    return UsageError(message);
  }
  Options opt;
  opt.command = cmd->name;
  if (int rc = ParseArgs(args, *cmd, &opt); rc >= 0) return rc;
  SetQuiet(opt.quiet);
  if (const std::string problem = CheckRequest(opt); !problem.empty())
    return UsageError(problem, cmd->name);
  return cmd->run(opt);
}

}  // namespace

int RunCli(int argc, char** argv) {
  RemoveTempsOnSignals();
  const int rc = Dispatch(std::vector<std::string>(argv + 1, argv + argc));
  // Whatever went to standard output must have arrived: a full disk or
  // /dev/full is an error, not a truncated result with exit 0.
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    Error(std::string("cannot write to standard output") +
          (errno != 0 ? std::string(": ") + std::strerror(errno) : ""));
    return kExitUsage;
  }
  return rc;
}

}  // namespace kgx
