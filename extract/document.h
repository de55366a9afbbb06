// Document: one input file as read, before any language processing.
//
// The reader keeps the original bytes and a plain-text view of the content
// (front matter, markup, URLs and entities removed), plus an OffsetMap from
// that view back to the original bytes, so every later offset can be reported
// against the file itself (DESIGN.md: start/end are byte offsets into the
// original file).
#ifndef KGX_EXTRACT_DOCUMENT_H_
#define KGX_EXTRACT_DOCUMENT_H_

#include <string>
#include <vector>

#include "extract/offset_map.h"

namespace kgx {

enum class Format { kText, kMarkdown, kHtml };

const char* FormatName(Format f);

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
  Format format = Format::kText;
  Metadata meta;
  std::string text;        // Plain content text (valid UTF-8).
  OffsetMap text_map;      // text -> raw
  std::vector<std::string> warnings;  // Non-fatal problems, for stderr.
};

}  // namespace kgx

#endif  // KGX_EXTRACT_DOCUMENT_H_
