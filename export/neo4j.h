// Neo4j export: node and relationship CSV files in the header format of
// `neo4j-admin database import` (`id:ID(Country)`, `:LABEL`, `:START_ID(...)`,
// `:END_ID(...)`, `:TYPE`, typed properties such as `mentions:int` and
// `parties:string[]` with ';' between array items), an `import.sh` that runs
// the admin import into a new database (RESTRICTS rows carry
// `target_named:boolean`: false on a loop, a measure whose target is not
// named). What is not concluded or not in force has a label and a type of
// its own, with a `status` column: UnconcludedAgreement nodes (planned,
// talks, failed) with PARTY_TO_UNCONCLUDED from their parties, and
// RESTRICTS_NOT_IN_FORCE (lifted, suspended, threatened, postponed); Agreement,
// PARTY_TO and RESTRICTS hold only concluded deals and measures in force.
// A `load.cypher` loads the
// same files into a running server with constraints and MERGE.
//
//   kgx::Status s = kgx::WriteNeo4j(graph, "out/neo4j");   // creates the folder
//
// Cells are RFC 4180 quoted; text is cleaned (export/text_safety.h), and a
// cell that starts with = + - @ gets a leading apostrophe so spreadsheet
// programs do not run it as a formula. A backslash is written doubled: LOAD
// CSV reads \" as an escaped quote and \\ as a backslash, and import.sh runs
// the admin import with --legacy-style-quoting=true so it reads them alike (a
// cell ending in a backslash cannot swallow the next column). Evidence cells
// are cut at kEvidenceTextBytes (text_safety.h), as the JSON-LD's are. Each file
// is written atomically.
// Thread safety: reads the graph only.
#ifndef KGX_EXPORT_NEO4J_H_
#define KGX_EXPORT_NEO4J_H_

#include <string>

#include "base/status.h"
#include "graph/knowledge_graph.h"

namespace kgx {

Status WriteNeo4j(const KnowledgeGraph& graph, const std::string& dir);

// One CSV cell, quoted (see above), its text cut at `max_bytes`.
std::string CsvCell(const std::string& text, size_t max_bytes = std::string::npos);

}  // namespace kgx

#endif  // KGX_EXPORT_NEO4J_H_
