# The analyst's outputs end to end on examples/: command-line filters, the
# written summary, the HTML report, `stats --json` and `-o -` (stdout).
# The expected facts were read by hand in the five documents of examples/.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
function(kgx_run out_var)  # From the source folder: inputs named as relative paths.
  execute_process(COMMAND "${KGX}" ${ARGN} WORKING_DIRECTORY "${SRC}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "kgx ${ARGN} failed (${rc}): ${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
function(expect text what)
  string(FIND "${text}" "${what}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected '${what}' in:\n${text}")
  endif()
endfunction()
function(expect_not text what)
  string(FIND "${text}" "${what}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "did not expect '${what}' in:\n${text}")
  endif()
endfunction()

# --country: India's agreement with Japan and its ban on Japan, nothing of Rwanda's.
kgx_run(dot build "${SRC}/examples" -q --country in -o - --format dot)
expect("${dot}" "\"Country:IN\" -> \"Country:JP\"")
# The measure in words on the picture (issue 20), not its code.
expect("${dot}" "label=\"export ban")
expect_not("${dot}" "export_ban")
expect_not("${dot}" "Country:RW")
expect_not("${dot}" "Country:AU")

# --mineral and a date range: of the two cobalt agreements only the 2024 summit
# (Japan, the Philippines, the United States) is dated in 2024.
kgx_run(ld build "${SRC}/examples" -q --mineral cobalt --since 2024-01 --until 2024-12 -o - --format jsonld)
expect("${ld}" "JP-PH-US/2024-04-08")
expect_not("${ld}" "CD-RW")
expect_not("${ld}" "IN-JP")

# --min-docs: no fact of examples/ is reported by two documents.
kgx_run(md build "${SRC}/examples" -q --min-docs 2 -o - --format md)
expect("${md}" "## Agreements by date\n\nNone found.")
expect("${md}" "at least 2 documents")

# The summary: agreements by date with parties, minerals and sources; measures by imposer.
kgx_run(ignored build examples -q -o "${OUT}/summary.md" -o "${OUT}/report.html")
file(READ "${OUT}/summary.md" md)
expect("${md}" "- **2024-04-08**: Japan, Philippines and United States, joint statement on cobalt and nickel [")
# in-jp-rare-earths.html recalls the cooperation India and Japan concluded in 2012.
expect("${md}" "- **2012**: India and Japan, cooperation on rare earths [")
expect("${md}" "- **undated**: DR Congo and Rwanda, cooperation on cobalt and tantalum [")
expect("${md}" "### China\n\n- export control on gallium and germanium, no target named [")
expect("${md}" "### India\n\n- export ban on neodymium and rare earths, against Japan, reported 2025-11-09 [")
expect("${md}" "- Japan: 4 partners, ")
expect("${md}" "- rare earths: 3 agreements [")
expect("${md}" "(2024-04-08, Chinese (Simplified); <https://example.org/news/jp-us-ph-minerals>)")
# Links to files named relative are relative to the summary's folder.
file(RELATIVE_PATH rel "${OUT}" "${SRC}/examples/au-jp-gallium.txt")
expect("${md}" "English; <${rel}>)")

# The report is one file: nothing it could fetch, its data in a JSON script element.
file(READ "${OUT}/report.html" html)
expect("${html}" "<script id=\"kgx-data\" type=\"application/json\">")
expect("${html}" "<svg")
expect_not("${html}" "<script src")
expect_not("${html}" "<link")
expect_not("${html}" "@import")
expect_not("${html}" "innerHTML")

# stats --json is JSON with the figures of the text view.
kgx_run(stats stats "${SRC}/examples" -q --json)
string(JSON agreements GET "${stats}" nodes by_kind Agreement)
string(JSON first_actor GET "${stats}" actors 0 id)
string(JSON top_mineral GET "${stats}" minerals 0 id)
# Five agreements read by hand, and the "framework unchanged" of the
# India-Japan article that kgx reads as an agreement of 2025 (README).
if(agreements LESS 5 OR NOT first_actor STREQUAL "JP" OR NOT top_mineral STREQUAL "rare earths")
  message(FATAL_ERROR "stats --json: ${agreements} agreements, first actor ${first_actor}, top mineral ${top_mineral}")
endif()
kgx_run(stats_jp stats "${SRC}/examples" -q --json --country JP)
string(JSON jp_agreements GET "${stats_jp}" nodes by_kind Agreement)
if(jp_agreements LESS 3 OR jp_agreements GREATER 4)
  message(FATAL_ERROR "stats --json --country JP: ${jp_agreements} agreements, expected 3 (4 with the India-Japan confirmation)")
endif()

# -o - with --format jsonl: one record per document on stdout.
kgx_run(jsonl build "${SRC}/examples" -q -o - --format jsonl)
string(REGEX MATCHALL "\n" lines "${jsonl}")
list(LENGTH lines n)
if(NOT n EQUAL 5)
  message(FATAL_ERROR "-o - --format jsonl wrote ${n} lines, expected 5")
endif()

# Usage errors name what is wrong.
foreach(args "-o;-" "--format;dot;-o;x.dot" "--since;2024-13;-o;x.dot" "--min-docs;0;-o;x.dot")
  execute_process(COMMAND "${KGX}" build "${SRC}/examples" -q ${args} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "kgx build ${args}: exit ${rc}, expected 2 (${err})")
  endif()
endforeach()
