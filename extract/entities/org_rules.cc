#include "extract/entities/org_rules.h"

#include <re2/re2.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>

#include "base/regex.h"
#include "base/strings.h"
#include "extract/entities/gazetteer.h"
#include "extract/read/date_words.h"
#include "extract/read/normalize.h"
#include "extract/read/word_edges.h"

namespace kgx {

namespace {

using WordList = std::vector<std::pair<std::string, std::string>>;

// Each role's word list, by the role's name in the gazetteer line. The word
// roles keep the text as written; the CJK roles are NFKC-normalized and get
// their other Chinese script added (AddScriptConversions); the set roles
// are whole words looked up as they are.
enum class Keep { kAsWritten, kNfkc };
struct ListSlot {
  const char* role;
  WordList OrganizationRuleWords::*list;
  Keep keep;
};
struct SetSlot {
  const char* role;
  std::set<std::string> OrganizationRuleWords::*set;
};

constexpr ListSlot kListRoles[] = {
    {"legal", &OrganizationRuleWords::legal, Keep::kAsWritten},
    {"suffix", &OrganizationRuleWords::suffix, Keep::kAsWritten},
    {"exchange", &OrganizationRuleWords::exchange, Keep::kAsWritten},
    {"business", &OrganizationRuleWords::business, Keep::kAsWritten},
    {"apposition", &OrganizationRuleWords::apposition, Keep::kAsWritten},
    {"apposition-follow", &OrganizationRuleWords::apposition_follow, Keep::kAsWritten},
    {"head", &OrganizationRuleWords::head, Keep::kAsWritten},
    {"katakana-company", &OrganizationRuleWords::katakana_company, Keep::kAsWritten},
    {"particle", &OrganizationRuleWords::particle, Keep::kAsWritten},
    {"cjk-name-start", &OrganizationRuleWords::cjk_name_start, Keep::kAsWritten},
    {"government-first", &OrganizationRuleWords::government_first, Keep::kAsWritten},
    {"government-name", &OrganizationRuleWords::government_name, Keep::kAsWritten},
    {"government-last", &OrganizationRuleWords::government_last, Keep::kAsWritten},
    {"government-country", &OrganizationRuleWords::government_country, Keep::kAsWritten},
    {"government-whole", &OrganizationRuleWords::government_whole, Keep::kAsWritten},
    {"company-country", &OrganizationRuleWords::company_country, Keep::kAsWritten},
    {"clitic", &OrganizationRuleWords::clitic, Keep::kAsWritten},
    {"article", &OrganizationRuleWords::article, Keep::kAsWritten},
    {"government-stop", &OrganizationRuleWords::government_stop, Keep::kAsWritten},
    {"common-start", &OrganizationRuleWords::common_start, Keep::kAsWritten},
    {"modifier-ending", &OrganizationRuleWords::modifier_ending, Keep::kAsWritten},
    {"name-word", &OrganizationRuleWords::name_word, Keep::kAsWritten},
    {"name-joiner", &OrganizationRuleWords::name_joiner, Keep::kAsWritten},
    {"bare-head", &OrganizationRuleWords::bare_head, Keep::kAsWritten},
    {"bare-body-head", &OrganizationRuleWords::bare_body_head, Keep::kAsWritten},
    {"genitive-word", &OrganizationRuleWords::genitive_word, Keep::kAsWritten},
    {"genitive-follow", &OrganizationRuleWords::genitive_follow, Keep::kAsWritten},
    {"government-lower", &OrganizationRuleWords::government_lower, Keep::kAsWritten},
    {"government-lower-joiner", &OrganizationRuleWords::government_lower_joiner, Keep::kAsWritten},
    {"government-lower-connector", &OrganizationRuleWords::government_lower_connector,
     Keep::kAsWritten},
    {"government-lower-adjective", &OrganizationRuleWords::government_lower_adjective,
     Keep::kAsWritten},
    {"quoted-name-after", &OrganizationRuleWords::quoted_name_after, Keep::kAsWritten},
    {"name-connector", &OrganizationRuleWords::name_connector, Keep::kAsWritten},
    {"government-connector", &OrganizationRuleWords::government_connector, Keep::kAsWritten},
    {"acronym-connector", &OrganizationRuleWords::acronym_connector, Keep::kAsWritten},
    {"cjk-suffix", &OrganizationRuleWords::cjk_suffix, Keep::kNfkc},
    {"cjk-prefix", &OrganizationRuleWords::cjk_prefix, Keep::kNfkc},
    {"cjk-stop", &OrganizationRuleWords::cjk_stop, Keep::kNfkc},
    {"cjk-lead", &OrganizationRuleWords::cjk_lead, Keep::kNfkc},
    {"cjk-trail", &OrganizationRuleWords::cjk_trail, Keep::kNfkc},
    {"government-cjk", &OrganizationRuleWords::government_cjk, Keep::kNfkc},
    {"government-link", &OrganizationRuleWords::government_link, Keep::kNfkc},
    {"host-before", &OrganizationRuleWords::host_before, Keep::kNfkc},
    {"not-government", &OrganizationRuleWords::not_government, Keep::kNfkc},
    {"province-head", &OrganizationRuleWords::province_head, Keep::kNfkc},
    {"ministry-loanword", &OrganizationRuleWords::ministry_loanword, Keep::kNfkc},
    {"government-joiner", &OrganizationRuleWords::government_joiner, Keep::kNfkc},
};

constexpr SetSlot kSetRoles[] = {
    {"not-name", &OrganizationRuleWords::not_name},
    {"opener", &OrganizationRuleWords::opener},
    {"title", &OrganizationRuleWords::title},
    {"not-organization", &OrganizationRuleWords::not_organization},
    {"not-organization-last", &OrganizationRuleWords::not_organization_last},
};

}  // namespace

namespace {

// The NFKC form of `word` in the other script, from the memo when it has it.
std::string Converted(const char* id, const std::string& word,
                      std::map<std::pair<std::string, std::string>, std::string>* memo) {
  if (memo == nullptr) return NormalizeNfkc(Transliterate(id, word));
  auto [it, added] = memo->try_emplace({id, word});
  if (added) it->second = NormalizeNfkc(Transliterate(id, word));
  return it->second;
}

}  // namespace

std::string OrganizationRuleWords::Add(const std::string& role, const std::string& lang,
                                       const std::string& text) {
  if (role == "title-suffix") {
    title_suffix.push_back(text);
    return "";
  }
  if (role == "words-between") {
    char* end = nullptr;
    const unsigned long n = std::strtoul(text.c_str(), &end, 10);
    if (end == text.c_str() || *end != '\0' || n < 1 || n > kMaxWordsBetweenAny)
      return "words-between takes a count from 1 to " + std::to_string(kMaxWordsBetweenAny) +
             ", not '" + text + "'";
    words_between[lang] = n;
    return "";
  }
  // CJK words are NFKC-normalized, as the text they are matched in is.
  for (const ListSlot& slot : kListRoles) {
    if (role != slot.role) continue;
    (this->*slot.list).emplace_back(lang, slot.keep == Keep::kNfkc ? NormalizeNfkc(text) : text);
    return "";
  }
  for (const SetSlot& slot : kSetRoles) {
    if (role != slot.role) continue;
    (this->*slot.set).insert(text);
    return "";
  }
  return "unknown organization rule role '" + role + "'";
}

void OrganizationRuleWords::AddScriptConversions(
    std::map<std::pair<std::string, std::string>, std::string>* memo) {
  // The transliterator that makes the other script, and the language of
  // the form it makes, for a line of `lang`.
  struct Conversion {
    const char* id;
    std::string lang;
  };
  auto conversions = [](const std::string& lang) -> std::vector<Conversion> {
    if (lang == "zh") return {{"Hans-Hant", "zh"}, {"Hant-Hans", "zh"}};
    if (lang == "zh-Hans") return {{"Hans-Hant", "zh-Hant"}};
    if (lang == "zh-Hant") return {{"Hant-Hans", "zh-Hans"}};
    return {};
  };
  for (const ListSlot& slot : kListRoles) {
    if (slot.keep != Keep::kNfkc) continue;  // The CJK roles.
    WordList& list = this->*slot.list;
    std::set<std::pair<std::string, std::string>> seen(list.begin(), list.end());
    const size_t n = list.size();
    for (size_t i = 0; i < n; ++i)
      for (const Conversion& c : conversions(list[i].first)) {
        std::pair<std::string, std::string> other(c.lang, Converted(c.id, list[i].second, memo));
        if (!other.second.empty() && seen.insert(other).second) list.push_back(std::move(other));
      }
  }
}

namespace {

// Alternation of the given (lang, word) list's words, longest first so
// "Ltd." wins over "Ltd" (base/regex.h).
std::string Alternation(const std::vector<std::pair<std::string, std::string>>& words) {
  std::vector<std::string> w;
  for (const auto& [lang, text] : words) w.push_back(text);
  return kgx::Alternation(std::move(w));
}

// A capitalized word (with 's, hyphens, dots and ampersands inside), or a
// number; names join such words with spaces and a few connectors.
// Dots only inside (U.S., S.A.), never at the end: a full stop ends the name.
// Apostrophes only before a letter (Tivan's), so a plural possessive
// ("Ardea Resources' project") does not end the name.
const char kWord[] = R"((?:\p{Lu}(?:[\p{L}\p{N}&\-]|['’.]\p{L})*|\p{N}+))";
std::string NamePattern(const std::string& connector) {
  // Connectors only between words: a name does not end in one, so the
  // German noun phrase "Partnerschaft für Lithium" is not a company named
  // with the sector word "Lithium", nor "Ministerium für" one before a ticker.
  // A place in brackets may stand between the words of a subsidiary's name:
  // "Sinomine (Hong Kong) Rare Metals Resources", "Zangge Mining Investment
  // (Chengdu) Co. Ltd."; only capitalized lower-case words, so a ticker
  // ("Alcoa (AA)") never joins two names.
  const std::string place = R"((?: \(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}\))?)";
  return std::string("(") + kWord + place + "(?: (?:" + connector + " )*" + kWord + place + ")*)";
}

// A name word, which may carry an elided article: l'Économie, d'Investissement.
const char kGovWord[] = R"((?:[dlDL]['’])?(?:\p{Lu}(?:[\p{L}\p{N}&\-]|['’.]\p{L})*))";

// Rule patterns are case-sensitive, compiled on first use.
void Compile(LazyRe2* re, const std::string& pattern) { re->Set(pattern, /*case_sensitive=*/true); }

bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u >= 0x80;
}

// Whether the line holding `pos` is in Title Case: at least six words, and
// at least 70% of those starting with a letter start with a capital.
// Headlines are short: a line longer than kMaxHeadline bytes is not one,
// which also keeps this check from rescanning a long line per candidate.
constexpr size_t kMaxHeadline = 300;

bool IsTitleCaseLine(std::string_view text, size_t pos) {
  const size_t lo = pos > kMaxHeadline ? pos - kMaxHeadline : 0;
  size_t b = text.substr(lo, pos - lo).rfind('\n');  // Only the last kMaxHeadline bytes.
  if (b != std::string_view::npos) b += lo + 1;
  else if (lo == 0) b = 0;
  else return false;  // No line start within reach: too long for a headline.
  size_t e = text.substr(0, std::min(text.size(), pos + kMaxHeadline)).find('\n', pos);
  if (e == std::string_view::npos) {
    if (pos + kMaxHeadline < text.size()) return false;
    e = text.size();
  }
  if (e - b > kMaxHeadline) return false;
  int words = 0, capitalized = 0;
  for (size_t i = b; i < e; ++i) {
    if ((i == b || text[i - 1] == ' ') && std::isalpha(static_cast<unsigned char>(text[i]))) {
      ++words;
      if (std::isupper(static_cast<unsigned char>(text[i]))) ++capitalized;
    }
  }
  return words >= 6 && capitalized * 10 >= words * 7;
}

std::vector<size_t> TokenStarts(std::string_view text, size_t begin, size_t end) {
  std::vector<size_t> starts;
  for (size_t i = begin; i < end; ++i)
    if (i == begin || text[i - 1] == ' ') starts.push_back(i);
  return starts;
}

std::vector<std::string> Texts(const std::vector<std::pair<std::string, std::string>>& words) {
  std::vector<std::string> out;
  for (const auto& [lang, text] : words) out.push_back(text);
  return out;
}

// Bytes read before and after a trigger word: a name of up to a headline's
// length before it, a chain of suffixes, a ticker or a few words after it.
constexpr size_t kBeforeTrigger = kMaxHeadline, kAfterTrigger = 160;

}  // namespace

