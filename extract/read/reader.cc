#include "extract/read/reader.h"

#include <re2/re2.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <boost/algorithm/searching/knuth_morris_pratt.hpp>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <string_view>

#include "base/strings.h"  // LowerExtension, StartsWith
#include "base/utf8.h"
#include "extract/read/binary_format.h"
#include "extract/read/file_io.h"

namespace kgx {
namespace {

using std::string_view;

bool StartsWithNoCase(string_view s, size_t pos, string_view prefix) {
  return s.size() >= pos + prefix.size() && EqualsAsciiNoCase(s.substr(pos, prefix.size()), prefix);
}

std::string Lower(string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Builds the content text and its map to the raw bytes.
class TextBuilder {
 public:
  TextBuilder(string_view raw, bool raw_is_valid_utf8)
      : raw_(raw), valid_(raw_is_valid_utf8) {}

  // Copies raw[b, e) verbatim, replacing invalid UTF-8 with U+FFFD.
  void Copy(size_t b, size_t e) {
    if (e <= b) return;
    if (valid_) {
      out_.append(raw_.data() + b, e - b);
      map_.AppendIdentity(b, e - b);
      return;
    }
    size_t i = b;
    while (i < e) {
      size_t start = i;
      int32_t pos = static_cast<int32_t>(i);
      UChar32 c;
      U8_NEXT(raw_.data(), pos, static_cast<int32_t>(e), c);
      i = static_cast<size_t>(pos);
      if (c < 0) {
        Emit("\xEF\xBF\xBD", start, i - start);
      } else {
        out_.append(raw_.data() + start, i - start);
        map_.AppendIdentity(start, i - start);
      }
    }
  }

  // Appends text that stands for raw[in_b, in_b + in_len).
  void Emit(string_view text, size_t in_b, size_t in_len) {
    out_.append(text);
    map_.Append(text.size(), in_b, in_len, false);
  }

  // Appends a newline standing for raw[in_b, in_b+in_len), once per break.
  void Break(size_t in_b, size_t in_len) {
    if (!out_.empty() && out_.back() != '\n') Emit("\n", in_b, in_len);
  }

  void AppendBuilder(const TextBuilder& other) {
    out_.append(other.out_);
    for (const auto& p : other.map_.pieces())
      map_.Append(p.out_len, p.in_begin, p.in_len, p.identity);
  }

  const std::string& text() const { return out_; }
  std::string& mutable_text() { return out_; }
  OffsetMap& map() { return map_; }

 private:
  string_view raw_;
  bool valid_;
  std::string out_;
  OffsetMap map_;
};

bool IsUrlByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  if (u >= 0x80 || u <= ' ') return false;
  return std::strchr("<>\"')]", c) == nullptr;
}

// The next `c` in raw[from, end), or `end` when there is none. Every scan
// of the reader is bounded by the run it is in, and this one also remembers
// its answer: while the queries move forward and have not passed it, it is
// still right, so a run of openings that never close ("[[[[...", "[a](" a
// million times) costs one pass, not one pass per opening.
class NextByte {
 public:
  NextByte(string_view raw, size_t end, char c) : raw_(raw), end_(end), c_(c) {}
  size_t From(size_t from) {
    if (from < asked_ || from > next_) {
      const size_t at = from < end_ ? raw_.substr(0, end_).find(c_, from) : string_view::npos;
      next_ = at == string_view::npos ? end_ : at;
    }
    asked_ = from;
    return next_;
  }

