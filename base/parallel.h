// Small helpers for work that may use several threads, shared by the
// gazetteer (start-up) and the graph (Finalize).
//
//   ParallelFor(threads, n, [&](size_t part, size_t begin, size_t end) { ... });
//   const std::string& region = MemoizedPerThread(lang, [](const std::string& l) { ... });
#ifndef KGX_BASE_PARALLEL_H_
#define KGX_BASE_PARALLEL_H_

#include <algorithm>
#include <cstddef>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kgx {

// A thread that is joined when it goes out of scope (C++20's std::jthread,
// without its stop token): an exception while it runs unwinds instead of
// ending the program in std::thread's destructor.
class JoiningThread {
 public:
  JoiningThread() = default;
  template <typename F, typename... Args>
  explicit JoiningThread(F&& f, Args&&... args)
      : t_(std::forward<F>(f), std::forward<Args>(args)...) {}
  JoiningThread(JoiningThread&&) = default;
  JoiningThread& operator=(JoiningThread&& other) {
    Join();
    t_ = std::move(other.t_);
    return *this;
  }
  ~JoiningThread() { Join(); }
  void Join() {
    if (t_.joinable()) t_.join();
  }

 private:
  std::thread t_;
};

// The number of parts ParallelFor cuts n items into: no more than the
// threads asked for, the cores there are, or the items.
inline size_t Parts(int threads, size_t n) {
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min({static_cast<size_t>(std::max(threads, 1)), cores, n}));
}

// Runs f(part, begin, end) on the Parts(threads, n) contiguous parts of
// [0, n), part k being [n * k / parts, n * (k + 1) / parts); the first on
// the calling thread.
template <typename F>
void ParallelFor(int threads, size_t n, F f) {
  const size_t parts = Parts(threads, n);
  std::vector<std::thread> pool;
  for (size_t k = 1; k < parts; ++k) pool.emplace_back(f, k, n * k / parts, n * (k + 1) / parts);
  f(size_t{0}, size_t{0}, n / parts);
  for (std::thread& t : pool) t.join();
}

// make(key), made once per key and thread: for ICU look-ups asked per
// document with few distinct keys (a language, a locale). Each call site
// (each `make` type) has its own table; it starts over past 64 keys, since
// keys can come from documents. The reference is good until the next call.
template <typename Key, typename Make>
const std::invoke_result_t<Make, const Key&>& MemoizedPerThread(const Key& key, Make make) {
  thread_local std::unordered_map<Key, std::invoke_result_t<Make, const Key&>> made;
  if (auto it = made.find(key); it != made.end()) return it->second;
  if (made.size() >= 64) made.clear();
  return made.emplace(key, make(key)).first->second;
}

}  // namespace kgx

#endif  // KGX_BASE_PARALLEL_H_
