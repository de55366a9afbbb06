// Folder listing with std::filesystem, in one place: every caller gets the
// same order (byte order of the names), so loads and benchmarks are
// deterministic whatever order the file system returns.
//
//   std::vector<std::string> names;
//   if (!kgx::ListDirectory("gazetteers", ".tsv", &names)) ...  // cannot read it
//
// Thread safety: reentrant.
#ifndef KGX_BASE_FILES_H_
#define KGX_BASE_FILES_H_

#include <string>
#include <vector>

namespace kgx {

// The names (not paths) of the entries of folder `dir` whose name ends with
// `suffix` and is longer than it (".tsv" alone is no gazetteer), sorted.
// Entries of any type are listed: the caller says what it cannot read.
// False when the folder cannot be read (`names` is then empty).
bool ListDirectory(const std::string& dir, const std::string& suffix,
                   std::vector<std::string>* names);

}  // namespace kgx

#endif  // KGX_BASE_FILES_H_
