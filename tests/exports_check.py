#!/usr/bin/python3
"""Reads kgx's JSON-LD, GraphML and Neo4j CSV files with real processors
(python3-pyld and python3-rdflib from Debian, the standard XML and CSV
readers) and checks what they find. Usage: exports_check.py OUT_DIR"""
import csv
import glob
import json
import os
import sys
import xml.etree.ElementTree as ET

from pyld import jsonld
import rdflib

out = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


# JSON-LD: expand with pyld, convert to N-Quads, read back with rdflib.
with open(os.path.join(out, "graph.jsonld"), encoding="utf-8") as f:
    doc = json.load(f)
nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
g = rdflib.ConjunctiveGraph()
g.parse(data=nquads, format="nquads")
RDF_TYPE = rdflib.RDF.type
SCHEMA = rdflib.Namespace("https://schema.org/")
KGX = rdflib.Namespace("https://w3id.org/kgx/vocab#")
WD = rdflib.Namespace("http://www.wikidata.org/entity/")
jp = rdflib.URIRef("urn:kgx:country:JP")
au = rdflib.URIRef("urn:kgx:country:AU")
nickel = rdflib.URIRef("urn:kgx:mineral:nickel")
check((jp, RDF_TYPE, SCHEMA.Country) in g, "JP is a schema:Country")
check((jp, SCHEMA.sameAs, WD.Q17) in g, "JP sameAs wd:Q17")
check((nickel, SCHEMA.sameAs, WD.Q744) in g, "nickel sameAs wd:Q744")
check((jp, SCHEMA.name, rdflib.Literal("Japan")) in g, "JP schema:name Japan")
au_jp = [s for s in g.subjects(KGX.party, au) if (s, KGX.party, jp) in g]
check(len(au_jp) == 1, "one agreement with parties AU and JP, found %d" % len(au_jp))
if au_jp:
    a = au_jp[0]
    check((a, RDF_TYPE, KGX.Agreement) in g, "the AU-JP agreement is a kgx:Agreement")
    check((a, KGX.coversMineral, nickel) in g, "the AU-JP agreement covers nickel")
    amounts = list(g.objects(a, KGX.amount))
    check(any((m, SCHEMA.currency, rdflib.Literal("AUD")) in g for m in amounts),
          "the AU-JP agreement has an amount in AUD")
    texts = [str(t) for e in g.objects(a, KGX.evidence) for t in g.objects(e, SCHEMA.text)]
    check(any("HYPERLINK" in t and "<script>" in t for t in texts),
          "hostile evidence text survives JSON-LD as text")
    check(all("\u202e" not in t for t in texts), "bidi overrides are removed")
restrictions = list(g.subjects(RDF_TYPE, KGX.Restriction))
check(any((r, KGX.restrictingCountry, rdflib.URIRef("urn:kgx:country:IN")) in g and
          (r, KGX.targetCountry, jp) in g for r in restrictions), "restriction IN -> JP")

# ar-cl-plans.txt: a planned deal and a threatened tariff keep their status
# under types of their own, never as a kgx:Agreement's party or a Restriction.
ar = rdflib.URIRef("urn:kgx:country:AR")
cl = rdflib.URIRef("urn:kgx:country:CL")
plans = [s for s in g.subjects(KGX.unconcludedParty, ar) if (s, KGX.unconcludedParty, cl) in g]
check(len(plans) == 1, "one unconcluded agreement of AR and CL, found %d" % len(plans))
if plans:
    check((plans[0], RDF_TYPE, KGX.UnconcludedAgreement) in g, "AR-CL is a kgx:UnconcludedAgreement")
    check((plans[0], KGX.status, rdflib.Literal("planned")) in g, "AR-CL has status planned")
check(not list(g.subjects(KGX.party, ar)), "AR is no kgx:party of any agreement")
us = rdflib.URIRef("urn:kgx:country:US")
cn = rdflib.URIRef("urn:kgx:country:CN")
threats = [r for r in g.subjects(RDF_TYPE, KGX.RestrictionNotInForce)
           if (r, KGX.restrictingCountry, us) in g and (r, KGX.targetCountry, cn) in g]
