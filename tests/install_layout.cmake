# cmake --install into a scratch prefix; the installed kgx, run from another
# folder, finds its gazetteers; --data and KGX_DATA override.
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${OUT}/prefix"
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${err}")
endif()
if(NOT EXISTS "${OUT}/prefix/share/kgx/gazetteers/countries.tsv")
  message(FATAL_ERROR "gazetteers not installed")
endif()
# Runs the installed kgx from ${OUT} (KGX_DATA unset) on a document of
# `text`; it must exit 0 and find Australia and Japan, else `failure`.
function(expect_au_jp name text failure)
  file(WRITE "${OUT}/${name}" "${text}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=KGX_DATA
                          "${OUT}/prefix/bin/kgx" extract ${name}
                  WORKING_DIRECTORY "${OUT}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(FIND "${out}" "\"countries\":[\"AU\",\"JP\"]" at)
  if(NOT rc EQUAL 0 OR at EQUAL -1)
    message(FATAL_ERROR "${failure}: exit ${rc}\n${out}\n${err}")
  endif()
endfunction()

expect_au_jp(doc.txt "Australia and Japan signed a deal.\n" "installed kgx")
# The installed copy is the one used, not the source tree: a name added only
# to the installed gazetteers is recognized.
file(APPEND "${OUT}/prefix/share/kgx/gazetteers/countries.tsv" "AU\ten\tOzlandia\n")
expect_au_jp(doc2.txt "Ozlandia and Japan.\n"
             "installed kgx does not read its installed gazetteers")
# Overrides: --data and KGX_DATA pointing at an empty folder must fail.
file(MAKE_DIRECTORY "${OUT}/empty")
execute_process(COMMAND "${OUT}/prefix/bin/kgx" extract doc.txt --data "${OUT}/empty"
                WORKING_DIRECTORY "${OUT}" RESULT_VARIABLE rc ERROR_VARIABLE err)
string(FIND "${err}" "no gazetteer files" at)
if(NOT rc EQUAL 2 OR at EQUAL -1)
  message(FATAL_ERROR "--data override not honoured: ${rc} ${err}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E env "KGX_DATA=${OUT}/empty"
                        "${OUT}/prefix/bin/kgx" extract doc.txt
                WORKING_DIRECTORY "${OUT}" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "KGX_DATA override not honoured: ${rc} ${err}")
endif()
