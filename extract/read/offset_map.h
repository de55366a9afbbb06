// OffsetMap: maps byte offsets of a derived text back to the original file.
//
// Every stage that rewrites text (HTML stripping, entity decoding, NFKC)
// appends pieces describing which original bytes each output byte came from.
// A piece is "identity" when its output bytes are a verbatim copy of its
// input bytes, so offsets inside it map one to one; otherwise the whole
// output piece maps to the whole input range (a decoded "&amp;" maps to the
// five bytes of the entity). Maps compose, so the final normalized text still
// points into the original file:
//
//   OffsetMap html;      // stripped text -> file
//   OffsetMap nfkc;      // normalized text -> stripped text
//   OffsetMap to_file = OffsetMap::Compose(html, nfkc);
//   size_t file_begin = to_file.Begin(norm_begin);
//   size_t file_end = to_file.End(norm_end);
//
// Thread safety: const methods may be called concurrently.
#ifndef KGX_EXTRACT_READ_OFFSET_MAP_H_
#define KGX_EXTRACT_READ_OFFSET_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kgx {

class OffsetMap {
 public:
  struct Piece {
    size_t out_begin;
    size_t out_len;
    size_t in_begin;
    size_t in_len;
    bool identity;
  };

  // Appends out_len output bytes produced from input [in_begin, in_begin+in_len).
  // Identity pieces must have out_len == in_len. Adjacent identity pieces merge.
  void Append(size_t out_len, size_t in_begin, size_t in_len, bool identity);
  void AppendIdentity(size_t in_begin, size_t len) { Append(len, in_begin, len, true); }

  // Input offset of output offset `out` taken as the start of a span.
  size_t Begin(size_t out) const;
  // Input offset of output offset `out` taken as the (exclusive) end of a span.
  size_t End(size_t out) const;

  size_t out_size() const { return out_size_; }
  const std::vector<Piece>& pieces() const { return pieces_; }

  // Returns the map of `outer` (text C -> text B) followed by `inner`
  // (text B -> text A): text C -> text A.
  static OffsetMap Compose(const OffsetMap& inner, const OffsetMap& outer);

 private:
  const Piece* Find(size_t out) const;
  std::vector<Piece> pieces_;
  size_t out_size_ = 0;
};

}  // namespace kgx

#endif  // KGX_EXTRACT_READ_OFFSET_MAP_H_
