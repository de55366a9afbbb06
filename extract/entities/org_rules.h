// Rules that find organizations the gazetteer does not list, from the shape
// of company names (gazetteers/organization_rules.tsv holds every word):
//
//  - Latin names ending in a legal form or sector word: "Tivan Resources Ltd",
//    "Acme Mining Corp" (the id drops the legal form: "Acme Mining");
//  - a name before a ticker bracket: "Alcoa ( AA )", "Lynas (ASX: LYC)";
//  - a possessive before a business noun: "Tivan's Speewah project";
//  - a name before an apposition: "Fossil Agro, a company linked to";
//  - CJK legal forms and sector words: 江西铜业股份有限公司, 株式会社ヤマト, (주)한빛;
//  - a katakana (or Latin) name before 社: ライナス社;
//  - government bodies from their heads: "Ministry of Finance", "Bureau of
//    Industry and Security", "Ministère des Armées", "Kementerian Investasi"
//    (a head that begins the name), "Supply Chain Resilience Office" (a head
//    that ends it), and after a country the matcher found, a CJK run that ends
//    in a head: 美国财政部, 豪産業科学資源省, 미국 재무부 (GovernmentAfter());
//    and before a country, in the languages that write the home after the
//    body, without capitals or with case endings: Министерство коммерции
//    КНР, وزارة الخزانة الأمريكية, Bộ Tài chính Mỹ; a company head there
//    marks the words between as a company's name: شركة أورانو الفرنسية
//    (GovernmentBefore()).
//
// Candidates come back with the token starts of their name so the matcher
// can trim leading words that are places or sentence openers ("Australia's
// Tivan Resources" -> "Tivan Resources") before deciding overlaps.
// Thread safety: Find() is const and reentrant.
#ifndef KGX_EXTRACT_ENTITIES_ORG_RULES_H_
#define KGX_EXTRACT_ENTITIES_ORG_RULES_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/aho_corasick.h"
#include "base/regex.h"
#include "extract/read/language.h"

namespace re2 {
class RE2;
}

