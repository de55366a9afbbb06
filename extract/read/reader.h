// Reading one input file into a Document.
//
//   kgx::Document doc;
//   kgx::Status s = kgx::ReadDocument("seeds/000.txt", kgx::ReadOptions(), &doc);
//   if (!s.ok()) { report s.message(); skip the file; }
//
// Formats: plain text, markdown (YAML front matter, [links](url)) and HTML
// (tags, comments, <script>/<style> bodies and entities removed). A .txt file
// whose content is HTML (RSS scrapes often are) is read as HTML. Bare URLs are
// dropped from the text: their path words are not part of the article.
//
// Failure: unreadable, empty, binary (NUL bytes, or the first bytes of a
// known binary format such as %PDF- or a ZIP file: extract/read/binary_format.h),
// over-size files and anything but a regular file (extract/read/file_io.h) return
// a failed Status whose message names the file. Invalid UTF-8 is replaced by
// U+FFFD and reported in doc->warnings; it is never fatal.
// Thread safety: the functions are reentrant.
#ifndef KGX_EXTRACT_READ_READER_H_
#define KGX_EXTRACT_READ_READER_H_

#include <cstddef>
#include <string>

#include "extract/read/document.h"
#include "base/status.h"

namespace kgx {

struct ReadOptions {
  size_t max_file_bytes = 64u << 20;  // Larger files are skipped with a message.
};

// Reads `path` from disk and parses it.
Status ReadDocument(const std::string& path, const ReadOptions& options,
                    Document* doc);

// Parses bytes already in memory; `path` decides the format by extension
// (.html/.htm, .md, anything else sniffed) and is used in messages.
Status ParseDocument(const std::string& path, std::string bytes, Document* doc);

// True when the extension is one kgx reads (.txt, .md, .markdown, .html, .htm).
bool IsSupportedExtension(const std::string& path);

}  // namespace kgx

#endif  // KGX_EXTRACT_READ_READER_H_
