// Record: what kgx read in one document (DESIGN.md, "One document's record").
//
// The record is the contract between extract/ and graph/, and with users:
// `kgx extract --jsonl` prints one per line and `kgx merge` reads them back.
// Offsets are byte offsets into the original file.
//
//   std::string line = kgx::ToJsonLine(record);
//   kgx::Record back;
//   kgx::Status s = kgx::FromJson(nlohmann::json::parse(line), &back);
//
// Thread safety: plain values.
#ifndef KGX_EXTRACT_RECORD_RECORD_H_
#define KGX_EXTRACT_RECORD_RECORD_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "extract/facts/figures.h"

namespace kgx {

// The version of the record format, written as "kgx_record" in every
// record. Fields may be added within a version (DESIGN.md); a new version
// means a change an older reader would misread. Version 2 writes no text
// twice: each evidence sentence once, in the record's "sentences", and an
// evidence as its offsets only ({"start", "end"}); an agreement's amount,
// a copy of one of the record's "amounts", as its span and role only
// ({"start", "end", "role"}). Version 1 (and a record without the field,
// written before it existed) carried the text in every evidence and every
// amount in full.
// FromJson reads both; it refuses any other version, naming it.
constexpr int kRecordVersion = 2;
constexpr int kOldestRecordVersion = 1;
// Offsets are byte offsets into a file: FromJson refuses negative ones,
// ones past 2^53 (what a JSON number carries exactly) and end < start.
constexpr uint64_t kMaxRecordOffset = uint64_t{1} << 53;

// How a field is written and read. The Fields() list of each struct below is
// the record's one schema: it drives ToJsonLine (writing, in the order
// listed) and FromJson (reading), so a new field is one member and one line
// there. Visitors are called as v(key, member, presence) for strings, lists,
// numbers, bools and nested structs, plus v.Span(start, end) for offsets,
// v.Money(key, value) for figures, v.Confidence(key, c), and
// v.AmountsCited(key, list) for amounts that are copies of the record's own
// (written as their span and role only, see kRecordVersion).
enum class Presence {
  kRequired,     // Always written; a record without it is malformed.
  kAdded,        // Always written; may be absent (records older than it: the default).
  kNullIfEmpty,  // Written as null when empty; null or absent reads as empty.
  kOmitIfEmpty,  // Left out when empty, false or 0; absent reads as such.
};

struct Evidence {
  size_t start = 0, end = 0;  // Byte offsets into the original file.
  std::string text;           // The sentence, normalized (NFKC) and plain.
  // As written in "sentences"; an evidence itself is written as its span
  // and its text looked up there (see kRecordVersion).
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    v.Span(x.start, x.end);
    v("text", x.text);
  }
};

// What was read where: the original bytes at [start, end) of the file, and
// the offsets. Written as "text", "start", "end" after the owner's fields.
struct Spanned {
  std::string text;
  size_t start = 0, end = 0;
  template <typename V, typename Self>
  static void SpanFields(V& v, Self& x) {
    v("text", x.text);
    v.Span(x.start, x.end);
  }
};

// A word read at a span, written as its label (a mention's kind, a role's
// slot), the id it stands for, then its text and offsets.
template <typename V, typename S, typename Self>
void LabelIdAndSpan(V& v, const char* key, S& label, Self& x) {
  v(key, label);
  v("id", x.id);
  Spanned::SpanFields(v, x);
}

struct Mention : Spanned {
  std::string kind;  // country, group, organization, mineral, media, person
  std::string id;
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    LabelIdAndSpan(v, "kind", x.kind, x);
  }
};

// A reference written as its name, then attributes that are null when empty
// (S is std::string, const when writing).
template <typename V, typename S>
void NameAndAttributes(V& v, S& name,
                       std::initializer_list<std::pair<const char*, S*>> attributes) {
  v("name", name);
  for (const auto& [key, value] : attributes) v(key, *value, Presence::kNullIfEmpty);
}

