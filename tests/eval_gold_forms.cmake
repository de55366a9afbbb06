# kgx eval reads a gold organization as a list of acceptable names and
# resolves each through the gazetteer: a gold file written without knowing
# kgx's canonical ids ("Ministry of Economy, Trade and Industry" for METI)
# scores what kgx found, and a name kgx did not find is still a miss. Groups
# likewise (below).
execute_process(COMMAND "${KGX}" eval "${SRC}/tests/data/eval_forms/gold.jsonl" -v
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kgx eval: exit ${rc}\n${out}\n${err}")
endif()
string(REGEX MATCH "all +organizations +([0-9]+) +([0-9]+) +([0-9]+)" row "${out}")
if(NOT row)
  message(FATAL_ERROR "no organizations row in:\n${out}")
endif()
# tp: METI and Sojitz; fp: none; fn: the alliance that is not in the text.
if(NOT "${CMAKE_MATCH_1}:${CMAKE_MATCH_2}:${CMAKE_MATCH_3}" STREQUAL "2:0:1")
  message(FATAL_ERROR "organizations tp:fp:fn ${CMAKE_MATCH_1}:${CMAKE_MATCH_2}:${CMAKE_MATCH_3}, expected 2:0:1\n${out}")
endif()
string(FIND "${out}" "missed \"Nonexistent Battery Alliance\"" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the miss is not listed:\n${out}")
endif()
# A gold group may be written by its name ("Mercosur") as well as its id
# (MERCOSUR): both are the group kgx found; a group not in the text is missed.
# (The third tp is en-blocs.txt's MERCOSUR, written by its id.)
string(REGEX MATCH "all +groups +([0-9]+) +([0-9]+) +([0-9]+)" row "${out}")
if(NOT "${CMAKE_MATCH_1}:${CMAKE_MATCH_2}:${CMAKE_MATCH_3}" STREQUAL "3:0:1")
  message(FATAL_ERROR "groups tp:fp:fn ${CMAKE_MATCH_1}:${CMAKE_MATCH_2}:${CMAKE_MATCH_3}, expected 3:0:1\n${out}")
endif()
# A bloc that kgx reads as its members (a `grouping` of the frames: Mercosur,
# EFTA) is its members in gold too, on either side: gold "MERCOSUR-SG" is the
# four pairs AR-SG, BR-SG, PY-SG, SG-UY kgx reads, and gold "EFTA-SG", which
# the text does not say, is four pairs missed.
string(REGEX MATCH "all +agreements +([0-9]+) +([0-9]+) +([0-9]+)" row "${out}")
if(NOT "${CMAKE_MATCH_1}:${CMAKE_MATCH_2}:${CMAKE_MATCH_3}" STREQUAL "4:0:4")
  message(FATAL_ERROR "agreements tp:fp:fn ${CMAKE_MATCH_1}:${CMAKE_MATCH_2}:${CMAKE_MATCH_3}, expected 4:0:4\n${out}")
endif()
string(FIND "${out}" "missed 'CH-SG'" at)
if(at EQUAL -1)
  message(FATAL_ERROR "EFTA's members are not listed as missed:\n${out}")
endif()
