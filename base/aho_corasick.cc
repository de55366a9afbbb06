#include "base/aho_corasick.h"

#include <algorithm>
#include <utility>

namespace kgx {

void AhoCorasick::Build(const std::vector<std::string>& patterns) {
  std::vector<NewEdge> made;
  std::vector<std::pair<int32_t, uint32_t>> ends;
  size_t state_count = 0;
  BuildTrie(patterns, &made, &ends, &state_count);
  LayOutTrie(state_count, made, std::move(ends));
  const bool complete = ChooseByteClasses(patterns);
  const std::vector<int32_t> bfs = LinkFailures(complete);
  if (complete) FillCompleteRows(bfs);
}

void AhoCorasick::BuildTrie(const std::vector<std::string>& patterns, std::vector<NewEdge>* made,
                            std::vector<std::pair<int32_t, uint32_t>>* ends,
                            size_t* state_count) {
  // The trie, built in the patterns' sorted order (equal ones by index):
  // an edge a pattern can share is then always its node's newest, so no
  // search is needed, and every node's edges come out sorted. Edges and
  // outputs go to flat lists, grouped by state afterwards: a vector per
  // state made a hundred thousand allocations, most of the start-up.
  std::vector<uint32_t> sorted(patterns.size());
  for (uint32_t p = 0; p < patterns.size(); ++p) sorted[p] = p;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](uint32_t a, uint32_t b) { return patterns[a] < patterns[b]; });
  std::vector<int32_t> newest = {-1};  // Per state: index in `made` of its newest edge.
  std::vector<uint32_t>& lengths = lengths_.mutable_vector();
  lengths.assign(patterns.size(), 0);
  for (uint32_t p : sorted) {
    const std::string& pattern = patterns[p];
    lengths[p] = static_cast<uint32_t>(pattern.size());
    if (pattern.empty()) continue;
    int32_t s = 0;
    for (char ch : pattern) {
      const uint8_t b = static_cast<uint8_t>(ch);
      const int32_t last = newest[static_cast<size_t>(s)];
      if (last >= 0 && (*made)[static_cast<size_t>(last)].byte == b) {
        s = (*made)[static_cast<size_t>(last)].to;
        continue;
      }
      const int32_t t = static_cast<int32_t>(newest.size());
      newest[static_cast<size_t>(s)] = static_cast<int32_t>(made->size());
      made->push_back({s, b, t});
      newest.push_back(-1);
      s = t;
    }
    ends->emplace_back(s, p);
  }
  *state_count = newest.size();
}

void AhoCorasick::LayOutTrie(size_t state_count, const std::vector<NewEdge>& made,
                             std::vector<std::pair<int32_t, uint32_t>> ends) {
  // Equal patterns end in one state, in index order (stable sort above).
  std::vector<State>& states = states_.mutable_vector();
  std::vector<Edge>& edges = edges_.mutable_vector();
  std::vector<uint32_t>& outputs = outputs_.mutable_vector();
  states.assign(state_count, State());
  edges.assign(made.size(), Edge());
  outputs.assign(ends.size(), 0);
  // Counting sort by state; within a state, edges keep their (byte) order.
  for (const NewEdge& e : made) ++states[static_cast<size_t>(e.from)].edge_end;
  for (const auto& [state, p] : ends) ++states[static_cast<size_t>(state)].out_end;
  uint32_t edge_at = 0, out_at = 0;
  for (State& st : states) {
    st.edge_begin = edge_at;
    edge_at += st.edge_end;
    st.edge_end = st.edge_begin;
    st.out_begin = out_at;
    out_at += st.out_end;
    st.has_output = st.out_end > 0;
    st.out_end = st.out_begin;
  }
  for (const NewEdge& e : made) {
    Edge& edge = edges[states[static_cast<size_t>(e.from)].edge_end++];
    edge.byte = e.byte;
    edge.target = e.to;
  }
  std::sort(ends.begin(), ends.end());
  for (const auto& [state, p] : ends) outputs[states[static_cast<size_t>(state)].out_end++] = p;
  std::fill(root_, root_ + 256, 0);
  for (uint32_t k = states_[0].edge_begin; k < states_[0].edge_end; ++k)
    root_[edges_[k].byte] = edges_[k].target;
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

std::vector<int32_t> AhoCorasick::LinkFailures(bool complete) {
  // Breadth-first: fail links point to the longest proper suffix in the trie.
  // Without complete rows, states near the root get a full 256-byte row,
  // filled before their children need it (a fail link always points nearer
  // the root).
  std::vector<State>& states = states_.mutable_vector();
  std::vector<int32_t>& dense = dense_.mutable_vector();
  auto edges_of = [&](int32_t s) {
    const State& st = states[static_cast<size_t>(s)];
    return std::make_pair(edges_.begin() + st.edge_begin, edges_.begin() + st.edge_end);
  };
  dense.clear();
  full_.mutable_vector().clear();
  if (!complete) {  // One row per state of depth 1 and 2, reserved at once.
    size_t rows = 0;
    for (auto [it, end] = edges_of(0); it != end; ++it) {
      const State& st = states[static_cast<size_t>(it->target)];
      rows += 1 + (st.edge_end - st.edge_begin);
    }
    static_assert(kDenseDepth == 2, "the count above is of depths 1 and 2");
    dense.reserve(rows * 256);
  }
  std::vector<int> depth(states.size(), 0);
  std::vector<int32_t> bfs;  // States in breadth-first order, root excluded.
  bfs.reserve(states.size());
  for (auto [it, end] = edges_of(0); it != end; ++it) {
    states[it->target].fail = 0;
    depth[it->target] = 1;
    bfs.push_back(it->target);
  }
  for (size_t next = 0; next < bfs.size(); ++next) {
    const int32_t s = bfs[next];
    if (!complete && depth[s] <= kDenseDepth) {
      // The fail state's moves (it is nearer the root: root or a complete
      // row already), then the state's own edges over them.
      const size_t row = dense.size() / 256;
      dense.resize(dense.size() + 256);
      const int32_t f = states[s].fail;
      for (int b = 0; b < 256; ++b)
        dense[row * 256 + b] =
            f == 0 ? root_[b] : dense[static_cast<size_t>(states[f].dense) * 256 + b];
      for (auto [it, end] = edges_of(s); it != end; ++it) dense[row * 256 + it->byte] = it->target;
      states[s].dense = static_cast<int32_t>(row);
    }
    for (auto [it, end] = edges_of(s); it != end; ++it) {
      const int32_t t = it->target;
      depth[t] = depth[s] + 1;
      states[t].fail = Next(states[s].fail, it->byte);
      const State& f = states[states[t].fail];
      states[t].output_link = f.has_output ? states[t].fail : f.output_link;
      bfs.push_back(t);
    }
  }
  return bfs;
}

void AhoCorasick::FillCompleteRows(const std::vector<int32_t>& bfs) {
  // A state's complete row is its own edges over its fail state's row
  // (filled before, being nearer the root).
  const size_t width = static_cast<size_t>(classes_);
  // Entries are encoded as they are written (a target's row, negated when
  // it reports), so a fail state's row is copied as it stands.
  auto encoded = [&](int32_t t) {
    const int32_t row = static_cast<int32_t>(static_cast<size_t>(t) * width);
    return states_[t].has_output || states_[t].output_link > 0 ? ~row : row;
  };
  std::vector<int32_t>& full = full_.mutable_vector();
  full.assign(states_.size() * width, 0);  // Root row: every class back to the root.
  auto fill_edges = [&](int32_t s) {
    const State& st = states_[static_cast<size_t>(s)];
    for (uint32_t k = st.edge_begin; k < st.edge_end; ++k)
      full[static_cast<size_t>(s) * width + class_of_[edges_[k].byte]] = encoded(edges_[k].target);
  };
  fill_edges(0);
  for (int32_t s : bfs) {
    std::copy_n(full.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(states_[s].fail) * width),
                width, full.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(s) * width));
    fill_edges(s);
  }
}