struct OrganizationRef {
  std::string name, kind, country;
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    v("name", x.name);
    v("kind", x.kind, Presence::kAdded);
    v("country", x.country, Presence::kNullIfEmpty);
  }
};

// A person named in the document: the gazetteer's id (English full name) or
// the name as written after a title; the country (ISO code or EU) and role
// ("" when unknown).
struct PersonRef {
  std::string name, country, role;
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    NameAndAttributes(v, x.name, {{"country", &x.country}, {"role", &x.role}});
  }
};

struct MineralRef {
  std::string name, symbol;
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    NameAndAttributes(v, x.name, {{"symbol", &x.symbol}});
  }
};

struct AmountRef : MoneyFigure, Spanned {
  // In an agreement's amounts: "" when the figure counts, else conversion,
  // repeat or part (AmountRoles in extract/facts/money.h); only "" figures are
  // summed or drawn. Absent from the record when "".
  std::string role;
  // An amount whose value is not a finite number (an old record's null
  // where a figure overflowed) is left out on reading, not the record.
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    v.Money("value", x.value);
    v.Money("high", x.high, &x.value);  // Left out when equal to value.
    v("currency", x.currency);
    v("qualifier", x.qualifier, Presence::kOmitIfEmpty);
    SpanFields(v, x);
    v("role", x.role, Presence::kOmitIfEmpty);
  }
};

struct RateRef : RateFigure, Spanned {
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    v("from", x.from);
    v("to", x.to);
    v("rate", x.rate);
    SpanFields(v, x);
  }
};

struct DateRef : DateFigure, Spanned {
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    v("date", x.date, Presence::kNullIfEmpty);
    v("relative", x.relative, Presence::kOmitIfEmpty);
    SpanFields(v, x);
  }
};

// A word that filled a slot of its trigger's frame (actor, partner, member,
// target): why an edge exists. `id` is the country or group it stands for.
struct RoleRef : Spanned {
  std::string slot, id;
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    LabelIdAndSpan(v, "slot", x.slot, x);
  }
};

// What an agreement and a restriction end with: the sentences they were read
// in, how sure the reading is, their status and the roles read (why an edge
// exists). Written after the relation's own fields.
struct Reading {
  std::vector<Evidence> evidence;
  double confidence = 0;
  std::string status;  // Set by the relation's constructor (its default).
  std::vector<RoleRef> roles = {};
  template <typename V, typename Self>
  static void ReadingFields(V& v, Self& x) {
    v("evidence", x.evidence);
    v.Confidence("confidence", x.confidence);
    v("status", x.status, Presence::kAdded);
    v("roles", x.roles, Presence::kAdded);
  }
};

struct AgreementRef : Reading {
  std::vector<std::string> parties;  // Sorted ids of countries and groups.
  std::string kind;  // cooperation, investment_or_funding, mou_or_framework, joint_statement, talks
  std::vector<std::string> minerals, organizations;
  std::vector<AmountRef> amounts;
  std::string date;  // ISO 8601 or "".
  // Status: concluded, planned, talks or failed; only concluded ones are
  // edges of the cooperation view (a record without the field: concluded).
  AgreementRef() { status = "concluded"; }
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    v("parties", x.parties);
    v("kind", x.kind);
    v("minerals", x.minerals);
    v("organizations", x.organizations);
    v.AmountsCited("amounts", x.amounts);  // The record's own amounts, by span.
    v("date", x.date, Presence::kNullIfEmpty);
    ReadingFields(v, x);
  }
};

struct RestrictionRef : Reading {
  std::string from, to;  // to is "" when no target is named.
  // export_ban, export_control, licensing, tariff, sanction, import_ban, price_floor
  std::string type;
  std::vector<std::string> minerals;
  // Status: in_force, lifted, suspended, threatened or postponed (put off:
  // not yet in force, and no threat either); only measures in force are
  // RESTRICTS edges (a record without the field: in force).
  RestrictionRef() { status = "in_force"; }
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    v("from", x.from);
    v("to", x.to, Presence::kNullIfEmpty);
    v("type", x.type);
    v("minerals", x.minerals);
    ReadingFields(v, x);
  }
};