 private:
  string_view raw_;
  size_t end_;
  char c_;
  size_t asked_ = string_view::npos;  // No answer yet: the first query searches.
  size_t next_ = 0;
};

// Copies a run of content text, turning [label](url) into label and
// dropping bare URLs. A link lies on one line, inside the run.
void CopyRun(string_view raw, size_t b, size_t e, TextBuilder* out) {
  NextByte next_close(raw, e, ']'), next_newline(raw, e, '\n'), next_paren(raw, e, ')');
  size_t copy_from = b;
  size_t i = b;
  while (i < e) {
    char c = raw[i];
    if (c == '[') {
      const size_t close = next_close.From(i + 1);
      const size_t nl = next_newline.From(i + 1);
      if (close + 1 < e && close < nl && raw[close + 1] == '(') {
        const size_t paren = next_paren.From(close + 2);
        if (paren < nl) {
          size_t label_from = (i > copy_from && raw[i - 1] == '!') ? i - 1 : i;
          out->Copy(copy_from, label_from);
          out->Copy(i + 1, close);
          i = copy_from = paren + 1;
          continue;
        }
      }
    } else if ((c == 'h' && (StartsWith(raw.substr(i, 8), "https://") ||
                             StartsWith(raw.substr(i, 7), "http://"))) ||
               (c == 'w' && StartsWith(raw.substr(i, 4), "www.") &&
                (i == b || !std::isalnum(static_cast<unsigned char>(raw[i - 1]))))) {
      out->Copy(copy_from, i);
      while (i < e && IsUrlByte(raw[i])) ++i;
      copy_from = i;
      continue;
    }
    ++i;
  }
  out->Copy(copy_from, e);
}

struct Entity {
  const char* name;
  const char* utf8;
};

// Named entities seen in scraped news; numeric references cover the rest.
constexpr Entity kEntities[] = {
    {"amp", "&"},       {"lt", "<"},        {"gt", ">"},         {"quot", "\""},
    {"apos", "'"},      {"nbsp", "\xC2\xA0"}, {"ensp", " "},     {"emsp", " "},
    {"thinsp", " "},    {"ndash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"},
    {"hellip", "\xE2\x80\xA6"}, {"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"},
    {"ldquo", "\xE2\x80\x9C"}, {"rdquo", "\xE2\x80\x9D"}, {"laquo", "\xC2\xAB"},
    {"raquo", "\xC2\xBB"}, {"middot", "\xC2\xB7"}, {"bull", "\xE2\x80\xA2"},
    {"copy", "\xC2\xA9"}, {"reg", "\xC2\xAE"},  {"trade", "\xE2\x84\xA2"},
    {"deg", "\xC2\xB0"},  {"yen", "\xC2\xA5"},  {"euro", "\xE2\x82\xAC"},
    {"pound", "\xC2\xA3"}, {"cent", "\xC2\xA2"}, {"times", "\xC3\x97"},
    {"eacute", "\xC3\xA9"}, {"egrave", "\xC3\xA8"}, {"agrave", "\xC3\xA0"},
    {"ccedil", "\xC3\xA7"}, {"ouml", "\xC3\xB6"}, {"uuml", "\xC3\xBC"},
    {"auml", "\xC3\xA4"}, {"szlig", "\xC3\x9F"}, {"ntilde", "\xC3\xB1"},
};

// Decodes the entity at raw[i] == '&'. Returns its length, 0 if none.
size_t DecodeEntity(string_view raw, size_t i, size_t e, std::string* out) {
  // No entity is longer than 12 bytes: look no further for its ';' (a run of
  // '&' must not search the rest of the file for each).
  const size_t semi = raw.substr(0, std::min(e, i + 13)).find(';', i + 1);
  if (semi == string_view::npos) return 0;
  string_view body = raw.substr(i + 1, semi - i - 1);
  if (body.empty()) return 0;
  if (body[0] == '#') {
    long value = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char d : digits) {
      int v = std::isdigit(static_cast<unsigned char>(d)) ? d - '0'
              : (hex && std::isxdigit(static_cast<unsigned char>(d)))
                  ? std::tolower(static_cast<unsigned char>(d)) - 'a' + 10
                  : -1;
      if (v < 0) return 0;
      value = value * (hex ? 16 : 10) + v;
      if (value > 0x10FFFF) value = 0x110000;
    }
    bool bad = value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF);
    AppendUtf8(bad ? 0xFFFD : static_cast<UChar32>(value), out);
    return semi - i + 1;
  }
  for (const Entity& ent : kEntities) {
    if (body == ent.name) {
      out->append(ent.utf8);
      return semi - i + 1;
    }
  }
  return 0;
}

// Copies a run of HTML text, decoding entities.
void CopyHtmlRun(string_view raw, size_t b, size_t e, TextBuilder* out) {
  size_t from = b;
  for (size_t i = b; i < e; ++i) {
    if (raw[i] != '&') continue;
    std::string decoded;
    size_t len = DecodeEntity(raw, i, e, &decoded);
    if (len == 0) continue;
    CopyRun(raw, from, i, out);
    out->Emit(decoded, i, len);
    i += len - 1;
    from = i + 1;
  }
  CopyRun(raw, from, e, out);
}

bool IsBlockTag(const std::string& name) {
  static const char* const kBlock[] = {
      "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
      "tr", "td", "th", "table", "hr", "section", "article", "header", "footer",
      "blockquote", "title", "pre", "dd", "dt", "dl", "figcaption", "nav", "aside",
      "main", "body", "html", "head"};
  for (const char* t : kBlock)
    if (name == t) return true;
  return false;
}

// Elements whose body is skipped: code and media, and a page's navigation,
// footer and side bars (menus naming "China", "United States", copyright
// lines, related-story lists), which are not the article.
bool IsRawTextTag(const std::string& name) {
  return name == "script" || name == "style" || name == "noscript" ||
         name == "template" || name == "iframe" || name == "svg" || name == "nav" ||
         name == "footer" || name == "aside";
}

// Elements that wrap a whole page or story: a class word on them ("has-ads",
// "article social") says nothing of their text.
bool IsContainerTag(const std::string& name) {
  return name == "html" || name == "head" || name == "body" || name == "main" || name == "article";
}

