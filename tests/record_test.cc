// Records as JSON lines: the line writer and the JSON tree agree byte for
// byte, and a line reads back into the same record.
#include "extract/record/record.h"

#include <doctest/doctest.h>

#include <string>

#include "tests/test_util.h"

namespace {

kgx::Record Hostile() {
  kgx::Record r;
  r.doc = "dir/\"quoted\", file\\name.md";
  r.lang = "ja";
  r.title = std::string("tab\there, newline\nthere, bell\a, nul ") + '\0' + " del \x7f end";
  r.published = "2026-04-11";
  r.id = "https://news.example/a\"b";
  r.url = r.id;
  r.countries = {"JP", "AU"};
  r.organizations = {{"JOGMEC", "agency", "JP"}, {"Some Co", "company", ""}};
  r.minerals = {{"lithium", "Li"}, {"rare_earths", ""}};
  r.amounts = {{{1.67e9, 1.67e9, "AUD", ""}, {"A$1.67 billion", 10, 24}, ""},
               {{0.5, 2.25, "USD", "up_to"}, {"up to $0.5-2.25", 30, 45}, ""},
               {{1e17, 1e17, "JPY", ""}, {"huge", 50, 54}, ""}};
  r.rates = {{{"USD", "AUD", 1.3877}, {"($1 = 1.3877 Australian dollars)", 60, 92}}};
  // Named fields: a DateRef's date and relative are its DateFigure base's.
  auto date_ref = [](const char* date, bool relative, const char* text, size_t start,
                     size_t end) {
    kgx::DateRef d;
    d.date = date;
    d.relative = relative;
    d.text = text;
    d.start = start;
    d.end = end;
    return d;
  };
  r.dates = {date_ref("2026-04-11", true, "4月11日", 5, 14), date_ref("", false, "someday", 0, 7)};
  kgx::AgreementRef a;
  a.parties = {"AU", "JP"};
  a.kind = "mou_or_framework";
  a.minerals = {"lithium"};
  a.amounts = {r.amounts[0], r.amounts[1]};
  a.amounts[1].role = "conversion";
  a.evidence = {{0, 40, "日本と豪州は\u200e「協力」に署名した。"}};
  a.confidence = 0.8999999;
  r.agreements.push_back(a);
  r.restrictions.push_back(
      kgx_test::Measure("CN", "", "export_control", {"gallium"}, {{1, 2, "x"}}, 0.7));
  // Broken bytes: a lone continuation byte, a truncated sequence, a surrogate.
  // A mention's span (text, start, end) comes first: its Spanned base.
  r.mentions = {{{"Jap\x80n", 0, 5}, "country", "JP"},
                {{"\xe6\x97", 6, 8}, "country", "AU"},
                {{"\xed\xa0\x80", 9, 12}, "mineral", "lithium"},
                {{"JOGMEC \"Japan\"", 13, 27}, "organization", "JOGMEC"}};
  r.people = {{"Donald Trump", "US", "president"}, {"\"Kat\x80z\"", "", ""}};
  r.cooccurrences = {{{"AU", "JP"}, {0, 40, "sentence with \\ backslash"}}};
  return r;
}

}  // namespace

TEST_CASE("the JSON line writer writes what the JSON library writes") {
  // Read into insertion-ordered JSON and written again by the library, the
  // line is the same bytes: the fast writer's escapes and numbers are
  // nlohmann's.
  for (const kgx::Record& r : {Hostile(), kgx::Record()}) {
    const std::string line = kgx::ToJsonLine(r);
    CHECK(nlohmann::ordered_json::parse(line).dump() == line);
  }
  // Escapes a reader needs, and no raw control character in the line.
  const std::string line = kgx::ToJsonLine(Hostile());
  CHECK(line.find("\\u0000") != std::string::npos);
  CHECK(line.find("\\u0007") != std::string::npos);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find("\xef\xbf\xbd") != std::string::npos);  // U+FFFD for broken bytes
  // Fields in the order record.h lists them, the version first.
  CHECK(line.rfind("{\"kgx_record\":2,\"doc\":", 0) == 0);
}

