// ByteWriter / ByteReader: a flat binary form of numbers, strings and
// vectors, for caches that this same build writes and reads back (kgx's
// compiled model, extract/model_cache.h). Not a portable format: numbers
// are in the machine's byte order and the layout has no field names, so a
// reader must read exactly what the writer wrote, in the same order, and a
// cache must be keyed by the program's version.
//
//   kgx::ByteWriter w;
//   w.U32(7);
//   w.Str("nickel");
//   kgx::ByteReader r(w.bytes());
//   uint32_t n = r.U32();
//   std::string s = r.Str();
//   if (!r.ok()) ...  // read past the end or an impossible length: corrupt
//
// A reader never reads or allocates past its input: a length larger than
// what is left fails it (ok() false) and every later read returns zero or
// empty values. Thread safety: one object per thread.
#ifndef KGX_BASE_BYTE_IO_H_
#define KGX_BASE_BYTE_IO_H_

#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace kgx {

class ByteWriter {
 public:
  void U8(uint8_t v) { Raw(&v, 1); }
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U64(s.size());
    Raw(s.data(), s.size());
  }
  // A vector of trivially copyable values, as its bytes.
  template <typename T>
  void Pod(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(v.size());
    Raw(v.data(), v.size() * sizeof(T));
  }
  void Strings(const std::vector<std::string>& v) {
    U64(v.size());
    for (const std::string& s : v) Str(s);
  }
  void StringSet(const std::set<std::string>& v) {
    U64(v.size());
    for (const std::string& s : v) Str(s);
  }
  void Pairs(const std::vector<std::pair<std::string, std::string>>& v) {
    U64(v.size());
    for (const auto& [a, b] : v) {
      Str(a);
      Str(b);
    }
  }
  void Raw(const void* p, size_t n) { bytes_.append(static_cast<const char*>(p), n); }
  const std::string& bytes() const { return bytes_; }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }

  uint8_t U8() { return Number<uint8_t>(); }
  uint32_t U32() { return Number<uint32_t>(); }
  uint64_t U64() { return Number<uint64_t>(); }
  std::string Str() {
    const uint64_t n = Count(1);
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  template <typename T>
  std::vector<T> Pod() {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint64_t n = Count(sizeof(T));
    std::vector<T> v(n);
    if (n > 0) std::memcpy(v.data(), in_.data(), n * sizeof(T));
    in_.remove_prefix(n * sizeof(T));
    return v;
  }
  std::vector<std::string> Strings() {
    std::vector<std::string> v(Count(8));
    for (std::string& s : v) s = Str();
    return v;
  }
  std::set<std::string> StringSet() {
    std::set<std::string> v;
    for (uint64_t n = Count(8); n > 0; --n) v.insert(v.end(), Str());
    return v;
  }
  std::vector<std::pair<std::string, std::string>> Pairs() {
    std::vector<std::pair<std::string, std::string>> v(Count(16));
    for (auto& [a, b] : v) {
      a = Str();
      b = Str();
    }
    return v;
  }
  // A count of items of at least `min_size` bytes each: 0 (and the reader
  // failed) when the rest of the input cannot hold that many.
  uint64_t Count(size_t min_size) {
    const uint64_t n = U64();
    if (!ok_ || (min_size > 0 && n > in_.size() / min_size)) {
      Fail();
      return 0;
    }
    return n;
  }
  void Fail() {
    ok_ = false;
    in_ = {};
  }

 private:
  template <typename T>
  T Number() {
    T v{};
    if (in_.size() < sizeof v) {
      Fail();
      return v;
    }
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return v;
  }

  std::string_view in_;
  bool ok_ = true;
};

}  // namespace kgx

#endif  // KGX_BASE_BYTE_IO_H_
