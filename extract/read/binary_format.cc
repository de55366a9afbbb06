#include "extract/read/binary_format.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "base/strings.h"  // LowerExtension

namespace kgx {
namespace {

using std::string_view;

// One row per family. Extensions are lower case without the dot; magic is
// the byte string a file of the family starts with ("" when the family has
// none of its own: .docx is a ZIP file, found by the ZIP row).
struct Row {
  BinaryFormat format;
  std::initializer_list<const char*> extensions;
  string_view magic;
};

// Literals with a length of their own: some magic bytes hold a NUL.
using namespace std::string_view_literals;

const Row kRows[] = {
    {{"a PDF document", "convert it to text first (pdftotext FILE FILE.txt)"}, {"pdf"}, "%PDF-"sv},
    {{"a word-processor document (Office Open XML, OpenDocument)",
      "convert it to text first (pandoc -t plain FILE -o FILE.txt)"},
     {"docx", "docm", "dotx", "odt", "ott", "pages"},
     ""sv},
    {{"a spreadsheet", "export its text first (soffice --headless --convert-to csv FILE)"},
     {"xlsx", "xlsm", "xls", "ods", "numbers"},
     ""sv},
    {{"a presentation", "export its text first (soffice --headless --convert-to txt FILE)"},
     {"pptx", "ppt", "odp", "key"},
     ""sv},
    {{"an e-book", "convert it to text first (pandoc -t plain FILE -o FILE.txt)"},
     {"epub", "mobi"},
     ""sv},
    {{"a ZIP archive (.docx, .xlsx, .odt and .epub files are ZIP archives)",
      "unpack or convert it first (unzip FILE; pandoc -t plain FILE)"},
     {"zip", "jar"},
     "PK\x03\x04"sv},
    {{"a legacy Office document (.doc, .xls, .ppt)",
      "convert it to text first (soffice --headless --convert-to txt FILE)"},
     {"doc", "msg"},
     "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv},
    {{"an RTF document", "convert it to text first (pandoc -t plain FILE -o FILE.txt)"},
     {"rtf"},
     "{\\rtf"sv},
    {{"a gzip-compressed file", "decompress it first (gunzip FILE)"},
     {"gz", "tgz", "svgz"},
     "\x1F\x8B"sv},
    {{"a bzip2-compressed file", "decompress it first (bunzip2 FILE)"},
     {"bz2", "tbz2"},
     "BZh91AY&SY"sv},
    {{"an xz-compressed file", "decompress it first (unxz FILE)"},
     {"xz", "txz", "lzma"},
     "\xFD"
     "7zXZ\0"sv},
    {{"a zstd-compressed file", "decompress it first (unzstd FILE)"},
     {"zst"},
     "\x28\xB5\x2F\xFD"sv},
    {{"a 7-Zip archive", "unpack it first (7z x FILE)"}, {"7z"}, "7z\xBC\xAF\x27\x1C"sv},
    {{"a RAR archive", "unpack it first (unrar x FILE)"}, {"rar"}, "Rar!\x1A\x07"sv},
    {{"a tar archive", "unpack it first (tar xf FILE)"}, {"tar"}, ""sv},
    {{"a PNG image", "an image has no text to read"}, {"png"}, "\x89PNG\r\n\x1A\n"sv},
    {{"a JPEG image", "an image has no text to read"}, {"jpg", "jpeg"}, "\xFF\xD8\xFF"sv},
    {{"a GIF image", "an image has no text to read"}, {"gif"}, "GIF8"sv},
    {{"a WebP image", "an image has no text to read"}, {"webp"}, ""sv},
};

}  // namespace

const BinaryFormat* BinaryFormatOfName(const std::string& path) {
  const std::string ext = LowerExtension(path);
  if (ext.empty()) return nullptr;
  for (const Row& row : kRows)
    for (const char* e : row.extensions)
      if (ext == e) return &row.format;
  return nullptr;
}

const BinaryFormat* BinaryFormatOfBytes(string_view head) {
  for (const Row& row : kRows)
    if (!row.magic.empty() && head.substr(0, row.magic.size()) == row.magic) return &row.format;
  return nullptr;
}

std::string BinaryFormatMessage(const std::string& path, const BinaryFormat& format) {
  std::string hint = format.hint;  // Its FILE stands for the path.
  for (size_t at = hint.find("FILE"); at != std::string::npos;
       at = hint.find("FILE", at + path.size()))
    hint.replace(at, 4, path);
  return path + ": " + format.name + "; " + hint + "; kgx reads plain text, markdown and HTML";
}

}  // namespace kgx
