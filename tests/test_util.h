// Helpers shared by the doctest files.
#ifndef KGX_TESTS_TEST_UTIL_H_
#define KGX_TESTS_TEST_UTIL_H_

#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "extract/entities/gazetteer.h"
#include "extract/entities/matcher.h"
#include "extract/extractor.h"
#include "extract/facts/money.h"
#include "extract/model.h"
#include "extract/read/normalize.h"
#include "extract/read/reader.h"
#include "extract/record/record.h"
#include "extract/relations/frames.h"
#include "graph/knowledge_graph.h"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", \"" : "\"") + v[i] + "\"";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace kgx_test {

// One input of a text function and the output it must give.
struct InOut {
  std::string in;
  std::string out;
};

// Checks `f` on each case, naming the input of one that fails: the table
// tests of the functions that escape, clean or read one string share it.
template <typename F>
void CheckEach(F f, const std::vector<InOut>& cases) {
  for (const InOut& c : cases) {
    CAPTURE(c.in);
    CHECK(f(c.in) == c.out);
  }
}

// A trade measure as the reader writes it: imposer, target ("" for none),
// type, minerals, evidence, confidence and status.
inline kgx::RestrictionRef Measure(std::string from, std::string to, std::string type,
                                   std::vector<std::string> minerals,
                                   std::vector<kgx::Evidence> evidence, double confidence,
                                   std::string status = "in_force") {
  kgx::RestrictionRef x;
  x.from = std::move(from);
  x.to = std::move(to);
  x.type = std::move(type);
  x.minerals = std::move(minerals);
  x.evidence = std::move(evidence);
  x.confidence = confidence;
  x.status = std::move(status);
  return x;
}

// The graph of `records`, added in order and finalized: the one way the
// tests that write records by hand make their graph.
inline kgx::KnowledgeGraph Finalized(const std::vector<kgx::Record>& records) {
  kgx::KnowledgeGraph g;
  for (const kgx::Record& r : records) g.AddRecord(r);
  g.Finalize();
  return g;
}

// Adds China's ban on gallium exports to Japan, in force, and a US tariff on
// China's graphite only threatened (issue 18), their sentences from `at`;
// returns the record's graph, finalized.
inline kgx::KnowledgeGraph GraphWithBanAndThreat(kgx::Record r, size_t at) {
  r.restrictions.push_back(
      Measure("CN", "JP", "export_ban", {"gallium"}, {{at, at + 5, "Bans."}}, 0.9));
  r.restrictions.push_back(Measure("US", "CN", "tariff", {"graphite"},
                                   {{at + 6, at + 16, "Threatens."}}, 0.9, "threatened"));
  return Finalized({r});
}

// "AU-JP" for each pair of each concluded agreement of a record.
inline std::set<std::string> ConcludedPairs(const kgx::Record& r) {
  std::set<std::string> out;
  for (const auto& a : r.agreements) {
    if (!kgx::IsConcluded(a)) continue;
    for (size_t i = 0; i < a.parties.size(); ++i)
      for (size_t j = i + 1; j < a.parties.size(); ++j)
        out.insert(a.parties[i] + "-" + a.parties[j]);
  }
  return out;
}

// The same pairs as tests/cases writes them: sorted, joined by a space
// ("AU-JP JP-PH"), "" for none.
inline std::string Concluded(const kgx::Record& r) {
  std::string out;
  for (const std::string& pair : ConcludedPairs(r)) out += (out.empty() ? "" : " ") + pair;
  return out;
}

// The project's model (gazetteers and every step's words), loaded once for
// all tests.
inline const kgx::Model& ProjectModel() {
  static const kgx::Model* model = [] {
    auto* m = new kgx::Model();
    kgx::Status s = m->LoadDirectory(KGX_GAZETTEER_DIR);
    if (!s.ok()) throw std::runtime_error(s.message());
    m->Compile();
    return m;
  }();
  return *model;
}

// What the project's model reads in the document `path` whose bytes are
// `text` (front matter and all).
inline kgx::Record Extract(const std::string& path, const std::string& text) {
  kgx::Document doc;
  REQUIRE(kgx::ParseDocument(path, text, &doc).ok());
  return kgx::Extractor(ProjectModel()).Extract(doc);
}

// What the project's model reads in `text`, its language fixed by front
// matter (a one-line text is too short to detect).
inline kgx::Record ReadIn(const std::string& text, const std::string& lang) {
  return Extract("doc.md", "---\nlocale: " + lang + "\n---\n" + text + "\n");
}

// The amounts the money parser alone reads in `raw`, NFKC-normalized as the
// pipeline gives it (into *nfkc when not null, the text their offsets point
// into), in `lang` and the document's `locale`.
inline std::vector<kgx::Amount> AmountsIn(const std::string& raw, const std::string& lang,
                                          const std::string& locale = "",
                                          std::string* nfkc = nullptr) {
  const std::string text = kgx::NormalizeNfkc(raw);
  std::vector<kgx::Amount> amounts;
  std::vector<kgx::ExchangeRate> rates;
  ProjectModel().money_parser()->Find(text, lang, locale, &amounts, &rates);
  if (nfkc != nullptr) *nfkc = text;
  return amounts;
}

