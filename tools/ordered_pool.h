// RunOrdered: work on many threads, results consumed in input order.
//
//   RunOrdered<Record>(files.size(), threads, 4 * threads,
//       [&](size_t i) { return Extract(files[i]); },          // any thread
//       [&](size_t i, Record r) { write(r); });                // calling thread, i = 0, 1, 2...
//
// At most `window` results wait at any time, so memory does not grow with
// the number of inputs, and the output is the same whatever the thread count.
// Thread safety: `work` must be safe to call concurrently.
#ifndef KGX_TOOLS_ORDERED_POOL_H_
#define KGX_TOOLS_ORDERED_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kgx {

template <typename Result, typename Work, typename Consume>
void RunOrdered(size_t n, int threads, size_t window, Work work, Consume consume) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) consume(i, work(i));
    return;
  }
  if (window < static_cast<size_t>(threads)) window = static_cast<size_t>(threads);
  std::mutex mu;
  std::condition_variable ready, room;
  std::vector<std::optional<Result>> slots(window);
  size_t next = 0;      // Next index to hand out.
  size_t consumed = 0;  // Results taken so far.
  auto worker = [&]() {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return next >= n || next < consumed + window; });
        if (next >= n) return;
        i = next++;
      }
      Result r = work(i);
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[i % window].emplace(std::move(r));
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (size_t i = 0; i < n; ++i) {
    Result r;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return slots[i % window].has_value(); });
      r = std::move(*slots[i % window]);
      slots[i % window].reset();
      ++consumed;
    }
    room.notify_all();
    consume(i, std::move(r));
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace kgx

#endif  // KGX_TOOLS_ORDERED_POOL_H_