// Page furniture that a class or id names: price and rate tickers, cookie
// and consent notices, share and social bars, breadcrumbs, menus, related
// and "read also" boxes in each press's words, newsletter and ad slots. A
// ticker's "Gold 3,248 dollars" is no amount the article reports; a related
// box's headlines are other articles. Distinctive words are matched against
// a whole class name or one of its parts split at '-' and '_'
// ("cookie-banner", "related_news"); short, common ones only against a whole
// name ("share", "ads": "no-ads" and "share-this-story" may wrap a story).
bool IsBoilerplateName(string_view value) {
  static const char* const kPartWords[] = {
      "ticker",         "cookie",       "cookies",    "consent",       "gdpr",        "lgpd",
      "breadcrumb",     "breadcrumbs",  "sharebar",   "navbar",        "topnav",      "related",
      "relacionadas",   "relacionados", "correlati",  "terkait",       "leia-tambem", "baca-juga",
      "mehr-zum-thema", "lire-aussi",   "newsletter", "advertisement", "sponsored"};
  static const char* const kWholeWords[] = {
      "rates", "crumb", "share",     "partage", "teilen", "compartir", "chia-se", "social",
      "menu",  "gnb",   "subscribe", "advert",  "ad",     "ads",       "promo",   "copyright"};
  auto in = [](string_view w, const auto& words) {
    for (const char* k : words)
      if (EqualsAsciiNoCase(w, k)) return true;
    return false;
  };
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
    size_t end = i;
    while (end < value.size() && !std::isspace(static_cast<unsigned char>(value[end]))) ++end;
    const string_view name = value.substr(i, end - i);
    if (!name.empty() && (in(name, kPartWords) || in(name, kWholeWords))) return true;
    for (size_t p = 0; p < name.size();) {
      size_t q = name.find_first_of("-_", p);
      if (q == string_view::npos) q = name.size();
      if (q > p && in(name.substr(p, q - p), kPartWords)) return true;
      p = q + 1;
    }
    i = end;
  }
  return false;
}

std::string EpochMillisToIso(long long ms) {
  time_t secs = static_cast<time_t>(ms / 1000);
  struct tm tm_utc;
  if (gmtime_r(&secs, &tm_utc) == nullptr) return "";
  char buf[32];
  strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm_utc);
  return buf;
}

// Finds attribute `attr` in a tag's text; returns its value or "".
std::string TagAttribute(string_view tag, const char* attr) {
  std::string lower = Lower(tag);
  std::string key = std::string(" ") + attr + "=";
  size_t p = lower.find(key);
  if (p == std::string::npos) return "";
  p += key.size();
  if (p >= tag.size()) return "";
  char q = tag[p];
  if (q == '"' || q == '\'') {
    size_t end = tag.find(q, p + 1);
    if (end == string_view::npos) return "";
    return std::string(tag.substr(p + 1, end - p - 1));
  }
  size_t end = p;
  while (end < tag.size() && !std::isspace(static_cast<unsigned char>(tag[end])) &&
         tag[end] != '>')
    ++end;
  return std::string(tag.substr(p, end - p));
}

// The publication time a scraped page states in its head or article:
// <meta property="article:published_time" content="2025-07-02T08:00:00+08:00">
// (Open Graph), name="pubdate", itemprop="datePublished" (schema.org),
// Dublin Core, or <time itemprop="datePublished" datetime="...">. Only a
// value that starts with a year counts ("date" also names other things);
// "" if none.
std::string PublishedFromTag(const std::string& name, string_view tag) {
  static const char* const kKeys[] = {"article:published_time", "og:published_time",
                                      "datepublished", "pubdate", "publishdate", "publish-date",
                                      "publication_date", "date", "dc.date", "dc.date.issued",
                                      "dcterms.issued", "dcterms.created", "sailthru.date",
                                      "parsely-pub-date"};
  std::string value;
  if (name == "time") {
    if (Lower(TagAttribute(tag, "itemprop")) == "datepublished" ||
        Lower(tag).find(" pubdate") != std::string::npos)
      value = TagAttribute(tag, "datetime");
  } else {
    for (const char* attr : {"property", "name", "itemprop"}) {
      const std::string key = Lower(TagAttribute(tag, attr));
      if (!key.empty() && std::find(std::begin(kKeys), std::end(kKeys), key) != std::end(kKeys)) {
        value = TagAttribute(tag, "content");
        break;
      }
    }
  }
  const bool year = value.size() >= 4 && std::all_of(value.begin(), value.begin() + 4, [](char c) {
                      return std::isdigit(static_cast<unsigned char>(c));
                    });
  return year ? value : "";
}

// What StripHtml gathers for the document's title: the page's <title>, its
// og:title and its first <h1>.
struct HtmlTitles {
  std::string title, og_title, h1;
  size_t title_searched_to = 0;  // Where a window without "</title" ended.
};

