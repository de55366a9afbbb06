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

execute_process(COMMAND "${GVPR}" "E{print(tail.name, \" -- \", head.name)}" "${OUT}/graph.dot"
                RESULT_VARIABLE rc OUTPUT_VARIABLE edges ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gvpr could not read graph.dot (${rc}):\n${err}")
endif()

# What the example documents say (checked by reading them):
set(expected
  "Country:AU -- Country:JP"       # au-jp-gallium.txt
  "Country:JP -- Country:US"       # jp-us-ph-summit.md: 日美菲三国
  "Country:JP -- Country:PH"
  "Country:PH -- Country:US"
  "Country:IN -- Country:JP"       # in-jp-rare-earths.html: 日本とインド
  "Country:CD -- Country:RW"       # cd-rw-accord.html
  "Country:CD -- Country:US"
  "CountryGroup:EU -- Country:ZA"  # eu-za-partenariat.txt
  "Country:AR -- Country:CL")
foreach(edge IN LISTS expected)
  string(FIND "${edges}" "${edge}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected edge '${edge}' missing; graph has:\n${edges}")
  endif()
endforeach()
# Nothing the documents do not say: France is only the language of one file,
# and India is never named with the United States.
foreach(absent "Country:FR" "Country:IN -- Country:US")
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