template <typename F>
void OrganizationRules::Scan(std::string_view text, const LazyRe2& lazy, int groups_used,
                             Windows windows, std::vector<OrgCandidate>* out,
                             F&& on_match) const {
  if (windows.empty()) return;  // Not compiled: nothing to read.
  const RE2* re = lazy.get();
  if (re == nullptr) return;
  const re2::StringPiece input(text.data(), text.size());
  re2::StringPiece groups[3];
  const size_t before = out->size();
  for (int pass = 0; pass < 2; ++pass) {
    bool cut = false;
    for (const auto& [from, to] : windows) {
      for (size_t pos = from;
           pos < to && re->Match(input, pos, to, RE2::UNANCHORED, groups, groups_used);) {
        const size_t b = static_cast<size_t>(groups[0].data() - text.data());
        const size_t e = b + groups[0].size();
        pos = e > b ? e : b + 1;
        if ((b == from && from > 0) || (e == to && to < text.size())) {
          cut = true;
          break;
        }
        on_match(groups);
      }
      if (cut) break;
    }
    if (!cut) return;
    out->resize(before);
    windows.assign(1, {0, text.size()});
  }
}

// The Romance press writes a body's name after its head in lower case
// ("ministère de l'économie, des finances et de l'industrie", "Amministrazione
// generale delle dogane"): the head, maybe one adjective (capitalized, or
// with an adjective's ending: generale, nigérian; not "Comisión alerta de"),
// then parts, each opened by a connector (one ending in an apostrophe is
// written onto the word: dell', de l') with its word in lower case (a
// capitalized one is the capitalized reading's: "ministère français de
// l'Europe"), one after another ("du développement des minerais") or joined
// by a comma or a government-lower-joiner (e, et, y). "" without such words.
static std::string LowerGovernmentPattern(const OrganizationRuleWords& w) {
  if (w.government_lower.empty() || w.government_lower_connector.empty()) return "";
  std::vector<std::string> openers;
  for (const auto& [lang, c] : w.government_lower_connector)
    openers.push_back(EndsWithApostrophe(c) ? c : c + " ");
  const std::string part = " " + Alternation(openers) + R"(\p{Ll}[\p{L}\-]*)";
  std::string adjective = R"(\p{Lu}[\p{L}\-]*)";
  if (!w.government_lower_adjective.empty())
    adjective += R"(|\p{Ll}[\p{L}\-]*)" + Alternation(Texts(w.government_lower_adjective));
  const std::string joiner = w.government_lower_joiner.empty()
                                 ? ","
                                 : "(?:,| " + Alternation(Texts(w.government_lower_joiner)) +
                                       "|, " + Alternation(Texts(w.government_lower_joiner)) + ")";
  return "(" + Alternation(Texts(w.government_lower)) + "(?: (?:" + adjective + "))?" + part +
         "(?:" + joiner + "?" + part + "){0,5})";
}

// АО «Мангазея Плюс», группа «Мангазея»: the name in guillemets (group 1)
// after a legal form or a company noun ("~": a few letters of ending,
// компания, компании; not группировка). Its heads go to *triggers. "" when
// there are none.
static std::string QuotedNamePattern(const OrganizationRuleWords& w,
                                     std::vector<std::string>* triggers) {
  std::vector<std::string> whole, stems;
  for (const auto& [lang, word] : w.quoted_name_after) {
    bool stem = false;
    const std::string head(RuleStem(word, &stem));
    (stem ? stems : whole).push_back(head);
    triggers->push_back(head);
  }
  if (triggers->empty()) return "";
  std::string heads;
  if (!whole.empty()) heads = Alternation(whole);
  if (!stems.empty()) heads += (heads.empty() ? "" : "|") + Alternation(stems) + R"(\p{Ll}{0,3})";
  return "(?:" + heads + ") «([^«»\n]{2,60})»";
}

OrganizationRules::OrganizationRules(const OrganizationRuleWords& words)
    : words_(words),
      government_cjk_heads_(words.government_cjk),
      government_heads_(words.government_country),
      company_heads_(words.company_country),
      articles_(words.article),
      clitics_(words.clitic),
      government_stops_(words.government_stop),
      common_starts_(words.common_start),
      modifier_endings_(words.modifier_ending),
      name_words_(words.name_word),
      name_joiners_(words.name_joiner),
      bare_heads_(words.bare_head),
      bare_body_heads_(words.bare_body_head),
      genitive_words_(words.genitive_word),
      genitive_follows_(words.genitive_follow),
      whole_heads_(words.government_whole) {
  for (const auto& [lang, word] : words_.acronym_connector) acronym_connectors_.insert(word);
  const std::string name = NamePattern(Alternation(words_.name_connector));
  auto all_suffixes = words_.legal;
  all_suffixes.insert(all_suffixes.end(), words_.suffix.begin(), words_.suffix.end());
  // Government heads that end a name count as sector words there ("Supply
  // Chain Resilience Office"); FindLatin() marks such names as government.
  all_suffixes.insert(all_suffixes.end(), words_.government_last.begin(),
                      words_.government_last.end());
  if (!all_suffixes.empty())
    Compile(&suffix_, name + ",? (" + Alternation(all_suffixes) + "(?:,? " +
                      Alternation(all_suffixes) + ")*)");
  if (!words_.legal.empty())
    Compile(&legal_tail_, "(?:,? " + Alternation(words_.legal) + ")+$");
  const std::string exchange =
      words_.exchange.empty() ? "" : "(?:" + Alternation(words_.exchange) + " ?: ?)?";
  // Group 2: the code, with its exchange if any ("ASX: LYC").
  Compile(&ticker_, name + R"( ?\( ?()" + exchange + R"([A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?) ?\))");
  Compile(&lower_acronym_, R"(\(([A-Z]{3,8})\))");
  for (const auto* list : {&words_.head, &words_.suffix, &words_.legal, &words_.government_last})
    for (const auto& [lang, word] : *list) name_heads_.insert(word);
  CompileNamePatterns(name);
  CompileGovernmentPatterns();
  BuildCjkBoundaries();
  BuildTriggers(all_suffixes);
}

