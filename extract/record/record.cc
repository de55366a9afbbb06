#include "extract/record/record.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "base/parallel.h"
#include "base/utf8.h"
#include "extract/relations/frames.h"

namespace kgx {
namespace {

using nlohmann::json;

// Whether T is one of the record's structs (it lists its Fields()).
template <typename T>
constexpr bool kIsStruct = std::is_class_v<T> && !std::is_same_v<T, std::string>;

bool SpanLess(const Evidence* a, const Evidence* b) {
  return std::tie(a->start, a->end, a->text) < std::tie(b->start, b->end, b->text);
}

// Every Evidence of a record, found by walking its Fields().
class EvidenceCollector {
 public:
  explicit EvidenceCollector(std::vector<const Evidence*>* out) : out_(*out) {}
  template <typename T>
  void operator()(const char*, const T& x, Presence = Presence::kRequired) {
    Visit(x);
  }
  void Span(size_t, size_t) {}
  void Money(const char*, double, const double* = nullptr) {}
  void Confidence(const char*, double) {}
  void AmountsCited(const char*, const std::vector<AmountRef>&) {}

 private:
  template <typename T>
  void Visit(const std::vector<T>& list) {
    for (const T& x : list) Visit(x);
  }
  template <typename T>
  void Visit(const T& x) {
    if constexpr (kIsStruct<T>) T::Fields(*this, x);
  }
  void Visit(const Evidence& e) { out_.push_back(&e); }

  std::vector<const Evidence*>& out_;
};

// Indices of `amounts` sorted by span, the first of equal spans first: a
// thousands-figure deal looks its amounts up in log time, not a scan each.
std::vector<uint32_t> SpanOrder(const std::vector<AmountRef>& amounts) {
  std::vector<uint32_t> order(amounts.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(amounts[a].start, amounts[a].end) < std::tie(amounts[b].start, amounts[b].end);
  });
  return order;
}

// The first of `amounts` at [start, end), or nullptr; `order` is SpanOrder's.
const AmountRef* FirstAmountAt(const std::vector<uint32_t>& order,
                               const std::vector<AmountRef>& amounts, size_t start, size_t end) {
  auto it = std::lower_bound(order.begin(), order.end(), std::make_pair(start, end),
                             [&](uint32_t i, const std::pair<size_t, size_t>& span) {
                               return std::make_pair(amounts[i].start, amounts[i].end) < span;
                             });
  if (it == order.end() || amounts[*it].start != start || amounts[*it].end != end) return nullptr;
  return &amounts[*it];
}

// The record's "sentences": each evidence sentence once, by span. A span
// that two evidences give different texts (never, from the extractor) is
// left out, and those evidences carry their text themselves.
struct SentenceTable {
  std::vector<const Evidence*> sentences;               // Sorted by span, unique.
  std::vector<std::pair<size_t, size_t>> inline_spans;  // Sorted.

  const std::vector<AmountRef>& amounts;  // The record's own, in its order.
  std::vector<uint32_t> amount_order;     // Their indices by span (SpanOrder).

  explicit SentenceTable(const Record& r) : amounts(r.amounts), amount_order(SpanOrder(r.amounts)) {
    std::vector<const Evidence*> all;
    EvidenceCollector collect(&all);
    Record::Fields(collect, r);
    std::sort(all.begin(), all.end(), SpanLess);
    for (size_t i = 0; i < all.size();) {
      size_t k = i + 1;
      bool conflict = false;
      for (; k < all.size() && all[k]->start == all[i]->start && all[k]->end == all[i]->end; ++k)
        conflict |= all[k]->text != all[i]->text;
      if (conflict)
        inline_spans.emplace_back(all[i]->start, all[i]->end);
      else
        sentences.push_back(all[i]);
      i = k;
    }
  }
  // Whether `a` (role aside) is the record's first amount of its span.
  bool Cited(const AmountRef& a) const {
    const AmountRef* x = FirstAmountAt(amount_order, amounts, a.start, a.end);
    return x != nullptr && x->value == a.value && x->high == a.high && x->currency == a.currency &&
           x->qualifier == a.qualifier && x->text == a.text;
  }
  bool Inline(const Evidence& e) const {
    return !inline_spans.empty() && std::binary_search(inline_spans.begin(), inline_spans.end(),
                                                       std::make_pair(e.start, e.end));
  }
};

// Writes one record as one line of JSON, walking its Fields(): nlohmann's
// escapes and number format, without building a tree (records are most of
// what `extract` does after matching).
class LineWriter {
 public:
  LineWriter(std::string* out, const SentenceTable& table) : out_(*out), table_(table) {}

