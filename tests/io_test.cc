// The I/O boundary's parts: bounded reads of regular files only, binary
// formats by name and bytes, kgx's temporaries (naming, stale ones, removal
// on a signal), outputs renamed as a set, and what reaches the terminal.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "export/output_set.h"
#include "export/temp_files.h"
#include "extract/read/binary_format.h"
#include "extract/read/file_io.h"
#include "tests/test_util.h"
#include "tools/messages.h"

namespace {

namespace fs = std::filesystem;

// A fresh folder for one test case, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string name = (fs::temp_directory_path() / "kgx-io-test-XXXXXX").string();
    path_ = mkdtemp(name.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void Write(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

mode_t Mode(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The name of the binary format `format_of` reads in a file's name or first
// bytes, cut before its parenthesis ("a ZIP archive"), "" for none.
template <typename FormatOf>
auto FormatName(FormatOf format_of) {
  return [format_of](const std::string& text) {
    const kgx::BinaryFormat* f = format_of(text);
    if (f == nullptr) return std::string();
    const std::string name(f->name);
    return name.substr(0, name.find(" ("));
  };
}

}  // namespace

TEST_CASE("only regular files are read, within their size limit") {
  TempDir dir;
  Write(dir / "a.tsv", "0123456789");
  std::string bytes;
  CHECK(kgx::ReadRegularFile(dir / "a.tsv", 10, &bytes).ok());
  CHECK(bytes == "0123456789");
  CHECK(kgx::ReadRegularFile(dir / "a.tsv", 9, &bytes, "--max-file-size").message() ==
        dir / "a.tsv: file is 10 bytes, over the limit of 9 (--max-file-size)");
  CHECK(kgx::ReadRegularFile(dir.path(), 100, &bytes).message() ==
        dir.path() + ": is a folder, not a file");
  CHECK(kgx::ReadRegularFile("/dev/zero", 100, &bytes).message() ==
        "/dev/zero: not a regular file");
  CHECK(kgx::ReadRegularFile(dir / "none", 100, &bytes).message() ==
        dir / "none: cannot read: No such file or directory");
  // A FIFO nobody writes to is refused at once, not waited on.
  REQUIRE(mkfifo((dir / "fifo").c_str(), 0600) == 0);
  CHECK(kgx::ReadRegularFile(dir / "fifo", 100, &bytes).message() ==
        dir / "fifo: not a regular file");
  kgx::LineReader in;
  CHECK(in.Open(dir / "fifo", 100).message() == dir / "fifo: not a regular file");
  CHECK_FALSE(in.Next(&bytes));
}

TEST_CASE("a line reader numbers lines, keeps a last line without newline, bounds a line") {
  TempDir dir;
  const std::string long_line(200000, 'x');  // Longer than one read block.
  Write(dir / "r.jsonl", "one\r\n\n" + long_line + "\nlast");
  kgx::LineReader in;
  REQUIRE(in.Open(dir / "r.jsonl", 1 << 20).ok());
  std::vector<std::string> lines;
  std::string line;
  while (in.Next(&line)) lines.push_back(line);
  CHECK(in.status().ok());
  CHECK(lines == std::vector<std::string>{"one\r", "", long_line, "last"});
  CHECK(in.line_number() == 4);

  kgx::LineReader bounded;
  REQUIRE(bounded.Open(dir / "r.jsonl", 1000).ok());
  CHECK(bounded.Next(&line));
  CHECK(bounded.Next(&line));
  CHECK_FALSE(bounded.Next(&line));
  CHECK(bounded.status().message() == dir / "r.jsonl:3: line longer than 1000 bytes");
}

TEST_CASE("a file cut into parts at line ends reads as the whole: same lines, same numbers") {
  TempDir dir;
  const std::string long_line(200000, 'y');  // A part boundary inside it moves to its end.
  Write(dir / "r.jsonl", "a\n\nbb\n" + long_line + "\nccc\ndddd\n\nlast");
  auto read = [&](const kgx::FilePart& part) {
    kgx::LineReader in;
    REQUIRE(in.Open(dir / "r.jsonl", 1 << 20, part.begin, part.end, part.first_line).ok());
    std::vector<std::string> out;
    std::string line;
    while (in.Next(&line)) out.push_back(std::to_string(in.line_number()) + ":" + line);
    CHECK(in.status().ok());
    return out;
  };
  const std::vector<std::string> whole = read(kgx::FilePart());
  REQUIRE(whole.size() == 8);
  for (uint64_t part_bytes : {1, 3, 5, 1000, 1 << 20}) {
    const std::vector<kgx::FilePart> parts = kgx::SplitLines(dir / "r.jsonl", part_bytes);
    std::vector<std::string> joined;
    for (const kgx::FilePart& p : parts) {
      const std::vector<std::string> got = read(p);
      CHECK_FALSE(got.empty());  // Every part holds a line at least.
      joined.insert(joined.end(), got.begin(), got.end());
    }
    CHECK(joined == whole);
    CHECK(parts.size() == (part_bytes == 1 ? 8u : part_bytes == 1 << 20 ? 1u : parts.size()));
  }
  // An empty file is one part of no line.
  Write(dir / "empty.jsonl", "");
  CHECK(kgx::SplitLines(dir / "empty.jsonl", 10).size() == 1);
}

TEST_CASE("binary document formats are known by name and by their first bytes") {
  const std::vector<kgx_test::InOut> by_name = {
      {"report.DOCX", "a word-processor document"},
      {"a/b.pdf", "a PDF document"},
      {"sheet.xlsx", "a spreadsheet"},
      {"deck.pptx", "a presentation"},
      {"old.doc", "a legacy Office document"},
      {"book.epub", "an e-book"},
      {"news.txt.gz", "a gzip-compressed file"},
      {"notes.rtf", "an RTF document"},
      {"news.txt", ""},
      {"graph.dot", ""},
      {"dir.pdf/news", ""},
      {"README", ""},
  };
  kgx_test::CheckEach(FormatName(kgx::BinaryFormatOfName), by_name);
  const std::vector<kgx_test::InOut> by_bytes = {
      {"%PDF-1.5\n%\xe2\xe3", "a PDF document"},
      {std::string("PK\x03\x04\x14\0", 6), "a ZIP archive"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a legacy Office document"},
      {"\x1F\x8B\x08", "a gzip-compressed file"},
      {"{\\rtf1\\ansi", "an RTF document"},
      {"%PDF is a format", ""},
      {"PK stands for", ""},
      {"Australia and Japan", ""},
  };
  kgx_test::CheckEach(FormatName(kgx::BinaryFormatOfBytes), by_bytes);
  CHECK(kgx::BinaryFormatMessage("x.pdf", *kgx::BinaryFormatOfName("x.pdf")) ==
        "x.pdf: a PDF document; convert it to text first (pdftotext x.pdf x.pdf.txt); kgx reads "
        "plain text, markdown and HTML");
}

TEST_CASE("stale temporaries are those of kgx's naming whose process is gone") {
  TempDir dir;
  const std::string dead = "g.dot.kgx-tmp-2147483000-aB3xYz";  // Past any pid_max.
  const std::string alive = "g.dot.kgx-tmp-" + std::to_string(getpid()) + "-aB3xYz";
  for (const std::string& name :
       {dead, alive, std::string("g.dot.kgx-tmp-aB3xYz"),
        std::string("g.dot.kgx-tmp-2147483000-toolong"),
        std::string("notes.kgx-tmp-2147483000-ab.txt"), std::string("g.dot")})
    Write(dir / name, "x");
  fs::create_directory(dir / "neo4j.kgx-tmp-2147483001-Qq1234");
  Write(dir / "neo4j.kgx-tmp-2147483001-Qq1234/nodes.csv", "x");
  std::vector<std::string> removed = kgx::RemoveStaleTemps(dir.path());
  std::sort(removed.begin(), removed.end());
  CHECK(removed == std::vector<std::string>{dir / dead, dir / "neo4j.kgx-tmp-2147483001-Qq1234"});
  std::vector<std::string> kept = {"g.dot", alive, "g.dot.kgx-tmp-2147483000-toolong",
                                   "g.dot.kgx-tmp-aB3xYz", "notes.kgx-tmp-2147483000-ab.txt"};
  std::sort(kept.begin(), kept.end());  // The pid's digits decide where `alive` sorts.
  CHECK(Names(dir.path()) == kept);
  CHECK(kgx::TempTemplate("a/b.svg") == "a/b.svg.kgx-tmp-" + std::to_string(getpid()) + "-XXXXXX");
}

TEST_CASE("an output set renames every output at the end, or none") {
  TempDir dir;
  Write(dir / "a.dot", "old a");
  Write(dir / "b.graphml", "old b");
  chmod((dir / "b.graphml").c_str(), 0600);
  {
    kgx::OutputSet set;
    std::string ta, tb, tn;
    REQUIRE(set.AddFile(dir / "a.dot", &ta).ok());
    REQUIRE(set.AddFile(dir / "b.graphml", &tb).ok());
    REQUIRE(set.AddFolder(dir / "new/neo4j", &tn).ok());
    CHECK(set.AddFile(dir / "a.dot", &ta).message() ==
          "'" + dir / "a.dot" + "' is named as an output twice");
    Write(ta, "new a");
    Write(tn + "/nodes.csv", "n");
    // Not committed (a failed run): nothing changes, nothing is left.
  }
  CHECK(Read(dir / "a.dot") == "old a");
  CHECK(Names(dir.path()) == std::vector<std::string>{"a.dot", "b.graphml"});

  kgx::OutputSet set;
  std::string ta, tb, tn;
  REQUIRE(set.AddFile(dir / "a.dot", &ta).ok());
  REQUIRE(set.AddFile(dir / "b.graphml", &tb).ok());
  REQUIRE(set.AddFolder(dir / "new/neo4j", &tn).ok());
  Write(ta, "new a");
  Write(tb, "new b");
  Write(tn + "/nodes.csv", "n");
  CHECK(Read(dir / "a.dot") == "old a");  // Nothing moves before Commit.
  REQUIRE(set.Commit().ok());
  CHECK(Read(dir / "a.dot") == "new a");
  CHECK(Read(dir / "b.graphml") == "new b");
  CHECK(Mode(dir / "b.graphml") == 0600);  // Kept the mode of the file it replaced.
  CHECK(Read(dir / "new/neo4j/nodes.csv") == "n");
  CHECK(Names(dir.path()) == std::vector<std::string>{"a.dot", "b.graphml", "new"});
  CHECK(Names(dir / "new") == std::vector<std::string>{"neo4j"});

  // Into an existing folder: its files are replaced, other files stay.
  Write(dir / "new/neo4j/mine.txt", "keep");
  chmod((dir / "new/neo4j/nodes.csv").c_str(), 0640);
  kgx::OutputSet again;
  REQUIRE(again.AddFolder(dir / "new/neo4j", &tn).ok());
  Write(tn + "/nodes.csv", "n2");
  REQUIRE(again.Commit().ok());
  CHECK(Read(dir / "new/neo4j/nodes.csv") == "n2");
  CHECK(Mode(dir / "new/neo4j/nodes.csv") == 0640);
  CHECK(Names(dir / "new/neo4j") == std::vector<std::string>{"mine.txt", "nodes.csv"});
  CHECK(Names(dir / "new") == std::vector<std::string>{"neo4j"});
}

TEST_CASE("an output set refuses what it cannot write before anything is read") {
  TempDir dir;
  Write(dir / "file", "x");
  kgx::OutputSet set;
  std::string t;
  CHECK(set.AddFile(dir / "file/g.dot", &t).message().find("cannot write '" + dir / "file/g.dot") ==
        0);
  fs::create_directory(dir / "sub");
  CHECK(set.AddFile(dir / "sub", &t).message() ==
        "cannot write '" + dir / "sub" + "': it is a folder");
  CHECK(set.AddFolder(dir / "file", &t).message() ==
        "cannot write '" + dir / "file" + "': it is not a folder");
}

TEST_CASE("SIGTERM removes the registered temporaries, then the process dies of it") {
  TempDir dir;
  const std::string file = dir / "g.dot.kgx-tmp-1-abcdef";
  const std::string folder = dir / "neo4j.kgx-tmp-1-abcdef";
  Write(file, "half");
  fs::create_directory(folder);
  Write(folder + "/nodes.csv", "half");
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    kgx::RemoveTempsOnSignals();
    kgx::RegisterTemp(file, false);
    kgx::RegisterTemp(folder, true);
    raise(SIGTERM);
    _exit(0);  // Not reached: the handler re-raises with the default action.
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK_FALSE(fs::exists(file));
  CHECK_FALSE(fs::exists(folder));
}

TEST_CASE("what reaches the terminal cannot drive it") {
  CHECK(kgx::EscapeForTerminal("plain 日本.txt") == "plain 日本.txt");
  CHECK(kgx::EscapeForTerminal("\x1b[31mred\x07") == "\\x1B[31mred\\x07");
  CHECK(kgx::EscapeForTerminal("a\nb\rc\td") == "a\\x0Ab\\x0Dc\\x09d");
  CHECK(kgx::EscapeForTerminal("\xc2\x9b"
                               "2J") == "\\u009B2J");  // C1 CSI
  CHECK(kgx::EscapeForTerminal("\xe2\x80\xae"
                               "gpj.exe") == "\\u202Egpj.exe");     // RLO
  CHECK(kgx::EscapeForTerminal("bad\x9b\xff") == "bad\\x9B\\xFF");  // Not UTF-8
  CHECK(kgx::EscapeForTerminal("a\\x1B") == "a\\\\x1B");            // Cannot pass for one
  CHECK(kgx::Counted(1, "input") == "1 input");
  CHECK(kgx::Counted(0, "input") == "0 inputs");
  CHECK(kgx::Counted(2, "input") == "2 inputs");
  CHECK(kgx::Counted(3, "entry", "entries") == "3 entries");
}