// The patterns of names told by a word after them or around them: "X's
// mining arm", "X, the miner", 株式会社 and 公司.
void OrganizationRules::CompileNamePatterns(const std::string& name) {
  if (!words_.business.empty())
    Compile(&possessive_, name + "['’]s (?:" + kWord + " ){0,3}" + Alternation(words_.business) +
                          R"((?:[^\p{L}\p{N}]|$))");
  if (!words_.apposition.empty() && !words_.apposition_follow.empty()) {
    // A follow word with an elided article ends where the next word begins
    // (dell'industria): no word boundary after it.
    std::vector<std::pair<std::string, std::string>> whole, elided;
    for (const auto& w : words_.apposition_follow)
      (EndsWithApostrophe(w.second) ? elided : whole).push_back(w);
    std::string follow = " (?:" + Alternation(whole) + R"()(?:[^\p{L}\p{N}]|$))";
    if (!elided.empty()) follow += "| " + Alternation(elided);
    Compile(&apposition_,
            name + ", " + Alternation(words_.apposition) + "(?:[,.;:)]|$|" + follow + ")");
  }
  const char kCjkName[] = R"([\p{Han}\p{Katakana}\p{Hangul}ー・A-Za-z0-9&]{1,20})";
  if (!words_.cjk_suffix.empty())
    Compile(&cjk_suffix_, std::string("(") + kCjkName + ")" + Alternation(words_.cjk_suffix));
  if (!words_.cjk_prefix.empty())
    Compile(&cjk_prefix_, Alternation(words_.cjk_prefix) + "(" + kCjkName + ")");
  if (!words_.katakana_company.empty())
    Compile(&katakana_, R"(([\p{Katakana}ー・]{2,}|[A-Za-z][A-Za-z0-9&\-]+))" +
                            Alternation(words_.katakana_company));
}

// Government bodies named by their head word ("Ministry of", "ministère
// de"), capitalised or, where the press writes them so, in lower case.
void OrganizationRules::CompileGovernmentPatterns() {
  // A head, then one capitalized word or more ("Ministry of" Trade); or a
  // whole name, then as many as follow ("Cour des comptes", "Tribunal
  // Supremo" Federal).
  // Words after a comma belong to the name only when a connector closes the
  // run ("Ministry of Economy, Trade and Industry"), not a person in
  // apposition ("del Consejo Económico Nacional, Lael Brainard").
  // Connectors join the parts of a body's name after its head: "Ministry
  // of Economy, Trade and Industry", "Bundesministerium für Wirtschaft und
  // Energie", "Istituto Nazionale di Geofisica" (government-connector lines;
  // "of the" only as one word: "Department of Mines and the Chamber of
  // Mines" is two bodies).
  const std::string conn = "(?:" + Alternation(words_.government_connector) + " )";
  // A word after a comma may carry its own connector ("ministère de
  // l'Énergie, des Mines et des Carrières").
  const std::string gov_words = std::string("(?:(?:, ") + conn + "*" + kGovWord + ")+,? " + conn +
                                "+" + kGovWord + "| " + conn + "*" + kGovWord + ")";
  // A first part that ends in an elided article is written onto the next
  // word ("Ministero dell'Economia", "Ministère de l'Intérieur").
  WordList spaced, elided;
  for (const auto& w : words_.government_first)
    (EndsWithApostrophe(w.second) ? elided : spaced).push_back(w);
  std::vector<std::string> gov_forms;
  if (!spaced.empty()) gov_forms.push_back(Alternation(spaced) + "(?: the)?" + gov_words + "+");
  if (!elided.empty()) gov_forms.push_back(Alternation(elided) + kGovWord + gov_words + "*");
  if (!words_.government_name.empty())
    gov_forms.push_back(Alternation(words_.government_name) + gov_words + "*");
  if (!gov_forms.empty()) {
    std::string alternatives;
    for (const std::string& f : gov_forms) alternatives += (alternatives.empty() ? "" : "|") + f;
    Compile(&gov_first_, "((?:" + alternatives + "))");
  }
  const std::string lower = LowerGovernmentPattern(words_);
  if (!lower.empty()) Compile(&gov_lower_, lower);
}

// The CJK heads of government bodies, and the words a CJK name's edge
// never takes (one pattern per distinct word, with every language it has).
void OrganizationRules::BuildCjkBoundaries() {
  std::vector<std::string> heads;
  for (const auto& [lang, head] : words_.government_cjk) {
    heads.push_back(head);
    gov_cjk_head_lang_.push_back(lang);
  }
  gov_cjk_heads_.Build(heads);
  std::vector<std::string> boundary_words;
  std::map<std::string, size_t> boundary_index;
  auto add_boundaries = [&](const WordList& list) {
    for (const auto& [lang, word] : list) {
      auto [it, added] = boundary_index.emplace(word, boundary_words.size());
      if (added) {
        boundary_words.push_back(word);
        boundary_langs_.emplace_back();
        boundary_joiner_.push_back(false);
      }
      boundary_langs_[it->second].push_back(lang);
    }
  };
  add_boundaries(words_.cjk_stop);
  add_boundaries(words_.cjk_lead);
  add_boundaries(words_.cjk_trail);
  for (const auto& [lang, word] : words_.government_joiner) {
    auto it = boundary_index.find(word);
    if (it != boundary_index.end()) boundary_joiner_[it->second] = true;
  }
  boundaries_.Build(boundary_words);
}

// One automaton of every rule's trigger words, each with its rule.
void OrganizationRules::BuildTriggers(const WordList& all_suffixes) {
  std::vector<std::string> triggers;
  auto add = [&](Rule rule, const std::vector<std::string>& words) {
    for (const std::string& w : words) {
      triggers.push_back(w);
      trigger_rule_.push_back(rule);
    }
  };
  add(kSuffix, Texts(all_suffixes));
  add(kTicker, {"("});
  add(kPossessive, {"'s", "’s"});
  add(kApposition, Texts(words_.apposition));
  add(kCjkSuffix, Texts(words_.cjk_suffix));
  add(kCjkPrefix, Texts(words_.cjk_prefix));
  add(kKatakana, Texts(words_.katakana_company));
  std::vector<std::string> gov_triggers = Texts(words_.government_first);
  for (std::string& t : Texts(words_.government_name)) gov_triggers.push_back(std::move(t));
  add(kGovFirst, gov_triggers);
  add(kGovLower, Texts(words_.government_lower));
  std::vector<std::string> quoted_triggers;
  const std::string quoted = QuotedNamePattern(words_, &quoted_triggers);
  add(kQuoted, quoted_triggers);
  if (!quoted.empty()) Compile(&quoted_, quoted);
  triggers_.Build(triggers);
}

OrganizationRules::~OrganizationRules() = default;

bool OrganizationRules::HostBefore(std::string_view text, size_t pos,
                                   const std::string& doc_lang) const {
  for (const auto& [lang, word] : words_.host_before)
    if (LanguageCovers(lang, doc_lang) && pos >= word.size() &&
        text.compare(pos - word.size(), word.size(), word) == 0)
      return true;
  return false;
}

size_t OrganizationRules::NameRunEnd(std::string_view text, size_t from, const std::string& lang,
                                     int max_chars) const {
  size_t end = from;
  for (int n = 0; end < text.size() && n < max_chars; ++n) {
    int32_t i = static_cast<int32_t>(end);
    UChar32 c;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    if (c >= 0 && IsCjkNameChar(c)) {
      end = static_cast<size_t>(i);
      continue;
    }
    size_t joiner = 0;
    for (const auto& [word_lang, word] : words_.government_joiner)
      if (LanguageCovers(word_lang, lang) && StartsWith(text.substr(end), word))
        joiner = word.size();
    if (joiner == 0) break;
    end += joiner;
  }
  return end;
}

