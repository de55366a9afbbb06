// Reading the files kgx is given, under one set of rules for every kind:
// documents, records for `kgx merge`, gold for `kgx eval` and gazetteers.
//
//   std::string bytes;
//   kgx::Status s = kgx::ReadRegularFile("extra.tsv", 64u << 20, &bytes);
//
//   kgx::LineReader in;
//   if (kgx::Status s = in.Open("records.jsonl", 1u << 30); !s.ok()) report s.message();
//   std::string line;
//   while (in.Next(&line)) { ... in.line_number() ... }
//   if (!in.status().ok()) report in.status().message();
//
// The rules: only regular files are read (a folder, FIFO, socket or device
// is refused at once, never waited on: /dev/zero cannot grow memory without
// bound and a FIFO cannot hang the run); a size limit is checked before
// reading; every failure is a Status whose message starts with the path.
// Thread safety: the functions are reentrant; a LineReader is one thread's.
#ifndef KGX_EXTRACT_READ_FILE_IO_H_
#define KGX_EXTRACT_READ_FILE_IO_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/noncopyable.h"
#include "base/status.h"

namespace kgx {

// Reads the whole of `path` into `*bytes`. Fails on anything but a regular
// file and on files over `max_bytes` ("PATH: file is N bytes, over the
// limit of M (LIMIT_NAME)"; `limit_name` says how to change it).
Status ReadRegularFile(const std::string& path, size_t max_bytes, std::string* bytes,
                       const std::string& limit_name = "");

// A part of a file of lines: bytes [begin, end) (whole lines), whose first
// line is line `first_line` + 1 of the file.
struct FilePart {
  uint64_t begin = 0, end = UINT64_MAX;
  int first_line = 0;
};

// Cuts `path` at line ends into parts of about `part_bytes` (the last may be
// shorter), counting lines on the way: one read of the file, no parsing.
// A file that cannot be read is one part (its reader names the error).
std::vector<FilePart> SplitLines(const std::string& path, uint64_t part_bytes);

// Reads a regular file a line at a time with bounded memory: a line longer
// than `max_line_bytes` stops the reader with an error naming the line.
class LineReader : NonCopyable {
 public:
  LineReader() = default;
  ~LineReader();

  // Opens `path` (regular files only). A part of the file: the bytes
  // [begin, end), which must start a line, numbered from `first_line` + 1
  // (a large file read part by part on several threads, FilePart).
  Status Open(const std::string& path, size_t max_line_bytes, uint64_t begin = 0,
              uint64_t end = UINT64_MAX, int first_line = 0);
  // The next line without its '\n' (a trailing '\r' is kept); false at the
  // end of the file or after an error (then status() says what).
  bool Next(std::string* line);
  // 1-based number of the line Next() returned last.
  int line_number() const { return line_number_; }
  const Status& status() const { return status_; }

 private:
  bool Fill();  // Reads more bytes into buffer_; false at end or error.

  std::string path_;
  int fd_ = -1;
  size_t max_line_ = 0;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  uint64_t remaining_ = UINT64_MAX;  // Bytes of the part not read yet.
  int line_number_ = 0;
  Status status_;
};

}  // namespace kgx

#endif  // KGX_EXTRACT_READ_FILE_IO_H_
