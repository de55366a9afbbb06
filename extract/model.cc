#include "extract/model.h"

#include <unicode/uversion.h>

#include <cstring>
#include <sstream>
#include <thread>
#include <utility>

#include "base/files.h"
#include "base/strings.h"  // Split
#include "base/utf8.h"
#include "extract/facts/dates.h"
#include "extract/read/file_io.h"
#include "extract/model_cache.h"
#include "extract/read/normalize.h"

namespace kgx {
namespace {

// A frame file is a .tsv in a folder named frames; its name is its language.
bool FrameLanguage(const std::string& path, std::string* lang) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos || slash < 6 || path.compare(slash - 6, 7, "frames/") != 0)
    return false;
  std::string name = path.substr(slash + 1);
  if (name.size() <= 4 || name.compare(name.size() - 4, 4, ".tsv") != 0) return false;
  *lang = name.substr(0, name.size() - 4);
  return true;
}

// The money words, date words and relation frames in the model cache: every field, in
// order. A field added to these structs must be saved and loaded here too
// (the sizes catch it) and kModelCacheFormat bumped.
// (The sizes are those of GCC's library on 64-bit machines; other libraries
// lay std::string and std::map out otherwise, so the check runs there only.)
#if defined(__GLIBCXX__) && SIZE_MAX == UINT64_MAX
static_assert(sizeof(FrameWord) == 120 && sizeof(MoneyWords) == 192 && sizeof(DateWords) == 144 &&
                  sizeof(RelativeWord) == 40,
              "a field was added: save and load it below and bump kModelCacheFormat");
#endif

void SaveFrameWords(const std::vector<FrameWord>& words, ByteWriter* out) {
  out->U64(words.size());
  for (const FrameWord& w : words) {
    out->U8(static_cast<uint8_t>(w.role));
    out->Str(w.lang);
    out->Str(w.word);
    out->Str(w.value);
    out->U8(static_cast<uint8_t>(w.slots));
    out->U8(static_cast<uint8_t>(w.open_begin | w.open_end << 1 | w.whole_sentence << 2 |
                                 w.imports_only << 3 | w.no_deed << 4 | w.before_only << 5 |
                                 w.pending << 6 | w.adjacent << 7));
    out->U8(static_cast<uint8_t>(w.entry));
  }
}

std::vector<FrameWord> LoadFrameWords(ByteReader* in) {
  std::vector<FrameWord> words(in->Count(27));
  for (FrameWord& w : words) {
    const uint8_t role = in->U8();
    if (role > static_cast<uint8_t>(FrameRole::kWordOrder)) in->Fail();
    w.role = static_cast<FrameRole>(role);
    w.lang = in->Str();
    w.word = in->Str();
    w.value = in->Str();
    const uint8_t slots = in->U8(), flags = in->U8();
    // Every bit of `flags` is in use: only the slots can be out of range.
    if (slots > static_cast<uint8_t>(FrameSlots::kThree)) in->Fail();
    w.slots = static_cast<FrameSlots>(slots);
    w.open_begin = flags & 1;
    w.open_end = flags & 2;
    w.whole_sentence = flags & 4;
    w.imports_only = flags & 8;
    w.no_deed = flags & 16;
    w.before_only = flags & 32;
    w.pending = flags & 64;
    w.adjacent = flags & 128;
    const uint8_t more = in->U8();
    if (more > 1) in->Fail();
    w.entry = more & 1;
  }
  return words;
}

void SaveMoneyWords(const MoneyWords& w, ByteWriter* out) {
  out->U64(w.currencies.size());
  for (const auto& [alias, code_lang] : w.currencies) {
    out->Str(alias);
    out->Str(code_lang.first);
    out->Str(code_lang.second);
  }
  out->U64(w.scales.size());
  for (const auto& [word, multiplier] : w.scales) {
    out->Str(word);
    uint64_t bits;
    std::memcpy(&bits, &multiplier, sizeof bits);
    out->U64(bits);
  }
  out->Pairs(w.qualifiers);
  out->Strings(w.ranges);
  out->Strings(w.numerals);
  out->Pairs(w.local_words);
  out->Pairs(w.currency_of);
  out->Strings(w.units);
}

