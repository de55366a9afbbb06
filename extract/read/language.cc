#include "extract/read/language.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "base/parallel.h"
#include "base/utf8.h"
#include "extract/read/normalize.h"

namespace kgx {
namespace {

// Whether ICU's Hant-Hans transliterator changes `c` (a Traditional form:
// bit 1) and whether Hans-Hant does (a Simplified form: bit 2). Asked once per
// character and thread: a news corpus uses a few thousand Han characters.
int HanForms(UChar32 c) {
  thread_local std::unordered_map<UChar32, int> cache;
  auto it = cache.find(c);
  if (it != cache.end()) return it->second;
  std::string s;
  AppendUtf8(c, &s);
  const int forms =
      (Transliterate("Hant-Hans", s) != s ? 1 : 0) | (Transliterate("Hans-Hant", s) != s ? 2 : 0);
  cache.emplace(c, forms);
  return forms;
}

}  // namespace

bool IsGazetteerLanguageTag(const std::string& tag) {
  static const RE2 kLang("\\*|[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?");
  return RE2::FullMatch(tag, kLang);
}

std::string PrimaryLanguage(const std::string& lang) { return lang.substr(0, lang.find('-')); }

bool IsCjkLanguage(const std::string& lang) {
  return MemoizedPerThread(lang, [](const std::string& tag) {
    if (tag.empty()) return false;
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status) || locale.getLanguage()[0] == '\0') return false;
    // With its likely script and region the name holds a '_', so ICU reads
    // it as a locale, never as a script name ("yi" is also the Yi script).
    locale.addLikelySubtags(status);
    UScriptCode scripts[8];
    const int32_t n = uscript_getCode(locale.getName(), scripts, 8, &status);
    return U_SUCCESS(status) && std::find(scripts, scripts + n, USCRIPT_HAN) != scripts + n;
  });
}

bool IsCountryCode(const std::string& code) {
  static const RE2 kCountry("[A-Z]{2}");
  return RE2::FullMatch(code, kCountry);
}

std::string LanguageFromLocale(const std::string& locale) {
  if (locale.empty()) return "";
  std::string tag = locale;
  std::replace(tag.begin(), tag.end(), '_', '-');
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || loc.getLanguage()[0] == '\0') return "";
  std::string lang = loc.getLanguage();
  if (lang == "zh") {
    loc.addLikelySubtags(status);
    return std::string(loc.getScript()) == "Hant" ? "zh-Hant" : "zh-Hans";
  }
  return lang;
}

std::string DetectLanguage(std::string_view text, const std::string& locale_hint,
                           const StopwordTable& stopwords) {
  std::string from_hint = LanguageFromLocale(locale_hint);
  if (!from_hint.empty()) return from_hint;

  int kana = 0, hangul = 0, latin = 0, han_count = 0, cyrillic = 0, arabic = 0;
  int traditional = 0, simplified = 0;
  std::map<std::string, int> votes;
  std::string word;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), 1 << 16));
  auto flush_word = [&]() {
    if (word.empty()) return;
    auto it = stopwords.find(word);
    if (it != stopwords.end()) ++votes[it->second];
    word.clear();
  };
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    // ASCII needs no table: letters are Latin, the rest common.
    const UScriptCode script = c < 0x80 ? (std::isalpha(c) ? USCRIPT_LATIN : USCRIPT_COMMON)
                                        : uscript_getScript(c, &status);
    if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA)
      ++kana;
    else if (script == USCRIPT_HANGUL)
      ++hangul;
    else if (script == USCRIPT_HAN) {
      // A sample of 1,000 Han characters tells Hans from Hant.
      if (han_count < 1000) {
        const int forms = HanForms(c);
        traditional += forms & 1;
        simplified += (forms >> 1) & 1;
      }
      ++han_count;
    } else if (script == USCRIPT_LATIN)
      ++latin;
    else if (script == USCRIPT_CYRILLIC)
      ++cyrillic;
    else if (script == USCRIPT_ARABIC)
      ++arabic;
    if (c < 0x80 && std::isalpha(c)) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else if (script == USCRIPT_LATIN) {
      AppendUtf8(u_tolower(c), &word);
    } else {
      flush_word();
    }
  }
  flush_word();
  const int cjk = kana + hangul + han_count;
  // Latin-heavy pages with a CJK headline are still decided by their script
  // mix; Cyrillic and Arabic letters weigh as Latin ones do (an Arabic
  // article that names a firm in Han characters, 国轩高科, is Arabic).
  if (cjk > 0 && cjk * 2 >= (latin + cyrillic + arabic) / 4) {
    if (kana * 20 >= cjk) return "ja";
    if (hangul * 4 >= cjk) return "ko";
    return traditional > simplified ? "zh-Hant" : "zh-Hans";
  }
  // Cyrillic and Arabic letters are read as the language kgx reads in that
  // script (Russian, Arabic) when they outnumber a quarter of the Latin
  // ones: Latin names and tickers sit in these texts too.
  if (cyrillic + arabic > 0 && (cyrillic + arabic) * 4 >= latin)
    return cyrillic >= arabic ? "ru" : "ar";
  std::string best = "en";
  int best_votes = 0;
  for (const auto& [lang, count] : votes) {
    if (count > best_votes) best = lang, best_votes = count;
  }
  return best;
}

std::string RegionalLocale(const std::string& locale, const std::string& url,
                           const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  if (!locale.empty() && icu::Locale::forLanguageTag(locale, status).getCountry()[0] != '\0' &&
      U_SUCCESS(status))
    return locale;
  // The host: after "://", up to the next '/', ':' or '?'.
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos || lang.empty()) return locale;
  const size_t host_begin = scheme + 3;
  const size_t host_end = url.find_first_of("/:?#", host_begin);
  const std::string host = url.substr(
      host_begin, host_end == std::string::npos ? std::string::npos : host_end - host_begin);
  const size_t dot = host.rfind('.');
  if (dot == std::string::npos || host.size() - dot != 3) return locale;
  std::string region = host.substr(dot + 1);
  for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (region == "UK") region = "GB";
  // ICU's locales of a language in a country: the press of that country.
  static const std::set<std::string>* available = [] {
    auto* names = new std::set<std::string>();
    int32_t count = 0;
    const icu::Locale* all = icu::Locale::getAvailableLocales(count);
    for (int32_t i = 0; i < count; ++i)
      if (all[i].getCountry()[0] != '\0')
        names->insert(std::string(all[i].getLanguage()) + "-" + all[i].getCountry());
    return names;
  }();
  const std::string candidate = PrimaryLanguage(lang) + "-" + region;
  return available->count(candidate) > 0 ? candidate : locale;
}

}  // namespace kgx
