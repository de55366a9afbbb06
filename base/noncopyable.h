// NonCopyable: a base for classes that own a resource (an open file, a
// temporary to rename or remove, compiled tables that others point into) and
// so must not be copied or moved: `class LineReader : NonCopyable`.
#ifndef KGX_BASE_NONCOPYABLE_H_
#define KGX_BASE_NONCOPYABLE_H_

namespace kgx {

class NonCopyable {
 public:
  NonCopyable(const NonCopyable&) = delete;
  NonCopyable& operator=(const NonCopyable&) = delete;

 protected:
  NonCopyable() = default;
  ~NonCopyable() = default;
};

}  // namespace kgx

#endif  // KGX_BASE_NONCOPYABLE_H_
