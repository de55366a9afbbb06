// What the kgx command reads: the PATHs it is given, expanded into document
// and record files, and the records of `kgx extract` read back for merge.
//
//   if (Status s = kgx::CheckInputPaths(paths); !s.ok()) exit 2, nothing written
//   std::vector<std::string> files;
//   bool all_read = kgx::CollectInputs(paths, /*records_too=*/true, &files);
//
// Rules (README "Using kgx"): a PATH that does not exist, or a URL, is an
// error before any work. Folders are read recursively in name order;
// names starting with '.' and kgx's own temporaries (export/temp_files.h)
// are passed over, symlinked folders are not followed (no loops), other
// files are skipped with a note (known binary formats with a hint to
// convert them), and a folder that cannot be read is named as skipped. A
// file reached twice (named twice, or through a folder and by name) is read
// once.
// Thread safety: CollectInputs prints to stderr; call from one thread.
#ifndef KGX_TOOLS_INPUTS_H_
#define KGX_TOOLS_INPUTS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "extract/read/file_io.h"
#include "extract/record/record.h"
#include "base/status.h"

namespace kgx {

// Fails, naming the first PATH that does not exist or is a URL.
Status CheckInputPaths(const std::vector<std::string>& paths);

// Appends the files to read to *files (documents; also .jsonl records when
// `records_too`). Returns false when something was skipped (and named).
bool CollectInputs(const std::vector<std::string>& paths, bool records_too,
                   std::vector<std::string>* files);

// Appends the records of a JSON-lines file of `kgx extract`; where[i] is
// "PATH:LINE" of each. A malformed line is an error ("PATH:LINE: ...")
// and skipped; a line over `max_line_bytes` ends the file. The file follows
// the document rules (extract/read/file_io.h). Returns false on any error.
// `part`: only those lines (a large file is read part by part, SplitLines).
bool ReadRecords(const std::string& path, size_t max_line_bytes, std::vector<Record>* records,
                 std::vector<std::string>* where, std::vector<std::string>* errors,
                 const FilePart& part = FilePart());

}  // namespace kgx

#endif  // KGX_TOOLS_INPUTS_H_
