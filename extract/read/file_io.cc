#include "extract/read/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
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

Status LineReader::Open(const std::string& path, size_t max_line_bytes, uint64_t begin,
                        uint64_t end, int first_line) {
  path_ = path;
  max_line_ = max_line_bytes;
  line_number_ = first_line;
  remaining_ = end - begin;
  struct stat st;
  fd_ = OpenRegular(path, &st, &status_);
  if (fd_ >= 0 && begin > 0 && lseek(fd_, static_cast<off_t>(begin), SEEK_SET) < 0)
    status_ = Failed(path, std::strerror(errno));
  return status_;
}

std::vector<FilePart> SplitLines(const std::string& path, uint64_t part_bytes) {
  std::vector<FilePart> parts;
  Status status;
  struct stat st;
  const int fd = OpenRegular(path, &st, &status);
  if (fd < 0) return {FilePart()};
  FilePart part;
  uint64_t at = 0;  // File offset of block[0].
  int lines = 0;
  std::string block(1 << 20, '\0');
  for (;;) {
    ssize_t n;
    do {
      n = read(fd, block.data(), block.size());
    } while (n < 0 && errno == EINTR);
    if (n <= 0) break;
    for (const char* p = block.data(); (p = static_cast<const char*>(std::memchr(
                                            p, '\n', block.data() + n - p))) != nullptr;) {
      ++p;
      ++lines;
      const uint64_t line_end = at + static_cast<uint64_t>(p - block.data());
      if (line_end - part.begin >= part_bytes) {
        part.end = line_end;
        parts.push_back(part);
        part = FilePart{line_end, UINT64_MAX, lines};
      }
    }
    at += static_cast<uint64_t>(n);
  }
  close(fd);
  if (parts.empty() || part.begin < at) parts.push_back(part);  // The rest, to the end.
  return parts;
}

bool LineReader::Fill() {
  if (eof_ || fd_ < 0) return false;
  // Keep the unread part only, so the buffer holds at most one line plus a block.
  buffer_.erase(0, pos_);
  pos_ = 0;
  const size_t block = static_cast<size_t>(std::min<uint64_t>(1 << 16, remaining_));
  if (block == 0) {  // The end of the part.
    eof_ = true;
    return false;
  }
  const size_t old = buffer_.size();
  buffer_.resize(old + block);
  ssize_t n;
  do {
    n = read(fd_, buffer_.data() + old, block);
  } while (n < 0 && errno == EINTR);
  if (n > 0) remaining_ -= static_cast<uint64_t>(n);
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