namespace kgx {

// Whether `c` is a letter of a CJK name: Han, katakana (with ー and ・) or
// Hangul; hiragana particles and punctuation end one.
bool IsCjkNameChar(int32_t c);

// The words of organization_rules.tsv, by role; each entry is (lang, text).
struct OrganizationRuleWords {
  // apposition: an organization noun with its article after a name and a
  // comma ("Fossil Agro, a company linked to", "Assomet, l'associazione delle
  // industrie"), when one of the apposition-follow words comes next (or a
  // comma or full stop): the name before it is an organization's.
  std::vector<std::pair<std::string, std::string>> apposition, apposition_follow;
  std::vector<std::pair<std::string, std::string>> legal, suffix, exchange, business, cjk_suffix,
      cjk_prefix, cjk_name_start, katakana_company, particle;
  // Boundaries of CJK names, per language: words that stand before a name
  // and are never its start (据, 依照, 其, 当地, 包括, 由, 向; 同社, 傘下),
  // words that stand after one and never continue it (表示, 称, 宣布;
  // によると, など), and cjk-stop words that do both (的, 与, 在; の, は).
  // A name read by a rule begins after the last of them in its run and a
  // name read forward ends at the first, where the word stands as a word of
  // its own by ICU's dictionary word breaks (对 cuts 对紫金矿业, not
  // 中国对外承包工程商会).
  std::vector<std::pair<std::string, std::string>> cjk_lead, cjk_trail, cjk_stop;
  // Words that make a phrase an organization's name wherever they stand
  // (Bank, Council, Comisión, Asosiasi): an acronym defined after a phrase
  // ("Comisión para el Mercado Financiero (CMF)") names an organization
  // only when the phrase holds one of them, a suffix, legal form or head.
  std::vector<std::pair<std::string, std::string>> head;
  // Government heads: Latin words that begin a name (Ministry of, Ministère)
  // or end one (Office, Agency); CJK heads that end one (部, 省, 청).
  std::vector<std::pair<std::string, std::string>> government_first, government_last,
      government_cjk;
  // A word between a country and the CJK body after it (米国の商務省, 미국의
  // 재무부): the country is still the body's home; the word is no part of it.
  std::vector<std::pair<std::string, std::string>> government_link;
  // A word right before a country inside a CJK body's name that makes it the
  // host, not the home (中国|驻加拿大|大使馆: China's embassy in Canada).
  std::vector<std::pair<std::string, std::string>> host_before;
  // A whole body's name that may stand alone, its head and the words that
  // make it one body (Cour des comptes, Ministério Público, Corte
  // costituzionale): like government_first, but no capitalized word need follow.
  std::vector<std::pair<std::string, std::string>> government_name;
  // CJK words that end in a head but name no body (南部, 政府, 当局) or that
  // a head begins (部长, 局面): no government name ends or stops there.
  std::vector<std::pair<std::string, std::string>> not_government;
  // CJK heads that after a name in katakana name a province, no body
  // (タイグエン省, ラムドン省: a ministry's name before 省 is a function in
  // kanji, 商工省, 外務省).
  std::vector<std::pair<std::string, std::string>> province_head;
  // Loanwords that name a ministry's function in katakana right before its
  // head (エネルギー省, ナミビア鉱山エネルギー省, デジタル庁): no province.
  std::vector<std::pair<std::string, std::string>> ministry_loanword;
  // CJK conjunctions inside a body's name (能源和矿产资源部) that end it only
  // after a head (财政部和商务部: two bodies).
  std::vector<std::pair<std::string, std::string>> government_joiner;
  // Heads of names that end at their home country, a few words on
  // (Министерств~ коммерции КНР, وزارة الخزانة الأمريكية, Bộ Tài chính Mỹ;
  // "~": a stem, the word goes on with its case ending), and company heads
  // whose name is the words between (شركة أورانو الفرنسية). Letters written
  // onto the head: `clitic` ones are left out of the name (و, ب, ل),
  // `article` ones stay in it (البنك). `government-stop` words are never
  // inside such a name (prepositions: к, في, với), and a word starting
  // with a `common-start` (ال) is no company name. Words before the head
  // with a `modifier-ending` (adjectives: -ой, -ая) are the name's when the
  // first has a capital (Федеральной таможенной службы России).
  std::vector<std::pair<std::string, std::string>> government_country, company_country, clitic,
      article, government_stop, common_start, modifier_ending;
  // `government-whole`: government-country heads that are a body's whole
  // short name (Минэнерго, МИД): right before a country they name its body
  // ("Минэнерго Монголии"), where a bare head names none (комиссии Бразилии).
  std::vector<std::pair<std::string, std::string>> government_whole;
  // How the words of a government-country head's name go on when no
  // country ends it (وزارة الاقتصاد, Министерство экономики): `name-word`
  // lines, "ال~" a word starting so (وال~: والثروة), "~ов" one
  // ending so after a stem (a genitive), a bare word that word itself
  // (дел); `name-joiner` words ("и") join two such words. `bare-head`: the
  // heads that name a body so (وزارة, Министерств~; not مجلس: مجلس الوزراء
  // is a cabinet, مجلس النواب a chamber). `bare-body-head`: a company's or
  // association's head that names one so only with a `genitive-word` among
  // the name words (الشركة الوطنية للحديد والصلب: لل~), after which only
  // `genitive-follow` words go on (joined words and adjectives: وال~, ~ية).
  std::vector<std::pair<std::string, std::string>> name_word, name_joiner, bare_head,
      bare_body_head, genitive_word, genitive_follow;
  // Lower-case words inside Latin names: `name-connector` between the words
  // of a company's name (of, de, für), `government-connector` after a
  // government head (of the, de, für, dan, di), `acronym-connector` the
  // words an acronym's initials may skip ("Department of Energy (DOE)").
  std::vector<std::pair<std::string, std::string>> name_connector, government_connector,
      acronym_connector;
  // Heads the Romance press writes a body's lower-case name after
  // (`government-lower`: ministère, Ministero, Amministrazione), the words
  // joining its parts (e, et, y), the connectors that open each part
  // (delle, de l', dell') and the endings of an adjective after the head
  // (generale, nigérian).
  std::vector<std::pair<std::string, std::string>> government_lower, government_lower_joiner,
      government_lower_connector, government_lower_adjective;
  // Legal forms and company nouns a name in guillemets follows (АО
  // «Мангазея Плюс», группа «Мангазея»; "~": any ending).
  std::vector<std::pair<std::string, std::string>> quoted_name_after;
  std::set<std::string> not_name;
  std::set<std::string> opener;  // Never a name's first word (The, In).
  // A person's title (Minister, Präsident, Menteri): a name that starts with
  // one is a person's ("Minister Smith"); title_suffix ends German compounds
  // (Bundesfinanzminister).
  std::set<std::string> title;
  std::vector<std::string> title_suffix;
  std::set<std::string> not_organization;  // Phrases that are no name: Joint Statement.
  // Last words that make a name-shaped phrase a treaty's or an act's name,
  // no organization's: "Trade and Economic Partnership Agreement".
  std::set<std::string> not_organization_last;
  // How many words a government name may hold between its head and its
  // country, by language (`words-between`: Vietnamese counts syllables, Cơ
  // quan Hải quan và Bảo vệ Biên giới Hoa Kỳ); kMaxWordsBetween where no
  // line's language covers the document's.
  std::map<std::string, size_t> words_between;
  static constexpr size_t kMaxWordsBetweenAny = 12;
  // Adds a line of organization_rules.tsv; "" or what is wrong with it (an
  // unknown role, a count out of range).
  std::string Add(const std::string& role, const std::string& lang, const std::string& text);
  // Adds every Chinese word of the CJK roles in the other script too, made
  // with ICU's Hans-Hant and Hant-Hans transliterators (据 gives 據, 集團
  // gives 集团), so a line is written once; a zh-Hans line's form is
  // zh-Hant and back, a zh line's stays zh. Call once, before the rules are
  // built from the words. `memo` (may be null) maps (ICU transliterator id,
  // word) to the converted form: entries found there are not converted
  // again, and those made are added (Model caches them on disk).
  void AddScriptConversions(
      std::map<std::pair<std::string, std::string>, std::string>* memo = nullptr);
};

struct OrgCandidate {
  size_t begin = 0, end = 0;       // NFKC byte offsets of the name as reported.
  size_t id_end = 0;               // End of the id (before a trailing legal form).
  std::vector<size_t> token_starts;  // Latin rules: where each name word starts.
  bool latin = false;
  bool government = false;         // Named by a government head: kind agency.
  bool head_first = false;         // The head begins the name (Ministry of...).
  // The name is defined by the acronym after it ("Contemporary Brunp Lygend
  // (CBL)"): it wins over a listed organization inside it, and when it has
  // no head word it is a name only if one is inside (else it is a law or a
  // programme: "Régimen de Incentivo para Grandes Inversiones (RIGI)").
  bool acronym = false;
  // CJK names by a suffix: where it begins (金川|集团). A listed company at
  // the start of the name with more words before the suffix is another
  // company's part of the name: 首钢|秘鲁铁矿|公司 is Shougang's subsidiary.
  size_t suffix_begin = 0;
  bool needs_organization_inside = false;
  // Named with its home country right after it (GovernmentBefore()): a
  // listed body inside of another country gives way (Bộ Tài chính, Vietnam's,
  // in Bộ Tài chính Mỹ); without a government head, a company.
  bool home_after = false;
};

// A rule word without its stem mark: "Министерств~" is the stem
// "Министерств", which any ending may follow (*stem true); other words are
// themselves.
inline std::string_view RuleStem(std::string_view word, bool* stem = nullptr) {
  const bool s = !word.empty() && word.back() == '~';
  if (stem != nullptr) *stem = s;
  return s ? word.substr(0, word.size() - 1) : word;
}

class OrganizationRules {
 public:
  explicit OrganizationRules(const OrganizationRuleWords& words);
  ~OrganizationRules();
  // Candidates in `nfkc`, a document in language `lang` (BCP 47, as
  // language.h gives it): CJK boundary words and government heads apply
  // where their line's language covers it (LanguageCovers()).
  std::vector<OrgCandidate> Find(std::string_view nfkc, const std::string& lang) const;
  // A government body written right after a country that ends at `pos`
  // (美国|财政部, 미국| 재무부는): the CJK run from `pos` up to its last head,
  // cut at the first stop word and not ending in a not-government word.
  // The candidate starts at `pos`; the caller puts the country in front.
  bool GovernmentAfter(std::string_view nfkc, size_t pos, const std::string& lang,
                       OrgCandidate* out) const;
  // Where a body after the country ending at `pos` may begin: past one
  // space and a government-link word (米国|の|商務省, 미국|의 |재무부).
  size_t SkipGovernmentLink(std::string_view nfkc, size_t pos, const std::string& lang) const;
  // Where the run of CJK name letters from `from` ends, after at most
  // `max_chars` characters; a government-joiner word of the language that is
  // no name letter (zh 、: 投资、贸易和工业部) continues it.
  size_t NameRunEnd(std::string_view nfkc, size_t from, const std::string& lang,
                    int max_chars) const;
  // Where the words GovernmentBefore() reads before a country at `begin`
  // start (its word window: kMaxWordsBetweenAny + kHeadWords + kModifiers
  // words joined by spaces); `begin` when there are none. A gate may look
  // for heads in [result, begin) only, and never walks further back.
  static size_t WindowBefore(std::string_view nfkc, size_t begin);
  // A body whose name ends with the country the matcher found at [begin,
  // end) (Министерство коммерции КНР, وزارة الخزانة الأمريكية): the nearest
  // government-country head of `lang` at most a few words before it, with
  // one word or more between, only spaces around them and no stop word;
  // in Latin script the word after the head has a capital (Bộ Tài chính Mỹ,
  // not Bộ trưởng). The candidate runs from the head (its article kept) to
  // `end`. A company-country head (شركة أورانو الفرنسية) makes the words
  // between a company's name (home_after), none of them a common noun; where
  // names take the article (ar), a country adjective (`demonym`) after a
  // company head takes it too (شركة تعدين أسترالية names none).
  bool GovernmentBefore(std::string_view nfkc, size_t begin, size_t end, const std::string& lang,
                        bool demonym, OrgCandidate* out) const;
  // A body named by a bare-head at the word starting at
  // `begin` and the name words after it, with no country to end it
  // (وزارة الصناعة والثروة المعدنية, Министерства промышленности и
  // торговли): up to kMaxBareWords name words (name-word lines of `lang`),
  // none a government-stop word; a lower-case head (министерство) names
  // none; `is_place(b, e)` says whether a word is a
  // place the matcher found: the run ends before it, and when it is the
  // word right after the run the body is GovernmentBefore()'s, not this.
  bool GovernmentBare(std::string_view nfkc, size_t begin, const std::string& lang,
                      const std::function<bool(size_t, size_t)>& is_place, OrgCandidate* out) const;
  // Whether `lang` has bare-head lines (GovernmentBare() can read a name).
  bool HasBareNames(const std::string& lang) const {
    return bare_heads_.Covers(lang) || bare_body_heads_.Covers(lang);
  }
  // The heads those two read, by language (government-cjk for
  // GovernmentAfter(); government-country and company-country, stems with
  // their "~", for GovernmentBefore()): a caller may look for them first.
  const WordsByLanguage& government_cjk_heads() const { return government_cjk_heads_; }
  const WordsByLanguage& government_heads() const { return government_heads_; }
  const WordsByLanguage& company_heads() const { return company_heads_; }
  const WordsByLanguage& bare_heads() const { return bare_heads_; }
  const WordsByLanguage& bare_body_heads() const { return bare_body_heads_; }
  // Where a CJK name inside `run` (a document in `lang`) begins: after the
  // last boundary word that stands as a word in it; 0 when none does.
  size_t NameStart(std::string_view run, const std::string& lang) const;
  bool IsTitle(std::string_view token) const;
  // Whether the head run[b, e) of a CJK run (a document in `lang`) names a
  // province after the katakana word before it (タイグエン省), not a body:
  // a province-head, and no ministry-loanword (エネルギー省) before it.
  bool IsProvince(std::string_view run, size_t b, size_t e, const std::string& lang) const;
  // Whether a word of `name` is a head, sector word or legal form (Bank,
  // Comisión, Resources, Ltd), or it begins with a government head.
  bool HasNameHead(std::string_view name) const;
  // Cuts a Latin rule name before a weekday; false when
  // less than two words are left.
  bool CutAtDateWord(std::string_view text, OrgCandidate* c) const;
  bool IsNotOrganization(std::string_view name) const {
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    const size_t space = name.rfind(' ');
    return words_.not_organization.count(std::string(name)) > 0 ||
           (space != std::string_view::npos &&
            words_.not_organization_last.count(std::string(name.substr(space + 1))) > 0);
  }
  bool IsNotName(std::string_view token) const { return words_.not_name.count(std::string(token)) > 0; }
  // Whether a host-before word (驻) of the document's language ends right at `pos`.
  bool HostBefore(std::string_view text, size_t pos, const std::string& doc_lang) const;
  // Whether `code` (all capitals) is the initials of the words of
  // text[begin, end) (the acronym rule's test: Shanghai Metals Market, SMM).
  bool Abbreviates(std::string_view text, size_t begin, size_t end, std::string_view code) const;
  // An opener line that starts with "-" ends a hyphenated word that opens no
  // name ("-listed": "Canadian-listed Turquoise Hill Resources").
  bool IsOpener(std::string_view token) const {
    if (words_.opener.count(std::string(token)) > 0) return true;
    const size_t dash = token.rfind('-');
    return dash != std::string_view::npos && dash > 0 &&
           words_.opener.count(std::string(token.substr(dash))) > 0;
  }

