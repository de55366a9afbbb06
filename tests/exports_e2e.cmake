# Writes every export of tests/data/exports (own documents with hostile text)
# and has real processors read them: pyld/rdflib/XML/CSV (exports_check.py).
# Also checks that `merge` of the extracts equals `build` of the documents.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${KGX}" build "${SRC}/tests/data/exports" -q
                  -o "${OUT}/graph.dot" -o "${OUT}/graph.jsonld" -o "${OUT}/graph.graphml"
                  -o "${OUT}/graph.svg" --neo4j "${OUT}/neo4j"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kgx build failed (${rc}): ${err}")
endif()
execute_process(COMMAND "${PYTHON}" "${SRC}/tests/exports_check.py" "${OUT}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exports_check.py: ${out}${err}")
endif()
message(STATUS "${out}")
execute_process(COMMAND "${DOT}" -Tsvg "${OUT}/graph.dot" -o "${OUT}/by-dot.svg"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dot rejected the DOT file with hostile labels: ${err}")
endif()

# ar-cl-plans.txt: a planned deal and a threatened tariff are dashed edges of
# the full view, with their status in words, read back by Graphviz's gvpr;
# the cooperation view has neither.
execute_process(COMMAND "${KGX}" build "${SRC}/tests/data/exports" -q --view full
                  -o "${OUT}/full.dot" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kgx build --view full failed (${rc}): ${err}")
endif()
set(list_edges "E{printf(\"%s -> %s [%s] %s\\n\", tail.name, head.name, style, label)}")
foreach(view full graph)
  execute_process(COMMAND "${GVPR}" "${list_edges}" "${OUT}/${view}.dot"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE edges_${view} ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gvpr could not read ${view}.dot (${rc}): ${err}")
  endif()
endforeach()
foreach(line "Country:US -> Country:CN [dashed] threatened tariff\\ngraphite"
             "Country:AR -> UnconcludedAgreement:AR-CL/undated [dashed] planned"
             "Country:CL -> UnconcludedAgreement:AR-CL/undated [dashed] planned")
  string(FIND "${edges_full}" "${line}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "full view lacks '${line}':\n${edges_full}")
  endif()
endforeach()
foreach(absent "Country:AR" "Country:CL" "Country:US -> Country:CN" "threatened")
  string(FIND "${edges_graph}" "${absent}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "the cooperation view shows '${absent}':\n${edges_graph}")
  endif()
endforeach()

# build == merge of the extracts of a split of the corpus, in another order.
file(GLOB docs "${SRC}/tests/data/exports/*")
list(SORT docs)
list(GET docs 0 first)
list(REMOVE_AT docs 0)
execute_process(COMMAND "${KGX}" extract ${docs} -o "${OUT}/part2.jsonl" RESULT_VARIABLE rc1)
execute_process(COMMAND "${KGX}" extract "${first}" -o "${OUT}/part1.jsonl" RESULT_VARIABLE rc2)
execute_process(COMMAND "${KGX}" merge "${OUT}/part2.jsonl" "${OUT}/part1.jsonl" -q
                  -o "${OUT}/merged.dot" -o "${OUT}/merged.jsonld" RESULT_VARIABLE rc3)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0 OR NOT rc3 EQUAL 0)
  message(FATAL_ERROR "extract/merge failed: ${rc1} ${rc2} ${rc3}")
endif()
foreach(ext dot jsonld)
  file(READ "${OUT}/graph.${ext}" built)
  file(READ "${OUT}/merged.${ext}" merged)
  if(NOT built STREQUAL merged)
    message(FATAL_ERROR "merge of the extracts differs from build (${ext})")
  endif()
endforeach()
