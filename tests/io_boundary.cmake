# The I/O boundary end to end (issues 15 and 16): what kgx refuses before any
# work, what it never destroys, what it reads and how it says so.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")

include("${CMAKE_CURRENT_LIST_DIR}/kgx_run.cmake")

function(expect_file path content)
  file(READ "${path}" got)
  if(NOT got STREQUAL "${content}")
    message(FATAL_ERROR "${path} changed: '${got}'")
  endif()
endfunction()

set(doc "${OUT}/docs/au-jp.txt")
file(WRITE "${doc}" "Australia and Japan signed an agreement on gallium.\n")
file(WRITE "${OUT}/keep.dot" "previous")

# --- Issue 15: outputs destroyed or refused --------------------------------

# A mistyped PATH or a URL: exit 2 before any work, the good graph kept.
run(2 build "${OUT}/doc" -o "${OUT}/keep.dot")
expect_in("${err}" "cannot read '${OUT}/doc'")
expect_file("${OUT}/keep.dot" "previous")
run(2 build "https://example.com/news.html" "${doc}" -o "${OUT}/keep.dot")
expect_in("${err}" "'https://example.com/news.html' is a URL")
expect_file("${OUT}/keep.dot" "previous")

# A run that reads no document writes nothing and says so.
file(WRITE "${OUT}/only-empty/empty.txt" "")
run(2 build "${OUT}/only-empty" -o "${OUT}/keep.dot")
expect_in("${err}" "no document was read")
expect_file("${OUT}/keep.dot" "previous")
file(MAKE_DIRECTORY "${OUT}/empty-folder")
run(2 build "${OUT}/empty-folder" -o "${OUT}/keep.dot")
expect_in("${err}" "no documents")
expect_in("${err}" "empty-folder")
expect_file("${OUT}/keep.dot" "previous")
run(2 extract "${OUT}/empty-folder" -o "${OUT}/never.jsonl")
if(EXISTS "${OUT}/never.jsonl")
  message(FATAL_ERROR "extract of an empty folder wrote a file")
endif()

# The README's headline command in a fresh folder: missing parents are made.
run(0 build "${doc}" -o "fresh/a/graph.dot" --neo4j "fresh/out/neo4j/" -q)
foreach(f fresh/a/graph.dot fresh/out/neo4j/import.sh fresh/out/neo4j/load.cypher)
  if(NOT EXISTS "${OUT}/${f}")
    message(FATAL_ERROR "${f} not written")
  endif()
endforeach()
# A run that fails leaves no folder it made.
run(2 build "${OUT}/empty-folder" -o "made/for/nothing.dot")
if(EXISTS "${OUT}/made")
  message(FATAL_ERROR "a failed run left the folders it made")
endif()

# Every output is checked before any input is read: an unwritable target is
# reported, the (empty, hence noted) input is never opened.
run(2 build "${OUT}/only-empty" -o "${OUT}/keep.dot" -o "${OUT}/keep.dot/x.svg")
expect_in("${err}" "keep.dot/x.svg")
expect_not_in("${err}" "empty.txt")
run(2 build "${OUT}/only-empty" -o "${OUT}/empty-folder")
expect_in("${err}" "cannot tell the format of '${OUT}/empty-folder'")

# --- Issue 15: tools that break -------------------------------------------

# eval given extract's records, {} or a bad line: file, line, what (exit 2).
run(0 extract "${doc}" -o "${OUT}/records.jsonl" -q)
run(2 eval "${OUT}/records.jsonl")
expect_in("${err}" "records.jsonl:1: this is a record of `kgx extract`, not gold")
file(WRITE "${OUT}/gold/bad.jsonl" "{\"doc\": \"../docs/au-jp.txt\", \"countries\": [\"AU\", \"JP\"]}\n{}\n[1]\n{\"doc\": \"x.txt\", \"countries\": \"AU\"}\nnot json\n")
run(2 eval "${OUT}/gold/bad.jsonl")
expect_in("${err}" "bad.jsonl:2: missing \"doc\"")
expect_in("${err}" "bad.jsonl:3: expected a JSON object, got array")
expect_in("${err}" "bad.jsonl:4: \"countries\" must be a list of ids")
expect_in("${err}" "bad.jsonl:5: not JSON")
file(WRITE "${OUT}/gold/good.jsonl" "{\"doc\": \"../docs/au-jp.txt\", \"lang\": \"en\", \"countries\": [\"AU\", \"JP\"]}\n")
run(0 eval "${OUT}/gold/good.jsonl")
expect_in("${out}" "1 document;")

