// RunOrdered: work on many threads, results consumed in input order.
//
//   RunOrdered<Record>(files.size(), threads, 4 * threads,
//       [&](size_t i) { return Extract(files[i]); },          // any thread
//       [&](size_t i, Record& r) { write(r); });               // calling thread, i = 0, 1, 2...
//
// At most `window` results wait at any time, so memory does not grow with
// the number of inputs, and the output is the same whatever the thread count.
// A result is destroyed on the thread that made it, after `consume`: glibc's
// malloc gives each thread its own arena, and freeing a worker's memory on
// the consuming thread takes that arena's lock while the worker allocates
// (measured: ~2,500 futex waits per 10 MB of news).
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
    for (size_t i = 0; i < n; ++i) {
      Result r = work(i);
      consume(i, r);
    }
    return;
  }
  if (window < static_cast<size_t>(threads)) window = static_cast<size_t>(threads);
  std::mutex mu;
  std::condition_variable ready, room;
  struct Slot {
    std::optional<Result> result;
    int maker = 0;  // The worker that made it.
  };
  std::vector<Slot> slots(window);
  std::vector<std::vector<Result>> consumed_by(threads);  // Waiting to be freed by their maker.
  size_t next = 0;      // Next index to hand out.
  size_t consumed = 0;  // Results taken so far.
  auto worker = [&](int me) {
    std::vector<Result> garbage;
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        garbage.swap(consumed_by[me]);
        room.wait(lock, [&] { return next >= n || next < consumed + window; });
        if (next >= n) return;  // What is still to free, the calling thread frees.
        i = next++;
      }
      garbage.clear();  // Outside the lock.
      Result r = work(i);
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[i % window].result.emplace(std::move(r));
        slots[i % window].maker = me;
      }
      ready.notify_one();  // Only the calling thread waits for results.
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker, t);
  for (size_t i = 0; i < n; ++i) {
    Result r;
    int maker;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return slots[i % window].result.has_value(); });
      r = std::move(*slots[i % window].result);
      maker = slots[i % window].maker;
      slots[i % window].result.reset();
      ++consumed;
    }
    room.notify_all();
    consume(i, r);
    std::lock_guard<std::mutex> lock(mu);
    consumed_by[maker].push_back(std::move(r));
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace kgx

#endif  // KGX_TOOLS_ORDERED_POOL_H_