// The end of a comment that starts at raw[i] ("<!--"), past its "-->" (or
// `e`, with a warning); the epoch milliseconds an RSS scrape writes there
// become the publication time.
size_t ReadComment(string_view raw, size_t i, size_t e, Document* doc) {
  const string_view html = raw.substr(0, e);
  size_t end = html.find("-->", i + 4);
  if (end == string_view::npos) {
    doc->warnings.push_back("unclosed HTML comment at byte " + std::to_string(i));
    return e;
  }
  string_view body = raw.substr(i + 4, end - i - 4);
  if (doc->meta.published.empty() && body.size() == 13 &&
      std::all_of(body.begin(), body.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    doc->meta.published = EpochMillisToIso(std::stoll(std::string(body)));
  }
  return end + 3;
}

// Where the tag whose name starts at raw[name_at] ends: its '>' (quoted
// attribute values skipped), or where it breaks off (a new '<' or `e`).
size_t TagEnd(string_view raw, size_t name_at, size_t e) {
  size_t j = name_at;
  char quote = 0;
  while (j < e && (quote != 0 || raw[j] != '>')) {
    if (quote != 0) {
      if (raw[j] == quote) quote = 0;
    } else if ((raw[j] == '"' || raw[j] == '\'') && j > name_at && raw[j - 1] == '=') {
      quote = raw[j];
    } else if (raw[j] == '<' && j > name_at) {
      break;  // Broken tag: a new one starts before this one closed.
    }
    ++j;
  }
  return j;
}

// What an opening tag tells of the document: <html lang>, the publication
// date of <meta> and <time>, and the page's own name for itself (Open
// Graph's title and URL, the canonical link; a page's <title> is often the
// site's chrome).
void ReadHeadTag(const std::string& name, string_view tag, Document* doc, HtmlTitles* titles) {
  if (name == "html" && doc->meta.locale.empty()) doc->meta.locale = TagAttribute(tag, "lang");
  if ((name == "meta" || name == "time") && doc->meta.published.empty())
    doc->meta.published = PublishedFromTag(name, tag);
  if (name == "meta" || name == "link") {
    const std::string key = Lower(TagAttribute(tag, name == "meta" ? "property" : "rel"));
    if (key == "og:title" && titles->og_title.empty())
      titles->og_title = TagAttribute(tag, "content");
    if (key == "og:url" && doc->meta.url.empty()) doc->meta.url = TagAttribute(tag, "content");
    if (key == "canonical" && doc->meta.url.empty()) doc->meta.url = TagAttribute(tag, "href");
  }
}

// The first heading's text from raw[from], its inner tags dropped, within
// 4 KiB.
std::string HeadingText(string_view raw, size_t from, size_t e) {
  const string_view window = raw.substr(from, std::min<size_t>(e - from, 4096));
  std::string h1;
  bool in_tag = false;
  for (size_t k = 0; k < window.size(); ++k) {
    if (window[k] == '<' && StartsWithNoCase(window, k + 1, "/h1")) break;
    if (window[k] == '<')
      in_tag = true;
    else if (window[k] == '>')
      in_tag = false;
    else if (!in_tag)
      h1 += window[k] == '\n' ? ' ' : window[k];
  }
  return h1;
}

// The end of a raw-text element (<script>, <style>...) whose body starts at
// raw[from]: past its closing tag, or `e`.
size_t RawTextEnd(string_view raw, const std::string& name, size_t from, size_t e) {
  const string_view html = raw.substr(0, e);
  size_t k = from;
  size_t close = string_view::npos;
  while (k < e) {
    size_t lt = html.find("</", k);
    if (lt == string_view::npos) break;
    if (StartsWithNoCase(raw, lt + 2, name)) {
      close = lt;
      break;
    }
    k = lt + 2;
  }
  if (close == string_view::npos) return e;
  size_t gt = html.find('>', close);
  return gt == string_view::npos ? e : gt + 1;
}

// The end of the element `name` whose body starts at raw[from], past the
// close that matches it (elements of the same name nested inside are
// counted; comments, scripts and styles are stepped over), or npos when it is
// never closed before `e` or holds three paragraphs or more (a story's
// wrapper, whatever its class says).
size_t ElementEnd(string_view raw, const std::string& name, size_t from, size_t e) {
  const string_view html = raw.substr(0, e);
  size_t depth = 1, paragraphs = 0;
  for (size_t k = html.find('<', from); k != string_view::npos; k = html.find('<', k + 1)) {
    if (StartsWithNoCase(html, k, "<!--")) {
      const size_t close = html.find("-->", k + 4);
      if (close == string_view::npos) return string_view::npos;
      k = close + 2;
      continue;
    }
    const bool close = k + 1 < e && raw[k + 1] == '/';
    const size_t at = k + (close ? 2 : 1);
    if (!close && (StartsWithNoCase(html, at, "script") || StartsWithNoCase(html, at, "style"))) {
      k = RawTextEnd(raw, StartsWithNoCase(html, at, "script") ? "script" : "style", at, e);
      if (k >= e) return string_view::npos;
      --k;  // The loop looks for the next '<' from k + 1.
      continue;
    }
    if (!close && StartsWithNoCase(html, at, "p") && at + 1 < e &&
        (raw[at + 1] == '>' || raw[at + 1] == ' ') && ++paragraphs >= 3)
      return string_view::npos;
    if (!StartsWithNoCase(html, at, name)) continue;
    const size_t after = at + name.size();
    if (after < e && (std::isalnum(static_cast<unsigned char>(raw[after])) || raw[after] == '-'))
      continue;  // <divider> is not <div>.
    if (!close) {
      ++depth;
      continue;
    }
    if (--depth == 0) {
      const size_t gt = html.find('>', after);
      return gt == string_view::npos ? e : gt + 1;
    }
  }
  return string_view::npos;
}

// The <title> whose text starts at raw[from]: up to the first "</title" in
// any case within 4 KiB (without a lower-cased copy).
void ReadTitle(string_view raw, size_t from, size_t e, HtmlTitles* titles) {
  const string_view window = raw.substr(from, std::min<size_t>(e - from, 4096));
  // Bytes an earlier window held no "</title" in are not searched again
  // (but for a close it may have cut): a run of <title> is one pass.
  const size_t seen =
      titles->title_searched_to > from + 7 ? titles->title_searched_to - from - 7 : 0;
  size_t close = string_view::npos;
  for (size_t lt = window.find("</", seen); lt != string_view::npos;
       lt = window.find("</", lt + 1))
    if (StartsWithNoCase(window, lt + 2, "title")) {
      close = lt;
      break;
    }
  if (close != string_view::npos) {
    titles->title = std::string(raw.substr(from, close));
  } else {
    titles->title_searched_to = from + window.size();
  }
}

// The document's title, unless it has one: the headline beats the <title>
// (og:title, else the first <h1>), its entities decoded.
void SetTitle(const HtmlTitles& titles, Document* doc) {
  auto trimmed = [](std::string t) {
    const size_t b = t.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return std::string();
    return t.substr(b, t.find_last_not_of(" \t\r\n") - b + 1);
  };
  std::string title = titles.title;
  if (!trimmed(titles.og_title).empty())
    title = trimmed(titles.og_title);
  else if (!trimmed(titles.h1).empty())
    title = trimmed(titles.h1);
  if (!doc->meta.title.empty() || title.empty()) return;
  std::string decoded;
  for (size_t k = 0; k < title.size(); ++k) {
    if (title[k] == '&') {
      size_t len = DecodeEntity(title, k, title.size(), &decoded);
      if (len > 0) {
        k += len - 1;
        continue;
      }
    }
    decoded.push_back(title[k]);
  }
  doc->meta.title = decoded;
}

void StripHtml(string_view raw, size_t b, size_t e, Document* doc,
               TextBuilder* out) {
  // Every search stays inside raw[b, e).
  size_t text_from = b;
  size_t i = b;
  HtmlTitles titles;
  // One message for all the unclosed tags, not one line each.
  size_t unclosed_tags = 0, first_unclosed = 0;
  // Element name -> where the last failed search for its furniture's close
  // ended (see below).
  std::map<std::string, size_t> unclosed_furniture;
  while (i < e) {
    if (raw[i] != '<') {
      ++i;
      continue;
    }
    // A comment, a declaration or a tag starts here; text before it is content.
    if (StartsWith(raw.substr(i, 4), "<!--")) {
      const size_t end = ReadComment(raw, i, e, doc);
      CopyHtmlRun(raw, text_from, i, out);
      out->Break(i, end - i);
      i = text_from = end;
      continue;
    }
    size_t name_at = i + 1;
    bool closing = name_at < e && raw[name_at] == '/';
    if (closing) ++name_at;
    bool decl = name_at < e && (raw[name_at] == '!' || raw[name_at] == '?');
    if (!decl && (name_at >= e || !std::isalpha(static_cast<unsigned char>(raw[name_at])))) {
      ++i;  // A lone '<' is text.
      continue;
    }
    const size_t j = TagEnd(raw, name_at, e);
    if (j >= e || raw[j] != '>') {
      // Unclosed tag: drop it up to where the next tag starts.
      CopyHtmlRun(raw, text_from, i, out);
      if (unclosed_tags++ == 0) first_unclosed = i;
      i = text_from = j;
      continue;
    }
    size_t tag_end = j + 1;
    size_t n = name_at;
    while (n < j && (std::isalnum(static_cast<unsigned char>(raw[n])) || raw[n] == '-')) ++n;
    std::string name = Lower(raw.substr(name_at, n - name_at));
    CopyHtmlRun(raw, text_from, i, out);
    if (!closing) ReadHeadTag(name, raw.substr(i, tag_end - i), doc, &titles);
    if (!closing && name == "h1" && titles.h1.empty()) titles.h1 = HeadingText(raw, tag_end, e);
    if (!closing && IsRawTextTag(name)) {
      // Skip the element's body up to its closing tag.
      const size_t end = RawTextEnd(raw, name, tag_end, e);
      out->Break(i, end - i);
      i = text_from = end;
      continue;
    }
    if (!closing && raw[j - 1] != '/' && !IsContainerTag(name)) {
      // Page furniture named by its class or id, up to its matching close.
      // An element never closed, longer than furniture is (16 KiB) or
      // holding a story's paragraphs is read. Where one such search of an
      // element name failed, the same name is not searched again inside the
      // bytes that search read: a run of unclosed furniture tags costs one
      // pass, not one 16 KiB search per tag.
      const string_view tag = raw.substr(i, tag_end - i);
      const bool attributes = tag.find('=') != string_view::npos;
      if (attributes && (IsBoilerplateName(TagAttribute(tag, "class")) ||
                         IsBoilerplateName(TagAttribute(tag, "id")))) {
        size_t& searched = unclosed_furniture[name];
        const size_t window = std::min(e, tag_end + 16384);
        const size_t end =
            tag_end >= searched ? ElementEnd(raw, name, tag_end, window) : string_view::npos;
        if (end != string_view::npos) {
          out->Break(i, end - i);
          i = text_from = end;
          continue;
        }
        if (tag_end >= searched) searched = window;
      }
    }
    if (!closing && name == "title" && titles.title.empty()) ReadTitle(raw, tag_end, e, &titles);
    if (IsBlockTag(name)) out->Break(i, tag_end - i);
    i = text_from = tag_end;
  }
  CopyHtmlRun(raw, text_from, e, out);
  if (unclosed_tags > 0)
    doc->warnings.push_back("unclosed HTML tag at byte " + std::to_string(first_unclosed) +
                            (unclosed_tags > 1
                                 ? " (and " + std::to_string(unclosed_tags - 1) + " more after it)"
                                 : std::string()));
  SetTitle(titles, doc);
}

// A scalar from front matter, with where its text lies in the raw bytes.
struct FrontValue {
  std::string value;
  size_t begin = 0;
  size_t end = 0;
  bool verbatim = true;  // value == raw[begin, end)
};

// Parses a flat YAML mapping "key: value" per line; nested and list lines are
// ignored. Returns false when the block does not look like front matter.
bool ParseFrontMatter(string_view raw, size_t b, size_t e,
                      std::vector<std::pair<std::string, FrontValue>>* out) {
  size_t line = b;
  while (line < e) {
    size_t nl = raw.find('\n', line);
    if (nl == string_view::npos || nl > e) nl = e;
    string_view text = raw.substr(line, nl - line);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    size_t colon = text.find(':');
    if (!text.empty() && !std::isspace(static_cast<unsigned char>(text[0])) &&
        text[0] != '-' && text[0] != '#' && colon != string_view::npos) {
      std::string key = Lower(text.substr(0, colon));
      size_t v = colon + 1;
      while (v < text.size() && text[v] == ' ') ++v;
      size_t ve = text.size();
      while (ve > v && std::isspace(static_cast<unsigned char>(text[ve - 1]))) --ve;
      FrontValue fv;
      if (ve > v && (text[v] == '"' || text[v] == '\'') && text[ve - 1] == text[v] && ve - v >= 2) {
        char q = text[v];
        std::string value;
        for (size_t k = v + 1; k + 1 < ve; ++k) {
          if (q == '"' && text[k] == '\\' && k + 2 < ve) {
            char n = text[++k];
            value.push_back(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            fv.verbatim = false;
          } else if (q == '\'' && text[k] == '\'' && k + 2 < ve && text[k + 1] == '\'') {
            value.push_back('\'');
            ++k;
            fv.verbatim = false;
          } else {
            value.push_back(text[k]);
          }
        }
        fv.value = value;
        fv.begin = line + v + 1;
        fv.end = line + ve - 1;
      } else {
        fv.value = std::string(text.substr(v, ve - v));
        fv.begin = line + v;
        fv.end = line + ve;
      }
      out->emplace_back(key, fv);
    }
    line = nl + 1;
  }
  return true;
}

// The encoding of a file that is not UTF-8: a byte-order mark, an HTML
// <meta charset>, then ICU's CharsetDetector. "" means UTF-8 (or binary,
// which the caller reports).
std::string DetectCharset(string_view raw) {
  if (StartsWith(raw, "\xFF\xFE")) return "UTF-16LE";
  if (StartsWith(raw, "\xFE\xFF")) return "UTF-16BE";
  if (StartsWith(raw, "\xEF\xBB\xBF")) return "";
  if (raw.find('\0') != string_view::npos) return "";
  // Mostly UTF-8 with a few broken bytes stays UTF-8 (the bytes are
  // replaced and reported); a file whose every non-ASCII byte is invalid
  // UTF-8 is in a legacy encoding.
  size_t valid_multibyte = 0, invalid = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(std::min<size_t>(raw.size(), 1 << 20)); i < n;) {
    if (static_cast<unsigned char>(raw[static_cast<size_t>(i)]) < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(raw.data(), i, n, c);
    if (c < 0) ++invalid;
    else ++valid_multibyte;
  }
  if (invalid == 0 || valid_multibyte >= invalid) return "";
  static const re2::RE2 kMeta("(?i)<meta[^>]*charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)");
  std::string declared;
  if (re2::RE2::PartialMatch(re2::StringPiece(raw.data(), std::min<size_t>(raw.size(), 4096)),
                             kMeta, &declared)) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(declared.c_str(), &status);
    if (U_SUCCESS(status) && conv != nullptr) {
      ucnv_close(conv);
      std::string lower = Lower(declared);
      if (lower != "utf-8" && lower != "utf8") return declared;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  std::string name;
  if (U_SUCCESS(status)) {
    ucsdet_setText(det, raw.data(), static_cast<int32_t>(std::min<size_t>(raw.size(), 1 << 16)),
                   &status);
    const UCharsetMatch* match = ucsdet_detect(det, &status);
    if (U_SUCCESS(status) && match != nullptr && ucsdet_getConfidence(match, &status) >= 10)
      name = ucsdet_getName(match, &status);
    ucsdet_close(det);
  }
  if (name.empty()) name = "windows-1252";  // Every byte means something there.
  if (Lower(name) == "utf-8") return "";
  return name;
}

// Converts `raw` from `charset` to UTF-8 with a map back to the raw bytes.
bool ConvertToUtf8(string_view raw, const std::string& charset, std::string* out, OffsetMap* map) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || conv == nullptr) return false;
  std::vector<UChar> u16(raw.size() + 16);
  std::vector<int32_t> offsets(raw.size() + 16, -1);
  UChar* target = u16.data();
  const char* source = raw.data();
  ucnv_toUnicode(conv, &target, u16.data() + u16.size(), &source, raw.data() + raw.size(),
                 offsets.data(), true, &status);
  ucnv_close(conv);
  if (U_FAILURE(status)) return false;
  const int32_t n = static_cast<int32_t>(target - u16.data());
  out->clear();
  *map = OffsetMap();
  size_t last_end = 0;
  // The first unit at or after `i` whose source offset ICU knows (or n):
  // found once for a run of unknown ones, not again for each unit in it.
  int32_t known = 0;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U16_NEXT(u16.data(), i, n, c);
    size_t begin = offsets[static_cast<size_t>(start)] >= 0
                       ? static_cast<size_t>(offsets[static_cast<size_t>(start)]) : last_end;
    if (known < i) known = i;
    while (known < n && offsets[static_cast<size_t>(known)] < 0) ++known;
    size_t end = known < n ? static_cast<size_t>(offsets[static_cast<size_t>(known)]) : raw.size();
    if (end < begin) end = begin;
    const size_t before = out->size();
    AppendUtf8(c, out);
    map->Append(out->size() - before, begin, end - begin, false);
    last_end = end;
  }
  return true;
}