MoneyWords LoadMoneyWords(ByteReader* in) {
  MoneyWords w;
  w.currencies.resize(in->Count(24));
  for (auto& [alias, code_lang] : w.currencies) {
    alias = in->Str();
    code_lang.first = in->Str();
    code_lang.second = in->Str();
  }
  w.scales.resize(in->Count(16));
  for (auto& [word, multiplier] : w.scales) {
    word = in->Str();
    const uint64_t bits = in->U64();
    std::memcpy(&multiplier, &bits, sizeof bits);
  }
  w.qualifiers = in->Pairs();
  w.ranges = in->Strings();
  w.numerals = in->Strings();
  w.local_words = in->Pairs();
  w.currency_of = in->Pairs();
  w.units = in->Strings();
  return w;
}

void SaveWordNumbers(const std::map<std::string, int>& words, ByteWriter* out) {
  out->U64(words.size());
  for (const auto& [word, n] : words) {
    out->Str(word);
    out->U32(static_cast<uint32_t>(n));
  }
}

std::map<std::string, int> LoadWordNumbers(ByteReader* in) {
  std::map<std::string, int> words;
  for (uint64_t n = in->Count(12); n > 0; --n) {
    std::string word = in->Str();
    words.emplace_hint(words.end(), std::move(word), static_cast<int>(in->U32()));
  }
  return words;
}

void SaveDateWords(const DateWords& w, ByteWriter* out) {
  SaveWordNumbers(w.months, out);
  SaveWordNumbers(w.weekdays, out);
  out->U64(w.relative.size());
  for (const auto& [word, senses] : w.relative) {
    out->Str(word);
    out->U64(senses.size());
    for (const RelativeWord& r : senses) {
      out->Str(r.lang);
      out->U8(static_cast<uint8_t>(r.unit));
      out->U32(static_cast<uint32_t>(r.offset));
    }
  }
}

DateWords LoadDateWords(ByteReader* in) {
  DateWords w;
  w.months = LoadWordNumbers(in);
  w.weekdays = LoadWordNumbers(in);
  for (uint64_t n = in->Count(16); n > 0; --n) {
    std::vector<RelativeWord>& senses = w.relative[in->Str()];
    senses.resize(in->Count(13));
    for (RelativeWord& r : senses) {
      r.lang = in->Str();
      const uint8_t unit = in->U8();
      if (unit > RelativeWord::kYear) in->Fail();
      r.unit = static_cast<RelativeWord::Unit>(unit);
      r.offset = static_cast<int>(in->U32());
    }
  }
  return w;
}

// An automaton, or none (a step with no words builds none).
void SaveAutomaton(const AhoCorasick& automaton, ByteWriter* out) {
  out->U8(automaton.state_count() > 0);
  if (automaton.state_count() > 0) automaton.Save(out);
}

// Null when none was saved; false when the bytes are no automaton of
// `patterns` patterns.
bool LoadAutomaton(ByteReader* in, size_t patterns, std::unique_ptr<AhoCorasick>* automaton) {
  automaton->reset();
  const uint8_t saved = in->U8();
  if (saved == 0) return in->ok();
  *automaton = std::make_unique<AhoCorasick>();
  return saved == 1 && (*automaton)->Load(in) && (*automaton)->pattern_count() == patterns;
}

}  // namespace

void Model::SetThreads(int threads) {
  threads_ = threads;
  gaz_->SetThreads(threads);
}