 private:
  // Where a rule can match: windows around its trigger words (a suffix, "(",
  // "'s"), merged; rules run only there.
  // One automaton holds every rule's triggers; Find() makes one pass.
  enum Rule {
    kSuffix,
    kTicker,
    kPossessive,
    kApposition,
    kCjkSuffix,
    kCjkPrefix,
    kKatakana,
    kGovFirst,
    kGovLower,
    kQuoted,
    kRules
  };
  using Windows = std::vector<std::pair<size_t, size_t>>;
  // The constructor's steps: each compiles the patterns or builds the
  // automata of one kind of rule from words_.
  void CompileNamePatterns(const std::string& name);
  void CompileGovernmentPatterns();
  void BuildCjkBoundaries();
  void BuildTriggers(const std::vector<std::pair<std::string, std::string>>& all_suffixes);
  // Runs `re` over the windows (compiling it on the first window), calling on_match(groups) per match, in text
  // order; a match that reaches a cut window edge reruns the whole text.
  // `groups_used`: 1 when on_match reads only the whole match, else 2.
  template <typename F>
  void Scan(std::string_view text, const LazyRe2& re, int groups_used, Windows windows,
            std::vector<OrgCandidate>* out, F&& on_match) const;
  void FindLatin(std::string_view text, const Windows* windows,
                 std::vector<OrgCandidate>* out) const;
  // FindLatin()'s readings of one match: a suffix, possessive or
  // apposition rule's (`whole_is_name`: the match is the name, else group
  // 1), and a ticker's; false when the match names no organization.
  bool LatinRuleMatch(std::string_view text, const re2::StringPiece* groups, Rule rule,
                      bool whole_is_name, OrgCandidate* out) const;
  bool LowerAcronymMatch(std::string_view text, const re2::StringPiece* groups,
                         OrgCandidate* out) const;
  bool TickerMatch(std::string_view text, const re2::StringPiece* groups, OrgCandidate* out) const;
  void FindCjk(std::string_view text, const Windows* windows, const std::string& lang,
               std::vector<OrgCandidate>* out) const;
  // A boundary word found in a run: byte offsets within the run, and
  // whether it is a joiner (和 inside 能源和矿产资源部).
  struct Boundary {
    size_t begin, end;
    bool joiner;
  };
  // The boundary words of `lang` in `run` that stand as words of their own
  // (ICU word breaks on both sides), by position.
  std::vector<Boundary> Boundaries(std::string_view run, const std::string& lang) const;
  // Where a government name read over commas is a list of bodies instead (a
  // head or a body's first words after a comma): that comma; `end` if none.
  size_t ListOfBodiesAt(std::string_view text, size_t begin, size_t end) const;

