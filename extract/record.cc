#include "extract/record.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "extract/parallel.h"

namespace kgx {
namespace {

using nlohmann::json;

json EvidenceJson(const Evidence& e) {
  return json{{"start", e.start}, {"end", e.end}, {"text", e.text}};
}

// A value FromJson refuses that nlohmann would convert (a negative or
// fractional offset to size_t); caught with json::exception there.
struct BadValue : std::runtime_error {
  using std::runtime_error::runtime_error;
};

size_t Offset(const json& j, const char* key) {
  const json& v = j.at(key);
  if (!v.is_number_unsigned() || v.get<uint64_t>() > kMaxRecordOffset)
    throw BadValue(std::string("\"") + key + "\" is " + v.dump() +
                   ": not a byte offset (a whole number from 0 to 2^53)");
  return static_cast<size_t>(v.get<uint64_t>());
}

// `start` and `end` of a span, end not before start.
std::pair<size_t, size_t> Span(const json& j) {
  const size_t start = Offset(j, "start"), end = Offset(j, "end");
  if (end < start)
    throw BadValue("\"end\" " + std::to_string(end) + " is before \"start\" " +
                   std::to_string(start));
  return {start, end};
}

Evidence EvidenceFrom(const json& j) {
  const auto [start, end] = Span(j);
  return Evidence{start, end, j.at("text").get<std::string>()};
}

std::string OptString(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

}  // namespace

double RoundConfidence(double confidence) { return std::round(confidence * 100) / 100; }

// Money values are whole units: written as integers when they are whole.
json MoneyJson(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return json(static_cast<int64_t>(v));
  return json(v);
}

json AmountJson(const AmountRef& a) {
  json aj{{"value", MoneyJson(a.value)},
          {"currency", a.currency},
          {"text", a.text},
          {"start", a.start},
          {"end", a.end}};
  if (a.high != a.value) aj["high"] = MoneyJson(a.high);
  if (!a.qualifier.empty()) aj["qualifier"] = a.qualifier;
  if (!a.role.empty()) aj["role"] = a.role;
  return aj;
}

// Whether an amount's value can be read: a finite number (an old record may
// hold null where a figure overflowed). Such an amount is left out, not the
// whole record.
bool ReadableAmount(const json& a) {
  auto v = a.find("value");
  if (v == a.end() || !v->is_number() || !std::isfinite(v->get<double>())) return false;
  auto h = a.find("high");
  return h == a.end() || (h->is_number() && std::isfinite(h->get<double>()));
}

AmountRef AmountFrom(const json& a) {
  const auto [start, end] = Span(a);
  return {a.at("value").get<double>(),
          a.value("high", a.at("value").get<double>()),
          a.at("currency").get<std::string>(),
          a.value("qualifier", ""),
          a.at("text").get<std::string>(),
          start,
          end,
          a.value("role", "")};
}

namespace {

json RolesJson(const std::vector<RoleRef>& roles) {
  json out = json::array();
  for (const RoleRef& x : roles)
    out.push_back(
        {{"slot", x.slot}, {"id", x.id}, {"text", x.text}, {"start", x.start}, {"end", x.end}});
  return out;
}

bool IsAgreementStatusName(const std::string& s) {
  return s == "concluded" || s == "planned" || s == "talks" || s == "failed";
}
bool IsMeasureStatusName(const std::string& s) {
  return s == "in_force" || s == "lifted" || s == "suspended" || s == "threatened";
}

std::vector<RoleRef> RolesFrom(const json& j) {
  std::vector<RoleRef> out;
  if (!j.contains("roles")) return out;
  for (const json& x : j.at("roles")) {
    const auto [start, end] = Span(x);
    out.push_back({x.at("slot").get<std::string>(), x.at("id").get<std::string>(),
                   x.at("text").get<std::string>(), start, end});
  }
  return out;
}

}  // namespace

json ToJson(const Record& r) {
  json j = json::object();
  j["kgx_record"] = kRecordVersion;
  j["doc"] = r.doc;
  j["lang"] = r.lang;
  j["title"] = r.title;
  if (!r.id.empty()) j["id"] = r.id;
  if (!r.url.empty()) j["url"] = r.url;
  j["published"] = r.published.empty() ? json(nullptr) : json(r.published);
  if (!r.url.empty()) j["url"] = r.url;  // Added later: absent rather than null.
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
  json people = json::array();
  for (const auto& p : r.people)
    people.push_back({{"name", p.name},
                      {"country", p.country.empty() ? json(nullptr) : json(p.country)},
                      {"role", p.role.empty() ? json(nullptr) : json(p.role)}});
  j["people"] = people;
  json amounts = json::array();
  for (const auto& a : r.amounts) {
    amounts.push_back(AmountJson(a));
  }
  j["amounts"] = amounts;
  json rates = json::array();
  for (const auto& x : r.rates)
    rates.push_back({{"from", x.from},
                     {"to", x.to},
                     {"rate", x.rate},
                     {"text", x.text},
                     {"start", x.start},
                     {"end", x.end}});
  j["rates"] = rates;
  json dates = json::array();
  for (const auto& d : r.dates) {
    json dj{{"date", d.date.empty() ? json(nullptr) : json(d.date)},
            {"text", d.text},
            {"start", d.start},
            {"end", d.end}};
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
    agreements.push_back({{"parties", a.parties},
                          {"kind", a.kind},
                          {"minerals", a.minerals},
                          {"organizations", a.organizations},
                          {"amounts", amounts_j},
                          {"date", a.date.empty() ? json(nullptr) : json(a.date)},
                          {"evidence", evidence_json(a.evidence)},
                          {"confidence", RoundConfidence(a.confidence)},
                          {"status", a.status},
                          {"roles", RolesJson(a.roles)}});
  }
  j["agreements"] = agreements;
  json restrictions = json::array();
  for (const auto& x : r.restrictions)
    restrictions.push_back({{"from", x.from},
                            {"to", x.to.empty() ? json(nullptr) : json(x.to)},
                            {"type", x.type},
                            {"minerals", x.minerals},
                            {"evidence", evidence_json(x.evidence)},
                            {"confidence", RoundConfidence(x.confidence)},
                            {"status", x.status},
                            {"roles", RolesJson(x.roles)}});
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
  *r = Record();
  if (!j.is_object()) return Status::Error("not a record (a JSON object), but " + std::string(j.type_name()));
  if (auto v = j.find("kgx_record"); v != j.end() && *v != json(kRecordVersion)) {
    const bool newer = v->is_number_unsigned() && v->get<uint64_t>() > kRecordVersion;
    return Status::Error("record format version " + v->dump() + " is " +
                         (newer ? "newer than this kgx reads" : "unknown") + " (it reads version " +
                         std::to_string(kRecordVersion) + ")" + (newer ? ": upgrade kgx" : ""));
  }
  try {
    r->doc = j.at("doc").get<std::string>();
    r->lang = OptString(j, "lang");
    r->title = OptString(j, "title");
    r->id = OptString(j, "id");
    r->url = OptString(j, "url");
    r->published = OptString(j, "published");
    r->url = OptString(j, "url");
    r->countries = j.at("countries").get<std::vector<std::string>>();
    if (j.contains("groups")) r->groups = j.at("groups").get<std::vector<std::string>>();
    for (const json& o : j.at("organizations"))
      r->organizations.push_back(
          {o.at("name").get<std::string>(), OptString(o, "kind"), OptString(o, "country")});
    for (const json& m : j.at("minerals"))
      r->minerals.push_back({m.at("name").get<std::string>(), OptString(m, "symbol")});
    if (j.contains("people"))
      for (const json& p : j.at("people"))
        r->people.push_back(
            {p.at("name").get<std::string>(), OptString(p, "country"), OptString(p, "role")});
    if (j.contains("amounts"))
      for (const json& a : j.at("amounts"))
        if (ReadableAmount(a)) r->amounts.push_back(AmountFrom(a));
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
        for (const json& x : a.at("amounts"))
          if (ReadableAmount(x)) ref.amounts.push_back(AmountFrom(x));
        ref.date = OptString(a, "date");
        ref.evidence = evidence_from(a.at("evidence"));
        ref.confidence = a.value("confidence", 0.0);
        ref.status = a.value("status", std::string("concluded"));
        if (!IsAgreementStatusName(ref.status))
          throw BadValue("unknown agreement status '" + ref.status + "'");
        ref.roles = RolesFrom(a);
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
        ref.status = x.value("status", std::string("in_force"));
        if (!IsMeasureStatusName(ref.status))
          throw BadValue("unknown measure status '" + ref.status + "'");
        ref.roles = RolesFrom(x);
        r->restrictions.push_back(std::move(ref));
      }
    if (j.contains("rates"))
      for (const json& x : j.at("rates")) {
        const auto [start, end] = Span(x);
        r->rates.push_back({x.at("from").get<std::string>(), x.at("to").get<std::string>(),
                            x.at("rate").get<double>(), x.at("text").get<std::string>(), start,
                            end});
      }
    if (j.contains("dates"))
      for (const json& d : j.at("dates")) {
        const auto [start, end] = Span(d);
        r->dates.push_back({OptString(d, "date"), d.value("relative", false),
                            d.at("text").get<std::string>(), start, end});
      }
    for (const json& m : j.at("mentions")) {
      const auto [start, end] = Span(m);
      r->mentions.push_back({m.at("kind").get<std::string>(), m.at("id").get<std::string>(),
                             m.at("text").get<std::string>(), start, end});
    }
    if (j.contains("cooccurrences"))
      for (const json& c : j.at("cooccurrences"))
        r->cooccurrences.push_back(
            {c.at("ids").get<std::vector<std::string>>(), EvidenceFrom(c.at("evidence"))});
  } catch (const json::exception& e) {
    return Status::Error(std::string("malformed record: ") + e.what());
  } catch (const BadValue& e) {
    return Status::Error(std::string("malformed record: ") + e.what());
  }
  return Status::Ok();
}

namespace {

// ToJsonLine writes the same bytes as ToJson(record).dump() with invalid
// UTF-8 replaced (keys in sorted order, nlohmann's escapes and number
// format), without building the tree: records are most of what `extract`
// does after matching. A test holds the two to the same output.
class LineWriter {
 public:
  explicit LineWriter(std::string* out) : out_(*out) {}

