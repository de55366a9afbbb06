#include "graph/analytics.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

namespace kgx {

Analytics Analyze(const KnowledgeGraph& kg) {
  const BoostGraph& g = kg.graph();
  Analytics out;
  const std::vector<KnowledgeGraph::Partnership> partnerships = kg.Partnerships();

  // The partner network: one vertex per actor that has a partner.
  std::map<Vertex, size_t> local;
  std::vector<Vertex> actors;
  for (const auto& p : partnerships)
    for (Vertex v : {p.a, p.b})
      if (local.emplace(v, actors.size()).second) actors.push_back(v);
  using Net = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Net net(actors.size());
  for (const auto& p : partnerships) boost::add_edge(local[p.a], local[p.b], net);

  std::vector<double> centrality(actors.size(), 0.0);
  if (!actors.empty()) {
    boost::brandes_betweenness_centrality(
        net, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, net)));
    boost::relative_betweenness_centrality(
        net, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, net)));
  }
  std::vector<int> component(actors.size(), 0);
  out.components = actors.empty() ? 0 : static_cast<int>(boost::connected_components(
                                             net, boost::make_iterator_property_map(
                                                      component.begin(),
                                                      boost::get(boost::vertex_index, net))));
  for (size_t i = 0; i < actors.size(); ++i)
    out.actors.push_back({g[actors[i]].id, g[actors[i]].label,
                          static_cast<int>(boost::degree(i, net)), centrality[i], component[i]});
  std::sort(out.actors.begin(), out.actors.end(), [](const ActorScore& a, const ActorScore& b) {
    if (a.betweenness != b.betweenness) return a.betweenness > b.betweenness;
    if (a.degree != b.degree) return a.degree > b.degree;
    return a.id < b.id;
  });

  std::map<std::string, int> covered;
  for (auto [it, end] = boost::edges(g); it != end; ++it)
    if (g[*it].kind == EdgeKind::kCovers && g[boost::source(*it, g)].kind == NodeKind::kAgreement)
      ++covered[g[boost::target(*it, g)].id];  // Concluded agreements only.
  out.minerals.assign(covered.begin(), covered.end());
  std::sort(out.minerals.begin(), out.minerals.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });

  for (const auto& p : partnerships) {
    PairScore s{g[p.a].id, g[p.b].id, static_cast<int>(p.agreements.size()), {}};
    if (s.b < s.a) std::swap(s.a, s.b);
    for (Vertex ag : p.agreements)
      for (const AmountRef& a : g[ag].amounts)
        if (a.role.empty()) s.money[a.currency] += a.value;  // Counted figures only.
    out.pairs.push_back(std::move(s));
  }
  std::sort(out.pairs.begin(), out.pairs.end(), [](const PairScore& a, const PairScore& b) {
    if (a.agreements != b.agreements) return a.agreements > b.agreements;
    return std::tie(a.a, a.b) < std::tie(b.a, b.b);
  });
  return out;
}

void PrintStats(const KnowledgeGraph& kg, FILE* out) {
  const Analytics a = Analyze(kg);
  std::map<std::string, int> kinds;
  for (Vertex v = 0; v < kg.node_count(); ++v) ++kinds[NodeKindName(kg.graph()[v].kind)];
  std::string by_kind;
  for (const auto& [kind, n] : kinds) by_kind += (by_kind.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
  // Count words agree with their numbers: "1 edge", "2 edges".
  auto s = [](size_t n) { return n == 1 ? "" : "s"; };
  std::fprintf(out, "Graph: %zu node%s (%s), %zu edge%s\n\n", kg.node_count(), s(kg.node_count()),
               by_kind.c_str(), kg.edge_count(), s(kg.edge_count()));
  std::fprintf(out, "Most central actors (%d connected component%s of partners)\n", a.components,
               s(static_cast<size_t>(a.components)));
  std::fprintf(out, "  %-6s %-28s %8s %12s\n", "id", "name", "partners", "betweenness");
  for (size_t i = 0; i < a.actors.size() && i < 15; ++i)
    std::fprintf(out, "  %-6s %-28s %8d %12.3f\n", a.actors[i].id.c_str(),
                 a.actors[i].label.c_str(), a.actors[i].degree, a.actors[i].betweenness);
  std::fprintf(out, "\nMinerals covered by the most agreements\n");
  for (size_t i = 0; i < a.minerals.size() && i < 15; ++i)
    std::fprintf(out, "  %-28s %4d\n", a.minerals[i].first.c_str(), a.minerals[i].second);
  std::fprintf(out, "\nPairs with the most agreements, and the sum of the money named in them\n");
  for (size_t i = 0; i < a.pairs.size() && i < 20; ++i) {
    std::string money;
    for (const auto& [currency, sum] : a.pairs[i].money)
      money += (money.empty() ? "sum " : ", ") + MoneyLabel(sum, currency);
    std::fprintf(out, "  %-14s %4d  %s\n", (a.pairs[i].a + "–" + a.pairs[i].b).c_str(),
                 a.pairs[i].agreements, money.c_str());
  }
}

nlohmann::json StatsJson(const KnowledgeGraph& kg) {
  using nlohmann::json;
  const Analytics a = Analyze(kg);
  const BoostGraph& g = kg.graph();
  std::map<std::string, int> node_kinds, edge_kinds;
  for (Vertex v = 0; v < kg.node_count(); ++v) ++node_kinds[NodeKindName(g[v].kind)];
  for (auto [it, end] = boost::edges(g); it != end; ++it) ++edge_kinds[EdgeKindName(g[*it].kind)];
  json out = {{"nodes", {{"total", kg.node_count()}, {"by_kind", node_kinds}}},
              {"edges", {{"total", kg.edge_count()}, {"by_kind", edge_kinds}}},
              {"components", a.components},
              {"actors", json::array()},
              {"minerals", json::array()},
              {"pairs", json::array()}};
  for (const ActorScore& s : a.actors)
    out["actors"].push_back({{"id", s.id},
                             {"name", s.label},
                             {"partners", s.degree},
                             {"betweenness", s.betweenness},
                             {"component", s.component}});
  for (const auto& [id, n] : a.minerals) out["minerals"].push_back({{"id", id}, {"agreements", n}});
  for (const PairScore& p : a.pairs) {
    json money = json::array();
    for (const auto& [currency, sum] : p.money) money.push_back({{"currency", currency}, {"sum", sum}});
    out["pairs"].push_back({{"a", p.a}, {"b", p.b}, {"agreements", p.agreements}, {"money", money}});
  }
  return out;
}

}  // namespace kgx