# Each command has its own help.
run(0 build --help)
expect_in("${out}" "usage: kgx build")
expect_in("${out}" "--view")
expect_not_in("${out}" "--min KIND")
run(0 eval --help)
expect_in("${out}" "usage: kgx eval")
expect_in("${out}" "--min KIND")
expect_not_in("${out}" "--neo4j")
run(0 help merge)
expect_in("${out}" "usage: kgx merge")
# --neo4j's help is about Neo4j only (it once carried -o's text).
string(REGEX MATCH "--neo4j[^\n]*\n[^-]*" neo4j_help "${out}")
expect_not_in("${neo4j_help}" "standard output")
run(0 extract --help)
expect_in("${out}" "standard output")

# Output formats: the accepted ones are listed; extract writes records only.
run(2 build "${doc}" -o "${OUT}/graph.pdf")
expect_in("${err}" ".dot, .gv, .svg, .png, .jsonld, .graphml, .html, .htm, .md, .jsonl")
run(2 extract "${doc}" -o "${OUT}/a.jsonl" -o "${OUT}/b.jsonl")
expect_in("${err}" "one records output (.jsonl) at most")
run(2 extract "${doc}" -o "${OUT}/z.dot")
expect_in("${err}" "'kgx extract' writes only records (.jsonl")

# Known binary document formats, by name and by their first bytes.
string(ASCII 3 4 zip_tail)
file(WRITE "${OUT}/bin/report.docx" "PK${zip_tail}word/document.xml")
file(WRITE "${OUT}/bin/scan.txt" "%PDF-1.5\n%stream of compressed bytes\n")
run(1 build "${OUT}/bin/report.docx" "${OUT}/bin/scan.txt" "${doc}" -o "${OUT}/bin.dot")
expect_in("${err}" "report.docx: a word-processor document")
expect_in("${err}" "pandoc")
expect_in("${err}" "scan.txt: a PDF document")
expect_in("${err}" "pdftotext")

# Count words agree with their numbers.
run(0 build "${doc}" -o "${OUT}/one.dot")
expect_in("${err}" "kgx: 1 input, ")
run(0 stats "${doc}")
expect_in("${out}" "(1 connected component of partners)")

# --- Issue 16 -------------------------------------------------------------

# 4: a write error on standard output is an error (exit 2), said so.
foreach(cmd "extract;${SRC}/examples" "--help" "stats;${doc}")
  execute_process(COMMAND "${KGX}" ${cmd} OUTPUT_FILE /dev/full ERROR_VARIABLE err
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "kgx ${cmd} > /dev/full: exit ${rc}, expected 2: ${err}")
  endif()
  expect_in("${err}" "cannot write to standard output")
endforeach()

# 5: records, gold and gazetteers follow the document rules: regular files
# only (no hang on a FIFO, no growth on /dev/zero), a folder is an error.
execute_process(COMMAND mkfifo "${OUT}/fifo.jsonl" RESULT_VARIABLE fifo_rc)
if(fifo_rc EQUAL 0)
  run(2 merge "${OUT}/fifo.jsonl" -o "${OUT}/fifo.dot")
  expect_in("${err}" "fifo.jsonl: not a regular file")
  run(2 build "${doc}" --gazetteer "${OUT}/fifo.jsonl" -o "${OUT}/fifo.dot")
  expect_in("${err}" "fifo.jsonl: not a regular file")
  run(2 eval "${OUT}/fifo.jsonl")
  expect_in("${err}" "fifo.jsonl: not a regular file")
