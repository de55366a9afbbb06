// AtomicFile: write an output beside its target, then rename it into place,
// so a failing run never leaves a partial file and an existing output stays
// untouched until the new one is complete. The temporary follows kgx's
// naming (export/temp_files.h: removed on SIGINT/SIGTERM and, if the process
// was killed, by the next run); the output keeps the mode of the file it
// replaces.
//
//   kgx::AtomicFile out("graph.dot");
//   if (!out.ok()) report out.error();
//   fputs(text, out.file());                 // or write to out.temp_path()
//   kgx::Status s = out.Commit();            // rename; otherwise removed
//
// Thread safety: one object per output; not shared.
#ifndef KGX_EXPORT_ATOMIC_FILE_H_
#define KGX_EXPORT_ATOMIC_FILE_H_

#include <cstdio>
#include <string>

#include "base/noncopyable.h"
#include "base/status.h"

namespace kgx {

class AtomicFile : NonCopyable {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();  // Removes the temporary file unless committed.

  bool ok() const { return file_ != nullptr; }
  const std::string& error() const { return error_; }
  FILE* file() { return file_; }
  const std::string& temp_path() const { return temp_; }
  // Flushes, closes and renames onto the target path.
  Status Commit();

 private:
  std::string path_, temp_, error_;
  FILE* file_ = nullptr;
  bool committed_ = false;
  int slot_ = -1;  // export/temp_files.h: removed on SIGINT/SIGTERM.
};

// Writes `content` to `path` atomically.
Status WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace kgx

#endif  // KGX_EXPORT_ATOMIC_FILE_H_
