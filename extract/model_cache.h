// The model cache: what Model::Compile() makes from the gazetteers (the
// entity automaton and its tables, the organization rules' converted words,
// the money words with ICU's currency names, the relation frames' words and
// the automata over both)
// kept on disk, so that a run whose gazetteer bytes are unchanged loads it
// instead of compiling again (issue 22: start-up under 100 ms).
//
//   std::string dir = kgx::DefaultModelCacheDir();   // ~/.cache/kgx
//   std::string payload;
//   if (kgx::ReadModelCache(dir, key, &payload)) ... else ... WriteModelCache(dir, key, bytes);
//
// A cache file is named by its key, a hash of everything the compiled model
// depends on (every gazetteer file's name and bytes in load order, the
// running program's own bytes, ICU's version and kModelCacheFormat: a
// rebuilt kgx whose compiling differs never reads an older build's cache), and holds the key again and
// a checksum of its payload. A file that is missing, truncated, of another
// key or format, or whose checksum fails is a miss: the caller compiles
// from the files and writes the cache anew. Writes go to a temporary file in
// the same folder, renamed into place, so concurrent runs never read a half
// written cache; a failed write is silent (the cache is only a speed-up).
// Thread safety: reentrant.
#ifndef KGX_EXTRACT_MODEL_CACHE_H_
#define KGX_EXTRACT_MODEL_CACHE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace kgx {

// The layout of the cached model. Bump it whenever what
// Gazetteer::SaveCompiled() or Model's cache writes changes.
constexpr uint32_t kModelCacheFormat = 25;

// $XDG_CACHE_HOME/kgx, else $HOME/.cache/kgx, else "" (no cache).
std::string DefaultModelCacheDir();

// A 64-bit hash of `bytes` continuing from `seed` (not cryptographic: it
// tells changed gazetteers and damaged files apart, not an adversary).
uint64_t HashBytes(std::string_view bytes, uint64_t seed = 0);

// The running program's identity: a hash of its file's device, inode,
// size and modification time (/proc/self/exe; reading its 3 MB would cost
// a tenth of the start-up), made once; 0 when unknown (nothing is cached).
uint64_t ProgramHash();

// dir/model-KEY.bin. The folder keeps at most kModelCacheFiles: writing one
// more removes the least recently written.
std::string ModelCachePath(const std::string& dir, uint64_t key);
constexpr int kModelCacheFiles = 8;

// Calls load(payload, mapping) with the payload of the cache file of
// `key`, mapped from the file and starting 8-byte aligned; the payload
// stays mapped while a copy of `mapping` lives (a loader that points into
// it keeps one: start-up then copies nothing), else only during the call.
// False on a miss (see above) or when load() returns false.
using ModelCacheLoader =
    std::function<bool(std::string_view payload, const std::shared_ptr<const void>& mapping)>;
bool ReadModelCache(const std::string& dir, uint64_t key, const ModelCacheLoader& load);

// Writes the payload for `key` (making `dir`); false when it could not.
bool WriteModelCache(const std::string& dir, uint64_t key, std::string_view payload);

}  // namespace kgx

#endif  // KGX_EXTRACT_MODEL_CACHE_H_
