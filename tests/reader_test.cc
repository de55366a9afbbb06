#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include <unicode/unistr.h>

#include "extract/read/reader.h"

namespace {

kgx::Document Parse(const std::string& path, const std::string& bytes) {
  kgx::Document doc;
  kgx::Status s = kgx::ParseDocument(path, bytes, &doc);
  REQUIRE_MESSAGE(s.ok(), s.message());
  return doc;
}

// The original bytes that text[b, e) came from.
std::string Source(const kgx::Document& doc, size_t b, size_t e) {
  size_t rb = doc.text_map.Begin(b), re = doc.text_map.End(e);
  return doc.raw.substr(rb, re - rb);
}

}  // namespace

TEST_CASE("YAML front matter becomes metadata, not text") {
  const std::string md =
      "---\n"
      "title: \"日豪、重要鉱物で協力\"\n"
      "datetime: 2026-05-04T05:01:00Z\n"
      "locale: zh-HK\n"
      "url: https://example.com/a\n"
      "---\n"
      "Body line about [Japan](https://example.com/jp).\n";
  kgx::Document doc = Parse("a.md", md);
  CHECK(doc.format == kgx::Format::kMarkdown);
  CHECK(doc.meta.title == "日豪、重要鉱物で協力");
  CHECK(doc.meta.published == "2026-05-04T05:01:00Z");
  CHECK(doc.meta.locale == "zh-HK");
  CHECK(doc.meta.url == "https://example.com/a");
  CHECK(doc.text.find("datetime") == std::string::npos);
  CHECK(doc.text.find("https://") == std::string::npos);  // link target dropped
  size_t at = doc.text.find("Japan");
  REQUIRE(at != std::string::npos);
  CHECK(Source(doc, at, at + 5) == "Japan");  // offsets point into the file
}

TEST_CASE("HTML tags, scripts, styles, comments and entities are stripped") {
  const std::string html =
      "<!--1711898102000--><html lang=\"ja\"><head><title>T</title>"
      "<style>p{color:red}</style><script>var japan = 1;</script></head>"
      "<body><p>Australia&nbsp;&amp; Japan &#x65E5;&#26412;</p><div>second</div></body></html>";
  kgx::Document doc = Parse("a.txt", html);  // .txt holding HTML is sniffed
  CHECK(doc.format == kgx::Format::kHtml);
  CHECK(doc.meta.locale == "ja");
  CHECK(doc.meta.published.rfind("2024-03-31T15:15:02", 0) == 0);  // epoch ms comment
  CHECK(doc.text.find("color") == std::string::npos);
  CHECK(doc.text.find("var japan") == std::string::npos);
  CHECK(doc.text.find("<") == std::string::npos);
  CHECK(doc.text.find("Australia\u00a0& Japan 日本") != std::string::npos);
  CHECK(doc.text.find("second") != std::string::npos);
  size_t at = doc.text.find("&");
  CHECK(Source(doc, at, at + 1) == "&amp;");  // an entity maps to its source
  at = doc.text.find("日本");
  CHECK(Source(doc, at, at + 6) == "&#x65E5;&#26412;");
}

TEST_CASE("an HTML title closes in any case, within 4 KiB") {
  CHECK(Parse("t.html", "<html><head><TITLE>Japan &amp; Chile</Title></head><body><p>x</p></body></html>")
            .meta.title == "Japan & Chile");
  CHECK(Parse("t.html", "<title>A <b>bold</b> one</TITLE ><p>x</p>").meta.title == "A <b>bold</b> one");
  // No closing tag near: the title comes from the text instead.
  CHECK(Parse("t.html", "<title>" + std::string(5000, 'x') + "</title><p>Body line</p>")
            .meta.title.size() < 5000);
}

