// Document language, as a BCP 47 tag kgx uses everywhere: en, ja, zh-Hans,
// zh-Hant, ko, fr, es, de, id (or another ISO 639-1 code from a locale hint).
//
// A locale from metadata wins ("zh-HK" -> zh-Hant, via ICU's likely
// subtags). Otherwise the script mix decides: kana -> ja, Hangul -> ko, Han
// -> zh, split into Hans/Hant by how much ICU's Hant-Hans transliteration
// changes the text; Latin text is told apart by stop words (`stopwords`:
// word -> language, from gazetteers/stopwords.tsv), defaulting to en.
// Thread safety: reentrant.
#ifndef KGX_EXTRACT_READ_LANGUAGE_H_
#define KGX_EXTRACT_READ_LANGUAGE_H_

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kgx {

using StopwordTable = std::unordered_map<std::string, std::string>;

// Whether `tag` is a language tag a gazetteer line may carry: "*" (every
// language) or ll[l][-Ssss][-RR] ("en", "zh-Hant", "pt-BR").
bool IsGazetteerLanguageTag(const std::string& tag);
// Whether `code` has the shape of an ISO 3166-1 alpha-2 code ("JP").
bool IsCountryCode(const std::string& code);
// Chinese (any script), Japanese or Korean: languages whose news runs words
// together (no spaces in zh/ja, compounds in ko) and puts modifiers first.
// Told by ICU: the scripts of the tag's locale with its likely subtags
// (uscript_getCode) include Han, alone or beside kana or Hangul, so zh-TW,
// ja-JP and yue are too; "*", "" and unknown tags are not.
bool IsCjkLanguage(const std::string& lang);
// The primary language subtag: "zh" of "zh-Hant", "pt" of "pt-BR".
std::string PrimaryLanguage(const std::string& lang);
// The tag less its region subtag: "pt" of "pt-PT", "zh-Hant" of "zh-Hant-HK".
std::string LanguageWithoutRegion(const std::string& tag);

// Calls f(tag) for every gazetteer line tag that applies to a document in
// `lang` (LanguageCovers in gazetteer.h): "*", each prefix of `lang` that
// ends before a '-' ("zh" of "zh-Hant"), then `lang` itself.
template <typename F>
void ForEachCoveringTag(std::string_view lang, F&& f) {
  f(std::string_view("*"));
  for (size_t p = lang.find('-'); p != std::string_view::npos; p = lang.find('-', p + 1))
    f(lang.substr(0, p));
  f(lang);
}

// Words listed with the language of their line, (lang, word) in line order,
// read by a document's language: only the lines whose tag covers it are
// looked at, not every language's words.
//
//   kgx::WordsByLanguage heads(words.government_country);
//   if (const std::string* h = heads.First("ru", [&](const std::string& w) {...})) ...
class WordsByLanguage {
 public:
  WordsByLanguage() = default;
  explicit WordsByLanguage(const std::vector<std::pair<std::string, std::string>>& lines) {
    for (size_t i = 0; i < lines.size(); ++i) by_tag_[lines[i].first].emplace_back(i, lines[i].second);
  }
  // The word of the earliest line, among those covering `lang`, for which
  // accept(word) is true; nullptr when none is.
  template <typename F>
  const std::string* First(std::string_view lang, F&& accept) const {
    const std::pair<size_t, std::string>* best = nullptr;
    ForEachCoveringTag(lang, [&](std::string_view tag) {
      auto it = by_tag_.find(tag);
      if (it == by_tag_.end()) return;
      for (const auto& line : it->second) {
        if (best != nullptr && best->first <= line.first) break;  // Lines come in order.
        if (accept(line.second)) {
          best = &line;
          break;
        }
      }
    });
    return best == nullptr ? nullptr : &best->second;
  }
  // Calls f(word) for the word of every line covering `lang`, by tag in
  // ForEachCoveringTag's order, each tag's in line order.
  template <typename F>
  void ForEach(std::string_view lang, F&& f) const {
    ForEachCoveringTag(lang, [&](std::string_view tag) {
      auto it = by_tag_.find(tag);
      if (it == by_tag_.end()) return;
      for (const auto& line : it->second) f(line.second);
    });
  }
  bool empty() const { return by_tag_.empty(); }
  // Whether any line covers `lang`.
  bool Covers(std::string_view lang) const {
    return First(lang, [](const std::string&) { return true; }) != nullptr;
  }

 private:
  // Line tag -> (line index, word), in line order.
  std::map<std::string, std::vector<std::pair<size_t, std::string>>, std::less<>> by_tag_;
};

std::string LanguageFromLocale(const std::string& locale);

// The region (ISO 3166 code) of a place's name as written, or "".
using PlaceRegion = std::function<std::string(std::string_view place)>;

// The document's locale with a region where it can tell one: `locale` when it
// names a region (fr-CA); else the language `lang` with the region of the
// country-code domain of `url` (https://www.affaires-quebec.ca/…: fr-CA),
// when ICU has a locale of that language in that country; else `locale`.
// What a bare "$" or "dollars" is depends on it (money). Without either, the
// region of the place of `text`'s dateline (DatelineRegion, with `place_region`).
std::string RegionalLocale(const std::string& locale, const std::string& url,
                           const std::string& lang, std::string_view text = {},
                           const PlaceRegion& place_region = nullptr);

// The region (ISO 3166 code) of the place that opens a line near the top of
// `nfkc_text` as a dateline does ("MONTRÉAL, le mercredi", "CANBERRA, June 4
// --", "الدار البيضاء – 6 شتنبر"): ICU's exemplar cities of the time zones,
// in the document's language `lang` and in English, compared without case
// or accents; else what `place_region` says of the place (the extractor asks
// the gazetteer's capitals: "CANBERRA", which ICU has only as a zone link).
// Empty when no line opens so.
std::string DatelineRegion(std::string_view nfkc_text, const std::string& lang,
                           const PlaceRegion& place_region = nullptr);
std::string DetectLanguage(std::string_view nfkc_text, const std::string& locale_hint,
                           const StopwordTable& stopwords);

}  // namespace kgx

#endif  // KGX_EXTRACT_READ_LANGUAGE_H_
