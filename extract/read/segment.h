// Sentence segmentation with ICU's BreakIterator (CJK included: 。！？ end
// sentences, and every line break ends one, so headlines and list items
// stand alone).
//
//   for (const Span& s : SplitSentences(text, "ja")) use(text.substr(s.begin, s.end - s.begin));
//
// Spans are byte offsets into `utf8`, trimmed of surrounding white space;
// empty sentences are dropped. Thread safety: reentrant (one cached iterator
// per thread and language).
#ifndef KGX_EXTRACT_READ_SEGMENT_H_
#define KGX_EXTRACT_READ_SEGMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kgx {

struct Span {
  size_t begin;
  size_t end;
};

std::vector<Span> SplitSentences(std::string_view utf8, const std::string& lang);

}  // namespace kgx

#endif  // KGX_EXTRACT_READ_SEGMENT_H_
