#include "extract/language.h"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

namespace kgx {
namespace {

// How many of `han` characters ICU's transliterator `id` changes.
int CountChanged(const icu::UnicodeString& han, const char* id) {
  thread_local std::map<std::string, std::unique_ptr<icu::Transliterator>> cache;
  auto it = cache.find(id);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status)) t.reset();
    it = cache.emplace(id, std::move(t)).first;
  }
  if (!it->second) return 0;
  icu::UnicodeString converted(han);
  it->second->transliterate(converted);
  int changed = 0;
  for (int32_t i = 0; i < std::min(han.length(), converted.length()); ++i)
    if (han[i] != converted[i]) ++changed;
  return changed;
}

}  // namespace

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

  int kana = 0, hangul = 0, latin = 0;
  icu::UnicodeString han;
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
    UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) ++kana;
    else if (script == USCRIPT_HANGUL) ++hangul;
    else if (script == USCRIPT_HAN) han.append(c);
    else if (script == USCRIPT_LATIN) ++latin;
    if (c < 0x80 && std::isalpha(c)) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else if (script == USCRIPT_LATIN) {
      char buf[4];
      int32_t len = 0;
      UBool err = false;
      U8_APPEND(buf, len, 4, u_tolower(c), err);
      (void)err;
      word.append(buf, static_cast<size_t>(len));
    } else {
      flush_word();
    }
  }
  flush_word();
  const int cjk = kana + hangul + han.length();
  // Latin-heavy pages with a CJK headline are still decided by their script mix.
  if (cjk > 0 && cjk * 2 >= latin / 4) {
    if (kana * 20 >= cjk) return "ja";
    if (hangul * 4 >= cjk) return "ko";
    int to_hans = CountChanged(han, "Hant-Hans");
    int to_hant = CountChanged(han, "Hans-Hant");
    return to_hans > to_hant ? "zh-Hant" : "zh-Hans";
  }
  std::string best = "en";
  int best_votes = 0;
  for (const auto& [lang, count] : votes) {
    if (count > best_votes) best = lang, best_votes = count;
  }
  return best;
}

}  // namespace kgx