// Each opening used to search the rest of the file for its close (minutes
// for a few megabytes); a megabyte of each is read as the text it is.
TEST_CASE("runs of openings that never close are text, read in one pass") {
  const size_t kBytes = 1 << 20;
  struct Case {
    const char* path;
    const char* prefix;
    std::string unit;
    std::string text_unit;  // What each unit becomes in the text.
  };
  const Case cases[] = {
      {"f.txt", "", "[", "["},          {"f.txt", "", "[a](", "[a]("},
      {"f.txt", "", "![", "!["},        {"f.txt", "", "](", "]("},
      {"f.html", "<p>", "&", "&"},      {"f.html", "<p>", "&#", "&#"},
      {"f.html", "<p>", "&#x", "&#x"},  {"f.html", "<p>", "&a", "&a"},
      {"f.html", "<p>", "[", "["},      {"f.html", "<p>", "&amp;[", "&["},
      {"f.html", "<p>", "<", "<"},      {"f.html", "<p>", "<title>", ""},
      {"f.html", "<p>", "<!--", ""},    {"f.html", "<p>", "<script>", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    CAPTURE(c.unit);
    const size_t n = kBytes / c.unit.size();
    std::string bytes = c.prefix, text;
    for (size_t i = 0; i < n; ++i) bytes += c.unit, text += c.text_unit;
    CHECK(Parse(c.path, bytes).text == text);
  }
  // A link after the run still reads: its label runs from the first '['.
  const std::string run(kBytes, '[');
  CHECK(Parse("f.md", run + "Japan](https://x.jp) and").text == run.substr(1) + "Japan and");
  // A million unclosed tags are one message, not a million.
  std::string tags = "<p>";
  for (size_t i = 0; i < kBytes / 3; ++i) tags += "<a ";
  const kgx::Document doc = Parse("f.html", tags);
  CHECK(doc.text.empty());
  REQUIRE(doc.warnings.size() == 1);
  CHECK(doc.warnings[0] ==
        "unclosed HTML tag at byte 3 (and " + std::to_string(kBytes / 3 - 1) + " more after it)");
  // A long front-matter title that the body nearly repeats (a's, then b).
  const std::string title = std::string(100000, 'a') + "b";
  const kgx::Document md = Parse("f.md", "---\ntitle: " + title + "\n---\n" + std::string(kBytes, 'a'));
  CHECK(md.meta.title == title);
  CHECK(md.text == title + "\n" + std::string(kBytes, 'a'));
}

TEST_CASE(
    "a page names itself: og:title and the first h1 beat a boilerplate title; og:url, canonical") {
  kgx::Document d = Parse("p.html",
                          "<html><head><title>Site Logo Menu</title>"
                          "<meta property=\"og:title\" content=\"Peru, Korea sign copper pact\">"
                          "<meta property=\"og:url\" content=\"https://news.example/peru-korea\">"
                          "</head><body><h1>Other</h1><p>Text.</p></body></html>");
  CHECK(d.meta.title == "Peru, Korea sign copper pact");
  CHECK(d.meta.url == "https://news.example/peru-korea");
  d = Parse("q.html",
            "<html><head><title>Site Logo Menu</title>"
            "<link rel=\"canonical\" href=\"https://news.example/q\"></head>"
            "<body><h1>Peru and <em>Korea</em> sign</h1><p>Text.</p></body></html>");
  CHECK(d.meta.title == "Peru and Korea sign");
  CHECK(d.meta.url == "https://news.example/q");
  // A text file's chrome line in ASCII over a Japanese article.
  d = Parse(
      "r.txt",
      "Site Logo Menu opener\n\nペルーと韓国が銅で協力\n\n本文はここにある。両国は合意した。\n");
  CHECK(d.meta.title == "ペルーと韓国が銅で協力");
  // An English article keeps its first line.
  d = Parse("s.txt", "Peru and Korea sign copper pact\n\nThe two countries agreed.\n");
  CHECK(d.meta.title == "Peru and Korea sign copper pact");
}

TEST_CASE("a page's navigation, footer and side bars are not article text") {
  const std::string html =
      "<html><body><nav><a href='/cn'>China</a> <a href='/us'>United States</a></nav>"
      "<article><h1>Japan and Chile sign copper pact</h1><p>Body.</p></article>"
      "<aside><h3>Related</h3><a href='/x'>India, Peru agree</a></aside>"
      "<footer>&copy; 2025 Example News, Canada</footer></body></html>";
  kgx::Document doc = Parse("n.html", html);
  CHECK(doc.text.find("China") == std::string::npos);
  CHECK(doc.text.find("India") == std::string::npos);
  CHECK(doc.text.find("Canada") == std::string::npos);
  const size_t at = doc.text.find("Chile");
  REQUIRE(at != std::string::npos);
  CHECK(Source(doc, at, at + 5) == "Chile");
}

TEST_CASE("page furniture named by its class or id is not article text") {
  // A price ticker, a cookie notice, a share bar and a related box in the
  // press's own words; nested elements of the same name, comments and
  // scripts inside stay inside.
  const std::string html =
      "<html><body class='has-ads'>"
      "<div class=\"ticker\">Gold 3,248 dollars | <div>Brent 66.2</div> Kazakhstan index</div>"
      "<div id='cookie-consent'>We use cookies (Canada)</div>"
      "<div class=\"share top\"><!-- <div> --><script>var d='<div>';</script>Share on Mexico</div>"
      "<article><h1>Japan and Chile sign</h1><p>Peru joined.</p>"
      "<section class=\"leia-tambem\"><a>Brasil e Argentina assinam</a></section>"
      "<p class=\"teaser\">Norway watched.</p>"
      // A short common word is furniture only as a whole class name.
      "<div class=\"story-body no-ads\"><p>Ghana agreed.</p></div>"
      // A class word on an element that holds a story's paragraphs.
      "<div class=\"related-story\"><p>Mali one.</p><p>Mali two.</p><p>Mali three.</p></div>"
      "</article>"
      // A class word on an element never closed: its text is read.
      "<div class='rates'>Vietnam stays</body></html>";
  kgx::Document doc = Parse("f.html", html);
  for (const char* gone : {"Gold", "Brent", "Kazakhstan", "cookies", "Mexico", "Brasil"})
    CHECK_MESSAGE(doc.text.find(gone) == std::string::npos, gone);
  for (const char* kept : {"Chile", "Peru", "Norway", "Ghana", "Mali three", "Vietnam"})
    CHECK_MESSAGE(doc.text.find(kept) != std::string::npos, kept);
  const size_t at = doc.text.find("Peru");
  REQUIRE(at != std::string::npos);
  CHECK(Source(doc, at, at + 4) == "Peru");
}

TEST_CASE("a scraped page's publication time comes from its meta or time tags") {
  auto published = [](const std::string& head) {
    return Parse("p.html", "<html><head>" + head + "</head><body><p>Text.</p></body></html>")
        .meta.published;
  };
  CHECK(published("<meta property=\"article:published_time\" "
                  "content=\"2025-07-02T08:00:00+08:00\">") == "2025-07-02T08:00:00+08:00");
  CHECK(published("<META NAME='pubdate' CONTENT='2024-11-05'>") == "2024-11-05");
  CHECK(published("<meta itemprop=\"datePublished\" content=\"2023-01-09\">") == "2023-01-09");
  CHECK(published("</head><body><time itemprop=\"datePublished\" datetime=\"2022-06-30\">"
                  "30 June</time>") == "2022-06-30");
  // The first date wins; other metas and values that are no date do not count.
  CHECK(published("<meta name=\"date\" content=\"today\"><meta name=\"description\" "
                  "content=\"2021 review\"><meta name=\"dc.date\" content=\"2021-02-03\">"
                  "<meta name=\"pubdate\" content=\"2020-01-01\">") == "2021-02-03");
  CHECK(published("<meta name=\"keywords\" content=\"2025\">").empty());
}

TEST_CASE("broken input is reported, not fatal") {
  kgx::Document doc;
  kgx::Status s = kgx::ParseDocument("empty.txt", "", &doc);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("empty.txt") != std::string::npos);
  s = kgx::ParseDocument("bin.txt", std::string("ab\0cd", 5), &doc);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("bin.txt") != std::string::npos);
  // Mostly UTF-8 (日本 is valid) with broken bytes: replaced and reported.
  kgx::Document bad = Parse("bad.txt", "日本 Japan \xff\xfe ok");
  CHECK(bad.text == "日本 Japan \xEF\xBF\xBD\xEF\xBF\xBD ok");
  CHECK(bad.charset.empty());
  REQUIRE_FALSE(bad.warnings.empty());
  CHECK(bad.warnings[0] == "invalid UTF-8 at byte 13, replaced with U+FFFD");
  CHECK(Parse("broken.html", "<p>Japan <b>and <i>Chile").text.find("Japan and Chile") !=
        std::string::npos);
}

