// Document: one input file as read, before any language processing.
//
// The reader keeps the original bytes and a plain-text view of the content
// (front matter, markup, URLs and entities removed), plus an OffsetMap from
// that view back to the original bytes, so every later offset can be reported
// against the file itself (DESIGN.md: start/end are byte offsets into the
// original file).
#ifndef KGX_EXTRACT_READ_DOCUMENT_H_
#define KGX_EXTRACT_READ_DOCUMENT_H_

#include <string>
#include <vector>

#include "extract/read/offset_map.h"

namespace kgx {

enum class Format { kText, kMarkdown, kHtml };

struct Metadata {
  std::string title;
  std::string published;  // As found: ISO 8601 date or datetime, or empty.
  std::string locale;     // As found in front matter or <html lang>, or empty.
  std::string url;
  std::string description;
};

struct Document {
  std::string path;        // As given by the caller; reported in records.
  std::string raw;         // Original bytes of the file.
  // The file as UTF-8 when it was in another encoding (Shift_JIS, GB18030,
  // Big5, UTF-16...), with a map back to `raw`; empty when `raw` is UTF-8.
  std::string converted;
  OffsetMap converted_map;  // converted -> raw
  std::string charset;      // What it was decoded from, "" for UTF-8.
  Format format = Format::kText;
  Metadata meta;
  std::string text;        // Plain content text (valid UTF-8).
  OffsetMap text_map;      // text -> Source()

  // The UTF-8 bytes the text was parsed from: `converted`, or `raw`.
  const std::string& Source() const { return charset.empty() ? raw : converted; }
  // Source() span [b, e) as a span of the original file.
  void SourceToRaw(size_t b, size_t e, size_t* start, size_t* end) const {
    if (charset.empty()) {
      *start = b;
      *end = e;
    } else {
      *start = converted_map.Begin(b);
      *end = converted_map.End(e);
    }
    if (*end < *start) *end = *start;
  }
  std::vector<std::string> warnings;  // Non-fatal problems, for stderr.
};

}  // namespace kgx

#endif  // KGX_EXTRACT_READ_DOCUMENT_H_