  // GovernmentBefore()'s steps. Word spans [begin, end) in the text, the
  // words before the country nearest first.
  using WordSpans = std::vector<std::pair<size_t, size_t>>;
  // A name holds at most kMaxWordsBetween words between its head (of up to
  // kHeadWords words) and its country (Министерстве горнодобывающей
  // промышленности и геологии Узбекистана), and kModifiers adjectives
  // before the head.
  static constexpr size_t kMaxWordsBetween = 6, kHeadWords = 2, kModifiers = 2;
  size_t MaxWordsBetween(const std::string& lang) const;
  // Where the head of `heads` in word spans[w] ends (the end of its last
  // word), past the letters written onto it (clitics left out of the name:
  // و, ب, ل; articles kept: ال); 0 when the word holds none. *name_begin:
  // where the name begins (at the article, else at the head).
  size_t HeadAt(std::string_view text, const WordSpans& spans, size_t w,
                const WordsByLanguage& heads, const std::string& lang, size_t* name_begin) const;
  // Whether adjectives stand before the head in spans[w] (a modifier-ending,
  // up to kModifiers of them) with a capital on one: then *name_begin moves
  // to the farthest such.
  bool CapitalModifiersBefore(std::string_view text, const WordSpans& spans, size_t w,
                              const std::string& lang, size_t* name_begin) const;
  // The candidate of the head in spans[w] ending at `head_end`, the name
  // running to the country's `end` (a company's: the words between).
  bool NameBeforeCountry(std::string_view text, const WordSpans& spans, size_t w, size_t head_end,
                         size_t name_begin, size_t end, bool company, const std::string& lang,
                         OrgCandidate* out) const;

