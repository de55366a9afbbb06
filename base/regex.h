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
#include <mutex>
#include <string>
#include <utility>
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

// A pattern compiled by CompileRe2 on its first use, not before: a rule
// whose trigger words never occur in a run costs that run nothing (issue
// 22: start-up). The result is the same RE2 whenever it is made.
//
//   kgx::LazyRe2 re;
//   re.Set("(" + kgx::Alternation(words) + ")", /*case_sensitive=*/true);
//   if (const RE2* r = re.get()) ...  // compiles here, once
//
// Thread safety: Set() before sharing; get() may then run concurrently.
class LazyRe2 {
 public:
  void Set(std::string pattern, bool case_sensitive) {
    pattern_ = std::move(pattern);
    case_sensitive_ = case_sensitive;
  }
  // The compiled pattern; nullptr without one or when RE2 rejects it.
  const RE2* get() const {
    if (pattern_.empty()) return nullptr;
    std::call_once(once_, [this] { re_ = CompileRe2(pattern_, case_sensitive_); });
    return re_.get();
  }

 private:
  std::string pattern_;
  bool case_sensitive_ = true;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;
};

}  // namespace kgx

#endif  // KGX_BASE_REGEX_H_