bool LooksLikeHtml(string_view raw) {
  static const re2::RE2 kTag(
      "(?i)</?(p|div|br|span|a|img|strong|em|html|body|head|table|tr|td|li|ul|ol|"
      "h[1-6]|section|article|script|style|meta|link)\\b[^<>]*>");
  re2::StringPiece input(raw.data(), std::min<size_t>(raw.size(), 65536));
  int count = 0;
  while (count < 3 && re2::RE2::FindAndConsume(&input, kTag)) ++count;
  return count >= 3;
}

// YAML front matter at raw[body]: "---" on the first line, closed by "---"
// or "...". Its values go to *front; returns where the body starts (past
// it, or `body` when there is none or it is never closed).
size_t ReadFrontMatter(string_view raw, size_t body, Document* doc,
                       std::vector<std::pair<std::string, FrontValue>>* front) {
  if (!StartsWith(raw.substr(body), "---\n") && !StartsWith(raw.substr(body), "---\r\n"))
    return body;
  size_t start = raw.find('\n', body) + 1;
  size_t pos = start;
  while (pos < raw.size()) {
    size_t nl = raw.find('\n', pos);
    if (nl == string_view::npos) nl = raw.size();
    string_view line = raw.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---" || line == "...") {
      ParseFrontMatter(raw, start, pos, front);
      body = std::min(nl + 1, raw.size());
      break;
    }
    pos = nl + 1;
  }
  if (body < start) doc->warnings.push_back("front matter is never closed; read as text");
  return body;
}