  OrganizationRuleWords words_;
  // Compiled on first use: most runs never need most of them.
  LazyRe2 suffix_, ticker_, possessive_, apposition_, cjk_suffix_, cjk_prefix_, katakana_;
  LazyRe2 legal_tail_, gov_first_, gov_lower_, quoted_, lower_acronym_;
  std::set<std::string> name_heads_;  // For HasNameHead().
  AhoCorasick gov_cjk_heads_;  // Heads ending a CJK government name.
  std::vector<std::string> gov_cjk_head_lang_;  // Per pattern of gov_cjk_heads_.
  // Every boundary word (lead, trail, stop) in one automaton; per pattern,
  // the languages of its lines and whether it is a joiner.
  AhoCorasick boundaries_;
  std::vector<std::vector<std::string>> boundary_langs_;
  std::vector<bool> boundary_joiner_;
  AhoCorasick triggers_;
  std::vector<Rule> trigger_rule_;  // Per pattern of triggers_.
  // GovernmentBefore()'s words by language: each word read only in the
  // documents its line's language covers.
  WordsByLanguage government_cjk_heads_, government_heads_, company_heads_, articles_, clitics_,
      government_stops_, common_starts_, modifier_endings_, name_words_, name_joiners_, bare_heads_,
      bare_body_heads_, genitive_words_, genitive_follows_, whole_heads_;
  // The words an acronym's initials may skip (acronym-connector lines).
  std::set<std::string, std::less<>> acronym_connectors_;
};

}  // namespace kgx

#endif  // KGX_EXTRACT_ENTITIES_ORG_RULES_H_
