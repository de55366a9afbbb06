#include "extract/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kgx {
namespace {

Status Failed(const std::string& path, const char* what) {
  return Status::Error(path + ": cannot read: " + what);
}

// Opens `path` for reading and checks it is a regular file. O_NONBLOCK: a
// FIFO is refused by the check, not waited on in open() (regular files
// ignore the flag). Returns the descriptor or -1 with *error set.
int OpenRegular(const std::string& path, struct stat* st, Status* error) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    *error = Failed(path, std::strerror(errno));
    return -1;
  }
  if (fstat(fd, st) != 0) {
    *error = Failed(path, std::strerror(errno));
  } else if (S_ISDIR(st->st_mode)) {
    *error = Status::Error(path + ": is a folder, not a file");
  } else if (!S_ISREG(st->st_mode)) {
    *error = Status::Error(path + ": not a regular file");
  } else {
    return fd;
  }
  close(fd);
  return -1;
}

}  // namespace

Status ReadRegularFile(const std::string& path, size_t max_bytes, std::string* bytes,
                       const std::string& limit_name) {
  bytes->clear();
  struct stat st;
  Status error;
  const int fd = OpenRegular(path, &st, &error);
  if (fd < 0) return error;
  struct FdCloser {
    int fd;
    ~FdCloser() { close(fd); }
  } closer{fd};
  if (static_cast<unsigned long long>(st.st_size) > max_bytes)
    return Status::Error(path + ": file is " + std::to_string(st.st_size) +
                         " bytes, over the limit of " + std::to_string(max_bytes) +
                         (limit_name.empty() ? "" : " (" + limit_name + ")"));
  bytes->resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < bytes->size()) {
    const ssize_t n = read(fd, bytes->data() + got, bytes->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Failed(path, std::strerror(errno));
    if (n == 0) return Failed(path, "short read (the file shrank)");
    got += static_cast<size_t>(n);
  }
  return Status::Ok();
}

LineReader::~LineReader() {
  if (fd_ >= 0) close(fd_);
}

Status LineReader::Open(const std::string& path, size_t max_line_bytes) {
  path_ = path;
  max_line_ = max_line_bytes;
  struct stat st;
  fd_ = OpenRegular(path, &st, &status_);
  return status_;
}

bool LineReader::Fill() {
  if (eof_ || fd_ < 0) return false;
  // Keep the unread part only, so the buffer holds at most one line plus a block.
  buffer_.erase(0, pos_);
  pos_ = 0;
  constexpr size_t kBlock = 1 << 16;
  const size_t old = buffer_.size();
  buffer_.resize(old + kBlock);
  ssize_t n;
  do {
    n = read(fd_, buffer_.data() + old, kBlock);
  } while (n < 0 && errno == EINTR);
  buffer_.resize(old + (n > 0 ? static_cast<size_t>(n) : 0));
  if (n < 0) status_ = Failed(path_, std::strerror(errno));
  if (n <= 0) eof_ = true;
  return n > 0;
}

bool LineReader::Next(std::string* line) {
  if (!status_.ok() || fd_ < 0) return false;
  size_t scanned = pos_;
  for (;;) {
    const size_t nl = buffer_.find('\n', scanned);
    const size_t end = nl == std::string::npos ? buffer_.size() : nl;
    if (end - pos_ > max_line_) {
      status_ = Status::Error(path_ + ":" + std::to_string(line_number_ + 1) +
                              ": line longer than " + std::to_string(max_line_) + " bytes");
      return false;
    }
    if (nl != std::string::npos) {
      line->assign(buffer_, pos_, nl - pos_);
      pos_ = nl + 1;
      ++line_number_;
      return true;
    }
    scanned = buffer_.size() - pos_;  // Relative: Fill() moves the unread part to 0.
    if (!Fill()) break;
  }
  if (!status_.ok() || pos_ >= buffer_.size()) return false;
  line->assign(buffer_, pos_, std::string::npos);  // A last line without '\n'.
  pos_ = buffer_.size();
  ++line_number_;
  return true;
}

}  // namespace kgx