TEST_CASE("a record line reads back into the same record") {
  kgx::Record r = Hostile();
  r.mentions.resize(1);
  r.mentions[0].text = "Japan";  // Valid text survives exactly.
  kgx::Record back;
  REQUIRE(kgx::FromJson(nlohmann::json::parse(kgx::ToJsonLine(r)), &back).ok());
  CHECK(back.doc == r.doc);
  CHECK(back.title == r.title);
  CHECK(back.amounts.size() == 3);
  CHECK(back.amounts[1].high == 2.25);
  CHECK(back.amounts[1].qualifier == "up_to");
  CHECK(back.rates[0].rate == 1.3877);
  CHECK(back.dates[0].relative);
  CHECK(back.agreements[0].evidence[0].text == r.agreements[0].evidence[0].text);
  CHECK(back.restrictions[0].to.empty());
  CHECK(back.organizations[1].country.empty());
  CHECK(back.mentions[0].text == "Japan");
  REQUIRE(back.people.size() == 2);
  CHECK(back.people[0].role == "president");
  CHECK(back.people[1].country.empty());
  CHECK(back.id == r.id);
  CHECK(back.url == r.url);
  CHECK(back.agreements[0].amounts[1].role == "conversion");
  CHECK(kgx::ToJsonLine(back) == kgx::ToJsonLine(r));
}

namespace {

// FromJson's message for `line`, or "" when it reads.
std::string ReadError(const std::string& line) {
  kgx::Record r;
  kgx::Status s = kgx::FromJson(nlohmann::json::parse(line), &r);
  return s.ok() ? "" : s.message();
}

// A minimal record line with one mention at [start, end).
std::string WithMention(const std::string& start, const std::string& end) {
  return R"({"doc":"a.txt","countries":["JP"],"organizations":[],"minerals":[],"mentions":[)"
         R"({"kind":"country","id":"JP","text":"Japan","start":)" +
         start + R"(,"end":)" + end + "}]}";
}

}  // namespace

TEST_CASE("records carry their format version and readers refuse another") {
  const kgx::Record r = Hostile();
  CHECK(nlohmann::json::parse(kgx::ToJsonLine(r)).at("kgx_record") == kgx::kRecordVersion);
  CHECK(ReadError(WithMention("0", "5")).empty());  // Written before the field existed.
  nlohmann::json j = nlohmann::json::parse(kgx::ToJsonLine(r));
  j["kgx_record"] = 3;
  CHECK(ReadError(j.dump()) ==
        "record format version 3 is newer than this kgx reads (it reads versions 1 to 2): "
        "upgrade kgx, or extract the documents again with this one");
  j["kgx_record"] = "1.0";
  CHECK(ReadError(j.dump()) == "record format version \"1.0\" is unknown (it reads versions 1 to 2)");
  j["kgx_record"] = 0;
  CHECK(ReadError(j.dump()) == "record format version 0 is unknown (it reads versions 1 to 2)");
  CHECK(ReadError("[1, 2]") == "not a record (a JSON object), but array");
}

TEST_CASE("record offsets must be byte offsets: not negative, not past 2^53, end after start") {
  CHECK(ReadError(WithMention("-5", "5")) ==
        "malformed record: \"start\" is -5: not a byte offset (a whole number from 0 to 2^53)");
  CHECK(ReadError(WithMention("0", "18446744073709551616")).find("\"end\" is 1.8446744073709552e+19") !=
        std::string::npos);
  CHECK(ReadError(WithMention("0", "9007199254740993")).find("not a byte offset") !=
        std::string::npos);
  CHECK(ReadError(WithMention("1.5", "3")).find("\"start\" is 1.5") != std::string::npos);
  CHECK(ReadError(WithMention("7", "3")) == "malformed record: \"end\" 3 is before \"start\" 7");
  CHECK(ReadError(WithMention("9007199254740992", "9007199254740992")).empty());
}