  void Str(std::string_view s) {
    if (!ValidUtf8(s)) {  // Rare: let the library replace bad bytes its own way.
      out_ += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 15];
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }
  void OptStr(const std::string& s) {
    if (s.empty())
      out_ += "null";
    else
      Str(s);
  }
  void Uint(size_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, static_cast<size_t>(r.ptr - buf));
  }
  // nlohmann's shortest round-trip form, made once per value and thread (a
  // run writes few distinct confidences).
  void Double(double v) {
    out_ += MemoizedPerThread(v, [](double x) { return json(x).dump(); });
  }
  void Money(double v) {
    if (v == std::floor(v) && std::fabs(v) < 9e15) {  // MoneyJson's integers, as json writes them.
      char buf[24];
      const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(v));
      out_.append(buf, static_cast<size_t>(r.ptr - buf));
      return;
    }
    out_ += MoneyJson(v).dump();
  }
  void Strings(const std::vector<std::string>& list) {
    out_ += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_ += ',';
      Str(list[i]);
    }
    out_ += ']';
  }
  // "key": - callers write keys in sorted order, as std::map orders them.
  void Key(const char* key, bool first = false) {
    if (!first) out_ += ',';
    out_ += '"';
    out_ += key;
    out_ += "\":";
  }
  template <typename T, typename F>
  void Array(const std::vector<T>& list, F&& each) {
    out_ += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_ += ',';
      each(list[i]);
    }
    out_ += ']';
  }
  struct StrField {
    const char* key;
    const std::string* value;
    bool optional;  // Written as null when empty.
  };
  // {"key": "value", ...} with the keys in the order given (sorted).
  void StrObject(std::initializer_list<StrField> fields) {
    out_ += '{';
    bool first = true;
    for (const StrField& f : fields) {
      Key(f.key, first);
      first = false;
      if (f.optional)
        OptStr(*f.value);
      else
        Str(*f.value);
    }
    out_ += '}';
  }
  void Role(const RoleRef& r) {
    out_ += '{';
    Key("end", true);
    Uint(r.end);
    Key("id");
    Str(r.id);
    Key("slot");
    Str(r.slot);
    Key("start");
    Uint(r.start);
    Key("text");
    Str(r.text);
    out_ += '}';
  }
  void Evidence(const kgx::Evidence& e) {
    Key("end", true);
    Uint(e.end);
    Key("start");
    Uint(e.start);
    Key("text");
    Str(e.text);
  }
  void Amount(const AmountRef& a) {
    out_ += '{';
    Key("currency", true);
    Str(a.currency);
    Key("end");
    Uint(a.end);
    if (a.high != a.value) {
      Key("high");
      Money(a.high);
    }
    if (!a.qualifier.empty()) {
      Key("qualifier");
      Str(a.qualifier);
    }
    if (!a.role.empty()) {
      Key("role");
      Str(a.role);
    }
    Key("start");
    Uint(a.start);
    Key("text");
    Str(a.text);
    Key("value");
    Money(a.value);
    out_ += '}';
  }
  std::string& out() { return out_; }

 private:
  static bool ValidUtf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        ++i;
        continue;
      }
      int n;
      uint32_t cp;
      if (c >= 0xC2 && c <= 0xDF)
        n = 1, cp = c & 0x1F;
      else if (c >= 0xE0 && c <= 0xEF)
        n = 2, cp = c & 0x0F;
      else if (c >= 0xF0 && c <= 0xF4)
        n = 3, cp = c & 0x07;
      else
        return false;
      if (i + static_cast<size_t>(n) >= s.size()) return false;
      for (int k = 1; k <= n; ++k) {
        const unsigned char t = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
        if ((t & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (t & 0x3F);
      }
      if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
          (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
        return false;
      i += static_cast<size_t>(n) + 1;
    }
    return true;
  }

  std::string& out_;
};

}  // namespace

