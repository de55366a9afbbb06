# The command line's contract: help, version, usage errors (exit 2), missing
# paths (exit 2, nothing written), unsupported files skipped with a note.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")

include("${CMAKE_CURRENT_LIST_DIR}/kgx_run.cmake")

run(0 --help)
expect_in("${out}" "usage: kgx COMMAND")
run(0 --version)
expect_in("${out}" "kgx ")
run(2)
expect_in("${err}" "usage:")
run(2 biuld x)
expect_in("${err}" "did you mean 'build'?")
run(2 build "${SRC}/examples")
expect_in("${err}" "at least one -o")
run(2 build "${SRC}/examples" -o "${OUT}/g.xyz")
expect_in("${err}" "g.xyz")
run(2 build --frobnicate "${SRC}/examples" -o "${OUT}/g.dot")
expect_in("${err}" "unknown option '--frobnicate'")

# Attached values: -j2, --threads=2, -oFILE give what the spaced forms give.
run(0 build "${SRC}/examples/au-jp-gallium.txt" -j 2 -o "${OUT}/spaced.dot" -q)
run(0 build "${SRC}/examples/au-jp-gallium.txt" -j2 "-o${OUT}/attached.dot" -q)
run(0 build "${SRC}/examples/au-jp-gallium.txt" --threads=1 "--output=${OUT}/equals.dot" -q)
file(READ "${OUT}/spaced.dot" spaced)
foreach(f attached equals)
  file(READ "${OUT}/${f}.dot" other)
  if(NOT spaced STREQUAL other OR spaced STREQUAL "")
    message(FATAL_ERROR "${f}.dot differs from spaced.dot")
  endif()
endforeach()
run(2 build "${SRC}/examples" -j0 -o "${OUT}/g.dot")
expect_in("${err}" "invalid --threads '0'")

# A missing path (a typo) is an error before any work: nothing is written.
run(2 build "${OUT}/no-such-dir" "${SRC}/examples/au-jp-gallium.txt" -o "${OUT}/g.dot")
expect_in("${err}" "cannot read '${OUT}/no-such-dir'")
if(EXISTS "${OUT}/g.dot")
  message(FATAL_ERROR "graph written although a PATH was missing")
endif()

# Other files in a folder are skipped with a note; an empty file is named.
file(MAKE_DIRECTORY "${OUT}/mixed")
file(WRITE "${OUT}/mixed/a.txt" "Australia and Japan signed a deal.\n")
file(WRITE "${OUT}/mixed/b.pdf" "%PDF-1.4")
file(WRITE "${OUT}/mixed/empty.md" "")
run(1 build "${OUT}/mixed" -o "${OUT}/m.dot")
expect_in("${err}" "skipping ${OUT}/mixed/b.pdf: a PDF document")
expect_in("${err}" "empty.md")

# A bad gazetteer stops the run before anything is written.
file(WRITE "${OUT}/bad.tsv" "@kind\tcountry\nJPN\ten\tJapan\n")
run(2 build "${OUT}/mixed/a.txt" --gazetteer "${OUT}/bad.tsv" -o "${OUT}/never.dot")
expect_in("${err}" "bad.tsv:2: invalid country id 'JPN'")
if(EXISTS "${OUT}/never.dot")
  message(FATAL_ERROR "output written despite a bad gazetteer")
endif()

# A user's gazetteer adds aliases.
file(WRITE "${OUT}/mine.tsv" "@kind\tcountry\nAU\ten\tOz\n")
run(0 extract "${OUT}/mixed/a.txt" --jsonl)
expect_in("${out}" "\"countries\":[\"AU\",\"JP\"]")
file(WRITE "${OUT}/mixed2.txt" "Oz and Japan.\n")
run(0 extract "${OUT}/mixed2.txt" --gazetteer "${OUT}/mine.tsv")
expect_in("${out}" "\"countries\":[\"AU\",\"JP\"]")
