// RE2 helpers for the patterns kgx builds from gazetteer word lists (money,
// dates, organization rules): one way to order and quote words, one way to
// compile.
//
//   std::unique_ptr<RE2> re = kgx::CompileRe2(
//       "(" + kgx::Alternation({"Ltd", "Ltd."}) + ")", /*case_sensitive=*/true);
//   if (!re) ...  // the words made an invalid or too large pattern
//
// Thread safety: reentrant; a compiled RE2 may be shared by threads.
#ifndef KGX_BASE_REGEX_H_
#define KGX_BASE_REGEX_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

namespace kgx {

// Words in the order an alternation tries them: longest first (then byte
// order), once each. RE2 takes the first alternative that matches, so a
// longer word must come before its prefix ("Ltd." before "Ltd").
std::vector<std::string> LongestFirst(std::vector<std::string> words);

// "(?:w1|w2|...)": the words quoted, in LongestFirst order (non-capturing).
// With `word_end`, a word that ends in an ASCII letter or digit must end at
// a word boundary ("m" is not the start of "more").
std::string Alternation(std::vector<std::string> words, bool word_end = false);

// `pattern` compiled quietly (no log), with room for long alternations
// (64 MiB); nullptr when RE2 rejects it.
std::unique_ptr<RE2> CompileRe2(const std::string& pattern, bool case_sensitive);

}  // namespace kgx

#endif  // KGX_BASE_REGEX_H_
