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

# The committed picture must be the one kgx draws now.
file(READ "${OUT}/graph.svg" fresh)
file(READ "${SRC}/examples/graph.svg" committed)
if(NOT fresh STREQUAL committed)
  message(FATAL_ERROR "examples/graph.svg is stale: re-run the README quick start and commit it")
endif()
message(STATUS "e2e ok:\n${edges}")