std::vector<OrgCandidate> OrganizationRules::Find(std::string_view nfkc,
                                                  const std::string& lang) const {
  // Windows around each rule's trigger words, merged per rule.
  Windows windows[kRules];
  triggers_.FindAll(nfkc, [&](size_t b, size_t e, uint32_t p) {
    size_t wb = b > kBeforeTrigger ? b - kBeforeTrigger : 0;
    while (wb > 0 && (static_cast<unsigned char>(nfkc[wb]) & 0xC0) == 0x80) --wb;
    size_t we = std::min(nfkc.size(), e + kAfterTrigger);
    while (we < nfkc.size() && (static_cast<unsigned char>(nfkc[we]) & 0xC0) == 0x80) ++we;
    Windows& w = windows[trigger_rule_[p]];
    if (!w.empty() && wb >= w.back().first && wb <= w.back().second)
      w.back().second = std::max(w.back().second, we);
    else
      w.emplace_back(wb, we);
  });
  // Triggers come in order of their end, not their start: sort and merge.
  for (Windows& w : windows) {
    std::sort(w.begin(), w.end());
    Windows merged;
    for (const auto& x : w) {
      if (!merged.empty() && x.first <= merged.back().second)
        merged.back().second = std::max(merged.back().second, x.second);
      else
        merged.push_back(x);
    }
    w.swap(merged);
  }
  // The lower-case government names and the names in guillemets are read
  // where their lines' languages cover the document's.
  auto covered = [&](const std::vector<std::pair<std::string, std::string>>& lines) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const auto& x) { return LanguageCovers(x.first, lang); });
  };
  if (!covered(words_.government_lower)) windows[kGovLower].clear();
  if (!covered(words_.quoted_name_after)) windows[kQuoted].clear();
  std::vector<OrgCandidate> out;
  FindLatin(nfkc, windows, &out);
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](OrgCandidate& c) { return !CutAtDateWord(nfkc, &c); }),
            out.end());
  FindCjk(nfkc, windows, lang, &out);
  Scan(nfkc, quoted_, 2, windows[kQuoted], &out, [&](const re2::StringPiece* groups) {
    const size_t b = static_cast<size_t>(groups[0].data() - nfkc.data());
    if (b > 0 && IsWordByte(nfkc[b - 1])) return;
    OrgCandidate c;
    c.begin = static_cast<size_t>(groups[1].data() - nfkc.data());
    c.end = c.id_end = c.begin + groups[1].size();
    out.push_back(std::move(c));
  });
  return out;
}

// "The Ministry of Finance on Monday said", "in the Oval Office on
// Wednesday": a weekday (ICU's wide names, of every locale) is no word of a
// Latin name read by a rule. (Not months: their abbreviations are words of
// names, Indonesian "Des" is "des" in "ministère des Mines".) The name ends before it and the
// connectors before it; false when no two words are left ("Office on Monday").
bool OrganizationRules::CutAtDateWord(std::string_view text, OrgCandidate* c) const {
  if (!c->latin || c->token_starts.size() < 2) return true;
  const DateWords& dates = IcuDateWords();
  for (size_t k = 1; k < c->token_starts.size(); ++k) {
    const size_t b = c->token_starts[k];
    const size_t e = std::min(c->end, std::min(text.find(' ', b), text.size()));
    const std::string word = LowerDateWord(std::string(text.substr(b, e - b)));
    if (dates.weekdays.count(word) == 0) continue;
    size_t keep = k;  // Words kept: the ones before, past trailing connectors.
    auto connector = [&](size_t i) {
      const size_t wb = c->token_starts[i], we = c->token_starts[i + 1] - 1;
      const std::string_view w = text.substr(wb, we - wb);
      return std::any_of(words_.government_connector.begin(), words_.government_connector.end(),
                         [&](const auto& x) { return x.second == w; }) ||
             std::any_of(words_.name_connector.begin(), words_.name_connector.end(),
                         [&](const auto& x) { return x.second == w; });
    };
    while (keep > 1 && connector(keep - 1)) --keep;
    if (keep < 2) return false;
    const size_t end = c->token_starts[keep] - 1;
    c->token_starts.resize(keep);
    c->end = end;
    c->id_end = std::min(c->id_end, end);
    return true;
  }
  return true;
}

bool OrganizationRules::HasNameHead(std::string_view name) const {
  for (size_t b : TokenStarts(name, 0, name.size())) {
    size_t e = name.find(' ', b);
    if (e == std::string_view::npos) e = name.size();
    if (name_heads_.count(std::string(name.substr(b, e - b)))) return true;
  }
  for (const auto* list : {&words_.government_first, &words_.government_name})
    for (const auto& [lang, head] : *list)
      if (name.compare(0, head.size(), head) == 0) return true;
  return false;
}

namespace {

// The bytes of an elided article written onto a word (d', l', d’, L’), or 0.
size_t ElidedArticleLength(std::string_view word) {
  if (word.size() < 3 || std::strchr("dlDL", word[0]) == nullptr) return 0;
  if (word[1] == '\'') return 2;
  if (word.size() > 4 && word.compare(1, 3, "\xE2\x80\x99") == 0) return 4;
  return 0;
}

// A letter without its accent (É -> E): the first of its canonical
// decomposition (ICU), else the letter itself.
UChar32 BaseLetter(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposition;
  if (U_FAILURE(status) || !nfd->getDecomposition(c, decomposition) || decomposition.isEmpty())
    return c;
  return decomposition.char32At(0);
}

// Where the name that `code` abbreviates begins, when `code` (all capitals)
// is the initials of the words that end at `end`; npos if it is not.
// `lower_words`: a lower-case word that is no connector gives its letter too
// (the Romance press writes a body's name so: "Association suisse des
// fabricants et commerçants de métaux précieux (ASFCMP)").
size_t AcronymStart(std::string_view text, size_t end, std::string_view code,
                    const std::set<std::string, std::less<>>& connectors,
                    bool lower_words = false) {
  constexpr size_t kNone = std::string_view::npos;
  if (code.size() < 2) return kNone;
  for (char ch : code)
    if (!std::isupper(static_cast<unsigned char>(ch))) return kNone;
  // The words before `end` on its line, last first, at most kMaxWords.
  constexpr int kMaxWords = 12;
  std::vector<std::pair<size_t, size_t>> words;
  size_t pos = end;
  while (words.size() < kMaxWords && pos > 0 && text[pos - 1] != '\n') {
    size_t b = pos;
    while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
    if (b == pos) break;
    words.emplace_back(b, pos);
    if (b == 0 || text[b - 1] != ' ') break;
    pos = b - 1;
  }
  // Letter of each word: its first, after an elided article (d'Investissement,
  // l’Énergie), without its accent (études gives E).
  auto initial = [&](size_t w) -> UChar32 {
    std::string_view word = text.substr(words[w].first, words[w].second - words[w].first);
    word.remove_prefix(ElidedArticleLength(word));
    const UChar32 c = word.empty() ? -1 : CodePointAt(word, 0);
    return c < 0 ? 0 : BaseLetter(c);
  };
  std::function<int(size_t, size_t, int)> match_once;
  // Matches code[0, j) against words w.. (leftward); capitalized words must
  // take a letter, short lower-case words (of, para, für) may. Returns the
  // index of the first word of the name, or -1.
  // Memo of failed (word, letters left) states: a line of connectors
  // ("of of of ... (OOO)") would otherwise branch at each one.
  std::set<std::pair<size_t, size_t>> failed;
  std::function<int(size_t, size_t, int)> match = [&](size_t w, size_t j, int capitals) -> int {
    if (failed.count({w, j * 16 + static_cast<size_t>(std::min(capitals, 15))})) return -1;
    const int r = match_once(w, j, capitals);
    if (r < 0) failed.insert({w, j * 16 + static_cast<size_t>(std::min(capitals, 15))});
    return r;
  };
  match_once = [&](size_t w, size_t j, int capitals) -> int {
    if (j == 0)
      return capitals >= (lower_words ? 1 : 2) && u_isupper(initial(w - 1))
                 ? static_cast<int>(w) - 1
                 : -1;
    if (w >= words.size()) return -1;
    const UChar32 c = initial(w);
    const UChar32 letter = static_cast<unsigned char>(code[j - 1]);
    if (u_isupper(c)) return c == letter ? match(w + 1, j - 1, capitals + 1) : -1;
    if (!u_islower(c)) return -1;
    if (connectors.count(text.substr(words[w].first, words[w].second - words[w].first)) == 0) {
      if (!lower_words) return -1;
      return u_toupper(c) == letter ? match(w + 1, j - 1, capitals) : -1;
    }
    if (u_toupper(c) == letter) {
      const int r = match(w + 1, j - 1, capitals);
      if (r >= 0) return r;
    }
    return match(w + 1, j, capitals);
  };
  const int first = match(0, code.size(), 0);
  if (first < 0) return kNone;
  // The name begins with a capitalized word: skip lower-case ones.
  return words[static_cast<size_t>(first)].first;
}

}  // namespace

