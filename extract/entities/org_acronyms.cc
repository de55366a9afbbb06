#include "extract/entities/org_acronyms.h"
#include "extract/read/word_edges.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "base/aho_corasick.h"
#include "extract/entities/org_rules.h"

namespace kgx {
namespace {

bool IsLetterOrDigit(UChar32 c) { return c >= 0 && u_isalnum(c); }

enum class Form { kNone, kAcronym, kLatinWord, kCjk };

// What the bracket text `s` is as a short form.
Form ShortForm(std::string_view s) {
  if (s.empty() || s.size() > 24) return Form::kNone;
  int upper = 0, cjk = 0, other = 0;
  bool ascii = true;
  for (size_t i = 0; i < s.size();) {
    const UChar32 c = CodePointAt(s, i);
    if (c < 0) return Form::kNone;
    i += static_cast<size_t>(U8_LENGTH(c));
    if (c < 0x80) {
      if (std::isupper(c))
        ++upper;
      else if (!std::isalnum(c) && c != '&' && c != '-' && c != '.')
        return Form::kNone;
    } else {
      ascii = false;
      if (IsCjkNameChar(c))
        ++cjk;
      else
        ++other;
    }
  }
  if (ascii) {
    if (upper >= 2 && std::isupper(static_cast<unsigned char>(s[0]))) return Form::kAcronym;
    if (upper == 1 && std::isupper(static_cast<unsigned char>(s[0])) && s.size() >= 3)
      return Form::kLatinWord;
    return Form::kNone;
  }
  return other == 0 && cjk >= 2 && cjk <= 6 ? Form::kCjk : Form::kNone;
}

// Whether a country's name stands right before match i (a space at most
// between): "필리핀 산업부(DTI)" is the Philippine body that the code names,
// whatever body the bare Korean name was read as.
bool CountryBefore(const std::vector<EntityMatch>& matches, size_t i, std::string_view nfkc) {
  const size_t b = matches[i].nfkc_begin;
  return i > 0 && matches[i - 1].kind == EntityKind::kCountry &&
         (matches[i - 1].nfkc_end == b || (matches[i - 1].nfkc_end + 1 == b && nfkc[b - 1] == ' '));
}

// Whether the name in `nfkc` [b, e) is written in a CJK script (its last letter).
bool EndsInCjk(std::string_view nfkc, size_t e) { return IsCjkNameChar(CodePointBefore(nfkc, e)); }

// Gives `to` the organization of `from`, keeping its own offsets.
void TakeIdentity(const EntityMatch& from, EntityMatch* to) {
  const size_t b = to->begin, e = to->end, nb = to->nfkc_begin, ne = to->nfkc_end;
  *to = from;
  to->begin = b;
  to->end = e;
  to->nfkc_begin = nb;
  to->nfkc_end = ne;
}

}  // namespace

void LinkOrganizationAcronyms(std::string_view nfkc, const OrganizationRules* rules,
                              std::vector<EntityMatch>* matches) {
  // The match at exactly [b, e); matches->size() when none is there or
  // only countries and minerals inside it (瀚锂 holds 锂); -1 when another
  // match overlaps it.
  auto exact = [&](size_t b, size_t e) -> long {
    auto it = std::lower_bound(matches->begin(), matches->end(), b,
                               [](const EntityMatch& m, size_t pos) { return m.nfkc_end <= pos; });
    if (it != matches->end() && it->nfkc_begin == b && it->nfkc_end == e)
      return it - matches->begin();
    for (; it != matches->end() && it->nfkc_begin < e; ++it)
      if (it->nfkc_begin < b || it->nfkc_end > e ||
          (it->kind != EntityKind::kCountry && it->kind != EntityKind::kMineral))
        return -1;
    return static_cast<long>(matches->size());
  };
  std::map<std::string, EntityMatch> defined;    // Short form -> its organization.
  std::set<size_t> brackets;                     // Where the definitions' short forms stand.
  std::vector<std::pair<size_t, size_t>> inner;  // Short forms: their inner matches go.
  // A listed code the text defines as another listed organization's: the
  // code, and the organization it names here.
  std::vector<std::pair<std::string, EntityMatch>> redefined;
  std::set<size_t> code_after_name;  // Every bracket right after a name: its own definition.
  for (size_t i = 0; i < matches->size(); ++i) {
    const EntityMatch& m = (*matches)[i];
    if (m.kind != EntityKind::kOrganization) continue;
    size_t p = m.nfkc_end;
    if (p < nfkc.size() && nfkc[p] == ' ') ++p;
    if (p >= nfkc.size() || nfkc[p] != '(') continue;
    size_t sb = p + 1;
    if (sb < nfkc.size() && nfkc[sb] == ' ') ++sb;
    const size_t close = nfkc.find(')', sb);
    if (close == std::string_view::npos || close - sb > 26) continue;
    size_t se = close;
    if (se > sb && nfkc[se - 1] == ' ') --se;
    const std::string_view short_form = nfkc.substr(sb, se - sb);
    const long at = exact(sb, se);
    if (at < 0) continue;
    code_after_name.insert(sb);
    if (static_cast<size_t>(at) < matches->size()) {
      // The short form is matched already: one organization, the listed
      // entity winning over a rule's name.
      EntityMatch& s = (*matches)[static_cast<size_t>(at)];
      if (s.kind != EntityKind::kOrganization) continue;
      const bool m_rule = m.entity == EntityMatch::kRule, s_rule = s.entity == EntityMatch::kRule;
      if (m_rule && !s_rule) {
        TakeIdentity(s, &(*matches)[i]);
      } else if (s_rule && !m_rule) {
        TakeIdentity(m, &s);
      } else if (!m_rule && s.entity != m.entity && ShortForm(short_form) == Form::kAcronym &&
                 (EndsInCjk(nfkc, m.nfkc_end)
                      ? !IsCjkNameChar(CodePointBefore(nfkc, m.nfkc_begin)) &&
                            !CountryBefore(*matches, i, nfkc)
                      : rules != nullptr &&
                            rules->Abbreviates(nfkc, m.nfkc_begin, m.nfkc_end, short_form))) {
        // Both listed, as two organizations: the text defines the code as
        // the name's here (上海有色网（SMM）is not Sumitomo Metal Mining), and
        // so it is wherever else the code alone stands.
        redefined.emplace_back(std::string(short_form), m);
        TakeIdentity(m, &s);
      }
      continue;
    }
    const Form form = ShortForm(short_form);
    const bool cjk_name = EndsInCjk(nfkc, m.nfkc_end);
    if (form == Form::kNone || ((form == Form::kLatinWord || form == Form::kCjk) && !cjk_name))
      continue;
    defined.emplace(std::string(short_form), m);
    brackets.insert(sb);
    inner.emplace_back(sb, se);
  }
  for (EntityMatch& x : *matches)
    for (const auto& [form, org] : redefined)
      if (x.kind == EntityKind::kOrganization && x.entity != org.entity &&
          !code_after_name.count(x.nfkc_begin) &&
          nfkc.substr(x.nfkc_begin, x.nfkc_end - x.nfkc_begin) == form)
        TakeIdentity(org, &x);
  if (defined.empty()) return;
  // Every other occurrence of a defined short form that no match covers.
  std::vector<EntityMatch> added;
  // One pass over the text for every short form (a document may define
  // thousands).
  std::vector<std::string> forms;
  std::vector<const EntityMatch*> orgs;
  for (const auto& [form, org] : defined) {
    forms.push_back(form);
    orgs.push_back(&org);
  }
  AhoCorasick automaton;
  automaton.Build(forms);
  automaton.FindAll(nfkc, [&](size_t pos, size_t e, uint32_t p) {
    const bool latin = static_cast<unsigned char>(forms[p][0]) < 0x80;
    if (latin &&
        (IsLetterOrDigit(CodePointBefore(nfkc, pos)) || IsLetterOrDigit(CodePointAt(nfkc, e))))
      return;
    // Covered by a match, or the definition itself.
    if (exact(pos, e) != static_cast<long>(matches->size()) || brackets.count(pos)) return;
    inner.emplace_back(pos, e);
    EntityMatch copy = *orgs[p];
    copy.begin = copy.end = 0;
    copy.nfkc_begin = pos;
    copy.nfkc_end = e;
    added.push_back(std::move(copy));
  });
  // Two forms may overlap (AB, ABC): the earlier, then longer, stays.
  std::sort(added.begin(), added.end(), [](const EntityMatch& a, const EntityMatch& b) {
    return a.nfkc_begin != b.nfkc_begin ? a.nfkc_begin < b.nfkc_begin : a.nfkc_end > b.nfkc_end;
  });
  std::vector<EntityMatch> kept;
  for (EntityMatch& a : added)
    if (kept.empty() || kept.back().nfkc_end <= a.nfkc_begin) kept.push_back(std::move(a));
  added.swap(kept);
  // Countries and minerals inside a short form are part of the name.
  auto inside_added = [&](const EntityMatch& m) {
    auto it =
        std::upper_bound(inner.begin(), inner.end(), std::make_pair(m.nfkc_begin, ~size_t{0}));
    return it != inner.begin() && std::prev(it)->second >= m.nfkc_end;
  };
  std::sort(inner.begin(), inner.end());
  matches->erase(std::remove_if(matches->begin(), matches->end(), inside_added), matches->end());
  for (EntityMatch& a : added) matches->push_back(std::move(a));
  std::stable_sort(
      matches->begin(), matches->end(),
      [](const EntityMatch& a, const EntityMatch& b) { return a.nfkc_begin < b.nfkc_begin; });
}

}  // namespace kgx
