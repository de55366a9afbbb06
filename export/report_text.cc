#include "export/report_text.h"

#include <unicode/locid.h>
#include <unicode/ucurr.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <tuple>

#include "graph/filter.h"

namespace kgx {
namespace {

// "1.67", "300", "1.2": at most three significant digits, no trailing zeros.
std::string Figure(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

struct Scale {
  double size;
  const char* word;
};
constexpr Scale kScales[] = {{1e12, " trillion"}, {1e9, " billion"}, {1e6, " million"}};

const Scale* ScaleOf(double v) {
  for (const Scale& s : kScales)
    if (v >= s.size) return &s;
  return nullptr;
}

// 1234567 -> "1,234,567".
std::string Grouped(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  std::string digits = buf, out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// 1.2e9 -> "1.2 billion", 250000 -> "250,000".
std::string Scaled(double v) {
  const Scale* s = ScaleOf(v);
  return s == nullptr ? Grouped(v) : Figure(v / s->size) + s->word;
}

std::string Symbol(const std::string& code) {
  if (code == "USD") return "US$";  // ICU's en "$" would hide which dollar.
  icu::UnicodeString ucode = icu::UnicodeString::fromUTF8(code);
  UErrorCode status = U_ZERO_ERROR;
  UBool is_choice = false;
  int32_t length = 0;
  const UChar* name = ucurr_getName(ucode.getTerminatedBuffer(), "en", UCURR_SYMBOL_NAME,
                                    &is_choice, &length, &status);
  std::string out;
  if (U_SUCCESS(status) && name != nullptr) icu::UnicodeString(name, length).toUTF8String(out);
  return out.empty() || out == code ? code + " " : out;
}

// Bytes a file path keeps in a link: no ':' (a path cannot become a scheme).
bool IsPathByte(unsigned char c) {
  return std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
}

}  // namespace

std::string KindText(const std::string& code) {
  static const std::map<std::string, std::string> kWords = {
      {"mou_or_framework", "memorandum or framework"},
      {"investment_or_funding", "investment or funding"},
  };
  auto it = kWords.find(code);
  if (it != kWords.end()) return it->second;
  std::string out = code;
  for (char& c : out)
    if (c == '_') c = ' ';
  return out;
}

std::string MoneyText(const AmountRef& a) {
  static const std::map<std::string, std::string> kQualifiers = {{"approximately", "about "},
                                                                 {"up_to", "up to "},
                                                                 {"more_than", "more than "},
                                                                 {"at_least", "at least "}};
  std::string out;
  auto q = kQualifiers.find(a.qualifier);
  if (q != kQualifiers.end()) out += q->second;
  out += Symbol(a.currency);
  const double high = std::max(a.high, a.value);
  const Scale* low_scale = ScaleOf(a.value);
  if (high == a.value) return out + Scaled(a.value);
  if (low_scale != nullptr && low_scale == ScaleOf(high))  // One scale: "US$1–2 billion".
    return out + Figure(a.value / low_scale->size) + "–" + Scaled(high);
  return out + Scaled(a.value) + "–" + Scaled(high);
}

std::string LanguageName(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus()) return tag;
  icu::UnicodeString name;
  locale.getDisplayName(icu::Locale::getEnglish(), name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? tag : out;
}

std::string DocumentHref(const std::string& path, const std::string& url,
                         const std::string& from_dir) {
  // Bytes kept as they are; the rest become %XX.
  auto encode = [](const std::string& text, auto keep) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
      if (keep(c)) {
        out += static_cast<char>(c);
      } else {
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
    return out;
  };
  if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0) {
    // What a URL cannot hold literally is encoded: no quote, angle bracket
    // or space can end the link in Markdown or HTML.
    return encode(url, [](unsigned char c) {
      return c > 0x20 && c < 0x7f &&
             std::string("\"'<>`{}|\\^").find(static_cast<char>(c)) == std::string::npos;
    });
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(path);
  if (p.is_absolute()) return "file://" + encode(p.lexically_normal().generic_string(), IsPathByte);
  fs::path rel = fs::absolute(p, ec).lexically_relative(fs::absolute(from_dir, ec));
  return encode((ec || rel.empty() ? p : rel).generic_string(), IsPathByte);
}

std::vector<Measure> Measures(const KnowledgeGraph& kg, EdgeKind kind) {
  const BoostGraph& g = kg.graph();
  std::map<std::tuple<Vertex, bool, Vertex, std::string, std::vector<std::string>, std::string>,
           Measure>
      by_key;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const EdgeProps& p = g[*it];
    if (p.kind != kind) continue;
    const Vertex from = boost::source(*it, g), to = boost::target(*it, g);
    // Untargeted: drawn to each mineral, or as a loop on the imposer when it
    // names no mineral either (knowledge_graph.h).
    const bool targeted = g[to].kind != NodeKind::kMineral && to != from;
    std::vector<std::string> minerals = p.minerals;
    std::sort(minerals.begin(), minerals.end());
    // A measure in force has no status on its edge (the kind says it).
    const std::string status = kind == EdgeKind::kRestricts ? "in_force" : p.status;
    Measure& m = by_key[{from, targeted, targeted ? to : 0, p.restriction_type, minerals, status}];
    m.from = from;
    m.targeted = targeted;
    m.to = targeted ? to : 0;
    m.type = p.restriction_type;
    m.status = status;
    m.minerals = minerals;
    m.doc_count = std::max(m.doc_count, p.doc_count);
    m.evidence.insert(m.evidence.end(), p.evidence.begin(), p.evidence.end());
  }
  std::vector<Measure> out;
  for (auto& [key, m] : by_key) {
    auto less = [](const DocEvidence& a, const DocEvidence& b) {
      return std::tie(a.doc, a.evidence.start, a.evidence.end) <
             std::tie(b.doc, b.evidence.start, b.evidence.end);
    };
    std::sort(m.evidence.begin(), m.evidence.end(), less);
    m.evidence.erase(std::unique(m.evidence.begin(), m.evidence.end(),
                                 [&](const DocEvidence& a, const DocEvidence& b) {
                                   return !less(a, b) && !less(b, a);
                                 }),
                     m.evidence.end());
    EdgeProps dated;
    dated.evidence = m.evidence;
    m.date = MeasureDate(kg, dated);
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<std::string> AgreementMinerals(const BoostGraph& g, Vertex agreement) {
  std::vector<std::string> out;
  for (auto [it, end] = boost::out_edges(agreement, g); it != end; ++it)
    if (g[*it].kind == EdgeKind::kCovers) out.push_back(g[boost::target(*it, g)].id);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kgx