// Whether an agreement or measure is an edge of the graph's main views.
inline bool IsConcluded(const AgreementRef& a) { return a.status == "concluded"; }
inline bool IsInForce(const RestrictionRef& r) { return r.status == "in_force"; }

// Countries and groups of countries named together in one sentence.
struct Cooccurrence {
  std::vector<std::string> ids;  // Sorted, unique.
  Evidence evidence;
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    v("ids", x.ids);
    v("evidence", x.evidence);
  }
};

struct Record {
  std::string doc, lang, title, published;
  // The document's stable id, whatever folder it was read from: its URL
  // (front matter, og:url, rel=canonical) when it states one, else
  // "content:fnv1a64:" and a hash of its bytes. `doc` stays the path it was
  // read from. Records without an id (older ones) are known by `doc`.
  std::string id;
  std::string url;                     // As the document states it, or "".
  std::vector<std::string> countries;  // In order of first mention.
  std::vector<std::string> groups;
  std::vector<OrganizationRef> organizations;
  std::vector<MineralRef> minerals;
  // People in order of first mention; they are never in `countries`.
  std::vector<PersonRef> people;
  std::vector<AmountRef> amounts;
  std::vector<RateRef> rates;
  std::vector<DateRef> dates;
  std::vector<AgreementRef> agreements;
  std::vector<RestrictionRef> restrictions;
  std::vector<Mention> mentions;
  std::vector<Cooccurrence> cooccurrences;
  // After these the writer puts "sentences": each evidence sentence once,
  // by offsets (see kRecordVersion).
  template <typename V, typename Self>
  static void Fields(V& v, Self& x) {
    v("doc", x.doc, Presence::kRequired);
    v("id", x.id, Presence::kOmitIfEmpty);
    v("url", x.url, Presence::kOmitIfEmpty);
    v("lang", x.lang, Presence::kAdded);
    v("title", x.title, Presence::kAdded);
    v("published", x.published, Presence::kNullIfEmpty);
    v("countries", x.countries, Presence::kRequired);
    v("groups", x.groups, Presence::kAdded);
    v("organizations", x.organizations, Presence::kRequired);
    v("minerals", x.minerals, Presence::kRequired);
    v("people", x.people, Presence::kAdded);
    v("amounts", x.amounts, Presence::kAdded);
    v("rates", x.rates, Presence::kAdded);
    v("dates", x.dates, Presence::kAdded);
    v("agreements", x.agreements, Presence::kAdded);
    v("restrictions", x.restrictions, Presence::kAdded);
    v("mentions", x.mentions, Presence::kRequired);
    v("cooccurrences", x.cooccurrences, Presence::kAdded);
  }
};

// Numbers as every writer puts them, so that a graph built from documents and
// one merged from their records are the same bytes: confidences have two
// decimals (the extractor rounds them when it makes the record), and money
// values are JSON integers when whole.
double RoundConfidence(double confidence);
nlohmann::json MoneyJson(double value);

// One line of JSON (no trailing newline), fields in the order Fields()
// lists them; invalid UTF-8 is replaced by U+FFFD.
std::string ToJsonLine(const Record& record);
// Reads a record written by ToJsonLine, of this version or an older one; a
// missing or mistyped field, an offset out of range, an evidence whose
// sentence is not in "sentences" and another format version are errors.
Status FromJson(const nlohmann::json& j, Record* record);

// "content:fnv1a64:" and the FNV-1a 64-bit hash of `bytes` in hex.
std::string ContentId(std::string_view bytes);

}  // namespace kgx

#endif  // KGX_EXTRACT_RECORD_RECORD_H_
