// Record: what kgx read in one document (DESIGN.md, "One document's record").
//
// The record is the contract between extract/ and graph/, and with users:
// `kgx extract --jsonl` prints one per line and `kgx merge` reads them back.
// Offsets are byte offsets into the original file.
//
//   nlohmann::json j = kgx::ToJson(record);
//   kgx::Record back;
//   kgx::Status s = kgx::FromJson(j, &back);
//
// Thread safety: plain values.
#ifndef KGX_EXTRACT_RECORD_H_
#define KGX_EXTRACT_RECORD_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "extract/status.h"

namespace kgx {

// The version of the record format, written as "kgx_record" in every
// record. Fields may be added within a version (DESIGN.md); a new version
// means a change an older reader would misread, so FromJson refuses records
// of any other version (a record without the field is version 1, written
// before it existed).
constexpr int kRecordVersion = 1;
// Offsets are byte offsets into a file: FromJson refuses negative ones,
// ones past 2^53 (what a JSON number carries exactly) and end < start.
constexpr uint64_t kMaxRecordOffset = uint64_t{1} << 53;

struct Evidence {
  size_t start = 0, end = 0;  // Byte offsets into the original file.
  std::string text;           // The sentence, normalized (NFKC) and plain.
};

struct Mention {
  std::string kind;  // country, group, organization, mineral, media, person
  std::string id;
  std::string text;  // The original bytes at [start, end).
  size_t start = 0, end = 0;
};

struct OrganizationRef {
  std::string name, kind, country;
};

// A person named in the document: the gazetteer's id (English full name) or
// the name as written after a title; the country (ISO code or EU) and role
// ("" when unknown).
struct PersonRef {
  std::string name, country, role;
};

struct MineralRef {
  std::string name, symbol;
};

struct AmountRef {
  double value = 0;  // Whole units (the low end of a range).
  double high = 0;   // High end of a range; equal to value otherwise.
  std::string currency;   // ISO 4217
  std::string qualifier;  // "", approximately, up_to, more_than, at_least
  std::string text;       // Original bytes at [start, end).
  size_t start = 0, end = 0;
  // In an agreement's amounts: "" when the figure counts, else conversion,
  // repeat or part (AmountRoles in extract/money.h); only "" figures are
  // summed or drawn. Absent from the record when "".
  std::string role;
};

struct RateRef {
  std::string from, to;
  double rate = 0;
  std::string text;
  size_t start = 0, end = 0;
};

struct DateRef {
  std::string date;  // ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY; "" if unresolved.
  bool relative = false;  // Completed from the publication date (4月11日, Wednesday).
  std::string text;
  size_t start = 0, end = 0;
};

// A word that filled a slot of its trigger's frame (actor, partner, member,
// target): why an edge exists. `id` is the country or group it stands for.
struct RoleRef {
  std::string slot, id, text;  // text: the original bytes at [start, end).
  size_t start = 0, end = 0;
};

struct AgreementRef {
  std::vector<std::string> parties;  // Sorted ids of countries and groups.
  std::string kind;  // cooperation, investment_or_funding, mou_or_framework, joint_statement, talks
  std::vector<std::string> minerals, organizations;
  std::vector<AmountRef> amounts;
  std::string date;  // ISO 8601 or "".
  std::vector<Evidence> evidence;
  double confidence = 0;
  // concluded, planned, talks or failed; only concluded ones are edges of
  // the cooperation view (a record without the field: concluded).
  std::string status = "concluded";
  std::vector<RoleRef> roles = {};
};

struct RestrictionRef {
  std::string from, to;  // to is "" when no target is named.
  // export_ban, export_control, licensing, tariff, sanction, import_ban, price_floor
  std::string type;
  std::vector<std::string> minerals;
  std::vector<Evidence> evidence;
  double confidence = 0;
  // in_force, lifted, suspended or threatened; only measures in force are
  // RESTRICTS edges (a record without the field: in force).
  std::string status = "in_force";
  std::vector<RoleRef> roles = {};
};

// Whether an agreement or measure is an edge of the graph's main views.
inline bool IsConcluded(const AgreementRef& a) { return a.status == "concluded"; }
inline bool IsInForce(const RestrictionRef& r) { return r.status == "in_force"; }

// Countries and groups of countries named together in one sentence.
struct Cooccurrence {
  std::vector<std::string> ids;  // Sorted, unique.
  Evidence evidence;
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
};

// Numbers as every writer puts them, so that a graph built from documents and
// one merged from their records are the same bytes: confidences have two
// decimals (the extractor rounds them when it makes the record), and money
// values are JSON integers when whole.
double RoundConfidence(double confidence);
nlohmann::json MoneyJson(double value);

nlohmann::json ToJson(const Record& record);
// Reads a record written by ToJson; a missing or mistyped field, an offset
// out of range and another format version are errors.
Status FromJson(const nlohmann::json& j, Record* record);
// One line of JSON (no trailing newline); invalid UTF-8 is replaced.
std::string ToJsonLine(const Record& record);

// "content:fnv1a64:" and the FNV-1a 64-bit hash of `bytes` in hex.
std::string ContentId(std::string_view bytes);

}  // namespace kgx

#endif  // KGX_EXTRACT_RECORD_H_
