// The temporary files and folders kgx writes its outputs into before it
// renames them into place, and how none of them is left behind.
//
// Naming: a temporary sits beside its target and is called
// TARGET.kgx-tmp-PID-XXXXXX (PID: the writing process; XXXXXX: mkstemp's
// letters). That name is the rule by which a later run recognizes a stale
// one: RemoveStaleTemps() deletes those whose process no longer exists
// (killed with -9, a crash, a power cut). A temporary whose process is
// alive, or one named otherwise, is never touched.
//
//   kgx::RemoveTempsOnSignals();                   // once, at start-up
//   int slot = kgx::RegisterTemp(path, false);     // after creating it
//   ...
//   kgx::UnregisterTemp(slot);                     // renamed or removed
//
// On SIGINT, SIGTERM and SIGHUP the handler removes every registered
// temporary (unlink, and for a folder its files, then rmdir: all
// async-signal-safe system calls) and the process then dies of the signal
// as it would have. Registration is lock-free; at most kMaxTemps at once
// (beyond that a temporary is still removed by its owner, and by the next
// run if the process is killed).
// Thread safety: every function may be called from any thread.
#ifndef KGX_EXPORT_TEMP_FILES_H_
#define KGX_EXPORT_TEMP_FILES_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace kgx {

constexpr int kMaxTemps = 64;

// "TARGET.kgx-tmp-PID-XXXXXX", a template for mkstemp or mkdtemp.
std::string TempTemplate(const std::string& target);

// Records `path` for removal on a signal; returns a slot for
// UnregisterTemp, or -1 when every slot is taken.
int RegisterTemp(const std::string& path, bool folder);
void UnregisterTemp(int slot);

// Installs the signal handlers (idempotent).
void RemoveTempsOnSignals();

// Removes, in the folder `dir`, the temporaries of kgx's naming whose
// process is gone; returns their paths. A missing folder has none.
std::vector<std::string> RemoveStaleTemps(const std::string& dir);

// The permission bits for an output written onto `target`: those of the
// file already there (a 0600 output stays 0600), else 0666 less the umask.
mode_t OutputMode(const std::string& target);

}  // namespace kgx

#endif  // KGX_EXPORT_TEMP_FILES_H_
