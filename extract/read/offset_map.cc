#include "extract/read/offset_map.h"

#include <algorithm>

namespace kgx {

void OffsetMap::Append(size_t out_len, size_t in_begin, size_t in_len,
                       bool identity) {
  if (out_len == 0) return;  // Deleted input needs no piece.
  if (identity && !pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.identity && last.in_begin + last.in_len == in_begin) {
      last.out_len += out_len;
      last.in_len += in_len;
      out_size_ += out_len;
      return;
    }
  }
  pieces_.push_back(Piece{out_size_, out_len, in_begin, in_len, identity});
  out_size_ += out_len;
}

const OffsetMap::Piece* OffsetMap::Find(size_t out) const {
  if (pieces_.empty()) return nullptr;
  auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), out,
      [](size_t value, const Piece& p) { return value < p.out_begin; });
  if (it == pieces_.begin()) return &pieces_.front();
  return &*(it - 1);
}

size_t OffsetMap::Begin(size_t out) const {
  const Piece* p = Find(out);
  if (p == nullptr) return 0;
  if (out >= p->out_begin + p->out_len) return p->in_begin + p->in_len;
  if (p->identity) return p->in_begin + (out - p->out_begin);
  return p->in_begin;
}

size_t OffsetMap::End(size_t out) const {
  if (out == 0) return Begin(0);
  const Piece* p = Find(out - 1);
  if (p == nullptr) return 0;
  if (p->identity && out <= p->out_begin + p->out_len)
    return p->in_begin + (out - p->out_begin);
  return p->in_begin + p->in_len;
}

OffsetMap OffsetMap::Compose(const OffsetMap& inner, const OffsetMap& outer) {
  OffsetMap result;
  for (const Piece& o : outer.pieces_) {
    if (!o.identity) {
      size_t b = inner.Begin(o.in_begin);
      size_t e = inner.End(o.in_begin + o.in_len);
      result.Append(o.out_len, b, e > b ? e - b : 0, false);
      continue;
    }
    // An identity piece copies the inner pieces it covers.
    size_t pos = o.in_begin;
    const size_t end = o.in_begin + o.in_len;
    while (pos < end) {
      const Piece* ip = inner.Find(pos);
      if (ip == nullptr) break;
      size_t piece_end = std::min(end, ip->out_begin + ip->out_len);
      if (piece_end <= pos) break;
      size_t len = piece_end - pos;
      if (ip->identity) {
        result.AppendIdentity(ip->in_begin + (pos - ip->out_begin), len);
      } else {
        // A rewritten piece (or part of one) maps to all of its input.
        result.Append(len, ip->in_begin, ip->in_len, false);
      }
      pos = piece_end;
    }
  }
  return result;
}

}  // namespace kgx