TEST_CASE("reading a missing file names it") {
  kgx::Document doc;
  kgx::Status s = kgx::ReadDocument("/nonexistent/x.txt", kgx::ReadOptions(), &doc);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("/nonexistent/x.txt") != std::string::npos);
}

namespace {

// Decodes raw[b, e) from `charset` with ICU.
std::string Decode(const std::string& raw, size_t b, size_t e, const std::string& charset) {
  icu::UnicodeString u(raw.data() + b, static_cast<int32_t>(e - b), charset.c_str());
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

TEST_CASE("other encodings are detected, converted, and offsets still point into the file") {
  struct Case {
    const char* file;
    const char* charset;
    const char* word;
  };
  const Case cases[] = {{"ja-shift-jis.txt", "Shift_JIS", "オーストラリア"},
                        {"ja-euc-jp.txt", "EUC-JP", "オーストラリア"},
                        {"ja-meta-charset.html", "Shift_JIS", "リチウム"},
                        {"zh-gb18030.txt", "GB18030", "澳大利亚"},
                        {"zh-big5.txt", "Big5", "澳洲"},
                        {"en-utf16le.txt", "UTF-16LE", "Australia"},
                        {"fr-latin1.txt", "ISO-8859-1", "signé"}};
  for (const Case& c : cases) {
    CAPTURE(c.file);
    const std::string path = std::string(KGX_TEST_DATA_DIR) + "/encodings/" + c.file;
    kgx::Document doc;
    REQUIRE(kgx::ReadDocument(path, kgx::ReadOptions(), &doc).ok());
    CHECK(doc.charset == c.charset);
    const size_t at = doc.text.find(c.word);
    REQUIRE(at != std::string::npos);
    // text -> converted UTF-8 -> original bytes, which decode to the word.
    const size_t sb = doc.text_map.Begin(at), se = doc.text_map.End(at + std::strlen(c.word));
    size_t rb, re;
    doc.SourceToRaw(sb, se, &rb, &re);
    CHECK(Decode(doc.raw, rb, re, c.charset) == c.word);
  }
}
