#include "export/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "export/temp_files.h"

namespace kgx {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  const std::string pattern = TempTemplate(path_);
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error_ = "cannot write '" + path_ + "': " + std::strerror(errno);
    return;
  }
  temp_ = name.data();
  slot_ = RegisterTemp(temp_, false);
  file_ = fdopen(fd, "wb");
  if (file_ == nullptr) {
    error_ = "cannot write '" + path_ + "': " + std::strerror(errno);
    close(fd);
  }
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) fclose(file_);
  if (!committed_ && !temp_.empty()) unlink(temp_.c_str());
  UnregisterTemp(slot_);
}

Status AtomicFile::Commit() {
  if (file_ == nullptr) return Status::Error(error_.empty() ? "cannot write '" + path_ + "'" : error_);
  const bool write_failed = ferror(file_) != 0;
  const int write_errno = errno;
  const bool close_failed = fclose(file_) != 0;
  file_ = nullptr;
  if (write_failed || close_failed)
    return Status::Error("cannot write '" + path_ + "': " +
                         std::strerror(close_failed ? errno : write_errno));
  // mkstemp creates 0600; an output keeps the mode of the file it replaces.
  chmod(temp_.c_str(), OutputMode(path_));
  if (std::rename(temp_.c_str(), path_.c_str()) != 0)
    return Status::Error("cannot rename onto '" + path_ + "': " + std::strerror(errno));
  committed_ = true;
  UnregisterTemp(slot_);  // Renamed: its name is the output's now.
  slot_ = -1;
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  AtomicFile out(path);
  if (!out.ok()) return Status::Error(out.error());
  if (!content.empty() && fwrite(content.data(), 1, content.size(), out.file()) != content.size())
    return Status::Error("cannot write '" + path + "': " + std::strerror(errno));
  return out.Commit();
}

}  // namespace kgx