// The metadata front matter gives; *title and *description point at the
// values that are also part of the text.
void ApplyFrontMatter(const std::vector<std::pair<std::string, FrontValue>>& front, Document* doc,
                      const FrontValue** title, const FrontValue** description) {
  for (const auto& [key, fv] : front) {
    if (key == "title") *title = &fv, doc->meta.title = fv.value;
    else if (key == "description" || key == "summary") *description = &fv, doc->meta.description = fv.value;
    else if (key == "datetime" || key == "date" || key == "published" || key == "pubdate")
      doc->meta.published = fv.value;
    else if (key == "locale" || key == "lang" || key == "language") doc->meta.locale = fv.value;
    else if (key == "url" || key == "link" || key == "source_url") doc->meta.url = fv.value;
  }
}

// The first non-empty line of `text`, without markdown heading marks, as a
// title ("" when it is longer than 300 bytes). A line all in ASCII atop a
// text mostly in other scripts is the site's chrome ("Diamond Edge Logo
// Menu opener" over a Japanese article), not its headline: the next line is.
std::string FirstLineTitle(const std::string& text) {
  const size_t non_ascii = static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; }));
  const bool other_script = non_ascii * 2 > text.size();
  size_t p = 0;
  while (p < text.size()) {
    size_t nl = text.find('\n', p);
    if (nl == std::string::npos) nl = text.size();
    string_view line = string_view(text).substr(p, nl - p);
    while (!line.empty() && (line.front() == '#' || std::isspace(static_cast<unsigned char>(line.front()))))
      line.remove_prefix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    const bool chrome = other_script && IsAscii(line);
    if (!line.empty() && !chrome) return line.size() <= 300 ? std::string(line) : std::string();
    p = nl + 1;
  }
  return "";
}

}  // namespace

