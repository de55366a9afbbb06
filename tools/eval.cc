#include "tools/eval.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "base/strings.h"
#include "extract/entities/org_rules.h"
#include "extract/extractor.h"
#include "extract/read/file_io.h"
#include "extract/read/normalize.h"
#include "extract/read/reader.h"
#include "extract/read/word_edges.h"
#include "tools/messages.h"

namespace kgx {
namespace {

// Each scored kind: its name on the command line and its key, the
// record's field (and the gold's).
struct EvalKind {
  const char* name;
  const char* key;
};
constexpr EvalKind kEvalKinds[] = {
    {"country", "countries"},       {"group", "groups"},   {"organization", "organizations"},
    {"mineral", "minerals"},        {"amount", "amounts"}, {"agreement", "agreements"},
    {"restriction", "restrictions"}};

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  double P() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double R() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
  double F1() const {
    const double p = P(), r = R();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

std::set<std::string> Predicted(const Record& r, const std::string& kind) {
  std::set<std::string> out;
  if (kind == "countries") out.insert(r.countries.begin(), r.countries.end());
  if (kind == "groups") out.insert(r.groups.begin(), r.groups.end());
  if (kind == "organizations")
    for (const auto& o : r.organizations) out.insert(o.name);
  if (kind == "minerals")
    for (const auto& m : r.minerals) out.insert(m.name);
  // Every pair of parties of a concluded agreement: "AU-JP". Planned,
  // talked-of or failed deals are no edges (DESIGN.md, status).
  if (kind == "agreements")
    for (const auto& a : r.agreements)
      if (IsConcluded(a))
        for (size_t i = 0; i < a.parties.size(); ++i)
          for (size_t j = i + 1; j < a.parties.size(); ++j)
            out.insert(std::min(a.parties[i], a.parties[j]) + "-" +
                       std::max(a.parties[i], a.parties[j]));
  // "CN>US", or "CN>" without a named target: measures in force.
  if (kind == "restrictions")
    for (const auto& x : r.restrictions)
      if (IsInForce(x)) out.insert(x.from + ">" + x.to);
  if (kind == "amounts")
    for (const auto& a : r.amounts) {
      char value[64];
      std::snprintf(value, sizeof value, "%.15g", a.value);
      out.insert(std::string(value) + " " + a.currency);
    }
  return out;
}

// "country" and "countries" both name a kind on the command line.
std::string KindKey(const std::string& k) {
  for (const EvalKind& e : kEvalKinds)
    if (k == e.name) return e.key;
  return k;
}

// `s` without its quotation marks (« » “ ” „ " 「 」 『 』).
std::string WithoutQuotes(const std::string& s) {
  static const char* const kQuotes[] = {"«", "»", "“", "”", "„", "\"", "「", "」", "『", "』"};
  std::string out = s;
  for (const char* q : kQuotes)
    for (size_t at = out.find(q); at != std::string::npos; at = out.find(q, at))
      out.erase(at, std::strlen(q));
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A gold organization is a name or a list of acceptable names (its English
// name, then the forms the document writes). Each name is also resolved
// through the gazetteer, so gold written by someone who never saw the
// gazetteer ("Ministry of Economy, Trade and Industry", "経済産業省") still
// matches kgx's canonical id ("METI"). Names are compared folded.
// Groups are resolved the same way: gold "Mercosur" is kgx's MERCOSUR.
// A gold name with a legal form at its end ("China Datang Corp", "New Hope
// Corp") is also the name without it: the press adds the form or leaves it
// out, and the gazetteer lists one of the two. So is one with a company word
// at its start, where Arabic, Japanese and Korean write it (شركة ألمنيوم
// البحرين, 株式会社X, 주식회사X).
class OrgResolver {
 public:
  explicit OrgResolver(const Gazetteer& gaz, EntityKind kind = EntityKind::kOrganization,
                       const OrganizationRuleWords* words = nullptr) {
    for (const Alias& a : gaz.aliases()) {
      const Entity& e = gaz.entities()[a.entity];
      if (e.kind == kind) by_alias_.emplace(a.folded, e.id);
    }
    if (words == nullptr) return;
    for (const auto& [lang, form] : words->legal) legal_.insert(FoldForMatch(form));
    for (const auto* leading : {&words->company_country, &words->cjk_prefix})
      for (const auto& [lang, form] : *leading) leading_.push_back(FoldForMatch(form));
  }
  // Every folded form that stands for the gold entry `names`.
  std::set<std::string> Accepted(const nlohmann::json& names) const {
    std::set<std::string> out;
    auto resolve = [&](const std::string& folded) {
      out.insert(folded);
      auto range = by_alias_.equal_range(folded);
      for (auto it = range.first; it != range.second; ++it) out.insert(FoldForMatch(it->second));
    };
    auto add = [&](const std::string& name) {
      const std::string folded = FoldForMatch(name);
      resolve(folded);
      // Quotation marks are no part of a name: «Мангазея» is Мангазея.
      if (std::string bare = WithoutQuotes(folded); bare != folded && !bare.empty()) resolve(bare);
      // Nor is a sentence's full stop after an abbreviation ("Filo Corp." at
      // the end of a sentence is read as "Filo Corp").
      if (folded.size() > 1 && folded.back() == '.') resolve(folded.substr(0, folded.size() - 1));
      if (const size_t space = folded.rfind(' ');
          space != std::string::npos && space > 0 && legal_.count(folded.substr(space + 1)))
        resolve(folded.substr(0, space));
      for (const std::string& lead : leading_)
        if (folded.size() > lead.size() + 1 && folded.compare(0, lead.size(), lead) == 0) {
          const size_t rest = folded.find_first_not_of(' ', lead.size());
          if (rest != std::string::npos) resolve(folded.substr(rest));
        }
    };
    if (names.is_array()) {
      for (const auto& n : names)
        if (n.is_string()) add(n.get<std::string>());
    } else if (names.is_string()) {
      add(names.get<std::string>());
    }
    return out;
  }

 private:
  std::multimap<std::string, std::string> by_alias_;  // folded alias -> id
  std::set<std::string> legal_;                         // folded legal forms (corp, ltd)
  std::vector<std::string> leading_;                    // folded company words written first
};

// Counts organizations one to one: a prediction is right when its name, or
// the text of one of its mentions, is one of a gold entry's accepted forms
// (the gold names a body by the words the text uses: "Office of the US
// Trade Representative" found as USTR), and each gold entry is used once.
Counts CountOrganizations(const OrgResolver& resolver, const nlohmann::json& gold, const Record& r,
                          const std::string& doc_path, bool verbose) {
  // Each prediction's folded name, and the other forms its mentions write.
  std::map<std::string, std::set<std::string>> got;
  std::map<std::string, std::string> home;  // organization -> its country
  for (const auto& o : r.organizations) {
    got[o.name];
    home[o.name] = o.country;
  }
  // A body's home written before it (马来西亚|投资、贸易和工业部, 美国|国防部),
  // as the document writes that country elsewhere: the body is named
  // without it too.
  std::map<std::string, std::set<std::string>> country_texts;  // id -> texts
  std::map<size_t, const Mention*> country_ending;             // end -> mention
  for (const Mention& m : r.mentions)
    if (m.kind == "country") {
      country_texts[m.id].insert(m.text);
      country_ending[m.end] = &m;
    }
  // Where a name may be cut after a country's form: at a space or after its
  // possessive ("Australia's|Critical Minerals Office": kgx keeps a body's
  // home in its name), or before a CJK letter (美国|国防部), never inside a
  // Latin word (China|lco).
  auto cut_after = [](const std::string& text, size_t at) -> size_t {
    if (at >= text.size()) return std::string::npos;
    if (text[at] == ' ') return at + 1;
    for (std::string_view s : {"'s ", "\xE2\x80\x99s "})
      if (text.compare(at, s.size(), s) == 0) return at + s.size();
    return IsCjkNameChar(CodePointAt(text, at)) ? at : std::string::npos;
  };
  for (const Mention& m : r.mentions)
    if (m.kind == "organization" && got.count(m.id)) {
      got[m.id].insert(FoldForMatch(m.text));
      got[m.id].insert(WithoutQuotes(FoldForMatch(m.text)));
      // ...and the other way: a country written right onto the body
      // (中國|新疆中亞石油天然氣公司) may be in the gold's name.
      if (const auto c = country_ending.find(m.start); c != country_ending.end())
        got[m.id].insert(FoldForMatch(c->second->text + m.text));
      const auto h = home.find(m.id);
      const auto texts = h == home.end() ? country_texts.end() : country_texts.find(h->second);
      if (texts == country_texts.end()) continue;
      for (const std::string& t : texts->second)
        if (m.text.size() > t.size() && m.text.compare(0, t.size(), t) == 0)
          if (const size_t at = cut_after(m.text, t.size()); at != std::string::npos)
            got[m.id].insert(FoldForMatch(m.text.substr(at)));
    }
  std::vector<std::set<std::string>> want;
  std::vector<std::string> shown;
  if (gold.contains("organizations"))
    for (const auto& g : gold["organizations"]) {
      want.push_back(resolver.Accepted(g));
      shown.push_back(g.is_array() && !g.empty() ? g[0].dump() : g.dump());
    }
  std::vector<bool> used(want.size(), false);
  Counts c;
  // First by name, then by the mentions' forms: a prediction matched by its
  // name keeps its gold entry from one matched only by a mention's text.
  std::map<std::string, bool> hits;
  for (const auto& [name, forms] : got) {
    const std::string folded = FoldForMatch(name);
    for (size_t i = 0; i < want.size() && !hits[name]; ++i)
      if (!used[i] && want[i].count(folded)) used[i] = hits[name] = true;
  }
  for (const auto& [name, forms] : got) {
    bool& hit = hits[name];
    for (size_t i = 0; i < want.size() && !hit; ++i)
      if (!used[i] && std::any_of(forms.begin(), forms.end(),
                                  [&](const std::string& f) { return want[i].count(f) > 0; }))
        used[i] = hit = true;
    if (hit) {
      ++c.tp;
    } else {
      ++c.fp;
      if (verbose)
        std::printf("%s: organizations: false alarm '%s'\n", doc_path.c_str(), name.c_str());
    }
  }
  for (size_t i = 0; i < want.size(); ++i)
    if (!used[i]) {
      ++c.fn;
      if (verbose)
        std::printf("%s: organizations: missed %s\n", doc_path.c_str(), shown[i].c_str());
    }
  return c;
}

// Blocs that kgx reads as their members: a bloc whose name is a `grouping`
// word of the frames that pairs its members with a partner ("Mercosul
// assinou com Singapura": AR-SG, BR-SG, PY-SG, SG-UY; EFTA likewise), as
// bloc id -> member codes. Gold written with the bloc ("EFTA-ID") and gold
// written with its members (CH-ID, ID-IS, ID-LI, ID-NO) say the same thing;
// writers who never saw kgx do both, so both sides of a comparison of
// agreement pairs are read as members (ExpandBlocPairs).
using BlocMembers = std::map<std::string, std::vector<std::string>>;

BlocMembers ReadBlocMembers(const Model& model) {
  std::multimap<std::string, std::string> group_by_alias;  // folded alias -> id
  const Gazetteer& gaz = model.gazetteer();
  for (const Alias& a : gaz.aliases()) {
    const Entity& e = gaz.entities()[a.entity];
    if (e.kind == EntityKind::kGroup) group_by_alias.emplace(a.folded, e.id);
  }
  BlocMembers out;
  for (const FrameWord& w : model.frames().words()) {
    if (w.role != FrameRole::kGrouping || w.slots != FrameSlots::kActorPartner) continue;
    auto range = group_by_alias.equal_range(FoldForMatch(w.word));
    for (auto it = range.first; it != range.second; ++it) {
      out.emplace(it->second, Split(w.value, ','));
    }
  }
  return out;
}

// Agreement pairs "A-B" with each bloc of `blocs` read as its members.
std::set<std::string> ExpandBlocPairs(const std::set<std::string>& pairs,
                                      const BlocMembers& blocs) {
  std::set<std::string> out;
  for (const std::string& pair : pairs) {
    const size_t dash = pair.find('-');
    if (dash == std::string::npos) {
      out.insert(pair);
      continue;
    }
    auto side = [&](const std::string& code) {
      auto it = blocs.find(code);
      return it == blocs.end() ? std::vector<std::string>{code} : it->second;
    };
    for (const std::string& a : side(pair.substr(0, dash)))
      for (const std::string& b : side(pair.substr(dash + 1)))
        if (a != b) out.insert(std::min(a, b) + "-" + std::max(a, b));
  }
  return out;
}

// Gold lines are short; one over this is not gold.
constexpr size_t kMaxGoldLine = 1u << 20;
// Bad lines named before "... and N more".
constexpr int kMaxComplaints = 20;

// What is wrong with one gold line, or "" when it is gold: an object with
// "doc" (a path), optional "lang" and, per kind, a list of ids (strings).
std::string CheckGold(const nlohmann::json& gold) {
  if (!gold.is_object()) return std::string("expected a JSON object, got ") + gold.type_name();
  if (gold.contains("kgx_record") || gold.contains("mentions"))
    return "this is a record of `kgx extract`, not gold: gold lists the ids a reader finds, per "
           "kind (\"countries\": [\"JP\"], \"organizations\": [\"JOGMEC\"]...; tools/eval.h)";
  const auto doc = gold.find("doc");
  if (doc == gold.end() || !doc->is_string() || doc->get<std::string>().empty())
    return "missing \"doc\" (the document's path, relative to the gold file's folder)";
  if (gold.contains("lang") && !gold["lang"].is_string()) return "\"lang\" must be a string";
  for (const EvalKind& k : kEvalKinds) {
    const char* kind = k.key;
    const auto ids = gold.find(kind);
    if (ids == gold.end()) continue;
    if (!ids->is_array()) return std::string("\"") + kind + "\" must be a list of ids";
    // An organization may be a list of acceptable names (OrgResolver).
    const bool lists_allowed = std::string(kind) == "organizations";
    for (const auto& id : *ids) {
      const bool names = lists_allowed && id.is_array() && !id.empty() &&
                         std::all_of(id.begin(), id.end(), [](const auto& n) { return n.is_string(); });
      if (!id.is_string() && !names)
        return std::string("\"") + kind + "\" must list ids as strings" +
               (lists_allowed ? " or lists of names" : "") + ", not " + id.dump();
    }
  }
  return "";
}

struct GoldLine {
  int line;
  nlohmann::json gold;
};

// Messages about gold lines, "PATH:LINE: what", the first kMaxComplaints
// of them.
struct Complaints {
  const std::string& path;
  int count = 0;
  void Add(int line_no, const std::string& what) {
    if (++count <= kMaxComplaints) Error(path + ":" + std::to_string(line_no) + ": " + what);
  }
};

// Reads and checks every gold line before any document is read: a wrong
// file is told at once, each bad line with its number. False (nothing to
// score) after an error.
bool ReadGold(const std::string& path, Complaints* complaints, std::vector<GoldLine>* lines) {
  LineReader in;
  if (Status s = in.Open(path, kMaxGoldLine); !s.ok()) {
    Error("gold " + s.message());
    return false;
  }
  std::string line;
  while (in.Next(&line)) {
    if (line.empty() || line == "\r") continue;
    nlohmann::json gold;
    try {
      gold = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      complaints->Add(in.line_number(), std::string("not JSON: ") + e.what());
      continue;
    }
    if (const std::string problem = CheckGold(gold); !problem.empty()) {
      complaints->Add(in.line_number(), problem);
      continue;
    }
    lines->push_back({in.line_number(), std::move(gold)});
  }
  if (!in.status().ok()) {
    Error(in.status().message());
    return false;
  }
  const int bad = complaints->count;
  if (bad > kMaxComplaints) Error("... and " + Counted(bad - kMaxComplaints, "more bad line"));
  if (bad > 0) return false;
  if (lines->empty()) {
    Error(path + ": no gold lines");
    return false;
  }
  return true;
}

// Counts of one kind of ids: `got` against the gold's list.
// A gold group written by its name rather than its id ("Mercosur") is taken
// as the id its name stands for in the gazetteer, when it stands for one.
Counts CountIds(const nlohmann::json& gold, const char* kind, std::set<std::string> got,
                const std::string& doc_path, bool verbose, const OrgResolver* groups,
                const BlocMembers* blocs) {
  std::set<std::string> want;
  if (gold.contains(kind))
    for (const auto& v : gold[kind]) {
      std::string id = v.get<std::string>();
      if (groups != nullptr && !got.count(id))
        for (const std::string& form : groups->Accepted(v))
          for (const std::string& g : got)
            if (FoldForMatch(g) == form) id = g;
      want.insert(id);
    }
  if (blocs != nullptr) {
    want = ExpandBlocPairs(want, *blocs);
    got = ExpandBlocPairs(got, *blocs);
  }
  Counts c;
  for (const std::string& id : got) {
    if (want.count(id))
      ++c.tp;
    else {
      ++c.fp;
      if (verbose) std::printf("%s: %s: false alarm '%s'\n", doc_path.c_str(), kind, id.c_str());
    }
  }
  for (const std::string& id : want)
    if (!got.count(id)) {
      ++c.fn;
      if (verbose) std::printf("%s: %s: missed '%s'\n", doc_path.c_str(), kind, id.c_str());
    }
  return c;
}

// The score table: per language (and "all"), per kind.
void PrintScores(const std::map<std::string, std::map<std::string, Counts>>& by_lang) {
  std::printf("%-8s %-14s %5s %5s %5s %6s %6s %6s\n", "lang", "kind", "tp", "fp", "fn", "P", "R",
              "F1");
  for (const auto& [lang, kinds] : by_lang) {
    for (const EvalKind& k : kEvalKinds) {
      const char* kind = k.key;
      auto it = kinds.find(kind);
      if (it == kinds.end()) continue;
      const Counts& c = it->second;
      if (lang != "all" && c.tp + c.fp + c.fn == 0) continue;
      std::printf("%-8s %-14s %5ld %5ld %5ld %6.3f %6.3f %6.3f\n", lang.c_str(), kind, c.tp, c.fp,
                  c.fn, c.P(), c.R(), c.F1());
    }
  }
}

}  // namespace

bool IsEvalKind(const std::string& name) {
  for (const EvalKind& e : kEvalKinds)
    if (name == e.name) return true;
  return false;
}

int RunEval(const Model& model, const EvalOptions& opt) {
  Complaints complaints{opt.gold_path};
  std::vector<GoldLine> lines;
  if (!ReadGold(opt.gold_path, &complaints, &lines)) return 2;
  const std::string dir = opt.gold_path.find('/') == std::string::npos
                              ? "."
                              : opt.gold_path.substr(0, opt.gold_path.rfind('/'));
  Extractor extractor(model);
  const OrgResolver resolver(model.gazetteer(), EntityKind::kOrganization,
                             &model.organization_rule_words());
  const OrgResolver group_names(model.gazetteer(), EntityKind::kGroup);
  const BlocMembers blocs = ReadBlocMembers(model);
  std::map<std::string, std::map<std::string, Counts>> by_lang;  // lang -> kind -> counts
  std::map<std::string, Counts> total;
  int docs = 0, lang_right = 0, unread = 0;
  for (const auto& [line_no, gold] : lines) {
    const std::string name = gold["doc"].get<std::string>();
    const std::string doc_path = name[0] == '/' ? name : dir + "/" + name;
    Document doc;
    Status s = ReadDocument(doc_path, ReadOptions(), &doc);
    if (!s.ok()) {
      complaints.Add(line_no, s.message());
      ++unread;
      continue;
    }
    const Record r = extractor.Extract(doc);
    const std::string lang = gold.value("lang", "?");
    ++docs;
    if (r.lang == lang)
      ++lang_right;
    else if (opt.verbose)
      std::printf("%s: language %s, gold %s\n", doc_path.c_str(), r.lang.c_str(), lang.c_str());
    for (const EvalKind& k : kEvalKinds) {
      const char* kind = k.key;
      const Counts c = std::string(kind) == "organizations"
                           ? CountOrganizations(resolver, gold, r, doc_path, opt.verbose)
                           : CountIds(gold, kind, Predicted(r, kind), doc_path, opt.verbose,
                                      std::string(kind) == "groups" ? &group_names : nullptr,
                                      std::string(kind) == "agreements" ? &blocs : nullptr);
      for (Counts* t : {&by_lang[lang][kind], &by_lang["all"][kind], &total[kind]}) {
        t->tp += c.tp;
        t->fp += c.fp;
        t->fn += c.fn;
      }
    }
  }
  std::printf("%s; language identified right in %d\n\n",
              Counted(static_cast<size_t>(docs), "document").c_str(), lang_right);
  PrintScores(by_lang);
  int rc = 0;
  if (unread > 0) {
    Error("eval: " + Counted(unread, "gold document") +
          " could not be read; the scores leave "
          "them out");
    rc = 2;
  }
  for (const auto& [kind, floor] : opt.floors) {
    const double f1 = total[KindKey(kind)].F1();
    if (f1 < floor) {
      char line[128];
      std::snprintf(line, sizeof line, "eval: %s F1 %.3f is below the floor %.3f", kind.c_str(), f1,
                    floor);
      Error(line);
      if (rc == 0) rc = 1;
    }
  }
  return rc;
}

}  // namespace kgx
