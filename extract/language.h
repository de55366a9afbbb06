// Document language, as a BCP 47 tag kgx uses everywhere: en, ja, zh-Hans,
// zh-Hant, ko, fr, es, de, id (or another ISO 639-1 code from a locale hint).
//
// A locale from metadata wins ("zh-HK" -> zh-Hant, via ICU's likely
// subtags). Otherwise the script mix decides: kana -> ja, Hangul -> ko, Han
// -> zh, split into Hans/Hant by how much ICU's Hant-Hans transliteration
// changes the text; Latin text is told apart by stop words (`stopwords`:
// word -> language, from gazetteers/stopwords.tsv), defaulting to en.
// Thread safety: reentrant.
#ifndef KGX_EXTRACT_LANGUAGE_H_
#define KGX_EXTRACT_LANGUAGE_H_

#include <string>
#include <string_view>
#include <unordered_map>

namespace kgx {

using StopwordTable = std::unordered_map<std::string, std::string>;

// Whether `tag` is a language tag a gazetteer line may carry: "*" (every
// language) or ll[l][-Ssss][-RR] ("en", "zh-Hant", "pt-BR").
bool IsGazetteerLanguageTag(const std::string& tag);
// Whether `code` has the shape of an ISO 3166-1 alpha-2 code ("JP").
bool IsCountryCode(const std::string& code);
// Chinese (any script), Japanese or Korean: languages whose news runs words
// together (no spaces in zh/ja, compounds in ko) and puts modifiers first.
bool IsCjkLanguage(const std::string& lang);
// The primary language subtag: "zh" of "zh-Hant", "pt" of "pt-BR".
std::string PrimaryLanguage(const std::string& lang);

std::string LanguageFromLocale(const std::string& locale);
std::string DetectLanguage(std::string_view nfkc_text, const std::string& locale_hint,
                           const StopwordTable& stopwords);

}  // namespace kgx

#endif  // KGX_EXTRACT_LANGUAGE_H_
