// Loads kgx's Neo4j CSV files into Kùzu, a real embedded Cypher database
// (Neo4j itself cannot be installed here), and checks query answers.
// Usage: node kuzu_load.mjs NEO4J_DIR [README.md]   (with kuzu resolvable from NODE_PATH)
// With README.md: runs instead each query of its "Querying the graph" section
// (a ```cypher block after <!-- cypher -->) and compares the rows with the
// ```text block after the next <!-- answer --> (cells joined by " | ",
// lists by ", ", "(no rows)" for none).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kuzu = require('kuzu');
const dir = process.argv[2];
const readme = process.argv[3];

// RFC 4180 reader: quoted cells, doubled quotes, commas inside quotes.
function parseCsv(text) {
  const rows = []; let row = []; let cell = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

function column(h) {  // "mentions:int" -> {name, type}; ":LABEL" -> null
  if (h.startsWith(':')) return null;
  const [name, type] = h.split(':');
  if (type && type.startsWith('ID(')) return { name, kuzu: 'STRING', id: true };
  const map = { int: 'INT64', float: 'DOUBLE', 'string[]': 'STRING[]' };
  return { name, kuzu: map[type] || 'STRING', array: type === 'string[]', num: type === 'int' || type === 'float' };
}

const db = new kuzu.Database(':memory:');
const conn = new kuzu.Connection(db);
const files = fs.readdirSync(dir).filter(f => f.endsWith('.csv')).sort();
const nodeFiles = [], relFiles = [];
for (const f of files) {
  const rows = parseCsv(fs.readFileSync(path.join(dir, f), 'utf8'));
  (rows[0][0].startsWith(':START_ID(') ? relFiles : nodeFiles).push({ f, rows });
}
const value = (c, v) => c.array ? (v === '' ? [] : v.split(';')) : c.num ? Number(v) : v;

for (const { rows } of nodeFiles) {
  const label = rows[0][0].match(/ID\((\w+)\)/)[1];
  const cols = rows[0].map(column);
  const decl = cols.filter(Boolean).map(c => `${c.name} ${c.kuzu}`).join(', ');
  await conn.query(`CREATE NODE TABLE ${label}(${decl}, PRIMARY KEY(id))`);
  const names = cols.filter(Boolean).map(c => c.name);
  const stmt = await conn.prepare(`CREATE (:${label} {${names.map(n => `${n}: $${n}`).join(', ')}})`);
  for (const r of rows.slice(1)) {
    const params = {};
    cols.forEach((c, i) => { if (c) params[c.name] = value(c, r[i]); });
    await conn.execute(stmt, params);
  }
}
// One rel table per :TYPE, with every FROM/TO pair its files use.
const byType = new Map();
for (const file of relFiles) {
  const type = file.rows[1] ? file.rows[1][file.rows[1].length - 1] : null;
  if (!type) continue;
  if (!byType.has(type)) byType.set(type, []);
  byType.get(type).push(file);
}
for (const [type, list] of byType) {
  const pairs = list.map(({ rows }) => {
    const from = rows[0][0].match(/\((\w+)\)/)[1], to = rows[0][1].match(/\((\w+)\)/)[1];
    return `FROM ${from} TO ${to}`;
  });
  const props = list[0].rows[0].slice(2).map(column).filter(Boolean);
  const decl = [...new Set(pairs)].concat(props.map(c => `${c.name} ${c.kuzu}`)).join(', ');
  await conn.query(`CREATE REL TABLE ${type}(${decl})`);
  for (const { rows } of list) {
    const from = rows[0][0].match(/\((\w+)\)/)[1], to = rows[0][1].match(/\((\w+)\)/)[1];
    const cols = rows[0].map(column);
    const setProps = props.map(c => `${c.name}: $${c.name}`).join(', ');
    const stmt = await conn.prepare(
      `MATCH (a:${from} {id: $s}), (b:${to} {id: $t}) CREATE (a)-[:${type} {${setProps}}]->(b)`);
    for (const r of rows.slice(1)) {
      const params = { s: r[0], t: r[1] };
      cols.forEach((c, i) => { if (c && i >= 2) params[c.name] = value(c, r[i]); });
      await conn.execute(stmt, params);
    }
  }
}

async function all(q) { return (await conn.query(q)).getAll(); }
const failures = [];
if (readme) {
  const text = fs.readFileSync(readme, 'utf8');
  const re = /<!-- cypher -->\s*```cypher\n([\s\S]*?)```[\s\S]*?<!-- answer -->\s*```text\n([\s\S]*?)```/g;
  const cell = (v) => Array.isArray(v) ? v.join(', ') : String(v);
  let n = 0;
  for (const [, query, answer] of text.matchAll(re)) {
    n++;
    const rows = (await all(query.trim().replace(/;$/, ''))).map((r) => Object.values(r).map(cell).join(' | '));
    const got = rows.length ? rows.join('\n') : '(no rows)';
    if (got !== answer.trim()) failures.push(`README query ${n}:\n${query}\ngave:\n${got}\nREADME says:\n${answer}`);
  }
  if (n < 5) failures.push(`README has ${n} cypher questions with answers, expected 5`);
  if (failures.length) { console.error('FAILED: ' + failures.join('\n')); process.exit(1); }
  console.log(`kuzu ok: the README's ${n} questions give its answers`);
  process.exit(0);
}
const partners = (await all(
  "MATCH (j:Country {id: 'JP'})-[:PARTY_TO]->(a:Agreement)<-[:PARTY_TO]-(p:Country) WHERE p.id <> 'JP' " +
  "RETURN DISTINCT p.id AS id ORDER BY id")).map(r => r.id);
if (JSON.stringify(partners) !== JSON.stringify(['AU', 'IN', 'PH', 'US']))
  failures.push(`Japan's partners: ${partners}`);
const nickel = (await all(
  "MATCH (a:Agreement)-[:COVERS]->(m:Mineral {id: 'nickel'}) RETURN a.id AS id ORDER BY id")).map(r => r.id);
if (nickel.length !== 2) failures.push(`agreements covering nickel: ${nickel}`);
const restricts = await all(
  "MATCH (a:Country {id: 'IN'})-[r:RESTRICTS]->(b:Country {id: 'JP'}) RETURN r.type AS type");
if (restricts.length !== 1 || restricts[0].type !== 'export_ban')
  failures.push(`restriction IN->JP: ${JSON.stringify(restricts)}`);
// ar-cl-plans.txt: a planned deal and a threatened tariff, under types of their own.
const planned = await all(
  "MATCH (c:Country)-[r:PARTY_TO_UNCONCLUDED]->(a:UnconcludedAgreement) " +
  "RETURN c.id AS id, r.status AS rs, a.status AS status ORDER BY id");
if (JSON.stringify(planned) !== JSON.stringify([{ id: 'AR', rs: 'planned', status: 'planned' },
  { id: 'CL', rs: 'planned', status: 'planned' }]))
  failures.push(`unconcluded AR-CL: ${JSON.stringify(planned)}`);
const noDeal = await all("MATCH (c:Country {id: 'AR'})-[:PARTY_TO]->(a:Agreement) RETURN a.id AS id");
if (noDeal.length) failures.push(`AR is PARTY_TO: ${JSON.stringify(noDeal)}`);
const threat = await all(
  "MATCH (:Country {id: 'US'})-[r:RESTRICTS_NOT_IN_FORCE]->(:Country {id: 'CN'}) " +
  "RETURN r.type AS type, r.status AS status");
if (JSON.stringify(threat) !== JSON.stringify([{ type: 'tariff', status: 'threatened' }]))
  failures.push(`threatened US->CN: ${JSON.stringify(threat)}`);
const usRestricts = await all("MATCH (:Country {id: 'US'})-[r:RESTRICTS]->(t) RETURN t.id AS id");
if (usRestricts.length) failures.push(`US RESTRICTS: ${JSON.stringify(usRestricts)}`);
if (failures.length) { console.error('FAILED: ' + failures.join('; ')); process.exit(1); }
console.log(`kuzu ok: Japan's partners ${partners}; nickel agreements ${nickel.length}`);