std::string ToJsonLine(const Record& r) {
  std::string line;
  line.reserve(256 + r.mentions.size() * 80);
  LineWriter w(&line);
  std::string& out = w.out();
  auto confidence = [&](double c) { w.Double(RoundConfidence(c)); };
  out += '{';
  w.Key("agreements", true);
  w.Array(r.agreements, [&](const AgreementRef& a) {
    out += '{';
    w.Key("amounts", true);
    w.Array(a.amounts, [&](const AmountRef& x) { w.Amount(x); });
    w.Key("confidence");
    confidence(a.confidence);
    w.Key("date");
    w.OptStr(a.date);
    w.Key("evidence");
    w.Array(a.evidence, [&](const Evidence& e) {
      out += '{';
      w.Evidence(e);
      out += '}';
    });
    w.Key("kind");
    w.Str(a.kind);
    w.Key("minerals");
    w.Strings(a.minerals);
    w.Key("organizations");
    w.Strings(a.organizations);
    w.Key("parties");
    w.Strings(a.parties);
    w.Key("roles");
    w.Array(a.roles, [&](const RoleRef& x) { w.Role(x); });
    w.Key("status");
    w.Str(a.status);
    out += '}';
  });
  w.Key("amounts");
  w.Array(r.amounts, [&](const AmountRef& a) { w.Amount(a); });
  w.Key("cooccurrences");
  w.Array(r.cooccurrences, [&](const Cooccurrence& c) {
    out += '{';
    w.Key("evidence", true);
    out += '{';
    w.Evidence(c.evidence);
    out += '}';
    w.Key("ids");
    w.Strings(c.ids);
    out += '}';
  });
  w.Key("countries");
  w.Strings(r.countries);
  w.Key("dates");
  w.Array(r.dates, [&](const DateRef& d) {
    out += '{';
    w.Key("date", true);
    w.OptStr(d.date);
    w.Key("end");
    w.Uint(d.end);
    if (d.relative) {
      w.Key("relative");
      out += "true";
    }
    w.Key("start");
    w.Uint(d.start);
    w.Key("text");
    w.Str(d.text);
    out += '}';
  });
  w.Key("doc");
  w.Str(r.doc);
  w.Key("groups");
  w.Strings(r.groups);
  if (!r.id.empty()) {
    w.Key("id");
    w.Str(r.id);
  }
  w.Key("kgx_record");
  w.Uint(kRecordVersion);
  w.Key("lang");
  w.Str(r.lang);
  w.Key("mentions");
  w.Array(r.mentions, [&](const Mention& m) {
    out += '{';
    w.Key("end", true);
    w.Uint(m.end);
    w.Key("id");
    w.Str(m.id);
    w.Key("kind");
    w.Str(m.kind);
    w.Key("start");
    w.Uint(m.start);
    w.Key("text");
    w.Str(m.text);
    out += '}';
  });
  w.Key("minerals");
  w.Array(r.minerals, [&](const MineralRef& m) {
    out += '{';
    w.Key("name", true);
    w.Str(m.name);
    w.Key("symbol");
    w.OptStr(m.symbol);
    out += '}';
  });
  w.Key("organizations");
  w.Array(r.organizations, [&](const OrganizationRef& o) {
    out += '{';
    w.Key("country", true);
    w.OptStr(o.country);
    w.Key("kind");
    w.Str(o.kind);
    w.Key("name");
    w.Str(o.name);
    out += '}';
  });
  w.Key("people");
  w.Array(r.people, [&](const PersonRef& p) {
    w.StrObject({{"country", &p.country, true}, {"name", &p.name, false}, {"role", &p.role, true}});
  });
  w.Key("published");
  w.OptStr(r.published);
  w.Key("rates");
  w.Array(r.rates, [&](const RateRef& x) {
    out += '{';
    w.Key("end", true);
    w.Uint(x.end);
    w.Key("from");
    w.Str(x.from);
    w.Key("rate");
    w.Double(x.rate);
    w.Key("start");
    w.Uint(x.start);
    w.Key("text");
    w.Str(x.text);
    w.Key("to");
    w.Str(x.to);
    out += '}';
  });
  w.Key("restrictions");
  w.Array(r.restrictions, [&](const RestrictionRef& x) {
    out += '{';
    w.Key("confidence", true);
    confidence(x.confidence);
    w.Key("evidence");
    w.Array(x.evidence, [&](const Evidence& e) {
      out += '{';
      w.Evidence(e);
      out += '}';
    });
    w.Key("from");
    w.Str(x.from);
    w.Key("minerals");
    w.Strings(x.minerals);
    w.Key("roles");
    w.Array(x.roles, [&](const RoleRef& role) { w.Role(role); });
    w.Key("status");
    w.Str(x.status);
    w.Key("to");
    w.OptStr(x.to);
    w.Key("type");
    w.Str(x.type);
    out += '}';
  });
  w.Key("title");
  w.Str(r.title);
  if (!r.url.empty()) {
    w.Key("url");
    w.Str(r.url);
  }
  out += '}';
  return line;
}

std::string ContentId(std::string_view bytes) {
  uint64_t h = 14695981039346656037ULL;  // FNV-1a: stable on every platform.
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return std::string("content:fnv1a64:") + hex;
}

}  // namespace kgx