TEST_CASE("a record whose agreement or measure status is unknown is refused, naming it") {
  nlohmann::json j = nlohmann::json::parse(kgx::ToJsonLine(Hostile()));
  REQUIRE(!j["agreements"].empty());
  j["agreements"][0]["status"] = "signed-ish";
  CHECK(ReadError(j.dump()) ==
        "malformed record: agreement 1 has status \"signed-ish\", not one of concluded, planned, "
        "talks, failed");
  j["agreements"][0]["status"] = "planned";
  CHECK(ReadError(j.dump()).empty());
  j["restrictions"] = nlohmann::json::array({{{"from", "CN"},
                                              {"to", nullptr},
                                              {"type", "tariff"},
                                              {"minerals", nlohmann::json::array()},
                                              {"evidence", nlohmann::json::array()},
                                              {"status", "in_force"}},
                                             {{"from", "US"},
                                              {"to", "CN"},
                                              {"type", "tariff"},
                                              {"minerals", nlohmann::json::array()},
                                              {"evidence", nlohmann::json::array()},
                                              {"status", "concluded"}}});
  CHECK(ReadError(j.dump()) ==
        "malformed record: restriction 2 has status \"concluded\", not one of in_force, lifted, "
        "suspended, threatened, postponed");
  j["restrictions"][1]["status"] = "postponed";  // Put off: a status of its own.
  CHECK(ReadError(j.dump()).empty());
  j["restrictions"][1].erase("status");  // Written before the field existed: in force.
  CHECK(ReadError(j.dump()).empty());
}

TEST_CASE("an amount whose value overflowed is left out, not the record") {
  nlohmann::json j = nlohmann::json::parse(kgx::ToJsonLine(Hostile()));
  j["amounts"][0]["value"] = nullptr;  // What a 400-digit figure once became.
  j["agreements"][0]["amounts"][0]["value"] = nullptr;
  kgx::Record back;
  REQUIRE(kgx::FromJson(j, &back).ok());
  CHECK(back.amounts.size() == 2);
  CHECK(back.agreements.size() == 1);
  CHECK(back.agreements[0].amounts.size() == 1);
  // Never written as null: a huge finite value stays a number.
  kgx::Record r;
  r.amounts = {{{1e300, 1e300, "USD", ""}, {"x", 0, 1}, ""}};
  CHECK(kgx::ToJsonLine(r).find("\"value\":1e+300") != std::string::npos);
}

TEST_CASE("each evidence sentence is written once, however many facts cite it") {
  kgx::Record r;
  r.doc = "a.txt";
  const std::string sentence = "Japan and Australia signed a gallium deal on Monday.";
  kgx::AgreementRef a;
  a.parties = {"AU", "JP"};
  a.kind = "cooperation";
  a.evidence = {{100, 152, sentence}, {200, 210, "Second one"}};
  r.agreements = {a, a};
  r.restrictions.push_back(
      kgx_test::Measure("CN", "", "export_control", {"gallium"}, {{100, 152, sentence}}, 0.7));
  r.cooccurrences = {{{"AU", "JP"}, {100, 152, sentence}}};
  const std::string line = kgx::ToJsonLine(r);
  size_t count = 0;
  for (size_t at = line.find(sentence); at != std::string::npos; at = line.find(sentence, at + 1))
    ++count;
  CHECK(count == 1);
  const nlohmann::json j = nlohmann::json::parse(line);
  CHECK(j.at("agreements")[0].at("evidence")[0] == nlohmann::json{{"start", 100}, {"end", 152}});
  CHECK(j.at("sentences").size() == 2);
  kgx::Record back;
  REQUIRE(kgx::FromJson(j, &back).ok());
  CHECK(back.agreements[1].evidence[0].text == sentence);
  CHECK(back.agreements[1].evidence[1].text == "Second one");
  CHECK(back.restrictions[0].evidence[0].text == sentence);
  CHECK(back.cooccurrences[0].evidence.text == sentence);
  CHECK(kgx::ToJsonLine(back) == line);
}