// Where a government name read over commas ("ministère de l'Énergie, des
// Mines et des Carrières") is a list of bodies instead: the first comma after
// which, past its connectors, a head word or a body's first words stand
// ("…Hacienda, del Banco de México", "…, la Secretaría de Economía"). `end`
// when there is none.
size_t OrganizationRules::ListOfBodiesAt(std::string_view text, size_t begin, size_t end) const {
  for (size_t at = text.find(", ", begin); at != std::string_view::npos && at < end;
       at = text.find(", ", at + 2)) {
    size_t w = at + 2;
    // Past the connectors (del, de la, des, l'): words of the government connector list.
    for (bool moved = true; moved && w < end;) {
      moved = false;
      for (const auto& [lang, conn] : words_.government_connector)
        if (text.compare(w, conn.size(), conn) == 0 && w + conn.size() < end &&
            text[w + conn.size()] == ' ') {
          w += conn.size() + 1;
          moved = true;
          break;
        }
    }
    const std::string_view rest = text.substr(w, end - w);
    const std::string_view word = rest.substr(0, rest.find(' '));
    for (const auto& [lang, head] : words_.head)
      if (word == head) return at;
    for (const auto* list : {&words_.government_first, &words_.government_name})
      for (const auto& [lang, first] : *list)
        if (rest.compare(0, first.size(), first) == 0) return at;
  }
  return end;
}

bool OrganizationRules::LatinRuleMatch(std::string_view text, const re2::StringPiece* groups,
                                       Rule rule, bool whole_is_name, OrgCandidate* out) const {
  const size_t b = static_cast<size_t>(groups[0].data() - text.data());
  const size_t e = b + groups[0].size();
  // A name starts at a word start and a suffix ends at a word end.
  if (b > 0 && IsWordByte(text[b - 1])) return false;
  if (whole_is_name && e < text.size() && IsWordByte(text[e])) return false;
  // "The Copi Critical Minerals Project": a capitalized word after the
  // suffix means the name goes on and is not a company's.
  if (whole_is_name && e + 1 < text.size() && text[e] == ' ' &&
      std::isupper(static_cast<unsigned char>(text[e + 1])))
    return false;
  // "Processing of Critical Minerals": a verbal noun and "of" make a
  // common noun phrase, not a name.
  if (whole_is_name) {
    const std::string_view name = text.substr(b, e - b);
    const size_t sp = name.find(' ');
    if (sp != std::string_view::npos && sp > 3 && name.compare(sp - 3, 3, "ing") == 0 &&
        name.compare(sp, 4, " of ") == 0)
      return false;
  }
  // Headlines in Title Case capitalize every word: only a legal form
  // (Ltd, Corp) marks a company there, not a sector word.
  if (whole_is_name && IsTitleCaseLine(text, b) &&
      !(legal_tail_.get() &&
        RE2::PartialMatch(re2::StringPiece(text.data() + b, e - b), *legal_tail_.get())))
    return false;
  OrgCandidate& c = *out;
  c.latin = true;
  c.begin = b;
  if (whole_is_name) {
    c.end = c.id_end = e;
    re2::StringPiece m;
    const re2::StringPiece span(text.data() + b, e - b);
    if (legal_tail_.get() &&
        legal_tail_.get()->Match(span, 0, span.size(), RE2::UNANCHORED, &m, 1) &&
        m.data() != span.data())
      c.id_end = static_cast<size_t>(m.data() - text.data());
  } else {
    c.end = c.id_end = static_cast<size_t>(groups[1].data() - text.data()) + groups[1].size();
    // A year that opens the sentence is no word of the name ("In 2023
    // Fossil Agro, a company …").
    // So is an opening word before it ("Nel 2023 Assomet").
    while (rule == kApposition && c.begin < c.end) {
      const size_t space = text.find(' ', c.begin);
      if (space == std::string_view::npos || space >= c.end) break;
      const std::string word(text.substr(c.begin, space - c.begin));
      if (!std::isdigit(static_cast<unsigned char>(word[0])) && !words_.opener.count(word)) break;
      c.begin = space + 1;
    }
    // An elided article written onto the name is no word of it ("L'Anfia,
    // l'associazione…"): an opener that ends in an apostrophe.
    for (const std::string& o : words_.opener)
      if (rule == kApposition && EndsWithApostrophe(o) && c.end - c.begin > o.size() &&
          text.compare(c.begin, o.size(), o) == 0) {
        c.begin += o.size();
        break;
      }
  }
  c.token_starts = TokenStarts(text, c.begin, c.id_end);
  if (whole_is_name) {
    const std::string_view name = text.substr(c.begin, c.id_end - c.begin);
    for (const auto& [lang, head] : words_.government_last)
      if (name.size() > head.size() && name[name.size() - head.size() - 1] == ' ' &&
          name.compare(name.size() - head.size(), head.size(), head) == 0)
        c.government = true;
  }
  return true;
}

// "Office fédéral de la douane et de la sécurité des frontières (OFDF)": an
// acronym whose letters the lower-case words of the name give too, the name
// led by a capital and holding a head word (Office, Association).
bool OrganizationRules::LowerAcronymMatch(std::string_view text, const re2::StringPiece* groups,
                                          OrgCandidate* out) const {
  const size_t open = static_cast<size_t>(groups[0].data() - text.data());
  const std::string_view code(groups[1].data(), groups[1].size());
  if (open == 0 || text[open - 1] != ' ') return false;
  const size_t name_end = open - 1;
  const size_t first = AcronymStart(text, name_end, code, acronym_connectors_, true);
  if (first == std::string_view::npos) return false;
  // An elided article written onto the first word is no part of the name.
  const size_t begin = first + ElidedArticleLength(text.substr(first, name_end - first));
  const std::string_view name = text.substr(begin, name_end - begin);
  // Capitalized words alone are the ticker rule's; a name without a head is
  // a defined phrase ("Producto interno bruto (PIB)").
  bool lower = false;
  for (size_t b : TokenStarts(name, 0, name.size())) {
    const std::string_view word = name.substr(b, name.find(' ', b) - b);
    lower = lower || (u_islower(CodePointAt(word, 0)) && !acronym_connectors_.count(word));
  }
  if (!lower || !HasNameHead(name) || IsNotOrganization(name)) return false;
  OrgCandidate& c = *out;
  c.latin = c.acronym = true;
  c.begin = begin;
  c.end = c.id_end = name_end;
  c.token_starts = TokenStarts(text, c.begin, c.id_end);
  return true;
}

bool OrganizationRules::Abbreviates(std::string_view text, size_t begin, size_t end,
                                    std::string_view code) const {
  return AcronymStart(text, end, code, acronym_connectors_) == begin;
}

bool OrganizationRules::TickerMatch(std::string_view text, const re2::StringPiece* groups,
                                    OrgCandidate* out) const {
  const size_t b = static_cast<size_t>(groups[0].data() - text.data());
  if (b > 0 && IsWordByte(text[b - 1])) return false;
  const size_t name_end = static_cast<size_t>(groups[1].data() - text.data()) + groups[1].size();
  const std::string_view code(groups[2].data(), groups[2].size());
  OrgCandidate& c = *out;
  c.latin = true;
  c.begin = b;
  c.end = c.id_end = name_end;
  const bool exchange = code.find(':') != std::string_view::npos;
  if (!exchange) {
    // "Comisión para el Mercado Financiero (CMF)": the code is the
    // initials of the words before it, which are the whole name.
    const size_t first = AcronymStart(text, name_end, code, acronym_connectors_);
    if (first != std::string_view::npos) {
      c.begin = first;
      c.acronym = true;
      // A defined phrase names an organization only by a head word
      // ("Régimen de Incentivo para Grandes Inversiones (RIGI)" is a
      // law) or by an organization the gazetteer finds inside it.
      c.needs_organization_inside = !HasNameHead(text.substr(c.begin, c.end - c.begin));
    } else if (TokenStarts(text, c.begin, c.end).size() >= 3 &&
               !HasNameHead(text.substr(c.begin, c.end - c.begin))) {
      // Three words and more before a bare code, none a head, are a
      // phrase with its acronym in another language ("Perjanjian
      // Perlindungan Investasi (IPA)"), not a listed company.
      return false;
    } else if (u_toupper(BaseLetter(CodePointAt(text, c.begin))) !=
               static_cast<unsigned char>(code[0])) {
      // A ticker begins with its company's letter (Lynas (LYC), Glencore
      // (GLEN)); a code that does not is the acronym of a longer name the
      // words before it end ("…et du Commerce (MFAT)", "…der Deutschen
      // Wirtschaft (APA)"), which it does not abbreviate alone.
      return false;
    }
  }
  // "Trade and Economic Partnership Agreement (TEPA)": a treaty.
  if (IsNotOrganization(text.substr(c.begin, c.id_end - c.begin))) return false;
  c.token_starts = TokenStarts(text, c.begin, c.id_end);
  return true;
}

