// Known binary document formats (PDF, Word, spreadsheets, e-books, archives,
// images), recognized by file name or by their first bytes, so kgx skips
// them with a hint to convert them instead of reading them as mojibake text.
//
//   if (const kgx::BinaryFormat* f = kgx::BinaryFormatOfName("report.docx"))
//     std::printf("%s: %s; %s\n", path, f->name, f->hint);
//
// Thread safety: pure functions over a constant table.
#ifndef KGX_EXTRACT_READ_BINARY_FORMAT_H_
#define KGX_EXTRACT_READ_BINARY_FORMAT_H_

#include <string>
#include <string_view>

namespace kgx {

struct BinaryFormat {
  const char* name;  // "a PDF document"
  const char* hint;  // "convert it to text first (pdftotext FILE FILE.txt)"
};

// The format a file name's extension stands for, or nullptr.
const BinaryFormat* BinaryFormatOfName(const std::string& path);

// The format `head` (a file's first bytes) starts with, or nullptr.
const BinaryFormat* BinaryFormatOfBytes(std::string_view head);

// "PATH: a PDF document; convert it to text first (pdftotext PATH PATH.txt);
// kgx reads plain text, markdown and HTML".
std::string BinaryFormatMessage(const std::string& path, const BinaryFormat& format);

}  // namespace kgx

#endif  // KGX_EXTRACT_READ_BINARY_FORMAT_H_