Status Model::LoadDirectory(const std::string& dir) {
  if (cache_dir_.empty()) gaz_->StartWarmup();  // With a cache, only on a miss.
  std::vector<std::string> names;
  if (!ListDirectory(dir, ".tsv", &names))
    return Status::Error("cannot open gazetteer directory '" + dir + "'");
  if (names.empty()) return Status::Error("no gazetteer files (*.tsv) in '" + dir + "'");
  for (const std::string& name : names) {
    Status s = LoadFile(dir + "/" + name);
    if (!s.ok()) return s;
  }
  return LoadFrameDirectory(dir + "/frames");
}

// The relation frames, one file per language (frames/ja.tsv): parsed by the
// relation reader's own table (extract/relations/frames.h). A gazetteer
// folder without frames/ has no relation words.
Status Model::LoadFrameDirectory(const std::string& dir) {
  std::vector<std::string> names;
  if (!ListDirectory(dir, ".tsv", &names)) return Status::Ok();
  for (const std::string& name : names) {
    Status s = LoadFile(dir + "/" + name);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Model::LoadFile(const std::string& path) {
  std::string content;
  Status s = ReadRegularFile(path, kMaxGazetteerBytes, &content);
  if (!s.ok()) return Status::Error("gazetteer " + s.message());
  return LoadString(path, content);
}

Status Model::LoadString(const std::string& path, const std::string& content) {
  if (!cache_dir_.empty()) {
    sources_.emplace_back(path, content);
    return Status::Ok();
  }
  return Parse(path, content);
}

Status Model::Parse(const std::string& path, const std::string& content) {
  if (std::string lang; FrameLanguage(path, &lang)) {
    if (loaded_from_cache_) return Status::Ok();  // The words are in the cache.
    if (!IsGazetteerLanguageTag(lang) || lang == "*")
      return Status::Error(path + ": the file's name is no language tag");
    return frames_.AddFile(content, path, lang);
  }
  Section section = Section::kNone;
  EntityKind kind = EntityKind::kCountry;
  std::istringstream in(content);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    // The cached sections were parsed and compiled when the cache was
    // written, from these same bytes: their lines are not split again.
    if (loaded_from_cache_ && line[0] != '@' && IsCachedSection(section)) continue;
    std::vector<std::string> f;
    std::string error = SplitGazetteerLine(line, &f);
    if (error.empty())
      error = line[0] == '@' ? ReadDirective(f, &section, &kind) : ReadLine(section, kind, f);
    if (!error.empty()) return Status::Error(path + ":" + std::to_string(line_no) + ": " + error);
  }
  if (in.bad()) return Status::Error("error reading gazetteer '" + path + "'");
  return Status::Ok();
}

bool Model::IsCachedSection(Section section) {
  return section == Section::kEntities || section == Section::kContext ||
         section == Section::kPersonTitles || section == Section::kInflection ||
         section == Section::kCurrency || section == Section::kMoneyWords;
}

std::string Model::ReadDirective(const std::vector<std::string>& f, Section* section,
                                 EntityKind* kind) {
  // Each section's words and the step that reads them.
  static const std::pair<const char*, Section> kSections[] = {
      {"stopword", Section::kStopwords},         {"abbreviation-context", Section::kContext},
      {"organization-rule", Section::kOrgRules}, {"currency", Section::kCurrency},
      {"money-word", Section::kMoneyWords},      {"date-form", Section::kDateForms},
      {"date-word", Section::kDateWords},        {"person-title", Section::kPersonTitles},
      {"inflection", Section::kInflection}};
  if (f[0] == "@kind" && f.size() == 2) {
    if (f[1] == "relation-word")
      return "relation words are frames now: gazetteers/frames/<lang>.tsv "
             "(gazetteers/README.md, \"Frames\")";
    for (const auto& [name, s] : kSections) {
      if (f[1] == name) {
        *section = s;
        return "";
      }
    }
    if (!ParseEntityKind(f[1], kind)) return "unknown kind '" + f[1] + "'";
    *section = Section::kEntities;
    return "";
  }
  if (f[0] == "@icu-countries" && f.size() == 2) {
    if (*section != Section::kEntities || *kind != EntityKind::kCountry)
      return "@icu-countries belongs in a '@kind\tcountry' file";
    return loaded_from_cache_ ? "" : gaz_->AddIcuCountries(f[1]);
  }
  if (f[0] == "@icu-currencies" && f.size() == 3) {
    if (*section != Section::kCurrency)
      return "@icu-currencies belongs in a '@kind\tcurrency' file";
    return loaded_from_cache_ ? "" : money_words_.AddIcuCurrencies(f[1], f[2]);
  }
  return "unknown directive '" + f[0] + "' (expected @kind, @icu-countries or @icu-currencies)";
}

std::string Model::ReadLine(Section section, EntityKind kind, const std::vector<std::string>& f) {
  if (loaded_from_cache_ && IsCachedSection(section)) return "";  // See Parse().
  switch (section) {
    case Section::kNone:
      return "data before the first '@kind' line";
    // The gazetteer's: entities, their aliases and what matching them needs.
    case Section::kEntities:
      return gaz_->AddEntityLine(kind, f);
    case Section::kContext:
      return gaz_->AddContextLine(f);
    case Section::kPersonTitles:
      return gaz_->AddPersonTitleLine(f);
    case Section::kInflection:
      return gaz_->AddInflectionLine(f);
    // Language identification's (language.h).
    case Section::kStopwords: {
      if (f.size() != 2) return "expected 'word<TAB>lang'";
      if (!IsGazetteerLanguageTag(f[1])) return "invalid language tag '" + f[1] + "'";
      stopwords_.emplace(FoldForMatch(f[0]), f[1]);
      return "";
    }
    // The money step's words (money.h).
    case Section::kCurrency:
      return money_words_.AddCurrencyLine(f);
    case Section::kMoneyWords:
      return money_words_.AddWordLine(f);
    // The date step's forms and words (dates.h).
    case Section::kDateForms:
      return date_forms_.AddFormLine(f);
    case Section::kDateWords:
      return date_forms_.AddWordLine(f);
    // The organization rules' words (org_rules.h).
    case Section::kOrgRules: {
      if (f.size() != 3) return "expected 'role<TAB>lang<TAB>text'";
      if (!IsGazetteerLanguageTag(f[1])) return "invalid language tag '" + f[1] + "'";
      return rule_words_.Add(f[0], f[1], f[2]);
    }
  }
  return "";
}

namespace {

// A thread joined when it goes out of scope (also on an early return).
struct JoinedThread {
  std::thread thread;
  ~JoinedThread() {
    if (thread.joinable()) thread.join();
  }
};

}  // namespace

Status Model::Compile() {
  uint64_t key = 0;
  if (!cache_dir_.empty() && ProgramHash() == 0) {  // No way to tell builds apart.
    for (const auto& [path, content] : sources_) {
      Status s = Parse(path, content);
      if (!s.ok()) return s;
    }
    sources_.clear();
    cache_dir_.clear();
  }
  if (!cache_dir_.empty()) {
    key = CacheKey();
    loaded_from_cache_ = ReadModelCache(
        cache_dir_, key, [this](std::string_view payload, const std::shared_ptr<const void>& map) {
          return LoadFromCache(payload, map);
        });
    if (!loaded_from_cache_) gaz_->StartWarmup();
    for (const auto& [path, content] : sources_) {
      Status s = Parse(path, content);
      if (!s.ok()) return s;
    }
    sources_.clear();
  }
  // ICU's month and weekday names and relative date words (dates.h) are
  // built when the first document's dates are read, a tenth of a start
  // when they are not in the cache: with a thread to spare they are built
  // while the model compiles. Built once for the process, the same on any
  // thread.
  JoinedThread dates_warmup;
  if (threads_ > 1) dates_warmup.thread = std::thread([] { MonthOfName("january"); });
  // The matchers are independent: with a thread to spare, the rules'
  // patterns and the money parser's (the slowest to compile) are compiled
  // beside the others.
  if (!loaded_from_cache_) money_words_.AddCurrencyOfForms();
  auto rules_and_money = [this] {
    CompileRules();
    money_ = std::make_unique<MoneyParser>(money_words_, cached_currency_words_.get());
  };
  std::thread helper;
  if (threads_ > 1) helper = std::thread(rules_and_money);
  if (!loaded_from_cache_) gaz_->Compile();
  relations_ = std::make_unique<RelationFinder>(frames_.words(), cached_frame_words_.get());
  dates_ = std::make_unique<DateFinder>(date_forms_);
  if (helper.joinable())
    helper.join();
  else
    rules_and_money();
  cached_frame_words_.reset();  // Copied by the finders (views of the mapping).
  cached_currency_words_.reset();
  if (!cache_dir_.empty() && !loaded_from_cache_) WriteCache(key);
  return Status::Ok();
}

void Model::CompileRules() {
  // Chinese rule words in the other script (ICU), remembered for the cache.
  rule_words_.AddScriptConversions(&conversion_memo_);
  org_rules_ = std::make_unique<OrganizationRules>(rule_words_);
}

// Everything the cached part depends on: the bytes and names of the files
// in load order, the program that compiles them, ICU's version (its country
// names and transliterators make aliases) and the cache's layout.
uint64_t Model::CacheKey() const {
  uint64_t key = HashBytes(U_ICU_VERSION, ProgramHash() ^ kModelCacheFormat);
  for (const auto& [path, content] : sources_) {
    key = HashBytes(path, key);
    key = HashBytes(content, key);
  }
  return key;
}

bool Model::LoadFromCache(std::string_view payload, const std::shared_ptr<const void>& mapping) {
  ByteReader in(payload);
  auto gaz = std::make_unique<Gazetteer>();
  gaz->SetThreads(threads_);
  std::map<std::pair<std::string, std::string>, std::string> memo;
  for (uint64_t n = in.Count(24); n > 0; --n) {
    std::string id = in.Str(), word = in.Str();
    memo[{std::move(id), std::move(word)}] = in.Str();
  }
  if (!gaz->LoadCompiled(&in) || !in.ok()) return false;
  MoneyWords money_words = LoadMoneyWords(&in);
  DateWords date_words = LoadDateWords(&in);
  std::vector<FrameWord> frame_words = LoadFrameWords(&in);
  std::unique_ptr<AhoCorasick> frame_automaton, currency_automaton;
  if (!LoadAutomaton(&in, frame_words.size(), &frame_automaton) ||
      !LoadAutomaton(&in, money_words.currencies.size(), &currency_automaton) || !in.ok() ||
      !in.at_end())
    return false;
  cache_mapping_ = mapping;  // The tables of the gazetteer and automata point into it.
  gaz_ = std::move(gaz);
  conversion_memo_ = std::move(memo);
  money_words_ = std::move(money_words);
  frames_ = FrameTable(std::move(frame_words));
  cached_frame_words_ = std::move(frame_automaton);
  cached_currency_words_ = std::move(currency_automaton);
  OfferDateWords(std::move(date_words));
  return true;
}

void Model::WriteCache(uint64_t key) const {
  ByteWriter out;
  out.U64(conversion_memo_.size());
  for (const auto& [from, to] : conversion_memo_) {
    out.Str(from.first);
    out.Str(from.second);
    out.Str(to);
  }
  gaz_->SaveCompiled(&out);
  SaveMoneyWords(money_words_, &out);
  SaveDateWords(IcuDateWords(), &out);
  SaveFrameWords(frames_.words(), &out);
  SaveAutomaton(relations_->automaton(), &out);
  SaveAutomaton(money_->currency_words(), &out);
  WriteModelCache(cache_dir_, key, out.bytes());
}

}  // namespace kgx