void AhoCorasick::Save(ByteWriter* out) const {
  out->Pod(states_);
  out->Pod(edges_);
  out->Pod(outputs_);
  out->Pod(lengths_);
  out->Raw(root_, sizeof root_);
  out->Pod(dense_);
  out->Pod(full_);
  out->Raw(class_of_, sizeof class_of_);
  out->U32(static_cast<uint32_t>(classes_));
}

bool AhoCorasick::Load(ByteReader* in) {
  in->View(&states_);
  in->View(&edges_);
  in->View(&outputs_);
  in->View(&lengths_);
  for (int32_t& r : root_) r = static_cast<int32_t>(in->U32());
  in->View(&dense_);
  in->View(&full_);
  for (uint8_t& c : class_of_) c = in->U8();
  classes_ = static_cast<int32_t>(in->U32());
  if (in->ok() && Valid()) return true;
  Clear();
  return false;
}

// Every index the scan follows is in range, so a damaged cache cannot make
// FindAll() read outside the tables.
bool AhoCorasick::Valid() const {
  const size_t n = states_.size();
  auto state_ok = [n](int64_t s) { return s >= 0 && static_cast<size_t>(s) < n; };
  if (n == 0 || classes_ < 1 || classes_ > 256 || dense_.size() % 256 != 0) return false;
  for (const State& st : states_) {
    if (st.edge_begin > st.edge_end || st.edge_end > edges_.size() || st.out_begin > st.out_end ||
        st.out_end > outputs_.size() || !state_ok(st.fail) || !state_ok(st.output_link) ||
        st.dense < -1 || (st.dense >= 0 && static_cast<size_t>(st.dense) >= dense_.size() / 256))
      return false;
  }
  for (const Edge& e : edges_)
    if (!state_ok(e.target)) return false;
  for (uint32_t p : outputs_)
    if (p >= lengths_.size()) return false;
  for (int32_t t : root_)
    if (!state_ok(t)) return false;
  for (int32_t t : dense_)
    if (!state_ok(t)) return false;
  for (uint8_t c : class_of_)
    if (c >= classes_) return false;
  if (full_.empty()) return true;
  const size_t width = static_cast<size_t>(classes_);
  if (full_.size() != n * width) return false;
  for (int32_t e : full_) {
    const int32_t row = e >= 0 ? e : ~e;
    if (static_cast<size_t>(row) % width != 0 || !state_ok(row / classes_)) return false;
  }
  return true;
}

void AhoCorasick::Clear() {
  states_ = {};
  edges_ = {};
  outputs_ = {};
  lengths_ = {};
  std::fill(root_, root_ + 256, 0);
  dense_ = {};
  full_ = {};
  std::fill(class_of_, class_of_ + 256, 0);
  classes_ = 1;
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
