#include "extract/read/language.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
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

std::string LanguageWithoutRegion(const std::string& tag) {
  const size_t dash = tag.rfind('-');
  if (dash == std::string::npos || tag.size() - dash != 3 ||
      !std::isupper(static_cast<unsigned char>(tag[dash + 1])))
    return tag;
  return tag.substr(0, dash);
}

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

namespace {

// Whether `text` holds a lower-case letter.
bool HasLowercase(std::string_view text) {
  for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
    if (c >= 0 && u_islower(c)) return true;
  }
  return false;
}

// `text` without case or accents: "MONTRÉAL" and "Montreal" are one key.
std::string PlaceKey(std::string_view text) {
  return Transliterate("NFD; [:Nonspacing Mark:] Remove; Lower; NFC", text);
}

// ICU's exemplar city of every canonical time zone (its legacy links, such
// as US/Pacific, have no city and would read "Pacific" as a place), in
// `lang` and in English, by PlaceKey, with the zone's region.
std::map<std::string, std::string> MakeExemplarCities(const std::string& lang) {
  std::map<std::string, std::string> cities;
  for (const std::string& tag : {lang, std::string("en")}) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZoneNames> names(
        icu::TimeZoneNames::createInstance(icu::Locale::forLanguageTag(tag, status), status));
    std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createTimeZoneIDEnumeration(
        UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
    if (U_FAILURE(status) || !names || !zones) continue;
    while (const icu::UnicodeString* zone = zones->snext(status)) {
      icu::UnicodeString city;
      char region[4] = {0};
      UErrorCode region_status = U_ZERO_ERROR;
      icu::TimeZone::getRegion(*zone, region, sizeof region, region_status);
      names->getExemplarLocationName(*zone, city);
      if (U_FAILURE(region_status) || city.isBogus() || city.isEmpty()) continue;
      std::string utf8;
      // (An empty key: the transliterator is missing; no city then.)
      if (std::string key = PlaceKey(city.toUTF8String(utf8)); !key.empty())
        cities.emplace(std::move(key), region);
    }
  }
  return cities;
}

// MakeExemplarCities once per language for the whole process (a table takes
// tens of milliseconds to make: once per thread it showed in the bench). The
// languages are the detected ones, a bounded set; a table once made never
// moves, so the reference outlives the lock.
const std::map<std::string, std::string>& ExemplarCities(const std::string& lang) {
  static std::mutex mutex;
  static std::map<std::string, std::map<std::string, std::string>> by_lang;
  const std::lock_guard<std::mutex> lock(mutex);
  auto it = by_lang.find(lang);
  if (it == by_lang.end()) it = by_lang.emplace(lang, MakeExemplarCities(lang)).first;
  return it->second;
}

}  // namespace

std::string DatelineRegion(std::string_view text, const std::string& lang,
                           const PlaceRegion& place_region) {
  constexpr size_t kTop = 800;     // bytes: the dateline is near the top
  constexpr size_t kPlace = 48;    // bytes: a place's name
  constexpr size_t kMaxWords = 3;  // "BUENOS AIRES", "NEW YORK"
  const std::string_view top = text.substr(0, std::min(text.size(), kTop));
  const std::string_view ends[] = {",", "(", "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */, " -",
                                   ".", ":"};
  const std::map<std::string, std::string>* cities = nullptr;  // Made at the first candidate.
  for (size_t line = 0; line < top.size();) {
    size_t next = top.find('\n', line);
    if (next == std::string_view::npos) next = top.size();
    std::string_view l = top.substr(line, next - line);
    line = next + 1;
    l.remove_prefix(std::min(l.size(), l.find_first_not_of(" *#_\t")));
    size_t end = std::string_view::npos;
    for (std::string_view e : ends) end = std::min(end, l.find(e));
    if (end == std::string_view::npos || end == 0 || end > kPlace) continue;
    std::string_view place = l.substr(0, end);
    while (!place.empty() && (place.back() == ' ' || place.back() == '*')) place.remove_suffix(1);
    if (place.empty() ||
        static_cast<size_t>(std::count(place.begin(), place.end(), ' ')) >= kMaxWords)
      continue;
    if (cities == nullptr) cities = &ExemplarCities(lang);
    if (auto c = cities->find(PlaceKey(place)); c != cities->end()) return c->second;
    // The other source only for a line that reads as a dateline beyond doubt:
    // the place in capitals ("CANBERRA, June 20") or set off by a bracket or
    // dash ("Canberra (Reuters) -"), not a headline's "Ottawa, Washington agree".
    if (place_region && (l[end] != ',' || !HasLowercase(place)))
      if (std::string region = place_region(place); !region.empty()) return region;
  }
  return "";
}

std::string RegionalLocale(const std::string& locale, const std::string& url,
                           const std::string& lang, std::string_view text,
                           const PlaceRegion& place_region) {
  UErrorCode status = U_ZERO_ERROR;
  if (!locale.empty() && icu::Locale::forLanguageTag(locale, status).getCountry()[0] != '\0' &&
      U_SUCCESS(status))
    return locale;
  if (lang.empty()) return locale;
  // The host: after "://", up to the next '/', ':' or '?'.
  const size_t scheme = url.find("://");
  std::string region;
  if (scheme != std::string::npos) {
    const size_t host_begin = scheme + 3;
    const size_t host_end = url.find_first_of("/:?#", host_begin);
    const std::string host = url.substr(
        host_begin, host_end == std::string::npos ? std::string::npos : host_end - host_begin);
    const size_t dot = host.rfind('.');
    if (dot != std::string::npos && host.size() - dot == 3) region = host.substr(dot + 1);
  }
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
  // The domain's country, else the dateline's, where its press writes `lang`.
  auto press_of = [&](const std::string& place) {
    const std::string candidate = PrimaryLanguage(lang) + "-" + place;
    return !place.empty() && available->count(candidate) > 0 ? candidate : std::string();
  };
  if (std::string press = press_of(region); !press.empty()) return press;
  if (std::string press = press_of(DatelineRegion(text, lang, place_region)); !press.empty())
    return press;
  return locale;
}

}  // namespace kgx
