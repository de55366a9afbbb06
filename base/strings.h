// Small string and path helpers shared by every stage, kept once here
// instead of once per file that needs them.
//
//   kgx::AddUnique(&minerals, "nickel");          // keeps first-seen order
//   kgx::LowerExtension("a/B.HTML") == "html"
//   kgx::Split("en,ja", ',') == {"en", "ja"}
//   kgx::EndsWith("China's", "'s")
//
// Thread safety: reentrant.
#ifndef KGX_BASE_STRINGS_H_
#define KGX_BASE_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace kgx {

// Whether `s` begins (ends) with `prefix` (`suffix`), byte for byte; every
// string begins and ends with "". Inline: the matchers call them per match.
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Whether `s` ends in an apostrophe, ASCII or typographic: an elided article
// or preposition written onto the next word (dell', d’, l').
inline bool EndsWithApostrophe(std::string_view s) {
  return EndsWith(s, "'") || EndsWith(s, "\xE2\x80\x99");
}

// Whether `a` and `b` are equal but for the case of ASCII letters (other
// bytes compare as they are): "The" and "the", "L'" and "l'".
bool EqualsAsciiNoCase(std::string_view a, std::string_view b);

// Appends `x` unless `v` holds it already (linear: for short lists).
void AddUnique(std::vector<std::string>* v, const std::string& x);

// The parts of `s` between each `sep`: "a,,b" -> {"a", "", "b"}; "" -> {""}.
std::vector<std::string> Split(const std::string& s, char sep);

// Whether `c` is an ASCII digit or letter (RE2's \b sees only these and _).
inline bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// `s` with A-Z lowered and every other byte as it is ("Ltd.": "ltd.").
std::string AsciiLower(std::string_view s);

// The extension of the file name in `path`, lower case (ASCII), without the
// dot: "dir/Report.HTML" -> "html"; "" when the name has no dot. A dot in a
// folder name does not count ("a.d/file" -> "").
std::string LowerExtension(const std::string& path);

}  // namespace kgx

#endif  // KGX_BASE_STRINGS_H_
