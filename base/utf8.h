// UTF-8 checks and building blocks shared by every stage: one validation
// (ICU's U8_NEXT rules: no overlong forms, surrogates or code points past
// U+10FFFF) instead of one per caller.
//
//   size_t bad_at;
//   if (!kgx::IsValidUtf8(bytes, &bad_at)) report(bad_at);
//
// Thread safety: reentrant.
#ifndef KGX_BASE_UTF8_H_
#define KGX_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kgx {

// Whether every byte of `bytes` is ASCII (below 0x80): such text needs no
// decoding, normalization or case folding beyond ASCII's own.
bool IsAscii(std::string_view bytes);

// Whether `bytes` is well-formed UTF-8. When it is not and `bad_at` is
// given, *bad_at is the byte offset of the first sequence that is not.
bool IsValidUtf8(std::string_view bytes, size_t* bad_at = nullptr);

// Appends code point `c` as UTF-8; U+FFFD when `c` is no code point.
void AppendUtf8(int32_t c, std::string* out);
// The number of characters (UTF-8 lead bytes) in `bytes`: a reach stated in
// characters is as long in Cyrillic or Arabic as in Latin text.
size_t CharCount(std::string_view bytes);
// The byte offset `n` characters after `from` in `bytes` (at most its size):
// a reach in characters turned into an end for byte-offset scans.
size_t CharsForward(std::string_view bytes, size_t from, size_t n);

}  // namespace kgx

#endif  // KGX_BASE_UTF8_H_