check(len(threats) == 1, "one US -> CN measure not in force, found %d" % len(threats))
if threats:
    check((threats[0], KGX.status, rdflib.Literal("threatened")) in g, "US -> CN is threatened")
    check((threats[0], KGX.restrictionType, rdflib.Literal("tariff")) in g, "US -> CN is a tariff")
check(not any((r, KGX.restrictingCountry, us) in g for r in restrictions),
      "no kgx:Restriction by the US")

# GraphML: a well-formed XML file whose nodes carry kind and id.
tree = ET.parse(os.path.join(out, "graph.graphml"))
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
keys = {k.get("id"): k.get("attr.name") for k in tree.getroot().findall("g:key", ns)}
ids = []
paths = []  # Documents are known by a stable id; the path they were read from is a property.
for node in tree.getroot().iter("{http://graphml.graphdrawing.org/xmlns}node"):
    data = {keys[d.get("key")]: (d.text or "") for d in node.findall("g:data", ns)}
    ids.append((data.get("kind"), data.get("id")))
    paths.append((data.get("kind"), data.get("path") or ""))
check(("Country", "JP") in ids, "GraphML has Country JP")
check(any(k == "Document" and 'in-jp, "rare" earths.txt' in p for k, p in paths),
      "GraphML keeps a document path with a comma and quotes")

# SVG rendered by Graphviz from hostile labels: well-formed XML, no script element.
svg = ET.parse(os.path.join(out, "graph.svg"))
check(not any(e.tag.endswith("script") for e in svg.getroot().iter()), "no <script> element in the SVG")

# Neo4j CSV: every file reads as CSV; headers in neo4j-admin form; no formula cells.
neo = os.path.join(out, "neo4j")
for path in sorted(glob.glob(os.path.join(neo, "*.csv"))):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    check(any(h.startswith(":ID(") or ":ID(" in h or h.startswith(":START_ID(") for h in header),
          "%s has an :ID or :START_ID column" % os.path.basename(path))
    check(header[-1] in (":LABEL", ":TYPE"), "%s ends with :LABEL or :TYPE" % os.path.basename(path))
    for row in rows[1:]:
        check(len(row) == len(header), "%s: row width %d != %d" % (path, len(row), len(header)))
        for cell in row:
            check(not cell[:1] in ("=", "+", "@") and not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit(),
                  "%s: formula-like cell %r" % (os.path.basename(path), cell))
def rows_of(name):
    path = os.path.join(neo, name)
    if not os.path.exists(path):
        failures.append(name + " written")
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


plans = [r for r in rows_of("unconcluded_agreements.csv") if r["parties:string[]"] == "AR;CL"]
check(len(plans) == 1 and plans[0]["status"] == "planned", "CSV: AR-CL unconcluded, planned")
check(not [r for r in rows_of("agreements.csv") if "AR" in r["parties:string[]"].split(";")],
      "CSV: AR in no Agreement")
party = rows_of("party_to_unconcluded_country_unconcludedagreement.csv")
check(any(r[":START_ID(Country)"] == "CL" and r["status"] == "planned" and
          r[":TYPE"] == "PARTY_TO_UNCONCLUDED" for r in party), "CSV: CL PARTY_TO_UNCONCLUDED, planned")
threat = rows_of("restricts_not_in_force_country_country.csv")
check(any(r[":START_ID(Country)"] == "US" and r[":END_ID(Country)"] == "CN" and
          r["type"] == "tariff" and r["status"] == "threatened" for r in threat),
      "CSV: US RESTRICTS_NOT_IN_FORCE CN, tariff, threatened")
check(not [r for r in rows_of("restricts_country_country.csv") if r[":START_ID(Country)"] == "US"],
      "CSV: no RESTRICTS by the US")

for name in ("import.sh", "load.cypher"):
    check(os.path.exists(os.path.join(neo, name)), name + " written")
with open(os.path.join(neo, "import.sh"), encoding="utf-8") as f:
    check("neo4j-admin database import full" in f.read(), "import.sh runs neo4j-admin")

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("exports ok: %d N-Quads, %d GraphML nodes, %d CSV files" %
      (len(nquads.splitlines()), len(ids), len(glob.glob(os.path.join(neo, "*.csv")))))
