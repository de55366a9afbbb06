# End-to-end: run the real kgx on examples/ and check the result with
# Graphviz's own programs (dot parses and renders it, gvpr lists its edges).
# Called by ctest with -DKGX=... -DDOT=... -DGVPR=... -DSRC=... -DOUT=...
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")

# Run as the README does (from the source folder, on "examples/"), so the
# document paths in the picture match the committed examples/graph.svg.
execute_process(COMMAND "${KGX}" build examples/ -o "${OUT}/graph.dot" -o "${OUT}/graph.svg"
                WORKING_DIRECTORY "${SRC}" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kgx build examples/ exited ${rc}:\n${err}")
endif()

execute_process(COMMAND "${DOT}" -Tsvg "${OUT}/graph.dot" -o "${OUT}/by-dot.svg"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "Graphviz dot rejected graph.dot (${rc}):\n${err}")
endif()

execute_process(COMMAND "${GVPR}" "E{print(tail.name, \" -> \", head.name)}" "${OUT}/graph.dot"
                RESULT_VARIABLE rc OUTPUT_VARIABLE edges ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gvpr could not read graph.dot (${rc}):\n${err}")
endif()

# Agreements the example documents report (checked by reading them); the
# cooperation view draws them without direction, so either order will do.
set(expected
  "Country:AU|Country:JP"        # au-jp-gallium.txt: agreed to deepen cooperation
  "Country:JP|Country:US"        # jp-us-ph-summit.md: 日美菲三国 joint statement
  "Country:JP|Country:PH"
  "Country:PH|Country:US"
  "Country:IN|Country:JP"        # in-jp-rare-earths.html: 2012 cooperation confirmed
  "Country:CD|Country:RW"        # cd-rw-accord.html: signed in Washington
  "CountryGroup:EU|Country:ZA")  # eu-za-partenariat.txt: protocole d'accord
foreach(pair IN LISTS expected)
  string(REPLACE "|" ";" ends "${pair}")
  list(GET ends 0 a)
  list(GET ends 1 b)
  string(FIND "${edges}" "${a} -> ${b}\n" ab)
  string(FIND "${edges}" "${b} -> ${a}\n" ba)
  if(ab EQUAL -1 AND ba EQUAL -1)
    message(FATAL_ERROR "expected agreement ${a} -- ${b} missing; graph has:\n${edges}")
  endif()
endforeach()
# The restriction is directed: India halts exports to Japan.
string(FIND "${edges}" "Country:IN -> Country:JP\n" at)
if(at EQUAL -1)
  message(FATAL_ERROR "restriction IN -> JP missing:\n${edges}")
endif()
# The US only witnessed the Congo-Rwanda accord in Washington: no edge to it.
foreach(pair "Country:CD|Country:US" "Country:RW|Country:US")
  string(REPLACE "|" ";" ends "${pair}")
  list(GET ends 0 a)
  list(GET ends 1 b)
  string(FIND "${edges}" "${a} -> ${b}\n" ab)
  string(FIND "${edges}" "${b} -> ${a}\n" ba)
  if(NOT ab EQUAL -1 OR NOT ba EQUAL -1)
    message(FATAL_ERROR "unexpected edge ${a} -- ${b} (a witness is no party):\n${edges}")
  endif()
endforeach()
# Nothing the documents do not say: Chile and Argentina only negotiate, France
# is only the language of one file.
foreach(absent "Country:AR" "Country:FR")
  string(FIND "${edges}" "${absent}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "unexpected '${absent}' in graph:\n${edges}")
  endif()
endforeach()

# The committed DOT must be the one kgx writes now (kgx's own bytes). The
# picture is Graphviz's: its coordinates may change with a Graphviz update, so
# examples/graph.svg is checked for what it draws (the same node and edge
# titles as a fresh rendering), not byte for byte.
file(READ "${OUT}/graph.dot" fresh_dot)
file(READ "${SRC}/tests/data/e2e/examples.dot" committed_dot)
if(NOT fresh_dot STREQUAL committed_dot)
  message(FATAL_ERROR "tests/data/e2e/examples.dot is stale: kgx now writes ${OUT}/graph.dot; "
                      "check the change, copy it there and refresh examples/graph.svg")
endif()
function(svg_titles path out_var)
  file(STRINGS "${path}" lines REGEX "<title>")
  set(titles "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE ".*<title>(.*)</title>.*" "\\1" t "${line}")
    list(APPEND titles "${t}")
  endforeach()
  list(SORT titles)
  set(${out_var} "${titles}" PARENT_SCOPE)
endfunction()
svg_titles("${OUT}/graph.svg" fresh_titles)
svg_titles("${SRC}/examples/graph.svg" committed_titles)
list(LENGTH fresh_titles n)
if(n LESS 10 OR NOT fresh_titles STREQUAL committed_titles)
  message(FATAL_ERROR "examples/graph.svg does not draw what kgx draws now (${n} titles): "
                      "re-run the README quick start and commit graph.svg")
endif()
message(STATUS "e2e ok:\n${edges}")
