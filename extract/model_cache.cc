#include "extract/model_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "base/byte_io.h"
#include "extract/read/file_io.h"

namespace kgx {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[] = "KGXMODEL";  // 8 bytes, no terminator written.
// Magic, format, 4 bytes of padding (so the payload starts 8-aligned in
// the mapping and its arrays can be read in place), key, size, checksum.
constexpr size_t kHeaderBytes = 8 + 4 + 4 + 8 + 8 + 8;
constexpr size_t kMaxCacheBytes = size_t{1} << 30;

std::string Header(uint64_t key, std::string_view payload) {
  ByteWriter w;
  w.Raw(kMagic, 8);
  w.U32(kModelCacheFormat);
  w.U32(0);
  w.U64(key);
  w.U64(payload.size());
  w.U64(HashBytes(payload));
  return w.bytes();
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Keeps the newest kModelCacheFiles cache files: each gazetteer edit makes
// a new key, and old ones would pile up.
void Prune(const std::string& dir) {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.compare(0, 6, "model-") != 0 || e.path().extension() != ".bin") continue;
    files.emplace_back(e.last_write_time(ec), e.path());
  }
  if (files.size() <= static_cast<size_t>(kModelCacheFiles)) return;
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + kModelCacheFiles < files.size(); ++i) fs::remove(files[i].second, ec);
}

}  // namespace

std::string DefaultModelCacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/')
    return std::string(xdg) + "/kgx";
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] == '/')
    return std::string(home) + "/.cache/kgx";
  return "";
}

uint64_t HashBytes(std::string_view bytes, uint64_t seed) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = seed ^ (bytes.size() * kMul);
  auto mix = [&](uint64_t w) {
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  };
  size_t i = 0;
  // Four lanes side by side: the multiplications of one chain wait on each
  // other, four chains do not (the checksum of a 12 MB cache is read on
  // every start). Each step is one-to-one in both its state and its word,
  // so any one changed word changes the result.
  if (bytes.size() >= 64) {
    uint64_t lane[4] = {h, h ^ kMul, h + kMul, h ^ (kMul >> 1)};
    for (; i + 32 <= bytes.size(); i += 32) {
      for (int k = 0; k < 4; ++k) {
        uint64_t w;
        std::memcpy(&w, bytes.data() + i + 8 * k, 8);
        lane[k] = (lane[k] ^ w) * kMul;
        lane[k] ^= lane[k] >> 29;
      }
    }
    h = lane[0];
    for (int k = 1; k < 4; ++k) mix(lane[k]);
  }
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    mix(w);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  mix(tail);
  h ^= h >> 33;  // Final avalanche: every input bit reaches the low bits.
  h *= kMul;
  h ^= h >> 29;
  return h;
}

uint64_t ProgramHash() {
  static const uint64_t hash = [] {
    struct stat st;
    if (::stat("/proc/self/exe", &st) != 0) return uint64_t{0};
    const uint64_t id[] = {static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino),
                           static_cast<uint64_t>(st.st_size),
                           static_cast<uint64_t>(st.st_mtim.tv_sec),
                           static_cast<uint64_t>(st.st_mtim.tv_nsec)};
    return HashBytes(std::string_view(reinterpret_cast<const char*>(id), sizeof id)) | 1;
  }();
  return hash;
}

std::string ModelCachePath(const std::string& dir, uint64_t key) {
  char name[40];
  std::snprintf(name, sizeof name, "model-%016llx.bin", static_cast<unsigned long long>(key));
  return dir + "/" + name;
}

bool ReadModelCache(const std::string& dir, uint64_t key, const ModelCacheLoader& load) {
  if (dir.empty()) return false;
  // Mapped, not read: the payload is parsed straight from the page cache.
  const int fd = ::open(ModelCachePath(dir, key).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<uint64_t>(st.st_size) < kHeaderBytes ||
      static_cast<uint64_t>(st.st_size) > kMaxCacheBytes) {
    ::close(fd);
    return false;
  }
  const size_t size = static_cast<size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return false;
  // Unmapped when the last holder lets go: after the call, or with the
  // model that points into it.
  const std::shared_ptr<const void> mapping(map, [size](const void* p) {
    ::munmap(const_cast<void*>(p), size);
  });
  const std::string_view bytes(static_cast<const char*>(map), size);
  ByteReader in(bytes.substr(8, kHeaderBytes - 8));
  const uint32_t format = in.U32();
  in.U32();  // Padding.
  const uint64_t stored_key = in.U64();
  const uint64_t payload_size = in.U64();
  const uint64_t hash = in.U64();
  const std::string_view body = bytes.substr(kHeaderBytes);
  const bool ok = bytes.compare(0, 8, std::string_view(kMagic, 8)) == 0 &&
                  format == kModelCacheFormat && stored_key == key &&
                  payload_size == body.size() && hash == HashBytes(body) && load(body, mapping);
  return ok;
}

bool WriteModelCache(const std::string& dir, uint64_t key, std::string_view payload) {
  if (dir.empty()) return false;
  std::error_code ec;
  fs::create_directories(dir, ec);
  const std::string path = ModelCachePath(dir, key);
  std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return false;
  const bool written = WriteAll(fd, Header(key, payload)) && WriteAll(fd, payload);
  const bool closed = ::close(fd) == 0;
  if (!written || !closed || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  Prune(dir);
  return true;
}

}  // namespace kgx