void OrganizationRules::FindLatin(std::string_view text, const Windows* windows,
                                  std::vector<OrgCandidate>* out) const {
  // whole_is_name: the match is the name (suffix rule); otherwise group 1 is.
  auto scan = [&](const LazyRe2& re, Rule rule, bool whole_is_name) {
    // Where the whole match is the name, RE2 need not find group 1 (its
    // submatch search costs more than the match).
    Scan(text, re, whole_is_name ? 1 : 2, windows[rule], out, [&](const re2::StringPiece* groups) {
      OrgCandidate c;
      if (LatinRuleMatch(text, groups, rule, whole_is_name, &c)) out->push_back(std::move(c));
    });
  };
  // Heads that begin a name: the name runs over the capitalized words and
  // connectors after the head ("Bureau of Industry and Security said").
  // A government name that begins with its head: the match, when it is of
  // whole words; `end_of(b, e)` where the name ends (<= b: none).
  auto head_first = [&](const re2::StringPiece* groups, auto&& end_of) {
    const size_t b = static_cast<size_t>(groups[0].data() - text.data());
    const size_t e = b + groups[0].size();
    if ((b > 0 && IsWordByte(text[b - 1])) || (e < text.size() && IsWordByte(text[e]))) return;
    const size_t name_end = end_of(b, e);
    if (name_end <= b) return;
    OrgCandidate c;
    c.latin = c.government = c.head_first = true;
    c.begin = b;
    c.end = c.id_end = name_end;
    c.token_starts = TokenStarts(text, b, name_end);
    out->push_back(std::move(c));
  };
  // "del Ministerio de Hacienda, del Banco de México y de la Secretaría":
  // a list of bodies, each with its head; the first is this one.
  Scan(text, gov_first_, 1, windows[kGovFirst], out, [&](const re2::StringPiece* groups) {
    head_first(groups, [&](size_t b, size_t e) { return ListOfBodiesAt(text, b, e); });
  });
  // The same in lower case, where the capitalized reading found no longer
  // name at the same place.
  const size_t capitalized = out->size();
  Scan(text, gov_lower_, 1, windows[kGovLower], out, [&](const re2::StringPiece* groups) {
    head_first(groups, [&](size_t b, size_t e) {
      for (size_t i = 0; i < capitalized; ++i)
        if ((*out)[i].begin == b && (*out)[i].end >= e) return b;
      return e;
    });
  });
  scan(suffix_, kSuffix, true);
  Scan(text, ticker_, 3, windows[kTicker], out, [&](const re2::StringPiece* groups) {
    OrgCandidate c;
    if (TickerMatch(text, groups, &c)) out->push_back(std::move(c));
  });
  Scan(text, lower_acronym_, 2, windows[kTicker], out, [&](const re2::StringPiece* groups) {
    OrgCandidate c;
    if (LowerAcronymMatch(text, groups, &c)) out->push_back(std::move(c));
  });
  scan(possessive_, kPossessive, false);
  scan(apposition_, kApposition, false);
}

void OrganizationRules::FindCjk(std::string_view text, const Windows* windows,
                                const std::string& lang, std::vector<OrgCandidate>* out) const {
  // name_before: group 1 is the name before a suffix; keep_suffix: the
  // suffix is part of the name (金川集团), not a marker after it (ライナス社).
  auto scan = [&](const LazyRe2& re, Rule rule, bool name_before, bool keep_suffix) {
    const bool group_used = name_before || !keep_suffix;  // Else the match is the name.
    Scan(text, re, group_used ? 2 : 1, windows[rule], out, [&](const re2::StringPiece* groups) {
      size_t b = static_cast<size_t>(groups[0].data() - text.data());
      const size_t e = b + groups[0].size();
      if (name_before) {
        // The name starts after the last boundary word in the run (the
        // suffix is read with it, for the word breaks).
        std::string_view run = text.substr(b, groups[1].size());
        size_t cut = NameStart(text.substr(b, e - b), lang);
        if (cut > run.size()) cut = run.size();
        // ...or at its first province or city, where company names begin.
        size_t start = std::string_view::npos;
        for (const auto& [lang, place] : words_.cjk_name_start) {
          size_t at = run.find(place, cut);
          if (at != std::string_view::npos) start = std::min(start, at);
        }
        if (start != std::string_view::npos) cut = start;
        b += cut;
        if (run.size() - cut < 4) return;  // At least two CJK characters.
      }
      OrgCandidate c;
      c.begin = b;
      c.end = c.id_end =
          keep_suffix ? e : static_cast<size_t>(groups[1].data() - text.data()) + groups[1].size();
      if (name_before && keep_suffix)
        c.suffix_begin = static_cast<size_t>(groups[1].data() - text.data()) + groups[1].size();
      if (!name_before) {
        // A particle written onto the name (한빛광업은) is not part of it.
        for (const auto& [lang, particle] : words_.particle) {
          const std::string_view name = text.substr(c.begin, c.end - c.begin);
          if (name.size() > particle.size() + 6 &&
              name.compare(name.size() - particle.size(), particle.size(), particle) == 0) {
            c.end = c.id_end = c.end - particle.size();
            break;
          }
        }
      }
      out->push_back(std::move(c));
    });
  };
  scan(cjk_suffix_, kCjkSuffix, true, true);
  scan(cjk_prefix_, kCjkPrefix, false, true);
  scan(katakana_, kKatakana, true, false);
}

// Letters of a CJK name: Han, kana and Hangul (no punctuation, no
// particles' hiragana: 中国商務省は stops at は).
bool IsCjkNameChar(UChar32 c) {
  if (c == 0x30FC || c == 0x30FB) return true;  // ー, ・
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(c, &status);
  return s == USCRIPT_HAN || s == USCRIPT_KATAKANA || s == USCRIPT_HANGUL;
}

bool OrganizationRules::IsProvince(std::string_view run, size_t b, size_t e,
                                   const std::string& lang) const {
  size_t k = b;  // The katakana word right before the head.
  while (k > 0 && IsKatakanaLike(CodePointBefore(run, k))) {
    int32_t i = static_cast<int32_t>(k);
    UChar32 c;
    U8_PREV(run.data(), 0, i, c);
    k = static_cast<size_t>(i);
  }
  if (k == b) return false;
  const std::string_view head = run.substr(b, e - b), word = run.substr(k, b - k);
  auto listed = [&](const WordList& list, std::string_view w) {
    return std::any_of(list.begin(), list.end(), [&](const auto& x) {
      return x.second == w && LanguageCovers(x.first, lang);
    });
  };
  // The katakana word ends in a ministry's loanword (ウクライナエネルギー省).
  const bool loanword = std::any_of(
      words_.ministry_loanword.begin(), words_.ministry_loanword.end(), [&](const auto& x) {
        return word.size() >= x.second.size() &&
               word.compare(word.size() - x.second.size(), x.second.size(), x.second) == 0 &&
               LanguageCovers(x.first, lang);
      });
  return listed(words_.province_head, head) && !loanword;
}

