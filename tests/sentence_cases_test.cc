// Sentence cases kept as data (tests/cases/*.tsv, format in its README):
// each line a sentence, its language and what kgx must read in it.
#include <dirent.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "base/strings.h"
#include "tests/test_util.h"

#ifndef KGX_TEST_CASES_DIR
#error "KGX_TEST_CASES_DIR must name tests/cases"
#endif

namespace {

struct SentenceCase {
  std::string where;  // file:line
  std::string check, lang, text, expected;
};

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<SentenceCase> LoadCases() {
  std::vector<std::string> files;
  if (DIR* dir = opendir(KGX_TEST_CASES_DIR)) {
    while (const dirent* e = readdir(dir)) {
      const std::string name = e->d_name;
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".tsv") == 0) files.push_back(name);
    }
    closedir(dir);
  }
  std::sort(files.begin(), files.end());
  std::vector<SentenceCase> cases;
  for (const std::string& name : files) {
    std::ifstream in(std::string(KGX_TEST_CASES_DIR) + "/" + name);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> f = kgx::Split(line, '\t');
      const std::string where = name + ":" + std::to_string(n);
      REQUIRE_MESSAGE((f.size() == 3 || f.size() == 4), where, ": expected 4 columns");
      f.resize(4);
      cases.push_back({where, f[0], f[1], Unescape(f[2]), f[3]});
    }
  }
  return cases;
}

std::string Joined(const std::set<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& x : items) out += (out.empty() ? "" : sep) + x;
  return out;
}

// What kgx reads in the case's sentence, in the form of its check.
std::string Reading(const SentenceCase& c) {
  if (c.check == "amounts") {  // The money parser alone, as the record writes figures.
    std::string joined;
    for (const auto& a : kgx_test::AmountsIn(c.text, c.lang))
      joined += (joined.empty() ? "" : "; ") + kgx::MoneyJson(a.value).dump() + " " + a.currency +
                (a.qualifier.empty() ? "" : " " + a.qualifier);
    return joined;
  }
  const kgx::Record r = kgx_test::ReadIn(c.text, c.lang);
  std::set<std::string> out;
  if (c.check == "concluded") return kgx_test::Concluded(r);
  if (c.check == "status") {
    for (const auto& a : r.agreements)
      for (size_t i = 0; i < a.parties.size(); ++i)
        for (size_t j = i + 1; j < a.parties.size(); ++j)
          out.insert(a.parties[i] + "-" + a.parties[j] + " " + a.status);
    return Joined(out, ", ");
  }
  if (c.check == "in_force") {
    for (const auto& x : r.restrictions)
      if (kgx::IsInForce(x)) out.insert(x.from + ">" + x.to);
    return Joined(out, " ");
  }
  if (c.check == "measures") {
    for (const auto& x : r.restrictions) out.insert(x.from + ">" + x.to + " " + x.status);
    return Joined(out, ", ");
  }
  if (c.check == "countries") {
    std::string joined;
    for (const auto& m : r.mentions)
      if (m.kind == "country") joined += (joined.empty() ? "" : " ") + m.id;
    return joined;
  }
  if (c.check == "groups") {  // The record's list: a bloc's adjective is named by a relation.
    std::string joined;
    for (const std::string& id : r.groups) joined += (joined.empty() ? "" : " ") + id;
    return joined;
  }
  if (c.check == "orgs") {
    std::string joined;
    for (const auto& [id, home] : kgx_test::OrgsWithHome(c.text, c.lang))
      joined += (joined.empty() ? "" : " ; ") + id + "@" + home;
    return joined;
  }
  FAIL(c.where, ": unknown check '", c.check,
       "' (concluded, status, in_force, measures, orgs, countries, groups, amounts)");
  return "";
}

}  // namespace

TEST_CASE("sentence cases in tests/cases/*.tsv") {
  const std::vector<SentenceCase> cases = LoadCases();
  REQUIRE(!cases.empty());
  for (const SentenceCase& c : cases) {
    CAPTURE(c.where);
    CAPTURE(c.text);
    CHECK(Reading(c) == c.expected);
  }
}
