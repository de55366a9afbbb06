#include "extract/record.h"

#include <cmath>

namespace kgx {
namespace {

using nlohmann::json;

// Money values are whole units: written as integers when they are whole.
json MoneyValue(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return json(static_cast<int64_t>(v));
  return json(v);
}

json EvidenceJson(const Evidence& e) {
  return json{{"start", e.start}, {"end", e.end}, {"text", e.text}};
}

Evidence EvidenceFrom(const json& j) {
  return Evidence{j.at("start").get<size_t>(), j.at("end").get<size_t>(),
                  j.at("text").get<std::string>()};
}

std::string OptString(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

}  // namespace

json AmountJson(const AmountRef& a) {
  json aj{{"value", MoneyValue(a.value)}, {"currency", a.currency}, {"text", a.text},
          {"start", a.start}, {"end", a.end}};
  if (a.high != a.value) aj["high"] = MoneyValue(a.high);
  if (!a.qualifier.empty()) aj["qualifier"] = a.qualifier;
  return aj;
}

AmountRef AmountFrom(const json& a) {
  return {a.at("value").get<double>(), a.value("high", a.at("value").get<double>()),
          a.at("currency").get<std::string>(), a.value("qualifier", ""),
          a.at("text").get<std::string>(), a.at("start").get<size_t>(), a.at("end").get<size_t>()};
}

json ToJson(const Record& r) {
  json j = json::object();
  j["doc"] = r.doc;
  j["lang"] = r.lang;
  j["title"] = r.title;
  j["published"] = r.published.empty() ? json(nullptr) : json(r.published);
  j["countries"] = r.countries;
  j["groups"] = r.groups;
  json orgs = json::array();
  for (const auto& o : r.organizations) {
    json oj{{"name", o.name}, {"kind", o.kind}};
    oj["country"] = o.country.empty() ? json(nullptr) : json(o.country);
    orgs.push_back(oj);
  }
  j["organizations"] = orgs;
  json minerals = json::array();
  for (const auto& m : r.minerals) {
    json mj{{"name", m.name}};
    mj["symbol"] = m.symbol.empty() ? json(nullptr) : json(m.symbol);
    minerals.push_back(mj);
  }
  j["minerals"] = minerals;
  json amounts = json::array();
  for (const auto& a : r.amounts) {
    amounts.push_back(AmountJson(a));
  }
  j["amounts"] = amounts;
  json rates = json::array();
  for (const auto& x : r.rates)
    rates.push_back({{"from", x.from}, {"to", x.to}, {"rate", x.rate}, {"text", x.text},
                     {"start", x.start}, {"end", x.end}});
  j["rates"] = rates;
  json dates = json::array();
  for (const auto& d : r.dates) {
    json dj{{"date", d.date.empty() ? json(nullptr) : json(d.date)}, {"text", d.text},
            {"start", d.start}, {"end", d.end}};
    if (d.relative) dj["relative"] = true;
    dates.push_back(dj);
  }
  j["dates"] = dates;
  auto evidence_json = [](const std::vector<Evidence>& ev) {
    json out = json::array();
    for (const Evidence& e : ev) out.push_back(EvidenceJson(e));
    return out;
  };
  json agreements = json::array();
  for (const auto& a : r.agreements) {
    json amounts_j = json::array();
    for (const auto& x : a.amounts) amounts_j.push_back(AmountJson(x));
    agreements.push_back({{"parties", a.parties}, {"kind", a.kind}, {"minerals", a.minerals},
                          {"organizations", a.organizations}, {"amounts", amounts_j},
                          {"date", a.date.empty() ? json(nullptr) : json(a.date)},
                          {"evidence", evidence_json(a.evidence)},
                          {"confidence", std::round(a.confidence * 100) / 100}});
  }
  j["agreements"] = agreements;
  json restrictions = json::array();
  for (const auto& x : r.restrictions)
    restrictions.push_back({{"from", x.from}, {"to", x.to.empty() ? json(nullptr) : json(x.to)},
                            {"type", x.type}, {"minerals", x.minerals},
                            {"evidence", evidence_json(x.evidence)},
                            {"confidence", std::round(x.confidence * 100) / 100}});
  j["restrictions"] = restrictions;
  json mentions = json::array();
  for (const auto& m : r.mentions)
    mentions.push_back(
        {{"kind", m.kind}, {"id", m.id}, {"text", m.text}, {"start", m.start}, {"end", m.end}});
  j["mentions"] = mentions;
  json co = json::array();
  for (const auto& c : r.cooccurrences)
    co.push_back({{"ids", c.ids}, {"evidence", EvidenceJson(c.evidence)}});
  j["cooccurrences"] = co;
  return j;
}

Status FromJson(const json& j, Record* r) {
  try {
    *r = Record();
    r->doc = j.at("doc").get<std::string>();
    r->lang = OptString(j, "lang");
    r->title = OptString(j, "title");
    r->published = OptString(j, "published");
    r->countries = j.at("countries").get<std::vector<std::string>>();
    if (j.contains("groups")) r->groups = j.at("groups").get<std::vector<std::string>>();
    for (const json& o : j.at("organizations"))
      r->organizations.push_back(
          {o.at("name").get<std::string>(), OptString(o, "kind"), OptString(o, "country")});
    for (const json& m : j.at("minerals"))
      r->minerals.push_back({m.at("name").get<std::string>(), OptString(m, "symbol")});
    if (j.contains("amounts"))
      for (const json& a : j.at("amounts")) r->amounts.push_back(AmountFrom(a));
    auto evidence_from = [](const json& list) {
      std::vector<Evidence> out;
      for (const json& e : list) out.push_back(EvidenceFrom(e));
      return out;
    };
    if (j.contains("agreements"))
      for (const json& a : j.at("agreements")) {
        AgreementRef ref;
        ref.parties = a.at("parties").get<std::vector<std::string>>();
        ref.kind = a.at("kind").get<std::string>();
        ref.minerals = a.at("minerals").get<std::vector<std::string>>();
        ref.organizations = a.at("organizations").get<std::vector<std::string>>();
        for (const json& x : a.at("amounts")) ref.amounts.push_back(AmountFrom(x));
        ref.date = OptString(a, "date");
        ref.evidence = evidence_from(a.at("evidence"));
        ref.confidence = a.value("confidence", 0.0);
        r->agreements.push_back(std::move(ref));
      }
    if (j.contains("restrictions"))
      for (const json& x : j.at("restrictions")) {
        RestrictionRef ref;
        ref.from = x.at("from").get<std::string>();
        ref.to = OptString(x, "to");
        ref.type = x.at("type").get<std::string>();
        ref.minerals = x.at("minerals").get<std::vector<std::string>>();
        ref.evidence = evidence_from(x.at("evidence"));
        ref.confidence = x.value("confidence", 0.0);
        r->restrictions.push_back(std::move(ref));
      }
    if (j.contains("rates"))
      for (const json& x : j.at("rates"))
        r->rates.push_back({x.at("from").get<std::string>(), x.at("to").get<std::string>(),
                            x.at("rate").get<double>(), x.at("text").get<std::string>(),
                            x.at("start").get<size_t>(), x.at("end").get<size_t>()});
    if (j.contains("dates"))
      for (const json& d : j.at("dates"))
        r->dates.push_back({OptString(d, "date"), d.value("relative", false),
                            d.at("text").get<std::string>(), d.at("start").get<size_t>(),
                            d.at("end").get<size_t>()});
    for (const json& m : j.at("mentions"))
      r->mentions.push_back({m.at("kind").get<std::string>(), m.at("id").get<std::string>(),
                             m.at("text").get<std::string>(), m.at("start").get<size_t>(),
                             m.at("end").get<size_t>()});
    if (j.contains("cooccurrences"))
      for (const json& c : j.at("cooccurrences"))
        r->cooccurrences.push_back(
            {c.at("ids").get<std::vector<std::string>>(), EvidenceFrom(c.at("evidence"))});
  } catch (const json::exception& e) {
    return Status::Error(std::string("malformed record: ") + e.what());
  }
  return Status::Ok();
}

std::string ToJsonLine(const Record& record) {
  return ToJson(record).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace kgx