  void Write(const Record& r) {
    out_ += '{';
    Key("kgx_record");
    Uint(kRecordVersion);
    Record::Fields(*this, r);
    Key("sentences");
    out_ += '[';
    for (size_t i = 0; i < table_.sentences.size(); ++i) {
      if (i) out_ += ',';
      Object(*table_.sentences[i]);
    }
    out_ += "]}";
  }

  // The visitor's calls (record.h, Presence).
  void operator()(const char* key, const std::string& s, Presence p = Presence::kRequired) {
    if (s.empty() && p == Presence::kOmitIfEmpty) return;
    Key(key);
    if (s.empty() && p == Presence::kNullIfEmpty)
      out_ += "null";
    else
      Str(s);
  }
  void operator()(const char* key, bool b, Presence p = Presence::kRequired) {
    if (!b && p == Presence::kOmitIfEmpty) return;
    Key(key);
    out_ += b ? "true" : "false";
  }
  void operator()(const char* key, double v, Presence = Presence::kRequired) {
    Key(key);
    Double(v);
  }
  template <typename T>
  void operator()(const char* key, const std::vector<T>& list, Presence p = Presence::kRequired) {
    if (list.empty() && p == Presence::kOmitIfEmpty) return;
    Key(key);
    out_ += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_ += ',';
      Value(list[i]);
    }
    out_ += ']';
  }
  template <typename T>
  void operator()(const char* key, const T& x, Presence = Presence::kRequired) {
    Key(key);
    Value(x);
  }
  void Span(size_t start, size_t end) {
    Key("start");
    Uint(start);
    Key("end");
    Uint(end);
  }
  // A figure; left out when equal to *omit_if_equal.
  void Money(const char* key, double v, const double* omit_if_equal = nullptr) {
    if (omit_if_equal != nullptr && v == *omit_if_equal) return;
    Key(key);
    Figure(v);
  }
  void Confidence(const char* key, double c) {
    Key(key);
    Double(RoundConfidence(c));
  }
  // Each amount that is a copy of one of the record's as its span and role.
  void AmountsCited(const char* key, const std::vector<AmountRef>& list) {
    Key(key);
    out_ += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i) out_ += ',';
      if (!table_.Cited(list[i])) {
        Object(list[i]);
        continue;
      }
      out_ += '{';
      first_ = true;
      Span(list[i].start, list[i].end);
      (*this)("role", list[i].role, Presence::kOmitIfEmpty);
      out_ += '}';
      first_ = false;
    }
    out_ += ']';
  }

 private:
  void Key(const char* key) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += key;
    out_ += "\":";
  }
  template <typename T>
  void Object(const T& x) {
    out_ += '{';
    first_ = true;
    T::Fields(*this, x);
    out_ += '}';
    first_ = false;
  }
  template <typename T>
  void Value(const T& x) {
    Object(x);
  }
  void Value(const std::string& s) { Str(s); }
  // An evidence is its span; its text is in "sentences".
  void Value(const Evidence& e) {
    out_ += '{';
    first_ = true;
    Span(e.start, e.end);
    if (table_.Inline(e)) (*this)("text", e.text);
    out_ += '}';
    first_ = false;
  }
  void Str(std::string_view s) {
    if (!IsValidUtf8(s)) {  // Rare: let the library replace bad bytes its own way.
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
  // A money value as MoneyJson(v).dump() writes it, integers without the tree.
  void Figure(double v) {
    if (v == std::floor(v) && std::fabs(v) < 9e15) {  // MoneyJson's integers, as json writes them.
      char buf[24];
      const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(v));
      out_.append(buf, static_cast<size_t>(r.ptr - buf));
      return;
    }
    out_ += MoneyJson(v).dump();
  }

  std::string& out_;
  const SentenceTable& table_;
  bool first_ = true;
};

// A value FromJson refuses that nlohmann would convert (a negative or
// fractional offset to size_t); caught with json::exception there.
struct BadValue : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An element of a list that is left out, not the record: an amount whose
// value is not a finite number.
struct SkipElement {};

size_t Offset(const json& j, const char* key) {
  const json& v = j.at(key);
  if (!v.is_number_unsigned() || v.get<uint64_t>() > kMaxRecordOffset)
    throw BadValue(std::string("\"") + key + "\" is " + v.dump() +
                   ": not a byte offset (a whole number from 0 to 2^53)");
  return static_cast<size_t>(v.get<uint64_t>());
}