endif()
file(CREATE_LINK /dev/zero "${OUT}/zero.jsonl" SYMBOLIC)
run(2 merge "${OUT}/zero.jsonl" -o "${OUT}/zero.dot")
expect_in("${err}" "zero.jsonl: not a regular file")
run(2 build "${doc}" --gazetteer /dev/zero -o "${OUT}/zero.dot")
expect_in("${err}" "/dev/zero: not a regular file")
run(2 build "${doc}" --gazetteer "${OUT}/docs" -o "${OUT}/zero.dot")
expect_in("${err}" "docs: is a folder")

# 8: each document merged once, by its doc id; a build's records beside
# an extract's in one folder count once too.
run(0 merge "${OUT}/records.jsonl" -o "${OUT}/once.jsonld" -q)
run(0 merge "${OUT}/records.jsonl" "${OUT}/records.jsonl" -o "${OUT}/twice.jsonld")
expect_in("${err}" "read once")
file(MAKE_DIRECTORY "${OUT}/recs")
file(COPY "${OUT}/records.jsonl" DESTINATION "${OUT}/recs")
run(0 build "${doc}" -o "${OUT}/recs/graph.jsonl" -o "${OUT}/recs/graph.dot" -q)
run(0 merge "${OUT}/recs" -o "${OUT}/folder.jsonld")
expect_in("${err}" "document '${doc}' was already read")
file(READ "${OUT}/once.jsonld" once)
foreach(other twice folder)
  file(READ "${OUT}/${other}.jsonld" got)
  if(NOT got STREQUAL once)
    message(FATAL_ERROR "merge counted a document twice (${other}.jsonld differs)")
  endif()
endforeach()
# A blank alias is refused with file:line.
file(WRITE "${OUT}/blank.tsv" "@kind\tcountry\nAU\ten\tOz\nJP\ten\t \n")
run(2 build "${doc}" --gazetteer "${OUT}/blank.tsv" -o "${OUT}/blank.dot")
expect_in("${err}" "blank.tsv:3: field 3 is only white space")

# 9: a stale temporary of a killed run (its process gone) is removed; one
# of a live process and other files are not.
file(WRITE "${OUT}/set/graph.dot.kgx-tmp-2147483000-abcDEF" "half")
file(WRITE "${OUT}/set/graph.dot.kgx-tmp-1-abcDEF" "init is alive")
file(WRITE "${OUT}/set/notes.kgx-tmp.txt" "not ours")
run(0 build "${doc}" -o "${OUT}/set/graph.dot")
if(EXISTS "${OUT}/set/graph.dot.kgx-tmp-2147483000-abcDEF")
  message(FATAL_ERROR "a stale temporary was not removed")
endif()
expect_in("${err}" "graph.dot.kgx-tmp-2147483000-abcDEF")
foreach(f graph.dot.kgx-tmp-1-abcDEF notes.kgx-tmp.txt graph.dot)
  if(NOT EXISTS "${OUT}/set/${f}")
    message(FATAL_ERROR "${f} is missing")
  endif()
endforeach()

# 10: file names are escaped on stderr; -- ends the options; an option's
# value is taken whole; an output keeps its mode.
string(ASCII 27 esc)
file(WRITE "${OUT}/esc/${esc}cred.pdf" "%PDF-1.4")
run(1 build "${OUT}/esc" "${OUT}/esc/${esc}cred.pdf" "${doc}" -o "${OUT}/esc.dot")
expect_not_in("${err}" "${esc}")
expect_in("${err}" "\\x1Bcred.pdf")
file(WRITE "${OUT}/-dash.txt" "France and Japan signed an agreement on nickel.\n")
run(0 build -o -jx.dot -- -dash.txt)
if(NOT EXISTS "${OUT}/-jx.dot")
  message(FATAL_ERROR "-o -jx.dot did not write '-jx.dot'")
