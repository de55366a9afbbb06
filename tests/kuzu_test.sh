#!/bin/sh
# Loads the Neo4j CSV export into Kùzu (npm package "kuzu", prebuilt binary).
# Exits 77 (ctest: skipped) when Node.js or the package cannot be had here.
# Usage: kuzu_test.sh NEO4J_DIR NODE_PREFIX SOURCE_DIR [README.md]
# (with README.md: checks its Cypher questions' answers, kuzu_load.mjs)
neo4j_dir=$1 prefix=$2 src=$3 readme=$4
command -v node >/dev/null 2>&1 || { echo "SKIPPED: node is not installed"; exit 77; }
if [ ! -d "$prefix/node_modules/kuzu" ]; then
  command -v npm >/dev/null 2>&1 || { echo "SKIPPED: npm is not installed"; exit 77; }
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund kuzu@0.11.3 >"$prefix/npm.log" 2>&1 ||
    { echo "SKIPPED: npm install kuzu failed (see $prefix/npm.log)"; exit 77; }
fi
cp "$src/tests/kuzu_load.mjs" "$prefix/kuzu_load.mjs"
exec node "$prefix/kuzu_load.mjs" "$neo4j_dir" ${readme:+"$readme"}
