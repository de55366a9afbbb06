#include "base/regex.h"

#include <algorithm>

#include "base/strings.h"

namespace kgx {

std::vector<std::string> LongestFirst(std::vector<std::string> words) {
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::string Alternation(std::vector<std::string> words, bool word_end) {
  words = LongestFirst(std::move(words));
  std::string out = "(?:";
  for (size_t i = 0; i < words.size(); ++i) {
    out += (i ? "|" : "") + RE2::QuoteMeta(words[i]);
    if (word_end && !words[i].empty() && IsAsciiAlnum(words[i].back())) out += "\\b";
  }
  return out + ")";
}

std::unique_ptr<RE2> CompileRe2(const std::string& pattern, bool case_sensitive) {
  RE2::Options opt;
  opt.set_case_sensitive(case_sensitive);
  opt.set_log_errors(false);
  opt.set_max_mem(64 << 20);
  auto re = std::make_unique<RE2>(pattern, opt);
  if (!re->ok()) re.reset();
  return re;
}

}  // namespace kgx
