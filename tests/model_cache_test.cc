// The model cache (extract/model_cache.h): a cached model extracts exactly
// what a compiled one does; a stale, damaged or foreign cache file is a miss
// that compiles again, never a crash or a wrong model.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <vector>

#include "base/byte_io.h"
#include "extract/extractor.h"
#include "extract/model.h"
#include "extract/model_cache.h"
#include "extract/read/reader.h"
#include "extract/record/record.h"

namespace {

namespace fs = std::filesystem;

// A fresh folder for one test's cache.
struct TempDir {
  TempDir() {
    std::string t = (fs::temp_directory_path() / "kgx-cache-test-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string path;
};

// The project's gazetteers plus `extra` (a user file), compiled with the
// cache in `cache_dir` ("" for none).
std::unique_ptr<kgx::Model> Load(const std::string& cache_dir, const std::string& extra = "") {
  auto m = std::make_unique<kgx::Model>();
  m->UseCache(cache_dir);
  REQUIRE(m->LoadDirectory(KGX_GAZETTEER_DIR).ok());
  if (!extra.empty()) REQUIRE(m->LoadString("user.tsv", extra).ok());
  const kgx::Status s = m->Compile();
  INFO(s.message());
  REQUIRE(s.ok());
  return m;
}

// The JSON lines a model extracts from documents in several languages.
std::string Extract(const kgx::Model& model) {
  const std::vector<std::string> texts = {
      "Japan and Australia signed a lithium agreement worth A$1.67 billion with Sojitz.",
      "日米豪印の首脳は重要鉱物で合意した。住友金属鉱山が参加する。",
      "中国商务部宣布对镓、锗实施出口管制。日本金屬礦產資源機構表示关注。",
      "Казахстан и Германия подписали соглашение о редкоземельных металлах.",
      "وقعت الصين والهند اتفاقية بشأن الليثيوم.",
      "Chancellor Merz met Israel Katz; Turkey and Chad signed an MoU on cobalt."};
  kgx::Extractor ex(model);
  std::string out;
  for (size_t i = 0; i < texts.size(); ++i) {
    kgx::Document doc;
    REQUIRE(kgx::ParseDocument("doc" + std::to_string(i) + ".txt", texts[i], &doc).ok());
    out += kgx::ToJsonLine(ex.Extract(doc)) + "\n";
  }
  return out;
}

std::vector<std::string> CacheFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path().string());
  return files;
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A cache written once from the project's gazetteers: its file, the file's
// bytes and the records a model must extract, from the cache or not.
struct WrittenCache {
  TempDir dir;
  std::string expected = Extract(*Load(""));
  std::string file, bytes;
  WrittenCache() {
    Load(dir.path);
    file = CacheFiles(dir.path).at(0);
    bytes = FileBytes(file);
  }
  // Once the file is damaged: a miss, compiled anew with the same records,
  // and the rebuilt cache is whole again.
  void CheckMissRebuilt() const {
    const auto m = Load(dir.path);
    CHECK_FALSE(m->loaded_from_cache());
    CHECK(Extract(*m) == expected);
    CHECK(Load(dir.path)->loaded_from_cache());
  }
};

}  // namespace

TEST_CASE("CachedModelExtractsWhatTheCompiledOneDoes") {
  TempDir dir;
  const auto compiled = Load("");
  const auto cold = Load(dir.path);  // Compiles and writes the cache.
  CHECK_FALSE(cold->loaded_from_cache());
  REQUIRE(CacheFiles(dir.path).size() == 1);
  const auto warm = Load(dir.path);
  CHECK(warm->loaded_from_cache());
  const std::string expected = Extract(*compiled);
  CHECK(expected.find("\"AU\"") != std::string::npos);
  CHECK(Extract(*warm) == expected);
  // The gazetteer itself, field by field as the cache writes it.
  kgx::ByteWriter a, b;
  compiled->gazetteer().SaveCompiled(&a);
  warm->gazetteer().SaveCompiled(&b);
  CHECK(a.bytes() == b.bytes());
}

TEST_CASE("WarmModelReadsItsAutomatonInTheMappedCacheFile") {
  TempDir dir;
  const std::string expected = Extract(*Load(""));
  CHECK_FALSE(Load("")->gazetteer().automaton().tables_viewed());  // Built: its own tables.
  Load(dir.path);
  const auto warm = Load(dir.path);
  REQUIRE(warm->loaded_from_cache());
  // Not copied at start-up: the tables are the mapped file's pages...
  CHECK(warm->gazetteer().automaton().tables_viewed());
  // ...which the model keeps mapped, even once the file is gone.
  std::error_code ec;
  fs::remove_all(dir.path, ec);
  CHECK(Extract(*warm) == expected);
}

TEST_CASE("WarmModelReadsMoneyWordsFramesAndTheirAutomataFromTheCache") {
  TempDir dir;
  const auto compiled = Load("");
  Load(dir.path);
  const auto warm = Load(dir.path);
  REQUIRE(warm->loaded_from_cache());
  // Parsed once, when the cache was written: the same words, field by field.
  const kgx::MoneyWords& a = compiled->money_words();
  const kgx::MoneyWords& b = warm->money_words();
  CHECK(a.currencies.size() > 100);  // ICU's currency names are in.
  CHECK(a.currencies == b.currencies);
  CHECK(a.scales == b.scales);
  CHECK(a.qualifiers == b.qualifiers);
  CHECK(a.ranges == b.ranges);
  CHECK(a.numerals == b.numerals);
  const std::vector<kgx::FrameWord>& fa = compiled->frames().words();
  const std::vector<kgx::FrameWord>& fb = warm->frames().words();
  REQUIRE(fa.size() > 100);
  REQUIRE(fa.size() == fb.size());
  for (size_t i = 0; i < fa.size(); ++i) {
    INFO(fa[i].lang << " " << fa[i].word);
    CHECK(fa[i].role == fb[i].role);
    CHECK(std::tie(fa[i].lang, fa[i].word, fa[i].value) ==
          std::tie(fb[i].lang, fb[i].word, fb[i].value));
    CHECK(fa[i].slots == fb[i].slots);
    CHECK(std::tie(fa[i].open_begin, fa[i].open_end, fa[i].whole_sentence) ==
          std::tie(fb[i].open_begin, fb[i].open_end, fb[i].whole_sentence));
  }
  // Their automata are not built again: the tables are the mapped file's.
  CHECK_FALSE(compiled->relation_finder()->automaton().tables_viewed());
  CHECK(warm->relation_finder()->automaton().tables_viewed());
  CHECK(warm->money_parser()->currency_words().tables_viewed());
  kgx::ByteWriter ra, rb, ca, cb;
  compiled->relation_finder()->automaton().Save(&ra);
  warm->relation_finder()->automaton().Save(&rb);
  compiled->money_parser()->currency_words().Save(&ca);
  warm->money_parser()->currency_words().Save(&cb);
  CHECK(ra.bytes() == rb.bytes());
  CHECK(ca.bytes() == cb.bytes());
}

TEST_CASE("ChangedFrameOrMoneyFileMissesTheCache") {
  TempDir dir;
  Load(dir.path);
  // A frame file is keyed like any gazetteer file: the new verb is read.
  kgx::Model m;
  m.UseCache(dir.path);
  REQUIRE(m.LoadDirectory(KGX_GAZETTEER_DIR).ok());
  REQUIRE(m.LoadString("x/frames/en.tsv", "agreement\tco-sign-test\tcooperation\n").ok());
  REQUIRE(m.Compile().ok());
  CHECK_FALSE(m.loaded_from_cache());
  CHECK(m.frames().words().back().word == "co-sign-test");
  const auto money = Load(dir.path, "@kind\tcurrency\nAUD\ten\ttest-bucks\n");
  CHECK_FALSE(money->loaded_from_cache());
  CHECK(money->money_words().currencies.back().first == "test-bucks");
  const auto again = Load(dir.path, "@kind\tcurrency\nAUD\ten\ttest-bucks\n");
  REQUIRE(again->loaded_from_cache());
  CHECK(again->money_words().currencies.back().first == "test-bucks");
}

TEST_CASE("CachePayloadCutOrLengthenedWithAGoodChecksumIsAMiss") {
  // The checksum is right (written by WriteModelCache) but the payload's
  // end, the money words, frames and their automata, is cut or has bytes
  // after it: read as a miss, compiled and written anew.
  const WrittenCache cache;
  const std::string& bytes = cache.bytes;
  constexpr size_t kHeader = 40;
  REQUIRE(bytes.size() > kHeader + 5000);  // The cut below must leave a payload.
  uint64_t key = 0;
  std::memcpy(&key, bytes.data() + 16, sizeof key);
  REQUIRE(kgx::ModelCachePath(cache.dir.path, key) == cache.file);
  const std::string payload = bytes.substr(kHeader);
  for (const std::string& damaged :
       {payload.substr(0, payload.size() - 1), payload.substr(0, payload.size() - 5000),
        payload + std::string(1, '\0')}) {
    REQUIRE(kgx::WriteModelCache(cache.dir.path, key, damaged));
    cache.CheckMissRebuilt();
  }
}

TEST_CASE("ByteReaderViewsAlignedArraysInPlaceAndCopiesOthers") {
  kgx::ByteWriter w;
  w.U8(7);  // The array after it is padded to 8 bytes from the start.
  w.Pod(std::vector<uint32_t>{1, 2, 70000});
  w.U16(0x0102);
  const std::string& bytes = w.bytes();
  REQUIRE(bytes.size() == 1 + 8 + 7 + 12 + 2);
  kgx::ByteReader r(bytes);
  CHECK(r.U8() == 7);
  kgx::PodArray<uint32_t> a;
  r.View(&a);
  CHECK(r.U16() == 0x0102);
  CHECK(r.ok());
  CHECK(r.at_end());
  REQUIRE(a.size() == 3);
  CHECK(a[2] == 70000);
  CHECK(a.viewing());
  CHECK(static_cast<const void*>(a.data()) == static_cast<const void*>(bytes.data() + 16));
  // The same bytes one byte off alignment: read as well, by a copy.
  std::string shifted = " " + bytes;
  kgx::ByteReader r2(std::string_view(shifted).substr(1));
  r2.U8();
  kgx::PodArray<uint32_t> b;
  r2.View(&b);
  CHECK(r2.ok());
  CHECK_FALSE(b.viewing());
  CHECK(std::vector<uint32_t>(b.begin(), b.end()) == std::vector<uint32_t>{1, 2, 70000});
  // A copy of a view shares it; a copy of an owned array owns its own.
  kgx::PodArray<uint32_t> c = a;
  CHECK(c.data() == a.data());
  kgx::PodArray<uint32_t> d = b;
  CHECK(d.data() != b.data());
  CHECK(d[1] == 2);
}

TEST_CASE("ChangedGazetteerBytesMissTheCache") {
  TempDir dir;
  Load(dir.path);
  const std::string extra = "@kind\tcountry\nAU\ten\tDown Under\n";
  const auto changed = Load(dir.path, extra);
  CHECK_FALSE(changed->loaded_from_cache());  // Stale: compiled anew, with the new alias.
  CHECK(changed->gazetteer().automaton().pattern_count() >
        Load("")->gazetteer().automaton().pattern_count());
  CHECK(CacheFiles(dir.path).size() == 2);
  CHECK(Load(dir.path, extra)->loaded_from_cache());
}

TEST_CASE("DamagedCacheFilesAreRebuiltNotTrusted") {
  const WrittenCache cache;
  const std::string& bytes = cache.bytes;
  REQUIRE(bytes.size() > 1000);
  // Truncated, a flipped byte in the payload, an empty file, another format.
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x55;
  std::string other_format = bytes;
  other_format[8] ^= 1;
  for (const std::string& damaged :
       {bytes.substr(0, bytes.size() / 3), flipped, std::string(), other_format}) {
    {
      std::ofstream out(cache.file, std::ios::binary | std::ios::trunc);
      out << damaged;
    }
    cache.CheckMissRebuilt();
  }
}

TEST_CASE("MalformedLineIsReportedWithACache") {
  TempDir dir;
  kgx::Model m;
  m.UseCache(dir.path);
  REQUIRE(m.LoadDirectory(KGX_GAZETTEER_DIR).ok());
  REQUIRE(m.LoadString("user.tsv", "@kind\tcountry\nAU\ten\n").ok());  // Parsed at Compile().
  const kgx::Status s = m.Compile();
  CHECK(s.message() == "user.tsv:2: " + [] {
          kgx::Model plain;
          return plain.LoadString("user.tsv", "@kind\tcountry\nAU\ten\n").message().substr(12);
        }());
  CHECK_FALSE(s.ok());
  CHECK(CacheFiles(dir.path).empty());  // Nothing cached from a failed load.
}

TEST_CASE("ByteReaderRefusesLengthsPastTheEnd") {
  kgx::ByteWriter w;
  w.U64(uint64_t{1} << 40);  // A string "of a terabyte".
  kgx::ByteReader r(w.bytes());
  CHECK(r.Str().empty());
  CHECK_FALSE(r.ok());
  kgx::ByteReader r2(std::string_view("\x01\x02", 2));
  CHECK(r2.U32() == 0);
  CHECK_FALSE(r2.ok());
}

TEST_CASE("ChecksumChangesWithAnyOneChangedByte") {
  // Long enough for the four lanes and the 8-byte and tail steps after them.
  std::string bytes;
  for (int i = 0; i < 200; ++i) bytes += static_cast<char>(i * 7);
  for (size_t size : {size_t{0}, size_t{7}, size_t{63}, size_t{64}, size_t{101}, bytes.size()}) {
    const std::string_view b(bytes.data(), size);
    const uint64_t h = kgx::HashBytes(b);
    for (size_t i = 0; i < size; ++i) {
      std::string changed(b);
      changed[i] ^= 0x01;
      CHECK(kgx::HashBytes(changed) != h);
      changed[i] ^= static_cast<char>(0x81);  // Another byte at the same place.
      CHECK(kgx::HashBytes(changed) != h);
    }
    CHECK(kgx::HashBytes(b, 1) != h);  // The seed counts.
  }
  CHECK(kgx::HashBytes(std::string(64, 'a')) != kgx::HashBytes(std::string(65, 'a')));
}
