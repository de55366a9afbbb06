#include "extract/extractor.h"

#include <algorithm>
#include <set>

#include "extract/facts/dates.h"
#include "extract/read/language.h"
#include "extract/entities/matcher.h"
#include "extract/read/normalize.h"
#include "extract/relations/relations.h"
#include "extract/read/segment.h"

namespace kgx {

namespace {

// The document's text views and the way back to the file: doc.text (T) ->
// NFKC (N) -> folded (F). Offsets into N map to the UTF-8 source (the file,
// or its conversion), and SourceToRaw() then gives offsets into the
// original file.
struct TextViews {
  explicit TextViews(const Document& d) : doc(d) {
    nfkc = NormalizeNfkc(doc.text, &n_to_t);
    folded = FoldForMatch(nfkc, &f_to_n);
    n_to_src = OffsetMap::Compose(doc.text_map, n_to_t);
  }
  // nfkc[b, e) as bytes [*start, *end) of the file, and (unless null) the
  // source's text of them.
  void RawSpan(size_t b, size_t e, Spanned* out) const {
    RawSpan(b, e, &out->start, &out->end, &out->text);
  }
  void RawSpan(size_t b, size_t e, size_t* start, size_t* end, std::string* text) const {
    const std::string& src = doc.Source();
    const size_t sb = n_to_src.Begin(b), se = std::max(sb, n_to_src.End(e));
    if (text != nullptr) text->assign(src, sb, se - sb);
    doc.SourceToRaw(sb, se, start, end);
  }
  // A sentence as evidence: offsets into the file, its plain text (not markup).
  Evidence EvidenceOf(const Span& s) const {
    Evidence ev;
    RawSpan(s.begin, s.end, &ev.start, &ev.end, nullptr);
    ev.text = nfkc.substr(s.begin, s.end - s.begin);
    return ev;
  }

  const Document& doc;
  OffsetMap n_to_t, f_to_n, n_to_src;
  std::string nfkc, folded;
};

// Fills one record step by step, in this order: entities, dates, money,
// relations, co-occurrences (each step reads what the earlier ones found).
class RecordBuilder {
 public:
  RecordBuilder(const Model& model, const Document& doc, Record* r)
      : model_(model), gaz_(model.gazetteer()), doc_(doc), r_(*r), v_(doc) {
    r_.lang = DetectLanguage(v_.nfkc, doc.meta.locale, model_.stopwords());
    matches_ =
        FindEntities(model_.entity_tables(), MatchText{v_.nfkc, v_.folded, &v_.f_to_n}, r_.lang);
    sentences_ = SplitSentences(v_.nfkc, r_.lang);
    per_sentence_.resize(sentences_.size());
  }

  void AddEntities();
  void DropCurrencyCountries();
  void AddDates();
  void AddMoney();
  void AddRelations();
  void AddCooccurrences();

 private:
  // Which words filled which slot, in the original file's offsets; one line
  // per word and slot, in text order.
  std::vector<RoleRef> RoleRefs(const std::vector<SlotFill>& fills) const;
  // What an agreement and a measure both carry: minerals, evidence,
  // confidence, status and roles.
  template <typename Found, typename Ref>
  void CopyGrounds(const Found& found, Ref* ref) const {
    ref->minerals = found.minerals;
    for (const Span& s : found.evidence) ref->evidence.push_back(v_.EvidenceOf(s));
    ref->confidence = RoundConfidence(found.confidence);
    ref->status = found.status;
    ref->roles = RoleRefs(found.roles);
  }

