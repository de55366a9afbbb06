#include "tools/inputs.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <system_error>
#include <utility>

#include "extract/read/binary_format.h"
#include "extract/read/file_io.h"
#include "extract/read/reader.h"
#include "tools/messages.h"

namespace kgx {
namespace {

namespace fs = std::filesystem;

bool IsRecordsFile(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".jsonl";
}

// "https://...": a scheme of letters, digits, + - . before "://".
bool LooksLikeUrl(const std::string& path) {
  const size_t at = path.find("://");
  if (at == std::string::npos || at == 0 || !std::isalpha(static_cast<unsigned char>(path[0])))
    return false;
  return std::all_of(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(at), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

class Collector {
 public:
  Collector(bool records_too, std::vector<std::string>* files)
      : records_too_(records_too), files_(files) {}

  bool ok() const { return ok_; }

  void Named(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(fs::symlink_status(path, ec)) || fs::is_directory(path, ec)) {
      const size_t before = files_->size();
      Walk(path);
      if (files_->size() == before && ok_)
        Note("no documents (.txt, .md, .markdown, .html, .htm" +
             std::string(records_too_ ? ", .jsonl" : "") + ") in the folder '" + path + "'");
      return;
    }
    // Named explicitly: read whatever its extension, unless it names a binary format.
    if (const BinaryFormat* f = BinaryFormatOfName(path)) {
      Error("skipping " + BinaryFormatMessage(path, *f));
      ok_ = false;
      return;
    }
    Add(path);
  }

 private:
  // The folder's entries in name order, folders walked depth first.
  void Walk(const std::string& dir) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      entries.push_back(*it);
    if (ec) {
      Error("skipping the folder '" + dir + "': " + ec.message());
      ok_ = false;
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) {
                return a.path().filename() < b.path().filename();
              });
    for (const fs::directory_entry& e : entries) {
      const std::string name = e.path().filename().string();
      if (name.empty() || name[0] == '.') continue;               // .git, editor files
      if (name.find(".kgx-tmp-") != std::string::npos) continue;  // Our own, half written.
      const std::string path = e.path().string();
      // Symlinked folders are not followed, so link loops cannot recurse.
      if (e.is_directory(ec) && !e.is_symlink(ec)) {
        Walk(path);
        continue;
      }
      if (e.is_directory(ec)) continue;
      if (IsSupportedExtension(path) || (records_too_ && IsRecordsFile(e.path()))) {
        Add(path);
      } else if (e.is_regular_file(ec)) {
        const BinaryFormat* f = BinaryFormatOfName(path);
        Note("skipping " + (f != nullptr ? BinaryFormatMessage(path, *f)
                                         : "'" + path + "': not a .txt, .md or .html file"));
      }
    }
  }

  // Each file once, by identity: a.txt and ./a.txt are the same file.
  void Add(const std::string& path) {
    struct stat st;
    if (stat(path.c_str(), &st) == 0) {
      auto [it, fresh] = seen_.emplace(std::make_pair(st.st_dev, st.st_ino), path);
      if (!fresh) {
        Warning("'" + path + "' is the same file as '" + it->second + "': read once");
        return;
      }
    }
    files_->push_back(path);  // Unreadable ones are named when read.
  }

  bool records_too_;
  std::vector<std::string>* files_;
  std::map<std::pair<dev_t, ino_t>, std::string> seen_;
  bool ok_ = true;
};

}  // namespace

Status CheckInputPaths(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(path, ec);
    if (!ec && fs::exists(st)) continue;
    if (LooksLikeUrl(path))
      return Status::Error("'" + path +
                           "' is a URL; kgx reads files and folders: save the page "
                           "first (curl -o page.html '" +
                           path + "')");
    return Status::Error("cannot read '" + path +
                         "': " + (ec ? ec.message() : "No such file or directory") +
                         "; nothing was read or written");
  }
  return Status::Ok();
}

bool CollectInputs(const std::vector<std::string>& paths, bool records_too,
                   std::vector<std::string>* files) {
  Collector collector(records_too, files);
  for (const std::string& path : paths) collector.Named(path);
  return collector.ok();
}

bool ReadRecords(const std::string& path, size_t max_line_bytes, std::vector<Record>* records,
                 std::vector<std::string>* where, std::vector<std::string>* errors,
                 const FilePart& part) {
  LineReader in;
  if (Status s = in.Open(path, max_line_bytes, part.begin, part.end, part.first_line); !s.ok()) {
    errors->push_back("skipping " + s.message());
    return false;
  }
  bool ok = true;
  std::string line;
  while (in.Next(&line)) {
    if (line.empty() || line == "\r") continue;
    const std::string at = path + ":" + std::to_string(in.line_number());
    Record r;
    Status s;
    try {
      s = FromJson(nlohmann::json::parse(line), &r);
    } catch (const nlohmann::json::exception& e) {
      s = Status::Error(std::string("not JSON: ") + e.what());
    }
    if (!s.ok()) {
      errors->push_back(at + ": " + s.message());
      ok = false;
      continue;
    }
    records->push_back(std::move(r));
    where->push_back(at);
  }
  if (!in.status().ok()) {
    errors->push_back(in.status().message());
    ok = false;
  }
  return ok;
}

}  // namespace kgx
