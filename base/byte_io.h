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

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace kgx {

// An array of trivially copyable values that either owns them (a vector, to
// build) or views values kept alive elsewhere (a mapped cache file: a
// loaded model points into it instead of copying megabytes at start-up).
// Reads go through data(); mutable_vector() turns a view into an owned copy.
// Copies own their vector or share the view.
template <typename T>
class PodArray {
 public:
  std::vector<T>& mutable_vector() {
    if (view_ != nullptr) {
      owned_.assign(view_, view_ + view_size_);
      view_ = nullptr;
    }
    return owned_;
  }
  void View(const T* data, size_t size) {
    owned_ = std::vector<T>();
    view_ = size > 0 ? data : nullptr;
    view_size_ = size;
    if (view_ == nullptr) view_size_ = 0;
  }
  bool viewing() const { return view_ != nullptr; }
  const T* data() const { return view_ != nullptr ? view_ : owned_.data(); }
  size_t size() const { return view_ != nullptr ? view_size_ : owned_.size(); }
  bool empty() const { return size() == 0; }
  const T& operator[](size_t i) const { return data()[i]; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size(); }

 private:
  std::vector<T> owned_;
  const T* view_ = nullptr;
  size_t view_size_ = 0;
};

class ByteWriter {
 public:
  void U8(uint8_t v) { Raw(&v, 1); }
  void U16(uint16_t v) { Raw(&v, sizeof v); }
  void U32(uint32_t v) { Raw(&v, sizeof v); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U64(s.size());
    Raw(s.data(), s.size());
  }
  // A vector of trivially copyable values, as its bytes, starting at a
  // multiple of 8 bytes from the start (so a reader over bytes that start
  // 8-aligned can view them in place: ByteReader::View()).
  template <typename T>
  void Pod(const T* data, size_t n) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
    U64(n);
    bytes_.append((8 - bytes_.size() % 8) % 8, '\0');
    Raw(data, n * sizeof(T));
  }
  template <typename T>
  void Pod(const std::vector<T>& v) {
    Pod(v.data(), v.size());
  }
  template <typename T>
  void Pod(const PodArray<T>& v) {
    Pod(v.data(), v.size());
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
  explicit ByteReader(std::string_view in) : in_(in), start_(in.data()) {}
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }

  uint8_t U8() { return Number<uint8_t>(); }
  uint16_t U16() { return Number<uint16_t>(); }
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
    const T* p = nullptr;
    const uint64_t n = PodBytes<T>(&p);
    std::vector<T> v(n);
    if (n > 0) std::memcpy(v.data(), p, n * sizeof(T));
    return v;
  }
  // What ByteWriter::Pod() wrote, viewed in place when the bytes are
  // aligned for T (they must then outlive *out), else copied.
  template <typename T>
  void View(PodArray<T>* out) {
    const T* p = nullptr;
    const uint64_t n = PodBytes<T>(&p);
    if (reinterpret_cast<uintptr_t>(p) % alignof(T) == 0) {
      out->View(p, n);
    } else {
      std::vector<T>& v = out->mutable_vector();
      v.resize(n);
      if (n > 0) std::memcpy(v.data(), p, n * sizeof(T));
    }
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
  // Reads a Pod()'s count and padding; *p points at its n values.
  template <typename T>
  uint64_t PodBytes(const T** p) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
    const uint64_t count = U64();
    if (!ok_) return 0;
    const size_t pad = (8 - Offset() % 8) % 8;
    if (in_.size() < pad || count > (in_.size() - pad) / sizeof(T)) {
      Fail();
      return 0;
    }
    in_.remove_prefix(pad);
    *p = reinterpret_cast<const T*>(in_.data());
    in_.remove_prefix(count * sizeof(T));
    return count;
  }
  size_t Offset() const { return static_cast<size_t>(in_.data() - start_); }

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
  const char* start_;  // Pod() padding counts from here, as the writer's did.
  bool ok_ = true;
};

}  // namespace kgx

#endif  // KGX_BASE_BYTE_IO_H_