bool IsSupportedExtension(const std::string& path) {
  std::string ext = LowerExtension(path);
  return ext == "txt" || ext == "md" || ext == "markdown" || ext == "html" ||
         ext == "htm";
}

Status ParseDocument(const std::string& path, std::string bytes, Document* doc) {
  *doc = Document();
  doc->path = path;
  doc->raw = std::move(bytes);
  if (doc->raw.empty()) return Status::Error(path + ": empty file");
  // A PDF or a .docx named .txt: say what it is rather than read mojibake.
  if (const BinaryFormat* f = BinaryFormatOfBytes(doc->raw))
    return Status::Error(BinaryFormatMessage(path, *f));
  // Other encodings are converted to UTF-8 first; offsets still point into
  // the original bytes through doc->converted_map.
  const std::string charset = DetectCharset(doc->raw);
  if (!charset.empty()) {
    if (ConvertToUtf8(doc->raw, charset, &doc->converted, &doc->converted_map)) {
      doc->charset = charset;
      doc->warnings.push_back("not UTF-8: decoded as " + charset);
    } else {
      doc->warnings.push_back("not UTF-8 and cannot decode as " + charset + "; invalid bytes replaced");
    }
  }
  string_view raw = doc->Source();
  size_t nul = raw.find('\0');
  if (nul != string_view::npos)
    return Status::Error(path + ": binary file (NUL byte at offset " +
                         std::to_string(nul) + "), skipped");
  size_t bad_at = 0;
  bool valid = IsValidUtf8(raw, &bad_at);
  if (!valid)
    doc->warnings.push_back("invalid UTF-8 at byte " + std::to_string(bad_at) +
                            ", replaced with U+FFFD");

  size_t body = 0;
  if (StartsWith(raw, "\xEF\xBB\xBF")) body = 3;

  std::vector<std::pair<std::string, FrontValue>> front;
  body = ReadFrontMatter(raw, body, doc, &front);
  const FrontValue* title = nullptr;
  const FrontValue* description = nullptr;
  ApplyFrontMatter(front, doc, &title, &description);

  std::string ext = LowerExtension(path);
  if (ext == "html" || ext == "htm" || LooksLikeHtml(raw.substr(body))) {
    doc->format = Format::kHtml;
  } else if (ext == "md" || ext == "markdown" || !front.empty()) {
    doc->format = Format::kMarkdown;
  }

  TextBuilder content(raw, valid);
  if (doc->format == Format::kHtml) {
    StripHtml(raw, body, raw.size(), doc, &content);
  } else {
    CopyRun(raw, body, raw.size(), &content);
  }

  // Front-matter title and description are part of what the article says;
  // the title is left out when the body repeats it (a markdown heading).
  TextBuilder all(raw, valid);
  auto add_front = [&](const FrontValue* fv) {
    if (fv == nullptr || fv->value.empty()) return;
    if (fv->verbatim) {
      all.Copy(fv->begin, fv->end);
    } else {
      all.Emit(fv->value, fv->begin, fv->end - fv->begin);
    }
    all.Emit("\n", fv->end, 0);
  };
  // Knuth-Morris-Pratt, linear in both: string::find (and libstdc++'s
  // boyer_moore_searcher) take time quadratic in a long front-matter title
  // of one letter over a body of that letter.
  auto body_repeats = [&](const std::string& t) {
    const std::string& body_text = content.text();
    return boost::algorithm::knuth_morris_pratt_search(body_text.begin(), body_text.end(),
                                                       t.begin(), t.end())
               .first != body_text.end();
  };
  if (title != nullptr && !body_repeats(title->value)) add_front(title);
  add_front(description);
  if (all.text().empty()) {  // Most documents: no copy of the text and its map.
    doc->text = std::move(content.mutable_text());
    doc->text_map = std::move(content.map());
  } else {
    all.AppendBuilder(content);
    doc->text = std::move(all.mutable_text());
    doc->text_map = std::move(all.map());
  }

  if (doc->meta.title.empty()) doc->meta.title = FirstLineTitle(doc->text);
  return Status::Ok();
}

Status ReadDocument(const std::string& path, const ReadOptions& options,
                    Document* doc) {
  std::string bytes;
  Status s = ReadRegularFile(path, options.max_file_bytes, &bytes, "--max-file-size");
  if (!s.ok()) return s;
  return ParseDocument(path, std::move(bytes), doc);
}

}  // namespace kgx
