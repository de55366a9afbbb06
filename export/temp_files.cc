#include "export/temp_files.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace kgx {
namespace {

namespace fs = std::filesystem;

constexpr char kMarker[] = ".kgx-tmp-";

// A slot is free (0), being written (1) or live (2, then `path` is stable
// and the signal handler may use it). Fixed buffers: the handler must not
// touch memory another thread could free.
struct Slot {
  std::atomic<int> state{0};
  bool folder = false;
  char path[PATH_MAX];
};
Slot g_slots[kMaxTemps];

// Removes the entries of a folder, then the folder, with system calls only.
void RemoveFolderInHandler(const char* path) {
  const int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    alignas(8) char buf[4096];
    for (;;) {
      const long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
      if (n <= 0) break;
      for (long off = 0; off < n;) {
        // struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name.
        unsigned short reclen;
        std::memcpy(&reclen, buf + off + 16, sizeof reclen);
        const char* name = buf + off + 19;
        if (std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0) unlinkat(fd, name, 0);
        off += reclen;
      }
    }
    close(fd);
  }
  rmdir(path);
}

extern "C" void OnSignal(int sig) {
  const int saved = errno;
  for (int pass = 0; pass < 2; ++pass)  // Files first: some live in the folders.
    for (Slot& s : g_slots) {
      if (s.state.load(std::memory_order_acquire) != 2 || s.folder != (pass == 1)) continue;
      if (s.folder)
        RemoveFolderInHandler(s.path);
      else
        unlink(s.path);
    }
  errno = saved;
  signal(sig, SIG_DFL);
  raise(sig);
}

// The PID in a name of kgx's naming, or -1: NAME.kgx-tmp-PID-XXXXXX.
long TempPid(const std::string& name) {
  const size_t at = name.rfind(kMarker);
  if (at == std::string::npos || at == 0) return -1;
  const std::string rest = name.substr(at + sizeof kMarker - 1);
  const size_t dash = rest.find('-');
  if (dash == std::string::npos || dash == 0 || dash > 10 || rest.size() != dash + 7) return -1;
  long pid = 0;
  for (size_t i = 0; i < dash; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(rest[i]))) return -1;
    pid = pid * 10 + (rest[i] - '0');
  }
  for (size_t i = dash + 1; i < rest.size(); ++i)
    if (!std::isalnum(static_cast<unsigned char>(rest[i]))) return -1;
  return pid;
}

}  // namespace

std::string TempTemplate(const std::string& target) {
  return target + kMarker + std::to_string(getpid()) + "-XXXXXX";
}

int RegisterTemp(const std::string& path, bool folder) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kMaxTemps; ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].folder = folder;
    g_slots[i].state.store(2, std::memory_order_release);
    return i;
  }
  return -1;
}

void UnregisterTemp(int slot) {
  if (slot >= 0 && slot < kMaxTemps) g_slots[slot].state.store(0, std::memory_order_release);
}

void RemoveTempsOnSignals() {
  static const bool installed = [] {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = OnSignal;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old;
      // A signal the parent ignores (nohup) stays ignored.
      if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
      sigaction(sig, &sa, nullptr);
    }
    return true;
  }();
  (void)installed;
}

std::vector<std::string> RemoveStaleTemps(const std::string& dir) {
  std::vector<std::string> removed;
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const long pid = TempPid(it->path().filename().string());
    if (pid <= 0 || pid > INT_MAX) continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)
      continue;  // Alive, or not ours to know.
    std::error_code rm;
    fs::remove_all(it->path(), rm);
    if (!rm) removed.push_back(it->path().string());
  }
  return removed;
}

mode_t OutputMode(const std::string& target) {
  struct stat st;
  // lstat: a symlink is replaced, not written through, so its target's mode is not ours.
  if (lstat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return st.st_mode & 07777;
  // umask() can only be read by setting it: once, before any writer runs in parallel.
  static const mode_t mask = [] {
    const mode_t m = umask(0);
    umask(m);
    return m;
  }();
  return 0666 & ~mask;
}

}  // namespace kgx
