#include "export/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace kgx {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  std::vector<char> name(path_.begin(), path_.end());
  const char kSuffix[] = ".kgx-tmp-XXXXXX";
  name.insert(name.end(), kSuffix, kSuffix + sizeof(kSuffix));  // Includes '\0'.
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error_ = "cannot write '" + path_ + "': " + std::strerror(errno);
    return;
  }
  temp_ = name.data();
  file_ = fdopen(fd, "wb");
  if (file_ == nullptr) {
    error_ = "cannot write '" + path_ + "': " + std::strerror(errno);
    close(fd);
    unlink(temp_.c_str());
  }
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) fclose(file_);
  if (!committed_ && !temp_.empty()) unlink(temp_.c_str());
}

Status AtomicFile::Commit() {
  if (file_ == nullptr) return Status::Error(error_.empty() ? "cannot write '" + path_ + "'" : error_);
  const bool write_failed = ferror(file_) != 0;
  const bool close_failed = fclose(file_) != 0;
  file_ = nullptr;
  if (write_failed || close_failed)
    return Status::Error("cannot write '" + path_ + "': " + std::strerror(errno));
  // mkstemp creates 0600; outputs are ordinary files, readable as umask allows.
  mode_t mask = umask(0);
  umask(mask);
  chmod(temp_.c_str(), 0666 & ~mask);
  if (std::rename(temp_.c_str(), path_.c_str()) != 0)
    return Status::Error("cannot rename onto '" + path_ + "': " + std::strerror(errno));
  committed_ = true;
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  AtomicFile out(path);
  if (!out.ok()) return Status::Error(out.error());
  if (!content.empty()) fwrite(content.data(), 1, content.size(), out.file());
  return out.Commit();
}

}  // namespace kgx
