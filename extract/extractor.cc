#include "extract/extractor.h"

#include <algorithm>
#include <set>

#include "extract/dates.h"
#include "extract/language.h"
#include "extract/matcher.h"
#include "extract/normalize.h"
#include "extract/relations.h"
#include "extract/segment.h"

namespace kgx {

Record Extractor::Extract(const Document& doc) const {
  Record r;
  r.doc = doc.path;
  r.url = doc.meta.url;
  r.id = r.url.empty() ? ContentId(doc.raw) : r.url;
  r.title = NormalizeNfkc(doc.meta.title);
  r.published = NormalizeDate(doc.meta.published);
  r.url = doc.meta.url;

  // Views: doc.text (T) -> NFKC (N) -> folded (F); maps back to the file.
  OffsetMap n_to_t, f_to_n;
  const std::string nfkc = NormalizeNfkc(doc.text, &n_to_t);
  const std::string folded = FoldForMatch(nfkc, &f_to_n);
  // n_to_src maps into the UTF-8 source (the file, or its conversion);
  // SourceToRaw() then gives offsets into the original file.
  const OffsetMap n_to_src = OffsetMap::Compose(doc.text_map, n_to_t);
  const std::string& src = doc.Source();
  auto raw_span = [&](size_t b, size_t e, size_t* start, size_t* end, std::string* text) {
    const size_t sb = n_to_src.Begin(b), se = std::max(sb, n_to_src.End(e));
    if (text != nullptr) text->assign(src, sb, se - sb);
    doc.SourceToRaw(sb, se, start, end);
  };
  r.lang = DetectLanguage(nfkc, doc.meta.locale, gaz_.stopwords());

  const std::vector<EntityMatch> matches =
      FindEntities(gaz_, MatchText{nfkc, folded, &f_to_n}, r.lang);
  const std::vector<Span> sentences = SplitSentences(nfkc, r.lang);

  std::set<std::string> seen_countries, seen_groups, seen_orgs, seen_minerals, seen_people;
  std::vector<const Entity*> people;  // The gazetteer's entity of each r.people, or null.
  std::vector<std::set<std::string>> per_sentence(sentences.size());
  // Rule organizations are companies named as written; the entity of a
  // gazetteer match is read in place (entities are large to copy).
  // People found by a title carry their country and role on the match.
  static const Entity kRuleEntity{EntityKind::kOrganization, "", {{"kind", "company"}}, {}};
  static const Entity kRulePerson{EntityKind::kPerson, "", {}, {}};
  r.mentions.reserve(matches.size());
  for (const EntityMatch& m : matches) {
    const bool rule = m.entity == EntityMatch::kRule;
    const Entity& e = !rule ? gaz_.entities()[m.entity]
                      : m.kind == EntityKind::kPerson ? kRulePerson : kRuleEntity;
    const std::string& id = rule ? m.rule_name : e.id;
    const size_t nb = m.nfkc_begin, ne = m.nfkc_end;
    Mention mention;
    mention.kind = EntityKindName(e.kind);
    mention.id = id;
    raw_span(nb, ne, &mention.start, &mention.end, &mention.text);
    r.mentions.push_back(std::move(mention));

    auto attr = [&](const char* key) {
      auto it = e.attrs.find(key);
      return it == e.attrs.end() ? std::string() : it->second;
    };
    switch (e.kind) {
      case EntityKind::kCountry:
        if (seen_countries.insert(id).second) r.countries.push_back(id);
        break;
      case EntityKind::kGroup:
        if (seen_groups.insert(id).second) r.groups.push_back(id);
        break;
      case EntityKind::kOrganization:
        if (seen_orgs.insert(id).second) {
          if (rule && !m.rule_kind.empty())  // A government body read by its head.
            r.organizations.push_back({id, m.rule_kind, m.rule_country});
          else
            r.organizations.push_back({id, attr("kind"), attr("country")});
        }
        break;
      case EntityKind::kMineral:
        if (seen_minerals.insert(id).second) r.minerals.push_back({id, attr("symbol")});
        break;
      case EntityKind::kPerson:
        if (seen_people.insert(id).second) {
          r.people.push_back({id, rule ? m.person_country : attr("country"), m.person_role});
          people.push_back(rule ? nullptr : &e);
        } else if (rule) {  // A later title may tell what the first did not.
          for (PersonRef& p : r.people)
            if (p.name == id) {
              if (p.country.empty()) p.country = m.person_country;
              if (p.role.empty()) p.role = m.person_role;
            }
        }
        break;
      default:
        break;
    }
    if (e.kind == EntityKind::kCountry || e.kind == EntityKind::kGroup) {
      // Sentence holding the match (sentences are sorted, non-overlapping).
      auto it = std::upper_bound(sentences.begin(), sentences.end(), nb,
                                 [](size_t pos, const Span& s) { return pos < s.end; });
      if (it != sentences.end() && it->begin <= nb)
        per_sentence[static_cast<size_t>(it - sentences.begin())].insert(id);
    }
  }
  // Dates. Without a publication date in the metadata, the dateline (the
  // first full date near the top) stands for it.
  if (r.published.empty()) {
    for (const DateMention& d : FindDates(std::string_view(nfkc).substr(0, 600), r.lang, ""))
      if (d.full) {
        r.published = d.date;
        break;
      }
  }
  // A listed person's role is the one they held when the document was written.
  for (size_t i = 0; i < people.size(); ++i)
    if (people[i] != nullptr) r.people[i].role = PersonRoleOn(*people[i], r.published);
  const std::vector<DateMention> dates = FindDates(nfkc, r.lang, r.published);
  for (const DateMention& d : dates) {
    DateRef ref;
    ref.date = d.date;
    ref.relative = d.relative;
    raw_span(d.begin, d.end, &ref.start, &ref.end, &ref.text);
    r.dates.push_back(std::move(ref));
  }

  // Money, with offsets into the original file.
  auto evidence = [&](const Span& s) {
    Evidence ev;
    raw_span(s.begin, s.end, &ev.start, &ev.end, nullptr);
    ev.text = nfkc.substr(s.begin, s.end - s.begin);  // Plain sentence, not markup.
    return ev;
  };
  std::vector<Amount> amounts;
  if (const MoneyParser* money = gaz_.money_parser()) {
    std::vector<ExchangeRate> rates;
    money->Find(nfkc, r.lang, doc.meta.locale, &amounts, &rates);
    for (const Amount& a : amounts) {
      AmountRef ref;
      ref.value = a.value;
      ref.high = a.high;
      ref.currency = a.currency;
      ref.qualifier = a.qualifier;
      raw_span(a.begin, a.end, &ref.start, &ref.end, &ref.text);
      r.amounts.push_back(std::move(ref));
    }
    for (const ExchangeRate& x : rates) {
      RateRef ref;
      ref.from = x.from;
      ref.to = x.to;
      ref.rate = x.rate;
      raw_span(x.begin, x.end, &ref.start, &ref.end, &ref.text);
      r.rates.push_back(std::move(ref));
    }
  }
  // Agreements and restrictions.
  if (const RelationFinder* relations = gaz_.relation_finder()) {
    RelationInput in;
    in.nfkc = nfkc;
    in.folded = folded;
    in.folded_to_nfkc = &f_to_n;
    in.sentences = &sentences;
    in.matches = &matches;
    in.amounts = &amounts;
    in.dates = &dates;
    in.lang = r.lang;
    in.published = r.published;
    std::vector<FoundAgreement> agreements;
    std::vector<FoundRestriction> restrictions;
    relations->Find(gaz_, in, &agreements, &restrictions);
    // Which words filled which slot, in the original file's offsets; one
    // line per word and slot.
    auto role_refs = [&](const std::vector<SlotFill>& fills) {
      std::vector<RoleRef> out;
      for (const SlotFill& f : fills) {
        RoleRef ref{SlotName(f.slot), f.id, "", 0, 0};
        raw_span(f.begin, f.end, &ref.start, &ref.end, &ref.text);
        const bool seen = std::any_of(out.begin(), out.end(), [&](const RoleRef& o) {
          return o.start == ref.start && o.slot == ref.slot;
        });
        if (!seen) out.push_back(std::move(ref));
      }
      std::sort(out.begin(), out.end(),
                [](const RoleRef& a, const RoleRef& b) { return a.start < b.start; });
      return out;
    };
    for (const FoundAgreement& a : agreements) {
      AgreementRef ref;
      ref.parties = a.parties;
      ref.kind = a.kind;
      ref.minerals = a.minerals;
      ref.organizations = a.organizations;
      std::vector<std::string> roles;
      AmountRoles(nfkc, amounts, a.amounts, &roles);
      for (size_t k = 0; k < a.amounts.size(); ++k) {
        ref.amounts.push_back(r.amounts[a.amounts[k]]);
        ref.amounts.back().role = roles[k];
      }
      ref.date = a.date;
      for (const Span& s : a.evidence) ref.evidence.push_back(evidence(s));
      ref.confidence = RoundConfidence(a.confidence);
      ref.status = a.status;
      ref.roles = role_refs(a.roles);
      r.agreements.push_back(std::move(ref));
    }
    for (const FoundRestriction& x : restrictions) {
      RestrictionRef ref;
      ref.from = x.from;
      ref.to = x.to;
      ref.type = x.type;
      ref.minerals = x.minerals;
      for (const Span& s : x.evidence) ref.evidence.push_back(evidence(s));
      ref.confidence = RoundConfidence(x.confidence);
      ref.status = x.status;
      ref.roles = role_refs(x.roles);
      r.restrictions.push_back(std::move(ref));
    }
  }
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (per_sentence[i].size() < 2) continue;
    Cooccurrence c;
    c.ids.assign(per_sentence[i].begin(), per_sentence[i].end());
    raw_span(sentences[i].begin, sentences[i].end, &c.evidence.start, &c.evidence.end, nullptr);
    c.evidence.text = nfkc.substr(sentences[i].begin, sentences[i].end - sentences[i].begin);
    r.cooccurrences.push_back(std::move(c));
  }
  return r;
}

}  // namespace kgx
