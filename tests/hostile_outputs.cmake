# SVG and GraphML stay well-formed XML whatever the documents hold: entity
# references in text (&#1;, and &amp;#1; in HTML, which the reader decodes
# to &#1;) that Graphviz would decode itself, a right-to-left override and
# a noncharacter in file names, an implicit bidi mark in text. xmllint checks
# both files; no bidi control survives into the picture.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/corpus")
string(ASCII 1 soh)
file(WRITE "${OUT}/corpus/a.txt"
  "Brazil and Canada signed an agreement on cobalt &#1; and &#x202E;fdp.exe ${soh}today.\n")
file(WRITE "${OUT}/corpus/b.html"
  "<html><body><p>Brazil and Mexico signed an agreement on tin &amp;#1; there.</p></body></html>")
# U+202E, U+FFFF and U+200F written as their UTF-8 bytes.
execute_process(COMMAND printf "\\342\\200\\256"
                OUTPUT_VARIABLE rlo)
execute_process(COMMAND printf "\\357\\277\\277" OUTPUT_VARIABLE nonchar)
execute_process(COMMAND printf "\\342\\200\\217" OUTPUT_VARIABLE rlm)
file(WRITE "${OUT}/corpus/evil${rlo}gpj.txt" "Brazil and Chile signed an agreement on copper.\n")
file(WRITE "${OUT}/corpus/non${nonchar}.txt"
  "Brazil and Peru signed an agreement on zinc ${rlm}here.\n")
execute_process(COMMAND "${KGX}" build "${OUT}/corpus" --view full -o "${OUT}/g.svg"
                  -o "${OUT}/g.graphml" -o "${OUT}/g.dot"
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kgx build failed (${rc}):\n${err}")
endif()
foreach(f g.svg g.graphml)
  execute_process(COMMAND "${XMLLINT}" --noout "${OUT}/${f}" RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${f} is not well-formed XML:\n${err}")
  endif()
  file(READ "${OUT}/${f}" content)
  foreach(bad "${rlo}" "${rlm}" "${nonchar}")
    string(FIND "${content}" "${bad}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${f} keeps a bidi control or noncharacter at byte ${at}")
    endif()
  endforeach()
endforeach()
# The text is kept, as text: the SVG shows the characters "&#1;", not U+0001.
file(READ "${OUT}/g.svg" svg)
string(FIND "${svg}" "cobalt &amp;#1;" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the SVG lost the literal text '&#1;'")
endif()