// The entity matches of `text` in `lang` (the matcher alone, no relations).
inline std::vector<kgx::EntityMatch> EntityMatches(const std::string& text,
                                                   const std::string& lang) {
  kgx::OffsetMap f_to_n;
  const std::string nfkc = kgx::NormalizeNfkc(text);
  const std::string folded = kgx::FoldForMatch(nfkc, &f_to_n);
  return kgx::FindEntities(ProjectModel().entity_tables(), kgx::MatchText{nfkc, folded, &f_to_n},
                           lang);
}

// Organizations found in `text`, each with its home: the gazetteer's country=
// or, for a government body read by its head, the country written before it.
inline std::vector<std::pair<std::string, std::string>> OrgsWithHome(const std::string& text,
                                                                     const std::string& lang) {
  const kgx::Gazetteer& gaz = ProjectModel().gazetteer();
  std::vector<std::pair<std::string, std::string>> out;
  for (const kgx::EntityMatch& m : EntityMatches(text, lang)) {
    if (m.kind != kgx::EntityKind::kOrganization) continue;
    if (m.entity == kgx::EntityMatch::kRule) {
      out.emplace_back(m.rule_name, m.rule_country);
    } else {
      const kgx::Entity& e = gaz.entities()[m.entity];
      auto c = e.attrs.find("country");
      out.emplace_back(e.id, c == e.attrs.end() ? "" : c->second);
    }
  }
  return out;
}

// Its gazetteer: entities and aliases.
inline const kgx::Gazetteer& ProjectGazetteer() { return ProjectModel().gazetteer(); }

// A model of one file's `content` (as if read from `path`), on top of the
// project's gazetteers when `with_project`, loaded on `threads` threads and
// compiled; a load error fails the calling test. The one setup every test
// that needs its own word table shares.
inline std::unique_ptr<kgx::Model> CompiledModel(const std::string& content,
                                                 bool with_project = false, int threads = 1,
                                                 const std::string& path = "test.tsv") {
  auto gaz = std::make_unique<kgx::Model>();
  gaz->SetThreads(threads);
  if (with_project) REQUIRE(gaz->LoadDirectory(KGX_GAZETTEER_DIR).ok());
  const kgx::Status s = gaz->LoadString(path, content);
  INFO(s.message());
  REQUIRE(s.ok());
  gaz->Compile();
  return gaz;
}

// The aliases of a model's gazetteer as "lang:folded", in its order: the
// forms the inflection rules generated from each line.
inline std::vector<std::string> AliasForms(const kgx::Model& model) {
  std::vector<std::string> forms;
  for (const kgx::Alias& a : model.gazetteer().aliases()) forms.push_back(a.lang + ":" + a.folded);
  return forms;
}

// The message loading `content` as `path` fails with, or "" when it loads.
inline std::string LoadError(const std::string& content, const std::string& path = "user.tsv") {
  kgx::Model gaz;
  const kgx::Status s = gaz.LoadString(path, content);
  return s.ok() ? "" : s.message();
}

struct Found {
  std::string id;
  std::string text;  // NFKC text matched.
  bool operator<(const Found& o) const { return id != o.id ? id < o.id : text < o.text; }
  bool operator==(const Found& o) const { return id == o.id && text == o.text; }
};

// Entities found in `text` as (id, surface) pairs in text order.
inline std::vector<Found> Match(const kgx::Model& model, const std::string& text,
                                const std::string& lang) {
  const kgx::Gazetteer& gaz = model.gazetteer();
  kgx::OffsetMap f_to_n;
  const std::string nfkc = kgx::NormalizeNfkc(text);
  const std::string folded = kgx::FoldForMatch(nfkc, &f_to_n);
  std::vector<Found> out;
  for (const kgx::EntityMatch& m :
       kgx::FindEntities(model.entity_tables(), kgx::MatchText{nfkc, folded, &f_to_n}, lang)) {
    const std::string id =
        m.entity == kgx::EntityMatch::kRule ? m.rule_name : gaz.entities()[m.entity].id;
    out.push_back({id, nfkc.substr(m.nfkc_begin, m.nfkc_end - m.nfkc_begin)});
  }
  return out;
}

// "id=text" of each entity found.
inline std::vector<std::string> IdsAndTexts(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const Found& f : found) out.push_back(f.id + "=" + f.text);
  return out;
}

inline std::vector<std::string> Ids(const std::vector<Found>& found) {
  std::vector<std::string> ids;
  for (const Found& f : found) ids.push_back(f.id);
  return ids;
}

// A frame file's text (read as `path`, in `lang`) and the error it must give.
struct FrameFileError {
  const char* text;
  const char* path;
  const char* lang;
  const char* message;
};
// Adds each file to `t` in order, checking its error.
inline void CheckFrameErrors(kgx::FrameTable& t, const std::vector<FrameFileError>& cases) {
  for (const FrameFileError& c : cases) {
    CAPTURE(c.text);
    CHECK(t.AddFile(c.text, c.path, c.lang).message() == c.message);
  }
}

}  // namespace kgx_test

#endif  // KGX_TESTS_TEST_UTIL_H_
