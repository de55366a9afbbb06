// Where one thread's time goes: every step of kgx extract, timed alone over
// a corpus, and the floor that the steps built on ICU set for any pipeline
// that uses them.
//
//   build/bench/stage_bench gazetteers CORPUS_DIR [GREP_MB_PER_S]
//
// Documents are read into memory first; each step then runs over all of
// them with the inputs the extractor gives it (extract/extractor.cc), and
// prints MB/s and ns per byte (of the files, as bench.py counts them) and
// its share of the sum.
// "every-byte floor" adds reading and parsing the files, ICU's NFKC, case
// folding and sentence breaks and one pass of the gazetteer automaton:
// what kgx does to every byte before it reads any fact. Given the grep -F
// floor (bench.py passes it), it prints the per-byte budget the 0.5x
// target leaves.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/files.h"
#include "extract/facts/dates.h"
#include "extract/extractor.h"
#include "extract/model.h"
#include "extract/read/language.h"
#include "extract/entities/matcher.h"
#include "extract/facts/money.h"
#include "extract/read/normalize.h"
#include "extract/read/reader.h"
#include "extract/record/record.h"
#include "extract/relations/relations.h"
#include "extract/read/segment.h"

namespace {

using Clock = std::chrono::steady_clock;

// Every regular file below `dir`, depth first in name order (the order
// kgx::ListDirectory gives), and their total size. Links are not followed.
void ListFiles(const std::string& dir, std::vector<std::string>* out, double* bytes) {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  if (!kgx::ListDirectory(dir, "", &names)) return;
  for (const std::string& name : names) {
    const std::string path = dir + "/" + name;
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(path, ec);
    if (ec) continue;
    if (fs::is_directory(st)) {
      ListFiles(path, out, bytes);
    } else if (fs::is_regular_file(st)) {
      out->push_back(path);
      *bytes += static_cast<double>(fs::file_size(path, ec));
    }
  }
}

// One document as the extractor sees it after each step.
struct Doc {
  kgx::Document doc;
  kgx::OffsetMap n_to_t, f_to_n;
  std::string nfkc, folded, lang;
  std::vector<kgx::EntityMatch> matches;
  std::vector<kgx::Span> sentences;
  std::vector<kgx::DateMention> dates;
  std::vector<kgx::Amount> amounts;
};

struct Step {
  const char* name;
  double seconds;
  bool every_byte;  // Part of the every-byte floor.
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: stage_bench GAZETTEER_DIR CORPUS_DIR [GREP_MB_PER_S]\n");
    return 2;
  }
  kgx::Model model;
  const kgx::Status loaded = model.LoadDirectory(argv[1]);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.message().c_str());
    return 1;
  }
  model.Compile();
  const kgx::Gazetteer& gaz = model.gazetteer();
  std::vector<std::string> files;
  double bytes = 0;  // Of the files, as bench.py and grep count them.
  ListFiles(argv[2], &files, &bytes);
  if (files.empty()) {
    std::fprintf(stderr, "stage_bench: no files under %s\n", argv[2]);
    return 1;
  }
  std::vector<Step> steps;
  auto timed = [&](const char* name, bool floor, auto&& f) {
    const auto t0 = Clock::now();
    f();
    steps.push_back({name, std::chrono::duration<double>(Clock::now() - t0).count(), floor});
  };

  std::vector<Doc> docs(files.size());
  timed("read and parse files", true, [&] {
    for (size_t i = 0; i < files.size(); ++i)
      if (!kgx::ReadDocument(files[i], kgx::ReadOptions(), &docs[i].doc).ok()) docs[i] = Doc();
  });
  timed("NFKC (ICU)", true, [&] {
    for (Doc& d : docs) d.nfkc = kgx::NormalizeNfkc(d.doc.text, &d.n_to_t);
  });
  timed("case folding (ICU)", true, [&] {
    for (Doc& d : docs) d.folded = kgx::FoldForMatch(d.nfkc, &d.f_to_n);
  });
  timed("language", false, [&] {
    for (Doc& d : docs) d.lang = kgx::DetectLanguage(d.nfkc, d.doc.meta.locale, model.stopwords());
  });
  size_t occurrences = 0;
  timed("automaton pass alone", true, [&] {
    for (const Doc& d : docs)
      gaz.automaton().FindAll(d.folded, [&](size_t, size_t, uint32_t) { ++occurrences; });
  });
  timed("entities (incl. that pass)", false, [&] {
    for (Doc& d : docs)
      d.matches = kgx::FindEntities(model.entity_tables(), kgx::MatchText{d.nfkc, d.folded, &d.f_to_n}, d.lang);
  });
  timed("sentences (ICU)", true, [&] {
    for (Doc& d : docs) d.sentences = kgx::SplitSentences(d.nfkc, d.lang);
  });
  timed("dates", false, [&] {
    for (Doc& d : docs) d.dates = model.date_finder()->Find(d.nfkc, d.lang, d.doc.meta.published);
  });
  timed("money", false, [&] {
    for (Doc& d : docs) {
      std::vector<kgx::ExchangeRate> rates;
      model.money_parser()->Find(d.nfkc, d.lang, d.doc.meta.locale, &d.amounts, &rates);
    }
  });
  timed("agreements and restrictions", false, [&] {
    for (Doc& d : docs) {
      kgx::RelationInput in;
      in.nfkc = d.nfkc;
      in.folded = d.folded;
      in.folded_to_nfkc = &d.f_to_n;
      in.sentences = &d.sentences;
      in.matches = &d.matches;
      in.amounts = &d.amounts;
      in.dates = &d.dates;
      in.lang = d.lang;
      std::vector<kgx::FoundAgreement> agreements;
      std::vector<kgx::FoundRestriction> restrictions;
      model.relation_finder()->Find(gaz, in, &agreements, &restrictions);
    }
  });
  const kgx::Extractor extractor(model);
  std::vector<kgx::Record> records(docs.size());
  double whole = 0;
  {
    const auto t0 = Clock::now();
    for (size_t i = 0; i < docs.size(); ++i) records[i] = extractor.Extract(docs[i].doc);
    whole = std::chrono::duration<double>(Clock::now() - t0).count();
  }
  timed("JSON lines", false, [&] {
    size_t n = 0;
    for (const kgx::Record& r : records) n += kgx::ToJsonLine(r).size();
    if (n == 0) std::fprintf(stderr, "no output\n");
  });

  const double mb = bytes / 1e6;
  double sum = 0, floor = 0;
  for (const Step& s : steps) {
    if (std::string(s.name) == "automaton pass alone") continue;  // Inside "entities".
    sum += s.seconds;
  }
  for (const Step& s : steps) floor += s.every_byte ? s.seconds : 0;
  std::printf("%zu documents, %.1f MB of files, %zu automaton occurrences\n", docs.size(), mb,
              occurrences);
  std::printf("%-30s %9s %9s %7s\n", "step (one thread)", "MB/s", "ns/byte", "share");
  for (const Step& s : steps)
    std::printf("%-30s %9.1f %9.1f %6.1f%%\n", s.name, mb / s.seconds, s.seconds * 1e9 / bytes,
                100 * s.seconds / sum);
  std::printf("%-30s %9.1f %9.1f\n", "sum of the steps", mb / sum, sum * 1e9 / bytes);
  std::printf("%-30s %9.1f %9.1f\n", "Extractor::Extract + reading", mb / (whole + steps[0].seconds),
              (whole + steps[0].seconds) * 1e9 / bytes);
  std::printf("%-30s %9.1f %9.1f  (read, NFKC, fold, sentences, one automaton pass)\n",
              "every-byte floor", mb / floor, floor * 1e9 / bytes);
  if (argc > 3) {
    const double grep = std::strtod(argv[3], nullptr);
    if (grep > 0)
      std::printf("half the grep floor (%.1f MB/s) allows %.1f ns/byte; the every-byte floor takes %.1f\n",
                  grep, 1e3 / (grep / 2), floor * 1e9 / bytes);
  }
  return 0;
}
