#include "extract/entities/person_words.h"

#include "extract/read/language.h"
#include "extract/read/normalize.h"

namespace kgx {

std::string PersonWords::AddLine(const std::vector<std::string>& f) {
  if (f.size() < 3) return "expected 'role<TAB>lang<TAB>text[<TAB>item...]'";
  if (!IsGazetteerLanguageTag(f[1])) return "invalid language tag '" + f[1] + "'";
  if (f[0] == "before" || f[0] == "after" || f[0] == "either") {
    PersonTitle t;
    t.lang = f[1];
    t.text = NormalizeNfkc(f[2]);
    t.before = f[0] != "after";
    t.after = f[0] != "before";
    for (size_t i = 3; i < f.size(); ++i) {
      const std::string& item = f[i];
      if (item == "suffix") {
        t.suffix = true;
      } else if (item.compare(0, 8, "country=") == 0) {
        t.country = item.substr(8);
        if (!IsCountryCode(t.country))
          return "country= must be an ISO 3166-1 alpha-2 code or EU, got '" + t.country + "'";
      } else if (item.compare(0, 5, "role=") == 0 && item.size() > 5) {
        t.role = item.substr(5);
      } else {
        return "unknown title item '" + item + "' (expected country=, role= or suffix)";
      }
    }
    if (FoldForMatch(t.text).empty()) return "empty title";
    titles.push_back(std::move(t));
    return "";
  }
  if (f.size() != 3) return "expected '" + f[0] + "<TAB>lang<TAB>word'";
  std::pair<std::string, std::string> entry(f[1], FoldForMatch(f[2]));
  if (entry.second.empty()) return "empty word";
  if (f[0] == "not-name") not_name.push_back(entry);
  else if (f[0] == "boundary") boundary.push_back(entry);
  else if (f[0] == "particle") particle.push_back(entry);
  else if (f[0] == "given-name") given_name.push_back(entry);
  else if (f[0] == "of")
    of.emplace_back(f[1], NormalizeNfkc(f[2]));
  else
    return "unknown person-title role '" + f[0] +
           "' (expected before, after, either, not-name, boundary, particle, given-name or of)";
  return "";
}

}  // namespace kgx