  const Model& model_;
  const Gazetteer& gaz_;
  const Document& doc_;
  Record& r_;
  const TextViews v_;
  std::vector<EntityMatch> matches_;
  std::vector<Span> sentences_;
  std::vector<const Entity*> people_;  // The gazetteer's entity of each r_.people, or null.
  std::vector<std::set<std::string>> per_sentence_;  // Countries and groups of each sentence.
  // Groups named only by their adjective so far ("européens"): no mention,
  // unless a relation reads them (AddRelations).
  std::set<std::string> adjective_groups_;
  std::vector<DateMention> dates_;
  std::vector<Amount> amounts_;
};

// Mentions and the record's entity lists, from the matches.
void RecordBuilder::AddEntities() {
  DropCurrencyCountries();
  std::set<std::string> seen_countries, seen_groups, seen_orgs, seen_minerals, seen_people;
  // Rule organizations are companies named as written; the entity of a
  // gazetteer match is read in place (entities are large to copy).
  // People found by a title carry their country and role on the match.
  static const Entity kRuleEntity{EntityKind::kOrganization, "", {{"kind", "company"}}, {}};
  static const Entity kRulePerson{EntityKind::kPerson, "", {}, {}};
  r_.mentions.reserve(matches_.size());
  for (const EntityMatch& m : matches_) {
    const bool rule = m.entity == EntityMatch::kRule;
    const Entity& e = !rule                           ? gaz_.entities()[m.entity]
                      : m.kind == EntityKind::kPerson ? kRulePerson
                                                      : kRuleEntity;
    const std::string& id = rule ? m.rule_name : e.id;
    const size_t nb = m.nfkc_begin, ne = m.nfkc_end;
    // A group's adjective alone is no mention of the bloc ("investisseurs
    // européens": European firms are not the EU). It stays a match for the
    // relation reader ("sanctions européennes": the EU imposes them).
    if (!rule && e.kind == EntityKind::kGroup &&
        (gaz_.aliases()[m.alias].flags & kAliasDemonym) != 0) {
      adjective_groups_.insert(id);
      continue;
    }
    Mention mention;
    mention.kind = EntityKindName(e.kind);
    mention.id = id;
    v_.RawSpan(nb, ne, &mention);
    r_.mentions.push_back(std::move(mention));

    auto attr = [&](const char* key) {
      auto it = e.attrs.find(key);
      return it == e.attrs.end() ? std::string() : it->second;
    };
    switch (e.kind) {
      case EntityKind::kCountry:
        if (seen_countries.insert(id).second) r_.countries.push_back(id);
        break;
      case EntityKind::kGroup:
        if (seen_groups.insert(id).second) r_.groups.push_back(id);
        break;
      case EntityKind::kOrganization:
        if (seen_orgs.insert(id).second) {
          if (rule && !m.rule_kind.empty())  // A government body read by its head.
            r_.organizations.push_back({id, m.rule_kind, m.rule_country});
          else
            r_.organizations.push_back({id, attr("kind"), attr("country")});
        }
        break;
      case EntityKind::kMineral:
        if (seen_minerals.insert(id).second) r_.minerals.push_back({id, attr("symbol")});
        break;
      case EntityKind::kPerson:
        if (seen_people.insert(id).second) {
          r_.people.push_back({id, rule ? m.person_country : attr("country"), m.person_role});
          people_.push_back(rule ? nullptr : &e);
        } else if (rule) {  // A later title may tell what the first did not.
          for (PersonRef& p : r_.people)
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
      auto it = std::upper_bound(sentences_.begin(), sentences_.end(), nb,
                                 [](size_t pos, const Span& s) { return pos < s.end; });
      if (it != sentences_.end() && it->begin <= nb)
        per_sentence_[static_cast<size_t>(it - sentences_.begin())].insert(id);
    }
  }
}

void RecordBuilder::AddDates() {
  // Without a publication date in the metadata, the dateline (the first
  // full date near the top) stands for it.
  if (r_.published.empty()) {
    for (const DateMention& d :
         model_.date_finder()->Find(std::string_view(v_.nfkc).substr(0, 600), r_.lang, ""))
      if (d.full) {
        r_.published = d.date;
        break;
      }
  }
  // A listed person's role is the one they held when the document was written.
  for (size_t i = 0; i < people_.size(); ++i)
    if (people_[i] != nullptr) r_.people[i].role = PersonRoleOn(*people_[i], r_.published);
  dates_ = model_.date_finder()->Find(v_.nfkc, r_.lang, r_.published);
  for (const DateMention& d : dates_) {
    DateRef ref;
    static_cast<DateFigure&>(ref) = d;
    v_.RawSpan(d.begin, d.end, &ref);
    r_.dates.push_back(std::move(ref));
  }
}

// A country named inside an amount names its currency ("22,8 miliar dolar
// AS", "500 millones de dólares estadounidenses", "US$"): no mention of the
// country, no party. Amounts and matches are both in text order.
void RecordBuilder::DropCurrencyCountries() {
  if (amounts_.empty()) return;
  auto amount = amounts_.begin();
  matches_.erase(std::remove_if(matches_.begin(), matches_.end(),
                                [&](const EntityMatch& m) {
                                  while (amount != amounts_.end() && amount->end <= m.nfkc_begin)
                                    ++amount;
                                  if (amount == amounts_.end() || m.entity == EntityMatch::kRule)
                                    return false;
                                  return gaz_.entities()[m.entity].kind == EntityKind::kCountry &&
                                         amount->begin <= m.nfkc_begin &&
                                         m.nfkc_end <= amount->end;
                                }),
                 matches_.end());
}

// Amounts and exchange rates, with offsets into the original file.
void RecordBuilder::AddMoney() {
  const MoneyParser* money = model_.money_parser();
  if (money == nullptr) return;
  std::vector<ExchangeRate> rates;
  // A dateline's place that ICU's time zones do not name (CANBERRA) by the
  // gazetteer's capitals: the whole place, folded, is a capital's alias.
  const PlaceRegion capital = [this](std::string_view place) {
    const std::string folded = FoldForMatch(place);
    std::string region;
    gaz_.automaton().FindAll(folded, [&](size_t begin, size_t end, uint32_t pattern) {
      if (begin != 0 || end != folded.size() || !region.empty()) return;
      for (uint32_t a : gaz_.AliasesOf(pattern)) {
        const Alias& alias = gaz_.aliases()[a];
        const Entity& entity = gaz_.entities()[alias.entity];
        if ((alias.flags & kAliasCapital) != 0 && entity.kind == EntityKind::kCountry) {
          region = entity.id;
          break;
        }
      }
    });
    return region;
  };
  money->Find(v_.nfkc, r_.lang,
              RegionalLocale(doc_.meta.locale, doc_.meta.url, r_.lang, v_.nfkc, capital), &amounts_,
              &rates);
  for (const Amount& a : amounts_) {
    AmountRef ref;
    static_cast<MoneyFigure&>(ref) = a;
    v_.RawSpan(a.begin, a.end, &ref);
    r_.amounts.push_back(std::move(ref));
  }
  for (const ExchangeRate& x : rates) {
    RateRef ref;
    static_cast<RateFigure&>(ref) = x;
    v_.RawSpan(x.begin, x.end, &ref);
    r_.rates.push_back(std::move(ref));
  }
}

std::vector<RoleRef> RecordBuilder::RoleRefs(const std::vector<SlotFill>& fills) const {
  std::vector<RoleRef> out;
  // One line per word and slot: a set, not a scan of the lines so far (a
  // measure a long text repeats gathers one fill per sentence).
  std::set<std::pair<size_t, std::string>> seen;
  for (const SlotFill& f : fills) {
    RoleRef ref;
    ref.slot = SlotName(f.slot);
    ref.id = f.id;
    v_.RawSpan(f.begin, f.end, &ref);
    if (seen.emplace(ref.start, ref.slot).second) out.push_back(std::move(ref));
  }
  std::sort(out.begin(), out.end(),
            [](const RoleRef& a, const RoleRef& b) { return a.start < b.start; });
  return out;
}

// Agreements and restrictions.
void RecordBuilder::AddRelations() {
  const RelationFinder* relations = model_.relation_finder();
  if (relations == nullptr) return;
  RelationInput in;
  in.nfkc = v_.nfkc;
  in.folded = v_.folded;
  in.folded_to_nfkc = &v_.f_to_n;
  in.sentences = &sentences_;
  in.matches = &matches_;
  in.amounts = &amounts_;
  in.dates = &dates_;
  in.lang = r_.lang;
  in.published = r_.published;
  std::vector<FoundAgreement> agreements;
  std::vector<FoundRestriction> restrictions;
  relations->Find(gaz_, in, &agreements, &restrictions);
  for (const FoundAgreement& a : agreements) {
    AgreementRef ref;
    ref.parties = a.parties;
    ref.kind = a.kind;
    CopyGrounds(a, &ref);
    ref.organizations = a.organizations;
    std::vector<std::string> roles;
    AmountRoles(v_.nfkc, amounts_, a.amounts, &roles);
    for (size_t k = 0; k < a.amounts.size(); ++k) {
      ref.amounts.push_back(r_.amounts[a.amounts[k]]);
      ref.amounts.back().role = roles[k];
    }
    ref.date = a.date;
    r_.agreements.push_back(std::move(ref));
  }
  // A group read only by its adjective is named once a relation reads it.
  auto named = [&](const std::string& id) {
    if (adjective_groups_.count(id) == 0 ||
        std::find(r_.groups.begin(), r_.groups.end(), id) != r_.groups.end())
      return;
    r_.groups.push_back(id);
  };
  for (const FoundAgreement& a : agreements)
    for (const std::string& p : a.parties) named(p);
  for (const FoundRestriction& x : restrictions) {
    named(x.from);
    named(x.to);
  }
  for (const FoundRestriction& x : restrictions) {
    RestrictionRef ref;
    ref.from = x.from;
    ref.to = x.to;
    ref.type = x.type;
    CopyGrounds(x, &ref);
    r_.restrictions.push_back(std::move(ref));
  }
}

// Sentences that name two countries or groups or more.
void RecordBuilder::AddCooccurrences() {
  for (size_t i = 0; i < sentences_.size(); ++i) {
    if (per_sentence_[i].size() < 2) continue;
    Cooccurrence c;
    c.ids.assign(per_sentence_[i].begin(), per_sentence_[i].end());
    c.evidence = v_.EvidenceOf(sentences_[i]);
    r_.cooccurrences.push_back(std::move(c));
  }
}

}  // namespace

Record Extractor::Extract(const Document& doc) const {
  Record r;
  r.doc = doc.path;
  r.url = doc.meta.url;
  r.id = r.url.empty() ? ContentId(doc.raw) : r.url;
  r.title = NormalizeNfkc(doc.meta.title);
  r.published = NormalizeDate(doc.meta.published);
  RecordBuilder builder(model_, doc, &r);
  builder.AddMoney();  // Before the entities: a currency's country is no mention.
  builder.AddEntities();
  builder.AddDates();
  builder.AddRelations();
  builder.AddCooccurrences();
  return r;
}

}  // namespace kgx