TEST_CASE("two texts for one span both survive: each is written with its evidence") {
  kgx::Record r;
  r.doc = "a.txt";
  r.restrictions.push_back(kgx_test::Measure("CN", "", "export_ban", {}, {{5, 9, "one"}}, 0.5));
  r.restrictions.push_back(kgx_test::Measure("CN", "", "export_ban", {}, {{5, 9, "two"}}, 0.5));
  kgx::Record back;
  REQUIRE(kgx::FromJson(nlohmann::json::parse(kgx::ToJsonLine(r)), &back).ok());
  CHECK(back.restrictions[0].evidence[0].text == "one");
  CHECK(back.restrictions[1].evidence[0].text == "two");
}

TEST_CASE("records of version 1 (text in every evidence) are still read") {
  const std::string v1 =
      R"({"kgx_record":1,"doc":"old.txt","countries":["AU","JP"],"organizations":[],)"
      R"("minerals":[{"name":"gallium","symbol":"Ga"}],"mentions":[],"agreements":[{"parties":)"
      R"(["AU","JP"],"kind":"cooperation","minerals":["gallium"],"organizations":[],)"
      R"("amounts":[],"date":null,"evidence":[{"start":3,"end":20,"text":"Old sentence."}],)"
      R"("confidence":0.9}],"cooccurrences":[{"ids":["AU","JP"],"evidence":{"start":3,)"
      R"("end":20,"text":"Old sentence."}}]})";
  kgx::Record r;
  REQUIRE(kgx::FromJson(nlohmann::json::parse(v1), &r).ok());
  CHECK(r.agreements.at(0).evidence.at(0).text == "Old sentence.");
  CHECK(r.agreements.at(0).confidence == 0.9);
  CHECK(r.cooccurrences.at(0).evidence.end == 20);
  CHECK(r.minerals.at(0).symbol == "Ga");
}

TEST_CASE("an evidence whose sentence is missing is an error, not an empty text") {
  nlohmann::json j = nlohmann::json::parse(kgx::ToJsonLine(Hostile()));
  j["sentences"] = nlohmann::json::array();
  CHECK(ReadError(j.dump()) ==
        "malformed record: evidence [1, 2) has no text and no sentence in \"sentences\"");
}

TEST_CASE("an agreement's amounts cite the record's by span, with their role") {
  kgx::Record r = Hostile();  // Agreement amounts: the record's first two, one a conversion.
  kgx::AmountRef own{{7, 7, "EUR", ""}, {"€7", 300, 302}, ""};  // Not one of the record's: in full.
  r.agreements[0].amounts.push_back(own);
  const std::string line = kgx::ToJsonLine(r);
  const nlohmann::json j = nlohmann::json::parse(line);
  const nlohmann::json& cited = j.at("agreements")[0].at("amounts");
  CHECK(cited[0] == nlohmann::json{{"start", 10}, {"end", 24}});
  CHECK(cited[1] == nlohmann::json{{"start", 30}, {"end", 45}, {"role", "conversion"}});
  CHECK(cited[2].at("text") == "€7");
  CHECK(line.find("A$1.67 billion") == line.rfind("A$1.67 billion"));  // Written once.
  kgx::Record back;
  REQUIRE(kgx::FromJson(j, &back).ok());
  REQUIRE(back.agreements[0].amounts.size() == 3);
  CHECK(back.agreements[0].amounts[0].text == "A$1.67 billion");
  CHECK(back.agreements[0].amounts[0].value == 1.67e9);
  CHECK(back.agreements[0].amounts[1].qualifier == "up_to");
  CHECK(back.agreements[0].amounts[1].role == "conversion");
  CHECK(back.agreements[0].amounts[2].currency == "EUR");
  CHECK(kgx::ToJsonLine(back) == line);
}