bool OrganizationRules::IsTitle(std::string_view token) const {
  if (words_.title.count(std::string(token))) return true;
  for (const std::string& suffix : words_.title_suffix)
    if (token.size() > suffix.size() &&
        token.compare(token.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  return false;
}

namespace {

// ICU's word breaks in UTF-8 `text`, as byte offsets (0 and the end
// included): dictionary-based for Han and kana, so 对外 and 共和国 are
// single words. One iterator per thread, cloned from a first one.
std::vector<size_t> WordBreaks(std::string_view text) {
  std::vector<size_t> out;
  thread_local std::unique_ptr<icu::BreakIterator> iterator;
  UErrorCode status = U_ZERO_ERROR;
  if (!iterator) {
    static const std::unique_ptr<icu::BreakIterator> prototype(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (prototype == nullptr) return out;
    iterator.reset(prototype->clone());
    if (!iterator) return out;
  }
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return out;
  iterator->setText(ut, status);
  if (U_SUCCESS(status))
    for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next())
      out.push_back(static_cast<size_t>(b));
  // The iterator keeps a reference to `ut`: give it an empty text first.
  iterator->setText(icu::UnicodeString());
  utext_close(ut);
  return out;
}

bool StartsWithAt(std::string_view text, size_t pos, std::string_view word) {
  return pos <= text.size() && StartsWith(text.substr(pos), word);
}

}  // namespace

std::vector<OrganizationRules::Boundary> OrganizationRules::Boundaries(
    std::string_view run, const std::string& lang) const {
  std::vector<Boundary> out;
  boundaries_.FindAll(run, [&](size_t b, size_t e, uint32_t p) {
    for (const std::string& l : boundary_langs_[p])
      if (LanguageCovers(l, lang)) {
        out.push_back({b, e, boundary_joiner_[p]});
        return;
      }
  });
  if (out.empty()) return out;
  std::sort(out.begin(), out.end(), [](const Boundary& x, const Boundary& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  // Only a word of its own is a boundary: 对 in 对紫金矿业, not in 对外.
  // A dictionary word made of boundary words only (将与) is one too.
  const std::vector<size_t> breaks = WordBreaks(run);
  auto is_break = [&](size_t pos) { return std::binary_search(breaks.begin(), breaks.end(), pos); };
  std::vector<bool> keep(out.size(), false);
  for (size_t i = 0; i < out.size(); ++i) keep[i] = is_break(out[i].begin) && is_break(out[i].end);
  for (size_t w = 0; w + 1 < breaks.size(); ++w) {
    const size_t a = breaks[w], b = breaks[w + 1];
    size_t covered = a;
    std::vector<size_t> inside;
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i].begin < a || out[i].end > b) continue;
      inside.push_back(i);
      if (out[i].begin <= covered) covered = std::max(covered, out[i].end);
    }
    if (covered == b)
      for (size_t i : inside) keep[i] = true;
  }
  std::vector<Boundary> kept;
  for (size_t i = 0; i < out.size(); ++i)
    if (keep[i]) kept.push_back(out[i]);
  return kept;
}

size_t OrganizationRules::NameStart(std::string_view run, const std::string& lang) const {
  size_t start = 0;
  for (const Boundary& x : Boundaries(run, lang)) start = std::max(start, x.end);
  return start;
}

size_t OrganizationRules::SkipGovernmentLink(std::string_view text, size_t pos,
                                             const std::string& lang) const {
  if (pos < text.size() && text[pos] == ' ') ++pos;
  for (const auto& [word_lang, word] : words_.government_link)
    if (LanguageCovers(word_lang, lang) && StartsWithAt(text, pos, word)) {
      pos += word.size();
      if (pos < text.size() && text[pos] == ' ') ++pos;
      break;
    }
  return pos;
}

bool OrganizationRules::GovernmentAfter(std::string_view text, size_t pos,
                                        const std::string& lang, OrgCandidate* out) const {
  // Korean writes a space between the country and the body (미국 재무부),
  // Japanese may write a link word (米国の商務省).
  size_t from = SkipGovernmentLink(text, pos, lang);
  // The run of name letters, at most kMaxRun characters.
  constexpr int kMaxRun = 16;
  const size_t end = NameRunEnd(text, from, lang, kMaxRun);
  if (end == from) return false;
  // A stop word (verb, preposition, 的, 与) ends the name before it; a
  // joiner (和) only once a head has been read.
  std::string_view run = text.substr(from, end - from);
  for (const Boundary& cut : Boundaries(run, lang)) {
    if (cut.joiner && cut.begin > 0) {
      bool head_before = false;
      gov_cjk_heads_.FindAll(run.substr(0, cut.begin), [&](size_t, size_t, uint32_t p) {
        head_before = head_before || LanguageCovers(gov_cjk_head_lang_[p], lang);
      });
      if (!head_before) continue;
    }
    run = run.substr(0, cut.begin);
    break;
  }
  if (run.empty()) return false;
  // The last head in the run whose name is a body: not 南部 or 政府, and
  // not the start of 部长 or 局面. What follows must be nothing or a
  // particle (재무부는).
  int32_t i = 0;
  UChar32 first;
  U8_NEXT(run.data(), i, static_cast<int32_t>(run.size()), first);
  UErrorCode status = U_ZERO_ERROR;
  const bool hangul = uscript_getScript(first, &status) == USCRIPT_HANGUL;
  size_t best = 0;
  gov_cjk_heads_.FindAll(run, [&](size_t b, size_t e, uint32_t p) {
    // A name needs words before its head, but for a head of 12 bytes or more
    // (four CJK characters: 中央银行, 중앙은행, a central bank written onto its
    // country).
    constexpr size_t kWholeHeadBytes = 12;
    if (b == 0 && e < kWholeHeadBytes) return;
    // 省 is a ministry in Japanese, a province in Chinese.
    if (!LanguageCovers(gov_cjk_head_lang_[p], lang)) return;
    const std::string_view name = run.substr(0, e);
    if (IsProvince(run, b, e, lang)) return;
    for (const auto& [word_lang, word] : words_.not_government) {
      if (name.size() >= word.size() &&
          name.compare(name.size() - word.size(), word.size(), word) == 0)
        return;
      if (StartsWithAt(text, from + b, word) && word.size() > e - b) return;
    }
    const std::string_view rest = run.substr(e);
    bool particle = rest.empty();
    for (const auto& [word_lang, p] : words_.particle) particle = particle || rest == p;
    // Chinese and Japanese runs go on after the head (财政部周三): the stop
    // words have cut what is not part of the name; Hangul runs hold one word.
    if (hangul && !particle) return;
    best = std::max(best, e);
  });
  if (best == 0) return false;
  out->begin = from;
  out->end = out->id_end = from + best;
  out->latin = false;
  out->government = true;
  return true;
}

namespace {

// Word spans [begin, end) in a text (OrganizationRules::WordSpans).
using Spans = std::vector<std::pair<size_t, size_t>>;

// A letter of a name's word; a hyphen joins a compound (Таможенно-тарифной).
bool IsNameWordChar(UChar32 c) { return c >= 0 && (IsWordChar(c) || c == '-'); }

// The words before `begin`, nearest first, each after one space: a comma,
// quote or full stop ends the name's reach. At most `max_words`.
Spans WordsBefore(std::string_view text, size_t begin, size_t max_words) {
  Spans spans;
  size_t pos = begin;
  while (spans.size() < max_words && pos > 0 && text[pos - 1] == ' ') {
    const size_t e = pos - 1;
    size_t b = e;
    while (b > 0) {
      int32_t i = static_cast<int32_t>(b);
      UChar32 c;
      U8_PREV(text.data(), 0, i, c);
      if (!IsNameWordChar(c)) break;
      b = static_cast<size_t>(i);
    }
    if (b == e) break;
    spans.emplace_back(b, e);
    pos = b;
  }
  return spans;
}

// Where `head` read at text[s], inside word spans[w], ends its name's head:
// the end of the word it ends (a stem head, "~", may be followed by its
// ending), holding whole words (Ngân hàng); 0 when it does not fit there.
size_t HeadEnd(std::string_view text, const Spans& spans, size_t w, size_t s,
               const std::string& head) {
  bool stem = false;
  const std::string_view h = RuleStem(head, &stem);
  if (!StartsWithAt(text, s, h)) return 0;
  const size_t he = s + h.size();
  size_t word_end = spans[w].second;
  for (size_t v = w + 1; v-- > 0;)  // The head's word and those after it.
    if (spans[v].first <= he && he <= spans[v].second) {
      word_end = spans[v].second;
      break;
    }
  if (he > word_end || (!stem && he != word_end)) return 0;
  return word_end;
}

// Whether `ending` ends `word` and leaves a stem before it.
bool EndsAfterStem(std::string_view word, std::string_view ending) {
  return word.size() > ending.size() && EndsWith(word, ending);
}

}  // namespace

size_t OrganizationRules::HeadAt(std::string_view text, const WordSpans& spans, size_t w,
                                 const WordsByLanguage& heads, const std::string& lang,
                                 size_t* name_begin) const {
  const size_t e = spans[w].second;
  size_t s = spans[w].first;
  *name_begin = std::string_view::npos;
  // The letters written onto the head: an article stays in the name, a
  // clitic before it is left out.
  for (int attached = 0; attached <= 3; ++attached) {
    const std::string* head = heads.First(
        lang, [&](const std::string& h) { return HeadEnd(text, spans, w, s, h) != 0; });
    if (head != nullptr) {
      if (*name_begin == std::string_view::npos) *name_begin = s;
      return HeadEnd(text, spans, w, s, *head);
    }
    auto fits = [&](const std::string& x) { return StartsWithAt(text, s, x) && s + x.size() < e; };
    if (const std::string* article = articles_.First(lang, fits)) {
      if (*name_begin == std::string_view::npos) *name_begin = s;
      s += article->size();
    } else if (const std::string* clitic = *name_begin == std::string_view::npos
                                               ? clitics_.First(lang, fits)
                                               : nullptr) {
      s += clitic->size();
    } else {
      break;
    }
  }
  return 0;
}

bool OrganizationRules::CapitalModifiersBefore(std::string_view text, const WordSpans& spans,
                                               size_t w, const std::string& lang,
                                               size_t* name_begin) const {
  // Adjectives before a government head are the name's when the first has
  // a capital: Федеральной таможенной службы России, Таможенно-тарифной
  // комиссии (not новой комиссии).
  bool modified = false;
  for (size_t v = w + 1; v < spans.size() && v <= w + kModifiers; ++v) {
    const std::string_view m = text.substr(spans[v].first, spans[v].second - spans[v].first);
    if (!modifier_endings_.First(lang, [&](const std::string& x) { return EndsAfterStem(m, x); }))
      break;
    if (u_isupper(CodePointAt(text, spans[v].first))) {
      *name_begin = spans[v].first;
      modified = true;
    }
  }
  return modified;
}

bool OrganizationRules::NameBeforeCountry(std::string_view text, const WordSpans& spans,
                                          size_t w, size_t head_end, size_t name_begin,
                                          size_t end, bool company, const std::string& lang,
                                          OrgCandidate* out) const {
  // The words between the head and the country, in text order.
  WordSpans between;
  for (size_t v = 0; v < w; ++v)
    if (spans[v].first > head_end) between.insert(between.begin(), spans[v]);
  if (between.size() > MaxWordsBetween(lang)) return false;
  const bool modified = !company && CapitalModifiersBefore(text, spans, w, lang, &name_begin);
  // A head alone before its country names no body (комиссии Бразилии)
  // unless adjectives make the name, or the head is a whole short name
  // (Минэнерго Монголии).
  size_t whole_begin = 0;
  if (between.empty() && !modified && HeadAt(text, spans, w, whole_heads_, lang, &whole_begin) == 0)
    return false;
  // Latin-script names write their words with capitals: Bộ Tài chính Mỹ is
  // a ministry, Bộ trưởng Tài chính Mỹ a minister.
  if (!between.empty()) {
    const UChar32 first = CodePointAt(text, between.front().first);
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(first, &status) == USCRIPT_LATIN && !u_isupper(first)) return false;
  }
  out->latin = false;
  out->token_starts.clear();
  out->home_after = true;
  if (!company) {
    out->begin = name_begin;
    out->end = out->id_end = end;
    out->government = true;
    return true;
  }
  // A company's name is the words between, none of them a common noun.
  for (const auto& word : between)
    if (common_starts_.First(lang,
                             [&](const std::string& c) { return StartsWithAt(text, word.first, c); }))
      return false;
  if (between.empty() || between.size() > 3) return false;
  out->begin = between.front().first;
  out->end = out->id_end = between.back().second;
  out->government = false;
  return true;
}

