// libFuzzer target: the amount and date parsers on arbitrary text in every
// language they know.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "extract/facts/dates.h"
#include "extract/entities/gazetteer.h"
#include "tests/fuzz/fuzz_gazetteer.h"
#include "extract/facts/money.h"
#include "extract/read/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 12)) return 0;
  const std::string text =
      kgx::NormalizeNfkc(std::string(reinterpret_cast<const char*>(data), size));
  for (const char* lang : {"en", "ja", "zh-Hans", "ko", "fr", "de"}) {
    std::vector<kgx::Amount> amounts;
    std::vector<kgx::ExchangeRate> rates;
    FuzzModel().money_parser()->Find(text, lang, "en-AU", &amounts, &rates);
    for (const kgx::Amount& a : amounts)
      if (a.begin > a.end || a.end > text.size()) __builtin_trap();
    for (const kgx::DateMention& d : FuzzModel().date_finder()->Find(text, lang, "2024-03-31"))
      if (d.begin > d.end || d.end > text.size()) __builtin_trap();
  }
  return 0;
}
