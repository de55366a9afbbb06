#include "extract/aho_corasick.h"

#include <algorithm>
#include <deque>

namespace kgx {

void AhoCorasick::Build(const std::vector<std::string>& patterns) {
  const Trie children = BuildTrie(patterns);
  const bool complete = ChooseByteClasses(patterns);
  const std::vector<int32_t> bfs = LinkFailures(children, complete);
  if (complete) FillFullRows(children, bfs);
}

AhoCorasick::Trie AhoCorasick::BuildTrie(const std::vector<std::string>& patterns) {
  // The trie, built in the patterns' sorted order (equal ones by index):
  // an edge a pattern can share is then always its node's newest, so no
  // search is needed, and every node's edges come out sorted.
  std::vector<uint32_t> sorted(patterns.size());
  for (uint32_t p = 0; p < patterns.size(); ++p) sorted[p] = p;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](uint32_t a, uint32_t b) { return patterns[a] < patterns[b]; });
  Trie children(1);
  std::vector<std::vector<uint32_t>> outs(1);
  lengths_.assign(patterns.size(), 0);
  for (uint32_t p : sorted) {
    const std::string& pattern = patterns[p];
    lengths_[p] = static_cast<uint32_t>(pattern.size());
    if (pattern.empty()) continue;
    int32_t s = 0;
    for (char ch : pattern) {
      const uint8_t b = static_cast<uint8_t>(ch);
      auto& kids = children[static_cast<size_t>(s)];
      if (!kids.empty() && kids.back().first == b) {
        s = kids.back().second;
        continue;
      }
      const int32_t t = static_cast<int32_t>(children.size());
      kids.emplace_back(b, t);
      children.emplace_back();
      outs.emplace_back();
      s = t;
    }
    outs[static_cast<size_t>(s)].push_back(p);
  }
  // Equal patterns end in one state, in index order.
  for (auto& o : outs) std::sort(o.begin(), o.end());

  states_.assign(children.size(), State());
  edges_.clear();
  outputs_.clear();
  for (size_t s = 0; s < children.size(); ++s) {
    states_[s].edge_begin = static_cast<uint32_t>(edges_.size());
    for (const auto& [b, t] : children[s]) edges_.push_back({b, t});
    states_[s].edge_end = static_cast<uint32_t>(edges_.size());
    states_[s].out_begin = static_cast<uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), outs[s].begin(), outs[s].end());
    states_[s].out_end = static_cast<uint32_t>(outputs_.size());
    states_[s].has_output = !outs[s].empty();
  }
  std::fill(root_, root_ + 256, 0);
  for (const auto& [b, t] : children[0]) root_[b] = t;
  return children;
}

bool AhoCorasick::ChooseByteClasses(const std::vector<std::string>& patterns) {
  // Byte classes: each byte the patterns use is its own class, the others
  // one. Whether complete rows over them fit decides which rows are built.
  bool used[256] = {};
  for (const std::string& pattern : patterns)
    for (char ch : pattern) used[static_cast<uint8_t>(ch)] = true;
  classes_ = 1;
  for (int b = 0; b < 256; ++b) class_of_[b] = used[b] ? static_cast<uint8_t>(classes_++) : 0;
  const bool complete =
      classes_ <= 255 && states_.size() * static_cast<size_t>(classes_) <= kFullEntries;
  if (!complete) {
    classes_ = 1;
    std::fill(class_of_, class_of_ + 256, 0);
  }
  return complete;
}

std::vector<int32_t> AhoCorasick::LinkFailures(const Trie& children, bool complete) {
  // Breadth-first: fail links point to the longest proper suffix in the trie.
  // Without complete rows, states near the root get a full 256-byte row,
  // filled before their children need it (a fail link always points nearer
  // the root).
  dense_.clear();
  full_.clear();
  std::vector<int> depth(children.size(), 0);
  std::vector<int32_t> bfs;  // States in breadth-first order, root excluded.
  std::deque<int32_t> queue;
  for (const auto& [b, t] : children[0]) {
    states_[t].fail = 0;
    depth[t] = 1;
    queue.push_back(t);
  }
  while (!queue.empty()) {
    const int32_t s = queue.front();
    queue.pop_front();
    bfs.push_back(s);
    if (!complete && depth[s] <= kDenseDepth) {
      // The fail state's moves (it is nearer the root: root or a complete
      // row already), then the state's own edges over them.
      const size_t row = dense_.size() / 256;
      dense_.resize(dense_.size() + 256);
      const int32_t f = states_[s].fail;
      for (int b = 0; b < 256; ++b)
        dense_[row * 256 + b] =
            f == 0 ? root_[b] : dense_[static_cast<size_t>(states_[f].dense) * 256 + b];
      for (const auto& [b, t] : children[static_cast<size_t>(s)]) dense_[row * 256 + b] = t;
      states_[s].dense = static_cast<int32_t>(row);
    }
    for (const auto& [b, t] : children[s]) {
      depth[t] = depth[s] + 1;
      states_[t].fail = Next(states_[s].fail, b);
      const State& f = states_[states_[t].fail];
      states_[t].output_link = f.has_output ? states_[t].fail : f.output_link;
      queue.push_back(t);
    }
  }
  return bfs;
}

void AhoCorasick::FillFullRows(const Trie& children, const std::vector<int32_t>& bfs) {
  // A state's row is its own edges over its fail state's row (filled
  // before, being nearer the root).
  const size_t width = static_cast<size_t>(classes_);
  // Entries are encoded as they are written (a target's row, negated when
  // it reports), so a fail state's row is copied as it stands.
  auto encoded = [&](int32_t t) {
    const int32_t row = static_cast<int32_t>(static_cast<size_t>(t) * width);
    return states_[t].has_output || states_[t].output_link > 0 ? ~row : row;
  };
  full_.assign(states_.size() * width, 0);  // Root row: every class back to the root.
  auto fill_edges = [&](int32_t s) {
    for (const auto& [b, t] : children[static_cast<size_t>(s)])
      full_[static_cast<size_t>(s) * width + class_of_[b]] = encoded(t);
  };
  fill_edges(0);
  for (int32_t s : bfs) {
    std::copy_n(full_.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(states_[s].fail) * width),
                width, full_.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(s) * width));
    fill_edges(s);
  }
}

int32_t AhoCorasick::Goto(int32_t state, uint8_t byte) const {
  const State& s = states_[state];
  auto first = edges_.begin() + s.edge_begin;
  auto last = edges_.begin() + s.edge_end;
  auto it = std::lower_bound(first, last, byte,
                             [](const Edge& e, uint8_t b) { return e.byte < b; });
  return (it != last && it->byte == byte) ? it->target : -1;
}

}  // namespace kgx
