# kgx over a corpus of broken files: every bad file is named with its
# problem on stderr, the good one is still read, the exit code says some
# files were skipped (1), and the output is complete.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
file(COPY "${SRC}/tests/data/bad/" DESTINATION "${OUT}/corpus")
# A symlink loop and a link to a missing file, made here (git keeps neither well).
execute_process(COMMAND ln -s . "${OUT}/corpus/loop")
execute_process(COMMAND ln -s "${OUT}/corpus/nowhere.txt" "${OUT}/corpus/dangling.txt")
execute_process(COMMAND "${KGX}" build "${OUT}/corpus" --max-file-size 300000
                  -o "${OUT}/graph.dot" -o "${OUT}/graph.jsonld"
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit 1 (some files skipped), got ${rc}:\n${err}")
endif()
foreach(expected
    "empty.txt: empty file"
    "binary.txt: binary file (NUL byte at offset 5)"
    "too-big.txt: file is"
    "over the limit of 300000"
    "invalid-utf8.txt: invalid UTF-8 at byte 65"
    "front-matter-never-closed.md: front matter is never closed"
    "unclosed-deep.html: unclosed HTML tag"

    "dangling.txt"
    "skipping '${OUT}/corpus/data.csv': not a .txt, .md or .html file")
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "stderr lacks '${expected}':\n${err}")
  endif()
endforeach()
# The good documents still made it into the graph, and the output is whole.
file(READ "${OUT}/graph.dot" dot)
foreach(node "Country:FR" "Country:JP" "Country:CL" "Country:AR")
  string(FIND "${dot}" "${node}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "graph lacks ${node} from the readable files")
  endif()
endforeach()
execute_process(COMMAND "${DOT}" -Tsvg "${OUT}/graph.dot" -o "${OUT}/graph.svg" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dot rejected the graph written from the bad corpus")
endif()
# A failing run leaves an existing output untouched: an unwritable target
# (its folder would have to be made inside a file).
file(WRITE "${OUT}/keep.dot" "previous")
execute_process(COMMAND "${KGX}" build "${OUT}/corpus/good.txt" -o "${OUT}/keep.dot"
                  -o "${OUT}/corpus/good.txt/x.dot" RESULT_VARIABLE rc ERROR_VARIABLE err)
file(READ "${OUT}/keep.dot" kept)
if(NOT rc EQUAL 2 OR NOT kept STREQUAL "previous")
  message(FATAL_ERROR "a failed run changed an existing output (${rc}): ${err}")
endif()

# A long single line full of names must stay linear: the title-case check
# and overlap resolution once rescanned the line per candidate (minutes for
# megabytes). 1.3 MB here must finish well within the timeout.
string(REPEAT "Japan and Acme Mining Ltd signed an agreement with Korea Zinc on nickel for A$5 billion; " 15000 long_line)
file(WRITE "${OUT}/long-line.txt" "${long_line}")
execute_process(COMMAND "${KGX}" extract "${OUT}/long-line.txt" -q -o "${OUT}/long-line.jsonl"
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "a 1.3 MB single line did not finish in 60 s (${rc}): ${err}")
endif()