// Reads a record from a JSON tree, walking its Fields(). Throws
// json::exception or BadValue on what it cannot read.
class TreeReader {
 public:
  void Read(const json& j, Record* r) {
    sentences_.clear();
    if (auto it = j.find("sentences"); it != j.end())
      for (const json& e : *it) {
        sentences_.emplace_back();
        Object(e, &sentences_.back());
      }
    std::sort(sentences_.begin(), sentences_.end(), [](const Evidence& a, const Evidence& b) {
      return std::tie(a.start, a.end) < std::tie(b.start, b.end);
    });
    record_ = r;
    Object(j, r);
  }

  void operator()(const char* key, std::string& s, Presence p = Presence::kRequired) {
    const json* v = Find(key, p);
    if (v == nullptr && p == Presence::kAdded) return;  // Older records: the default.
    s = v == nullptr || v->is_null() ? std::string() : v->get<std::string>();
  }
  void operator()(const char* key, bool& b, Presence p = Presence::kRequired) {
    const json* v = Find(key, p);
    b = v != nullptr && !v->is_null() && v->get<bool>();
  }
  void operator()(const char* key, double& d, Presence p = Presence::kRequired) {
    const json* v = Find(key, p);
    d = v == nullptr || v->is_null() ? 0 : v->get<double>();
  }
  template <typename T>
  void operator()(const char* key, std::vector<T>& list, Presence p = Presence::kRequired) {
    const json* v = Find(key, p);
    list.clear();
    if (v == nullptr || v->is_null()) return;
    if (!v->is_array())
      throw BadValue(std::string("\"") + key + "\" is " + v->type_name() + ", not a list");
    ReadList(*v, &list, [this](const json& e, T* x) { Value(e, x); });
  }
  template <typename T>
  void operator()(const char* key, T& x, Presence p = Presence::kRequired) {
    if (const json* v = Find(key, p)) Value(*v, &x);
  }
  void Span(size_t& start, size_t& end) {
    start = Offset(*obj_, "start");
    end = Offset(*obj_, "end");
    if (end < start)
      throw BadValue("\"end\" " + std::to_string(end) + " is before \"start\" " +
                     std::to_string(start));
  }
  // A figure, or *if_absent when there is none; an element whose figure is
  // not a finite number is skipped.
  void Money(const char* key, double& v, const double* if_absent = nullptr) {
    auto it = obj_->find(key);
    if (it == obj_->end() && if_absent != nullptr) {
      v = *if_absent;
      return;
    }
    if (it == obj_->end() || !it->is_number() || !std::isfinite(it->get<double>()))
      throw SkipElement();
    v = it->get<double>();
  }
  void Confidence(const char* key, double& c) { (*this)(key, c, Presence::kAdded); }
  // An amount written in full (version 1, or not the record's), or the
  // record's amount of that span with this role. One whose figure was
  // unreadable, and so left out of the record's, is left out here too.
  void AmountsCited(const char* key, std::vector<AmountRef>& list) {
    list.clear();
    ReadList(obj_->at(key), &list, [this](const json& e, AmountRef* a) { Cited(e, a); });
  }

 private:
  // The field's value; nullptr when absent and allowed to be.
  const json* Find(const char* key, Presence p) {
    if (p == Presence::kRequired) return &obj_->at(key);
    auto it = obj_->find(key);
    return it == obj_->end() ? nullptr : &*it;
  }
  // Each element of `array` read by read(element, &item), but those that
  // throw SkipElement.
  template <typename T, typename Read>
  static void ReadList(const json& array, std::vector<T>* list, Read read) {
    list->reserve(array.size());
    for (const json& e : array) {
      T x;
      try {
        read(e, &x);
      } catch (const SkipElement&) {
        continue;
      }
      list->push_back(std::move(x));
    }
  }
  // Reads fields of `j` while alive; the outer object again after, thrown
  // or not (a skipped element throws out of its fields).
  class Enter {
   public:
    Enter(TreeReader* r, const json& j) : r_(r), outer_(r->obj_) {
      if (!j.is_object()) throw BadValue(std::string("expected an object, got ") + j.type_name());
      r_->obj_ = &j;
    }
    ~Enter() { r_->obj_ = outer_; }
    Enter(const Enter&) = delete;
    Enter& operator=(const Enter&) = delete;

