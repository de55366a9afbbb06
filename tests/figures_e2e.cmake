# kgx end to end on our own small documents (tests/data/figures), for the
# kinds of facts issue 15 found wrong on the seeds:
# - a deal's money counted once: its total, not the total plus its parts, its
#   conversion in parentheses and its repeat ("2.4bn CAD", not 7.2bn);
# - export controls with neither target nor mineral reach the Neo4j CSV and
#   the JSON-LD;
# - "on Wednesday" in a story published on Thursday 5 June 2025 dates the
#   agreement 2025-06-04, though the sentence naming the day names one party;
# - an agreement on "critical minerals" names no mineral, whatever the
#   sentences around it name;
# - documents are known by their URL or a content hash, not the path;
# - build and merge write the same JSON-LD.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${KGX}" build "${SRC}/tests/data/figures" -q
                  -o "${OUT}/g.dot" -o "${OUT}/g.jsonld" -o "${OUT}/g.jsonl" --neo4j "${OUT}/neo"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kgx build failed (${rc}): ${err}")
endif()
function(expect file what)
  file(READ "${OUT}/${file}" content)
  string(FIND "${content}" "${what}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${file} lacks '${what}'")
  endif()
endfunction()
function(expect_not file what)
  file(READ "${OUT}/${file}" content)
  string(FIND "${content}" "${what}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "${file} has '${what}'")
  endif()
endfunction()

# Money: the edge shows the deal's total once.
expect(g.dot "graphite, nickel\\n2.4bn CAD\\n1 doc")
expect_not(g.dot "USD")
# Untargeted export controls, in the Neo4j CSV and the JSON-LD.
expect(neo/restricts_country_country.csv "\"VN\",\"VN\",1,\"export_control\"")
file(READ "${OUT}/g.jsonld" jsonld)
string(JSON n LENGTH "${jsonld}" "@graph")
math(EXPR last "${n} - 1")
set(restricting "")
set(cl_pe_date "")
set(doc_ids "")
foreach(i RANGE ${last})
  string(JSON type GET "${jsonld}" "@graph" ${i} "@type")
  string(JSON id GET "${jsonld}" "@graph" ${i} "@id")
  if(type STREQUAL "Restriction")
    string(JSON from GET "${jsonld}" "@graph" ${i} "restrictingCountry")
    list(APPEND restricting "${from}")
  elseif(type STREQUAL "Agreement" AND id MATCHES "CL-PE")
    string(JSON cl_pe_date GET "${jsonld}" "@graph" ${i} "date")
  elseif(type STREQUAL "Document")
    list(APPEND doc_ids "${id}")
  endif()
endforeach()
if(NOT restricting STREQUAL "urn:kgx:country:VN")
  message(FATAL_ERROR "JSON-LD restrictions: '${restricting}', expected Vietnam's")
endif()
# The stated weekday, not the publication date.
if(NOT cl_pe_date STREQUAL "2025-06-04")
  message(FATAL_ERROR "Chile-Peru dated '${cl_pe_date}', expected 2025-06-04")
endif()
# Stable document ids: the URL, else a content hash; never the path.
foreach(id ${doc_ids})
  if(id MATCHES "figures" OR NOT id MATCHES "^urn:kgx:document:(https%3A//news.example/|content%3Afnv1a64%3A)")
    message(FATAL_ERROR "document id '${id}' is not its URL or content hash")
  endif()
endforeach()
# Critical minerals are no mineral: the Brazil-India memorandum names none.
file(STRINGS "${OUT}/g.jsonl" records)
set(br_in "")
foreach(record IN LISTS records)
  string(JSON agreements LENGTH "${record}" "agreements")
  if(agreements EQUAL 0)
    continue()
  endif()
  math(EXPR last "${agreements} - 1")
  foreach(i RANGE ${last})
    string(JSON parties GET "${record}" "agreements" ${i} "parties")
    if(parties MATCHES "BR" AND parties MATCHES "IN")
      string(JSON br_in LENGTH "${record}" "agreements" ${i} "minerals")
    endif()
  endforeach()
endforeach()
if(NOT br_in STREQUAL "0")
  message(FATAL_ERROR "the Brazil-India agreement on critical minerals has minerals (${br_in})")
endif()
# merge of the records gives the same JSON-LD as build.
execute_process(COMMAND "${KGX}" merge "${OUT}/g.jsonl" -q -o "${OUT}/m.jsonld"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
file(READ "${OUT}/m.jsonld" merged)
if(NOT rc EQUAL 0 OR NOT merged STREQUAL jsonld)
  message(FATAL_ERROR "merge (${rc}) differs from build: ${err}")
endif()