endif()
file(READ "${OUT}/-jx.dot" dash_dot)
expect_in("${dash_dot}" "Country:FR")
file(WRITE "${OUT}/private.dot" "old")
file(CHMOD "${OUT}/private.dot" PERMISSIONS OWNER_READ OWNER_WRITE)
file(MAKE_DIRECTORY "${OUT}/private")
file(WRITE "${OUT}/private/import.sh" "old")
file(CHMOD "${OUT}/private/import.sh" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
run(0 build "${doc}" -o "${OUT}/private.dot" --neo4j "${OUT}/private" -q)
execute_process(COMMAND stat -c %a "${OUT}/private.dot" "${OUT}/private/import.sh"
                OUTPUT_VARIABLE modes)
if(NOT modes STREQUAL "600\n700\n")
  message(FATAL_ERROR "outputs lost their modes: ${modes}")
endif()

# Records carry their format version; merge refuses another one and
# offsets that are no byte offsets, with file:line.
file(READ "${OUT}/records.jsonl" record)
expect_in("${record}" "\"kgx_record\":2")
string(REPLACE "\"kgx_record\":2" "\"kgx_record\":3" future "${record}")
file(WRITE "${OUT}/future.jsonl" "${future}")
run(2 merge "${OUT}/future.jsonl" -o "${OUT}/future.dot")
expect_in("${err}" "future.jsonl:1: record format version 3 is newer than this kgx reads (it reads versions 1 to 2): upgrade kgx")
# A record of version 1 (evidence text in every fact, written by kgx before
# version 2) still merges, into the same graph.
file(WRITE "${OUT}/v1.jsonl" "{\"kgx_record\":1,\"doc\":\"old.txt\",\"countries\":[\"AU\",\"JP\"],\"organizations\":[],\"minerals\":[],\"mentions\":[],\"agreements\":[{\"parties\":[\"AU\",\"JP\"],\"kind\":\"cooperation\",\"minerals\":[],\"organizations\":[],\"amounts\":[],\"date\":null,\"evidence\":[{\"start\":0,\"end\":9,\"text\":\"Old words\"}],\"confidence\":0.9}]}\n")
run(0 merge "${OUT}/v1.jsonl" -o "${OUT}/v1.dot" -q)
file(READ "${OUT}/v1.dot" v1_dot)
expect_in("${v1_dot}" "Old words")
string(REGEX REPLACE "\"start\":[0-9]+" "\"start\":-5" negative "${record}")
file(WRITE "${OUT}/negative.jsonl" "\n${negative}")
run(2 merge "${OUT}/negative.jsonl" -o "${OUT}/negative.dot")
expect_in("${err}" "negative.jsonl:2: malformed record: \"start\" is -5: not a byte offset")
string(REGEX REPLACE "\"end\":[0-9]+" "\"end\":18446744073709551616" huge "${record}")
file(WRITE "${OUT}/huge.jsonl" "${huge}")
run(2 merge "${OUT}/huge.jsonl" -o "${OUT}/huge.dot")
expect_in("${err}" "huge.jsonl:1: malformed record: \"end\" is")
# A status merge does not know would drop the fact from every view: refused
# with file:line (lost once in a merge of branches).
file(WRITE "${OUT}/status.jsonl" "\n{\"kgx_record\":2,\"doc\":\"s.txt\",\"countries\":[\"CN\"],\"organizations\":[],\"minerals\":[],\"mentions\":[],\"restrictions\":[{\"from\":\"CN\",\"to\":null,\"type\":\"tariff\",\"minerals\":[],\"evidence\":[],\"status\":\"maybe\"}]}\n")
run(2 merge "${OUT}/status.jsonl" -o "${OUT}/status.dot")
expect_in("${err}" "status.jsonl:2: malformed record: restriction 1 has status \"maybe\"")
