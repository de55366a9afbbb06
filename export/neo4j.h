// Neo4j export: node and relationship CSV files in the header format of
// `neo4j-admin database import` (`id:ID(Country)`, `:LABEL`, `:START_ID(...)`,
// `:END_ID(...)`, `:TYPE`, typed properties such as `mentions:int` and
// `parties:string[]` with ';' between array items), an `import.sh` that runs
// the admin import into a new database, and a `load.cypher` that loads the
// same files into a running server with constraints and MERGE.
//
//   kgx::Status s = kgx::WriteNeo4j(graph, "out/neo4j");   // creates the folder
//
// Cells are RFC 4180 quoted; text is cleaned (export/text_safety.h), and a
// cell that starts with = + - @ gets a leading apostrophe so spreadsheet
// programs do not run it as a formula. Each file is written atomically.
// Thread safety: reads the graph only.
#ifndef KGX_EXPORT_NEO4J_H_
#define KGX_EXPORT_NEO4J_H_

#include <string>

#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace kgx {

Status WriteNeo4j(const KnowledgeGraph& graph, const std::string& dir);

// One CSV cell, quoted (see above).
std::string CsvCell(const std::string& text);

}  // namespace kgx

#endif  // KGX_EXPORT_NEO4J_H_