size_t OrganizationRules::MaxWordsBetween(const std::string& lang) const {
  for (const auto& [line_lang, n] : words_.words_between)
    if (LanguageCovers(line_lang, lang)) return n;
  return kMaxWordsBetween;
}

size_t OrganizationRules::WindowBefore(std::string_view nfkc, size_t begin) {
  const WordSpans spans = WordsBefore(
      nfkc, begin, OrganizationRuleWords::kMaxWordsBetweenAny + kHeadWords + kModifiers);
  return spans.empty() ? begin : spans.back().first;
}

bool OrganizationRules::GovernmentBefore(std::string_view text, size_t begin, size_t end,
                                         const std::string& lang, bool demonym,
                                         OrgCandidate* out) const {
  if (government_heads_.empty() && company_heads_.empty()) return false;
  const WordSpans spans = WordsBefore(text, begin, MaxWordsBetween(lang) + kHeadWords + kModifiers);
  for (size_t w = 0; w < spans.size(); ++w) {
    const std::string_view word = text.substr(spans[w].first, spans[w].second - spans[w].first);
    if (government_stops_.First(lang, [&](const std::string& s) { return s == word; }))
      return false;
    // The nearest word that holds a head decides.
    for (const bool company : {false, true}) {
      size_t name_begin = 0;
      const size_t head_end =
          HeadAt(text, spans, w, company ? company_heads_ : government_heads_, lang, &name_begin);
      if (head_end == 0) continue;
      // Where names take the article (ar), a company's country adjective
      // takes it too: شركة أورانو الفرنسية is Orano; شركة تعدين أسترالية,
      // "an Australian mining company", names none.
      auto at_begin = [&](const std::string& c) { return StartsWithAt(text, begin, c); };
      if (company && demonym && common_starts_.Covers(lang) &&
          !common_starts_.First(lang, at_begin))
        return false;
      return NameBeforeCountry(text, spans, w, head_end, name_begin, end, company, lang, out);
    }
  }
  return false;
}

namespace {

// The words from `begin` on, each after one space: any other character
// ends the run (a comma, a full stop, a quote). At most `max_words`.
Spans WordsAfter(std::string_view text, size_t begin, size_t max_words) {
  Spans spans;
  size_t pos = begin;
  while (spans.size() < max_words && pos < text.size()) {
    size_t e = pos;
    while (e < text.size()) {
      int32_t i = static_cast<int32_t>(e);
      UChar32 c;
      U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
      if (!IsNameWordChar(c)) break;
      e = static_cast<size_t>(i);
    }
    if (e == pos) break;
    spans.emplace_back(pos, e);
    if (e >= text.size() || text[e] != ' ') break;
    pos = e + 1;
  }
  return spans;
}

}  // namespace

bool OrganizationRules::GovernmentBare(std::string_view text, size_t begin, const std::string& lang,
                                       const std::function<bool(size_t, size_t)>& is_place,
                                       OrgCandidate* out) const {
  constexpr size_t kMaxBareWords = 5;  // وزارة الطاقة والبنية التحتية
  const Spans spans = WordsAfter(text, begin, kMaxBareWords + 2);
  if (spans.size() < 2) return false;
  size_t name_begin = 0;
  const Spans head{spans[0]};
  // A company's or an association's head (الشركة, مركز) names one only
  // with a genitive word among its name words (الشركة الوطنية للحديد
  // والصلب; not الشركة الصينية, "the Chinese company"), and a country's
  // adjective may stand inside it (الشركة الصينية للهندسة).
  bool body = false;
  if (HeadAt(text, head, 0, bare_heads_, lang, &name_begin) == 0) {
    if (HeadAt(text, head, 0, bare_body_heads_, lang, &name_begin) == 0) return false;
    body = true;
  }
  // A lower-case head is a common noun (министерство, службы): a bare name
  // is written with its capital, or in a script without case.
  if (u_islower(CodePointAt(text, name_begin))) return false;
  auto word_at = [&](size_t w) {
    return text.substr(spans[w].first, spans[w].second - spans[w].first);
  };
  // Whether word w goes on the name: a name-word form, whole, as a prefix
  // or as an ending after a stem; `joins`: a name-joiner (so too as a
  // prefix: و~ in "وزارة التجارة الخارجية وترقية الصادرات", which joins only
  // when a name word follows it).
  auto form_of = [](std::string_view word) {
    return [word](const std::string& x) {
      if (x.size() > 1 && x.back() == '~')
        return StartsWith(word, std::string_view(x).substr(0, x.size() - 1)) &&
               word.size() > x.size() - 1;
      if (x.size() > 1 && x.front() == '~')
        return EndsAfterStem(word, std::string_view(x).substr(1));
      return word == x;
    };
  };
  bool genitive = false;  // A company's genitive word came.
  auto name_word = [&](size_t w, bool* joins) {
    const std::string_view word = word_at(w);
    auto is = [&](const std::string& x) { return x == word; };
    if (government_stops_.First(lang, is)) return false;
    // A company's name may hold a country's adjective before its genitive
    // word (الشركة الصينية للهندسة); one after it is the company's home.
    if (is_place(spans[w].first, spans[w].second)) return body && !genitive;
    if (name_words_.First(lang, form_of(word)) != nullptr) return true;
    *joins = name_joiners_.First(lang, form_of(word)) != nullptr;
    return *joins;
  };
  size_t last = 0;  // The last name word.
  // Another body's head, joined or not, begins another name (الهيئة العامة
  // للمنافسة وهيئة السوق المالية: two bodies).
  auto another_head = [&](size_t w) {
    size_t unused = 0;
    const Spans one{spans[w]};
    return HeadAt(text, one, 0, bare_heads_, lang, &unused) != 0 ||
           HeadAt(text, one, 0, bare_body_heads_, lang, &unused) != 0;
  };
  for (size_t w = 1; w < spans.size() && w <= kMaxBareWords; ++w) {
    bool joins = false;
    if (another_head(w) || !name_word(w, &joins)) break;
    // After a company's genitive word only its joined words and adjectives
    // go on (للحديد والصلب, للهندسة المعمارية; not المشروع, the object).
    if (body && genitive && genitive_follows_.First(lang, form_of(word_at(w))) == nullptr) break;
    if (!joins) last = w;
    genitive = genitive || genitive_words_.First(lang, form_of(word_at(w))) != nullptr;
  }
  if (last == 0 || (body && !genitive)) return false;
  // "وزارة الخزانة الأمريكية", "Министерство финансов России": a place right
  // after the name ends it: GovernmentBefore()'s body, with its home.
  const bool home_after =
      last + 1 < spans.size() && is_place(spans[last + 1].first, spans[last + 1].second);
  if (!body && home_after) return false;
  out->begin = name_begin;
  out->end = out->id_end = spans[last].second;
  out->latin = false;
  out->token_starts.clear();
  out->government = !body;
  out->home_after = home_after;
  return true;
}

}  // namespace kgx
