// The people step's words (gazetteers/people.tsv, `@kind person-title`):
// titles that find people the gazetteer does not list, read before or after
// a name with the country and role they imply, and the words that end or
// join names. The gazetteer routes the section's lines here; the titles
// then ride in its automaton (Gazetteer::TitlesOf), and people.h reads them.
//
//   kgx::PersonWords w;
//   std::string error = w.AddLine({"before", "en", "President", "role=president"});
//
// Thread safety: a value; AddLine on one thread.
#ifndef KGX_EXTRACT_ENTITIES_PERSON_WORDS_H_
#define KGX_EXTRACT_ENTITIES_PERSON_WORDS_H_

#include <string>
#include <utility>
#include <vector>

namespace kgx {

// Words that find people the gazetteer does not list (`@kind person-title`
// lines, people.tsv): titles read before or after a name, with the country
// and role they imply.
struct PersonTitle {
  std::string lang;
  std::string text;    // NFKC, as written.
  bool before = false;  // Stands before the name (President X, 总统X).
  bool after = false;   // Stands after it (石破首相, 윤석열 대통령).
  bool suffix = false;  // May end a longer word (Bundesfinanzminister).
  std::string country, role;
};
struct PersonWords {
  std::vector<PersonTitle> titles;
  // (lang, folded word): never a name or part of one (Tuesday, 신임, 前).
  std::vector<std::pair<std::string, std::string>> not_name;
  // (lang, folded word): a Han name does not run across it (表示, 会见, 与).
  std::vector<std::pair<std::string, std::string>> boundary;
  // (lang, folded word): lower-case words inside a Latin name (de, van, bin).
  std::vector<std::pair<std::string, std::string>> particle;
  // (lang, folded alias): country names that are also given names (Jordan,
  // Chad, チャド): followed by a name, they begin a person's name.
  std::vector<std::pair<std::string, std::string>> given_name;
  // (lang, NFKC word): the word between a title and the country whose office
  // it is ("the prime minister of Japan", "o presidente do Chile").
  std::vector<std::pair<std::string, std::string>> of;

  // Reads one `@kind person-title` line (fields split at tabs): a title
  // (`before|after|either<TAB>lang<TAB>text[<TAB>item...]`) or a name word
  // (`not-name|boundary|particle|given-name|of<TAB>lang<TAB>word`). Returns ""
  // when the line is good, else what is wrong (the caller names file and line).
  std::string AddLine(const std::vector<std::string>& f);
};

}  // namespace kgx

#endif  // KGX_EXTRACT_ENTITIES_PERSON_WORDS_H_
