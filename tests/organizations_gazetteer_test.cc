// The organizations gazetteer is curated by hand in several files
// (gazetteers/organizations*.tsv); these checks keep it one entity per
// organization, each with its kind and home country.
#include <doctest/doctest.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/files.h"
#include "tests/test_util.h"

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> f;
  std::stringstream ss(line);
  std::string field;
  while (std::getline(ss, field, '\t')) f.push_back(field);
  return f;
}

const std::set<std::string>& IsoCountries() {
  static const std::set<std::string> codes = [] {
    std::set<std::string> out;
    for (const char* const* c = uloc_getISOCountries(); *c != nullptr; ++c) out.insert(*c);
    return out;
  }();
  return codes;
}

// Problems of the organization lines of one file, as "file:line: problem".
// `first_seen` carries the ids met in earlier files: an entity's first line
// anywhere must carry kind= and a country= that is an ISO 3166-1 code.
std::vector<std::string> OrganizationLineProblems(const std::string& name,
                                                  const std::string& content,
                                                  std::set<std::string>* first_seen) {
  std::vector<std::string> problems;
  std::stringstream in(content);
  std::string line;
  bool organizations = false;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = SplitTabs(line);
    if (f[0] == "@kind") {
      organizations = f.size() == 2 && f[1] == "organization";
      continue;
    }
    if (!organizations) continue;
    const std::string where = name + ":" + std::to_string(n) + ": ";
    if (f.size() < 3) {
      problems.push_back(where + "expected id, lang and alias");
      continue;
    }
    std::string kind, country;
    for (size_t i = 3; i < f.size(); ++i) {
      if (f[i].rfind("kind=", 0) == 0) kind = f[i].substr(5);
      if (f[i].rfind("country=", 0) == 0) country = f[i].substr(8);
    }
    if (!country.empty() && IsoCountries().count(country) == 0)
      problems.push_back(where + "country=" + country + " is not an ISO 3166-1 code");
    if (!first_seen->insert(f[0]).second) continue;
    if (kind.empty()) problems.push_back(where + "first line of '" + f[0] + "' has no kind=");
    if (country.empty())
      problems.push_back(where + "first line of '" + f[0] + "' has no country=");
  }
  return problems;
}

// Folded aliases that name two organizations (or an organization and a news
// outlet) where none of the lines says `ambiguous`: "alias: id1 | id2".
std::vector<std::string> SharedAliases(const kgx::Gazetteer& gaz) {
  struct Use {
    std::set<std::string> ids;
    bool ambiguous = false;
  };
  std::map<std::string, Use> uses;
  for (const kgx::Alias& a : gaz.aliases()) {
    const kgx::Entity& e = gaz.entities()[a.entity];
    if (e.kind != kgx::EntityKind::kOrganization && e.kind != kgx::EntityKind::kMedia) continue;
    Use& u = uses[a.folded];
    u.ids.insert(std::string(kgx::EntityKindName(e.kind)) + ":" + e.id);
    if (a.flags & kgx::kAliasAmbiguous) u.ambiguous = true;
  }
  std::vector<std::string> out;
  for (const auto& [folded, u] : uses) {
    if (u.ids.size() < 2 || u.ambiguous) continue;
    std::string line = folded + ":";
    for (const std::string& id : u.ids) line += " " + id + (id == *u.ids.rbegin() ? "" : " |");
    out.push_back(line);
  }
  return out;
}

std::vector<std::string> OrganizationFiles() {
  std::vector<std::string> names;
  std::vector<std::string> all;
  kgx::ListDirectory(KGX_GAZETTEER_DIR, ".tsv", &all);  // The loader's order.
  for (const std::string& n : all)
    if (n.rfind("organizations", 0) == 0) names.push_back(n);
  return names;
}

}  // namespace

TEST_CASE("organization lines: the checker names the line without kind or country") {
  std::set<std::string> seen;
  const std::vector<std::string> p = OrganizationLineProblems(
      "o.tsv",
      "@kind\torganization\n"
      "A Corp\ten\tA Corp\tkind=company\n"          // no country
      "A Corp\ten\tA\tcountry=JP\n"                  // not the first line: fine
      "B Corp\ten\tB Corp\tkind=company\tcountry=QQ\n"  // not a country
      "@kind\tcountry\nJP\ten\tNippon\n",            // other kinds are not checked
      &seen);
  CHECK(p == std::vector<std::string>{"o.tsv:2: first line of 'A Corp' has no country=",
                                      "o.tsv:4: country=QQ is not an ISO 3166-1 code"});
}

TEST_CASE("every organization's first line has kind= and an ISO country=") {
  const std::vector<std::string> files = OrganizationFiles();
  REQUIRE(files.size() >= 4);  // organizations.tsv and the files by scope.
  std::set<std::string> seen;
  std::vector<std::string> problems;
  for (const std::string& name : files) {
    std::ifstream in(std::string(KGX_GAZETTEER_DIR) + "/" + name);
    std::stringstream content;
    content << in.rdbuf();
    for (std::string& p : OrganizationLineProblems(name, content.str(), &seen))
      problems.push_back(std::move(p));
  }
  CHECK(problems == std::vector<std::string>{});
  // The floor: at least 2,500 curated organizations.
  CHECK(seen.size() >= 2500);
}

TEST_CASE("shared aliases: a second entity needs the ambiguous mark") {
  const auto owned = kgx_test::CompiledModel(
      "@kind\torganization\n"
      "Ministry of Finance of China\tzh-Hans\t财政部\tambiguous\n"
      "Ministry of Finance of Taiwan\tzh-Hant\t財政部\n"
      "Sinomine Resource\ten\tSinomine\n"
      "Sinomine\ten\tSINOMINE\n");
  const kgx::Model& gaz_model = *owned;
  const kgx::Gazetteer& gaz = gaz_model.gazetteer();
  // 財政部 is 财政部 converted by ICU: the same alias, marked; Sinomine is not.
  CHECK(SharedAliases(gaz) ==
        std::vector<std::string>{"sinomine: organization:Sinomine | organization:Sinomine Resource"});
}

TEST_CASE("no alias names two organizations unless marked ambiguous") {
  CHECK(SharedAliases(kgx_test::ProjectGazetteer()) == std::vector<std::string>{});
}

// The press writes a US body's country as US, U.S. or United States: every
// English alias of a US organization that starts with one of them has the
// other two, so "U.S. Department of War" and "US Department of War" are one.
TEST_CASE("US bodies: every US/U.S./United States form of an alias is listed") {
  const kgx::Gazetteer& gaz = kgx_test::ProjectGazetteer();
  const char* const kForms[] = {"us ", "u.s. ", "united states "};
  std::map<std::string, std::set<std::string>> by_entity;  // id -> folded aliases
  for (const kgx::Alias& a : gaz.aliases()) {
    const kgx::Entity& e = gaz.entities()[a.entity];
    auto c = e.attrs.find("country");
    if (e.kind == kgx::EntityKind::kOrganization && c != e.attrs.end() && c->second == "US")
      by_entity[e.id].insert(a.folded);
  }
  std::vector<std::string> missing;
  for (const auto& [id, aliases] : by_entity)
    for (const std::string& a : aliases)
      for (const char* form : kForms) {
        if (a.rfind(form, 0) != 0) continue;
        const std::string rest = a.substr(std::string(form).size());
        for (const char* other : kForms)
          if (!aliases.count(other + rest)) missing.push_back(id + ": " + other + rest);
      }
  CHECK(missing == std::vector<std::string>{});
  CHECK(by_entity["US Department of Defense"].count("u.s. department of war"));
}
