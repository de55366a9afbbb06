// AhoCorasick: one pass over the text finds every occurrence of every pattern.
//
// kgx compiles all gazetteer aliases (several thousand, in every script) into
// one automaton over UTF-8 bytes, so matching costs one table step per byte
// of text whatever the number of aliases. RE2::Set was measured against it
// for this job: it reports which patterns occur but not where, so every hit
// would need a second search per pattern.
//
//   AhoCorasick ac;
//   ac.Build({"japan", "日本", "日"});
//   ac.FindAll(text, [](size_t begin, size_t end, uint32_t pattern) { ... });
//
// Thread safety: Build() once; FindAll() may then run concurrently.
#ifndef KGX_BASE_AHO_CORASICK_H_
#define KGX_BASE_AHO_CORASICK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/byte_io.h"

namespace kgx {

class AhoCorasick {
 public:
  // Patterns are byte strings; empty patterns are ignored. Pattern ids are
  // their indices in `patterns`.
  void Build(const std::vector<std::string>& patterns);

  // The built automaton in a flat form and back (the model cache,
  // model_cache.h). Load() checks that every state, edge and output index
  // is in range; on input Save() did not write it returns false and leaves
  // an empty automaton (which finds nothing). Load() reads the tables in
  // place where `in`'s bytes are aligned (ByteReader::View): those bytes
  // must then outlive the automaton (the model keeps its cache mapped).
  void Save(ByteWriter* out) const;
  bool Load(ByteReader* in);

  // Calls on_match(begin, end, pattern) for every occurrence, in order of
  // `end`, then longest pattern first.
  template <typename F>
  void FindAll(std::string_view text, F&& on_match) const {
    if (states_.empty()) return;
    auto emit = [&](int32_t state, size_t end) {
      for (int32_t s = states_[state].has_output ? state : states_[state].output_link; s > 0;
           s = states_[s].output_link) {
        for (uint32_t k = states_[s].out_begin; k < states_[s].out_end; ++k) {
          const uint32_t p = outputs_[k];
          on_match(end - lengths_[p], end, p);
        }
      }
    };
    const uint8_t* bytes = reinterpret_cast<const uint8_t*>(text.data());
    if (!full_.empty()) {  // One load a byte.
      const int32_t* full = full_.data();
      int32_t row = 0;
      for (size_t i = 0; i < text.size(); ++i) {
        const int32_t entry = full[static_cast<size_t>(row) + class_of_[bytes[i]]];
        if (entry >= 0) {
          row = entry;
          continue;
        }
        row = ~entry;
        emit(row / classes_, i + 1);
      }
      return;
    }
    int32_t state = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      state = Next(state, bytes[i]);
      emit(state, i + 1);
    }
  }

  size_t state_count() const { return states_.size(); }
  size_t pattern_count() const { return lengths_.size(); }
  // Whether the automaton is small enough for complete rows (one load a byte).
  bool complete_rows() const { return !full_.empty(); }
  // Whether Load() left the tables in the loaded bytes instead of copying.
  bool tables_viewed() const { return states_.viewing(); }

 private:
  struct State {
    uint32_t edge_begin = 0, edge_end = 0;  // Sorted slice of edges_.
    int32_t fail = 0;
    int32_t output_link = 0;  // Nearest state on the fail chain with output (0: none).
    uint32_t out_begin = 0, out_end = 0;  // Slice of outputs_.
    bool has_output = false;
    // States and edges are written to the model cache as they lie in memory:
    // their padding is spelled out and zero, so the cache's bytes are the
    // same on every run (an optimized build left garbage there).
    uint8_t padding[3] = {};
    int32_t dense = -1;  // Row in dense_ for states near the root, else -1.
  };
  struct Edge {
    uint8_t byte = 0;
    uint8_t padding[3] = {};
    int32_t target = 0;
  };
  static_assert(sizeof(State) == 32 && sizeof(Edge) == 8, "no implicit padding");

  // Build()'s steps, in order.
  struct NewEdge {
    int32_t from;
    uint8_t byte;
    int32_t to;
  };
  // The trie: edges in creation order, and (state, pattern) where patterns end.
  void BuildTrie(const std::vector<std::string>& patterns, std::vector<NewEdge>* made,
                 std::vector<std::pair<int32_t, uint32_t>>* ends, size_t* state_count);
  // Groups the trie's edges and outputs by state into states_, edges_, outputs_.
  void LayOutTrie(size_t state_count, const std::vector<NewEdge>& made,
                  std::vector<std::pair<int32_t, uint32_t>> ends);
  // Byte classes; whether complete rows over them fit.
  bool ChooseByteClasses(const std::vector<std::string>& patterns);
  // Fail and output links, breadth first, with dense rows near the root
  // when rows are not complete; returns the states in breadth-first order.
  std::vector<int32_t> LinkFailures(bool complete);
  // Complete rows over byte classes, in breadth-first order.
  void FillCompleteRows(const std::vector<int32_t>& bfs);
  bool Valid() const;
  void Clear();

  int32_t Goto(int32_t state, uint8_t byte) const;  // -1 when no edge.
  int32_t Next(int32_t state, uint8_t byte) const {
    for (;;) {
      if (state == 0) return root_[byte];
      const int32_t row = states_[state].dense;
      if (row >= 0) return dense_[static_cast<size_t>(row) * 256 + byte];
      int32_t t = Goto(state, byte);
      if (t >= 0) return t;
      state = states_[state].fail;
    }
  }

  // Built here, or viewed in a mapped model cache (Load()).
  PodArray<State> states_;
  PodArray<Edge> edges_;
  PodArray<uint32_t> outputs_;
  PodArray<uint32_t> lengths_;
  int32_t root_[256] = {};
  // Complete transition rows (fail links folded in) for the states within
  // kDenseDepth bytes of the root, where the scan spends most of its steps
  // (automata too large for complete rows, below).
  PodArray<int32_t> dense_;
  static constexpr int kDenseDepth = 2;
  // An automaton small enough (states x byte classes <= kFullEntries) gets
  // every state's complete row over byte classes (the bytes the patterns
  // use, each its own class; all others one class): full_[row + class] is
  // the next state's row, or ~row when that state has output to report.
  PodArray<int32_t> full_;
  uint8_t class_of_[256] = {};
  int32_t classes_ = 1;
  static constexpr size_t kFullEntries = size_t{1} << 20;  // 4 MiB
};

}  // namespace kgx

#endif  // KGX_BASE_AHO_CORASICK_H_
