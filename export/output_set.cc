#include "export/output_set.h"

#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "export/temp_files.h"

namespace kgx {
namespace {

namespace fs = std::filesystem;

Status CannotWrite(const std::string& path, const std::string& why) {
  return Status::Error("cannot write '" + path + "': " + why);
}

// The folder a path is in ("" stands for the current folder).
std::string Parent(const std::string& path) { return fs::path(path).parent_path().string(); }

// Renames `from` onto `to` with the mode the output at `to` should have.
Status Replace(const std::string& from, const std::string& to) {
  chmod(from.c_str(), OutputMode(to));
  if (std::rename(from.c_str(), to.c_str()) != 0)
    return Status::Error("cannot rename onto '" + to + "': " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace

OutputSet::~OutputSet() {
  if (!committed_) Discard();
}

void OutputSet::Discard() {
  for (Staged& s : staged_) {
    std::error_code ec;
    if (s.folder)
      fs::remove_all(s.temp, ec);
    else
      fs::remove(s.temp, ec);
    UnregisterTemp(s.slot);
  }
  staged_.clear();
  // Deepest first; a folder something else was put in stays.
  for (auto it = made_folders_.rbegin(); it != made_folders_.rend(); ++it) rmdir(it->c_str());
  made_folders_.clear();
}

Status OutputSet::Prepare(const std::string& path) {
  if (path.empty()) return Status::Error("an output needs a name");
  for (const Staged& s : staged_)
    if (s.target == path) return Status::Error("'" + path + "' is named as an output twice");
  const std::string parent = Parent(path);
  if (!parent.empty()) {
    // Make the missing folders one at a time, outermost first, to know which to remove.
    std::vector<std::string> missing;
    std::error_code ec;
    for (fs::path p = parent; !p.empty() && !fs::exists(fs::symlink_status(p, ec));
         p = p.parent_path())
      missing.push_back(p.string());
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      if (mkdir(it->c_str(), 0777) != 0 && errno != EEXIST)
        return CannotWrite(path, "cannot make the folder '" + *it + "': " + std::strerror(errno));
      made_folders_.push_back(*it);
    }
    if (!fs::is_directory(parent, ec)) return CannotWrite(path, "'" + parent + "' is not a folder");
  }
  if (std::find(cleaned_folders_.begin(), cleaned_folders_.end(), parent) ==
      cleaned_folders_.end()) {
    cleaned_folders_.push_back(parent);
    for (std::string& r : RemoveStaleTemps(parent)) removed_stale_.push_back(std::move(r));
  }
  return Status::Ok();
}

Status OutputSet::AddFile(const std::string& path, std::string* temp) {
  Status s = Prepare(path);
  if (!s.ok()) return s;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return CannotWrite(path, "it is a folder");
  std::string name = TempTemplate(path);
  const int fd = mkstemp(name.data());
  if (fd < 0) return CannotWrite(path, std::strerror(errno));
  close(fd);
  staged_.push_back({path, name, false, RegisterTemp(name, false)});
  *temp = name;
  return Status::Ok();
}

Status OutputSet::AddFolder(const std::string& given, std::string* temp) {
  // "out/neo4j/" names the folder out/neo4j: its temporary goes beside it.
  std::string path = given;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  Status s = Prepare(path);
  if (!s.ok()) return s;
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(path, ec);
  if (fs::exists(st) && !fs::is_directory(st)) return CannotWrite(path, "it is not a folder");
  if (fs::is_directory(st)) {  // Earlier runs' temporaries inside it, too.
    for (std::string& r : RemoveStaleTemps(path)) removed_stale_.push_back(std::move(r));
    if (access(path.c_str(), W_OK) != 0) return CannotWrite(path, std::strerror(errno));
  }
  std::string name = TempTemplate(path);
  if (mkdtemp(name.data()) == nullptr) return CannotWrite(path, std::strerror(errno));
  staged_.push_back({path, name, true, RegisterTemp(name, true)});
  *temp = name;
  return Status::Ok();
}

Status OutputSet::Commit() {
  // A signal now would leave part of the set renamed: it waits until the
  // end (then the temporaries are outputs, and the handler finds none).
  struct BlockSignals {
    sigset_t old;
    BlockSignals() {
      sigset_t block;
      sigemptyset(&block);
      for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, sig);
      pthread_sigmask(SIG_BLOCK, &block, &old);
    }
    ~BlockSignals() { pthread_sigmask(SIG_SETMASK, &old, nullptr); }
  } blocked;
  // Files first, then folders, in the order given; each is one rename.
  for (const Staged& s : staged_) {
    if (s.folder) continue;
    Status r = Replace(s.temp, s.target);
    if (!r.ok()) return r;
    UnregisterTemp(s.slot);
  }
  for (const Staged& s : staged_) {
    if (!s.folder) continue;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(s.target, ec))) {
      // mkdtemp made it 0700; a new output folder is as open as the umask
      // says: a file's mode, searchable wherever it is readable.
      const mode_t mode = OutputMode(s.target);
      chmod(s.temp.c_str(), mode | ((mode & 0444) >> 2));
      if (std::rename(s.temp.c_str(), s.target.c_str()) != 0)
        return Status::Error("cannot rename onto '" + s.target + "': " + std::strerror(errno));
    } else {
      std::vector<fs::path> files;
      for (fs::directory_iterator it(s.temp, ec), end; !ec && it != end; it.increment(ec))
        files.push_back(it->path());
      if (ec) return Status::Error("cannot read '" + s.temp + "': " + ec.message());
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) {
        Status r = Replace(f.string(), (fs::path(s.target) / f.filename()).string());
        if (!r.ok()) return r;
      }
      rmdir(s.temp.c_str());
    }
    UnregisterTemp(s.slot);
  }
  committed_ = true;
  staged_.clear();
  return Status::Ok();
}

// A temporary in the system's temporary folder: "kgx-stdout" in its name is
// how the report tells standard output from a file (LinkDir in the CLI).
Status StdoutCopy::Stage(const std::string& ext, std::string* temp) {
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec);
  if (ec) return Status::Error("no temporary folder for standard output: " + ec.message());
  std::string name = TempTemplate((dir / "kgx-stdout").string());
  std::vector<char> buf(name.begin(), name.end());
  buf.push_back('\0');
  const int fd = mkstemp(buf.data());
  if (fd < 0)
    return Status::Error("cannot make a temporary file in '" + dir.string() +
                         "': " + std::strerror(errno));
  close(fd);
  held_ = buf.data();
  slot_ = RegisterTemp(held_, false);
  path_ = held_ + ext;  // Writers write beside it and rename onto this name.
  slot_out_ = RegisterTemp(path_, false);
  *temp = path_;
  return Status::Ok();
}

Status StdoutCopy::Copy() {
  if (path_.empty()) return Status::Ok();
  std::ifstream in(path_, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)),
                            std::istreambuf_iterator<char>());
  Remove();
  if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() ||
      std::fflush(stdout) != 0)
    return Status::Error(std::string("cannot write to standard output: ") + std::strerror(errno));
  return Status::Ok();
}

void StdoutCopy::Remove() {
  if (held_.empty()) return;
  std::error_code ec;
  fs::remove(path_, ec);
  fs::remove(held_, ec);
  UnregisterTemp(slot_);
  UnregisterTemp(slot_out_);
  held_.clear();
  path_.clear();
}

}  // namespace kgx