   private:
    TreeReader* r_;
    const json* outer_;
  };
  template <typename T>
  void Object(const json& j, T* x) {
    Enter in(this, j);
    T::Fields(*this, *x);
  }
  template <typename T>
  void Value(const json& j, T* x) {
    Object(j, x);
  }
  void Value(const json& j, std::string* s) { *s = j.get<std::string>(); }
  void Cited(const json& j, AmountRef* a) {
    if (!j.is_object() || j.contains("value")) {
      Object(j, a);
      return;
    }
    size_t start, end;
    std::string role;
    {
      Enter in(this, j);
      Span(start, end);
      (*this)("role", role, Presence::kOmitIfEmpty);
    }
    if (amount_order_.size() != record_->amounts.size())  // Once, after "amounts".
      amount_order_ = SpanOrder(record_->amounts);
    const AmountRef* x = FirstAmountAt(amount_order_, record_->amounts, start, end);
    if (x == nullptr) throw SkipElement();
    *a = *x;
    a->role = std::move(role);
  }
  // An evidence's text: its own (version 1), else its sentence's.
  void Value(const json& j, Evidence* e) {
    {
      Enter in(this, j);
      Span(e->start, e->end);
    }
    if (auto it = j.find("text"); it != j.end()) {
      e->text = it->get<std::string>();
      return;
    }
    auto it = std::lower_bound(sentences_.begin(), sentences_.end(), *e,
                               [](const Evidence& a, const Evidence& b) {
                                 return std::tie(a.start, a.end) < std::tie(b.start, b.end);
                               });
    if (it == sentences_.end() || it->start != e->start || it->end != e->end)
      throw BadValue("evidence [" + std::to_string(e->start) + ", " + std::to_string(e->end) +
                     ") has no text and no sentence in \"sentences\"");
    e->text = it->text;
  }

  const json* obj_ = nullptr;
  const Record* record_ = nullptr;      // Its amounts, read before the agreements.
  std::vector<uint32_t> amount_order_;  // SpanOrder of record_->amounts.
  std::vector<Evidence> sentences_;
};

}  // namespace

double RoundConfidence(double confidence) { return std::round(confidence * 100) / 100; }

// Money values are whole units: written as integers when they are whole.
json MoneyJson(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return json(static_cast<int64_t>(v));
  return json(v);
}

std::string ToJsonLine(const Record& r) {
  std::string line;
  line.reserve(256 + r.mentions.size() * 80);
  const SentenceTable table(r);
  LineWriter(&line, table).Write(r);
  return line;
}

Status FromJson(const json& j, Record* r) {
  *r = Record();
  if (!j.is_object())
    return Status::Error("not a record (a JSON object), but " + std::string(j.type_name()));
  if (auto v = j.find("kgx_record"); v != j.end()) {
    const bool known = v->is_number_unsigned() && v->get<uint64_t>() >= kOldestRecordVersion &&
                       v->get<uint64_t>() <= kRecordVersion;
    if (!known) {
      const bool newer = v->is_number_unsigned() && v->get<uint64_t>() > kRecordVersion;
      return Status::Error(
          "record format version " + v->dump() + " is " +
          (newer ? "newer than this kgx reads" : "unknown") + " (it reads versions " +
          std::to_string(kOldestRecordVersion) + " to " + std::to_string(kRecordVersion) + ")" +
          (newer ? ": upgrade kgx, or extract the documents again with this one" : ""));
    }
  }
  try {
    TreeReader().Read(j, r);
    // A status decides whether a fact is an edge: one this kgx does not know
    // would silently drop it from every view, so the record is refused.
    for (size_t i = 0; i < r->agreements.size(); ++i)
      if (!IsAgreementStatus(r->agreements[i].status))
        throw BadValue("agreement " + std::to_string(i + 1) + " has status \"" +
                       r->agreements[i].status +
                       "\", not one of concluded, planned, talks, failed");
    for (size_t i = 0; i < r->restrictions.size(); ++i)
      if (!IsMeasureStatus(r->restrictions[i].status))
        throw BadValue("restriction " + std::to_string(i + 1) + " has status \"" +
                       r->restrictions[i].status +
                       "\", not one of in_force, lifted, suspended, threatened, postponed");
  } catch (const json::exception& e) {
    return Status::Error(std::string("malformed record: ") + e.what());
  } catch (const BadValue& e) {
    return Status::Error(std::string("malformed record: ") + e.what());
  } catch (const SkipElement&) {
    return Status::Error("malformed record: a figure that is not a number outside a list");
  }
  return Status::Ok();
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
