// OutputSet: every output of one run is written to a temporary beside its
// target, and the whole set is renamed into place only at the end, so a run
// that fails or is killed leaves the previous outputs as they were, all of
// them (never a new graph.dot beside an old graph.graphml).
//
//   kgx::OutputSet outputs;
//   std::string dot_temp, neo4j_temp;
//   if (Status s = outputs.AddFile("out/graph.dot", &dot_temp); !s.ok()) ...   // before any work
//   if (Status s = outputs.AddFolder("out/neo4j", &neo4j_temp); !s.ok()) ...
//   ... write dot_temp, fill the folder neo4j_temp ...
//   Status s = outputs.Commit();   // or let it go out of scope: nothing changes
//
// Staging a target checks it can be written before the run reads anything:
// missing parent folders are made (and removed again if the run fails),
// stale temporaries of an earlier killed run are removed from the target's
// folder (export/temp_files.h), and the temporary is created. Commit gives
// each file the mode of the one it replaces. A folder target is staged as a
// temporary folder: committed, it becomes the target if there was none,
// else its files replace their namesakes in the target (other files there
// stay).
// Thread safety: one object, one thread.
#ifndef KGX_EXPORT_OUTPUT_SET_H_
#define KGX_EXPORT_OUTPUT_SET_H_

#include <string>
#include <vector>

#include "base/noncopyable.h"
#include "base/status.h"

namespace kgx {

class OutputSet : NonCopyable {
 public:
  OutputSet() = default;
  ~OutputSet();  // Uncommitted: removes the temporaries and the folders it made.

  // Stages the file `path`; *temp is where to write it. Errors name `path`.
  Status AddFile(const std::string& path, std::string* temp);
  // Stages the folder `path` (a trailing '/' or not); *temp is the folder
  // to write its files into.
  Status AddFolder(const std::string& path, std::string* temp);
  // Renames every staged output into place.
  Status Commit();
  // Stale temporaries removed while staging (for a note).
  const std::vector<std::string>& removed_stale() const { return removed_stale_; }

 private:
  struct Staged {
    std::string target, temp;
    bool folder;
    int slot;
  };
  Status Prepare(const std::string& path);  // Parent folders, stale temporaries.
  void Discard();

  std::vector<Staged> staged_;
  std::vector<std::string> made_folders_;  // In the order they were made.
  std::vector<std::string> cleaned_folders_;
  std::vector<std::string> removed_stale_;
  bool committed_ = false;
};

// A graph written to standard output (-o - --format dot): the writers write
// files, so it is written to a temporary file in the system's temporary
// folder, copied to standard output once every output is written, and
// removed (on SIGINT or SIGTERM too: export/temp_files.h).
//
//   kgx::StdoutCopy copy;
//   std::string temp;
//   if (Status s = copy.Stage(".dot", &temp); !s.ok()) ...
//   ... write the DOT to temp ...
//   Status s = copy.Copy();   // to standard output, then removed
//
// Thread safety: one object, one thread.
class StdoutCopy : NonCopyable {
 public:
  StdoutCopy() = default;
  ~StdoutCopy() { Remove(); }

  // `ext` (".dot") tells the writer its format; *temp is where to write.
  Status Stage(const std::string& ext, std::string* temp);
  // Copies what was written to standard output and removes it; Ok when
  // nothing was staged.
  Status Copy();

 private:
  void Remove();
  std::string held_, path_;
  int slot_ = -1, slot_out_ = -1;
};

}  // namespace kgx

#endif  // KGX_EXPORT_OUTPUT_SET_H_
