#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/read/language.h"
#include "extract/read/segment.h"
#include "tests/test_util.h"

namespace {

std::vector<std::string> Sentences(const std::string& text, const std::string& lang) {
  std::vector<std::string> out;
  for (const kgx::Span& s : kgx::SplitSentences(text, lang))
    out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

TEST_CASE("Chinese sentences end at 。！？ and line breaks") {
  CHECK(Sentences("日美菲拟签协议。三国将合作！是否成功？\n标题行", "zh-Hans") ==
        std::vector<std::string>{"日美菲拟签协议。", "三国将合作！", "是否成功？", "标题行"});
  CHECK(Sentences("澳大利亞與日本加強合作。雙方承諾投資。", "zh-Hant").size() == 2);
}

TEST_CASE("Japanese sentences end at 。 and line breaks, not at 、") {
  CHECK(Sentences("日印両国は協力する。レアアースの輸出、停止へ。\n見出し", "ja") ==
        std::vector<std::string>{"日印両国は協力する。", "レアアースの輸出、停止へ。", "見出し"});
}

TEST_CASE("English sentences keep abbreviations together") {
  CHECK(Sentences("The U.S. and Japan agreed. Mr. Smith said so.", "en") ==
        std::vector<std::string>{"The U.S. and Japan agreed.", "Mr. Smith said so."});
}

TEST_CASE("a day written as an ordinal does not end a sentence before its month") {
  CHECK(Sentences("Deutschland und Chile haben am 14. Februar 2025 ein Abkommen unterzeichnet. "
                  "Es gilt ab 2025.",
                  "de") == std::vector<std::string>{"Deutschland und Chile haben am 14. Februar "
                                                    "2025 ein Abkommen unterzeichnet.",
                                                    "Es gilt ab 2025."});
  CHECK(Sentences("Norge og Japan signerte avtalen 3. mars 2025.", "nb").size() == 1);
  // A year, or a number before a word that is no month, still ends one.
  CHECK(Sentences("Das Abkommen gilt seit 2024. Februar war kalt.", "de").size() == 2);
  CHECK(Sentences("Der Preis stieg um 14. Danach fiel er.", "de").size() == 2);
}

TEST_CASE("an initial does not end a sentence") {
  CHECK(Sentences("S. Korea and Vietnam signed an MOU. John F. Kennedy Airport was closed.",
                  "en") == std::vector<std::string>{"S. Korea and Vietnam signed an MOU.",
                                                    "John F. Kennedy Airport was closed."});
  // An acronym before a full stop still ends one.
  CHECK(Sentences("Both sides signed an MOU. Talks go on.", "en").size() == 2);
}

TEST_CASE("an abbreviation keeps a sentence going only as a whole word") {
  // ICU's filter finds "L." of es, fr, it (and "l." of pt) at the end of any
  // word: a company's name before a full stop ended no sentence.
  CHECK(Sentences("Bolivia firmó con CATL. Indonesia prohibió las exportaciones.", "es").size() ==
        2);
  CHECK(Sentences("La Bolivie a signé avec CATL. L'Indonésie a interdit les exportations.", "fr")
            .size() == 2);
  CHECK(
      Sentences("A Bolívia assinou com a Catl. A Indonésia proibiu as exportações.", "pt").size() ==
      2);
  // The abbreviations themselves still do not end one.
  CHECK(Sentences("El Sr. García y la Sra. López firmaron. EE.UU. no firmó.", "es").size() == 2);
  CHECK(Sentences("Il a rencontré M. Dupont hier. Il est parti.", "fr").size() == 2);
}

TEST_CASE("language: locale hint first, then script mix") {
  kgx::StopwordTable stop{{"the", "en"}, {"und", "de"}, {"die", "de"}};
  CHECK(kgx::DetectLanguage("anything", "zh-HK", stop) == "zh-Hant");
  CHECK(kgx::DetectLanguage("日本とオーストラリアが合意した", "", stop) == "ja");
  CHECK(kgx::DetectLanguage("澳大利亞與日本加強關鍵礦產合作關係", "", stop) == "zh-Hant");
  CHECK(kgx::DetectLanguage("澳大利亚与日本加强关键矿产合作关系", "", stop) == "zh-Hans");
  CHECK(kgx::DetectLanguage("한국과 일본이 협력한다", "", stop) == "ko");
  CHECK(kgx::DetectLanguage("die Bundesregierung und die Industrie", "", stop) == "de");
  CHECK(kgx::DetectLanguage("the government", "", stop) == "en");
}

TEST_CASE("sentence offsets are UTF-8 bytes past characters outside the BMP and bad bytes") {
  // 𠀋 and 😀 are two UTF-16 units each, four UTF-8 bytes: ICU counts the
  // one, the spans the other.
  CHECK(Sentences("𠀋日本と豪州が合意した。😀 Japan signed. É done.", "ja") ==
        std::vector<std::string>{"𠀋日本と豪州が合意した。", "😀 Japan signed.", "É done."});
  // Invalid UTF-8 is read as it stands: spans still cover whole sentences.
  CHECK(Sentences("Bad \xFF byte. Next one.", "en") ==
        std::vector<std::string>{"Bad \xFF byte.", "Next one."});
}
