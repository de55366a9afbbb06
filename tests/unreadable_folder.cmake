# A folder the user cannot read (chmod 000) is named as skipped and the
# exit status is 1 (issue 16, item 8). Root reads any folder, so as root the
# run is made as 'nobody' (setpriv); where that is impossible the test says
# SKIPPED with the reason (ctest reports it as skipped).
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/corpus/locked")
file(WRITE "${OUT}/corpus/a.txt" "Australia and Japan signed an agreement on gallium.\n")
file(WRITE "${OUT}/corpus/locked/b.txt" "France and Japan signed an agreement on nickel.\n")
# Everyone may enter the test folders and write the output.
execute_process(COMMAND chmod -R a+rwX "${OUT}")

execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
set(as_user "")
if(uid STREQUAL "0")
  find_program(SETPRIV setpriv)
  if(NOT SETPRIV)
    message("SKIPPED: running as root and setpriv is missing: cannot test an unreadable folder")
    return()
  endif()
  set(as_user "${SETPRIV}" --reuid=nobody --regid=nogroup --clear-groups)
  execute_process(COMMAND ${as_user} "${KGX}" --version RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  execute_process(COMMAND ${as_user} test -r "${GAZETTEERS}/countries.tsv" RESULT_VARIABLE rc2)
  if(NOT rc EQUAL 0 OR NOT rc2 EQUAL 0)
    message("SKIPPED: user 'nobody' cannot run ${KGX} or read its gazetteers")
    return()
  endif()
endif()

execute_process(COMMAND chmod 000 "${OUT}/corpus/locked")
execute_process(COMMAND ${as_user} "${KGX}" build "${OUT}/corpus" -o "${OUT}/graph.dot"
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
execute_process(COMMAND chmod 755 "${OUT}/corpus/locked")
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit 1 (a folder skipped), got ${rc}:\n${err}")
endif()
string(FIND "${err}" "skipping the folder '${OUT}/corpus/locked': Permission denied" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the unreadable folder was not named:\n${err}")
endif()
file(READ "${OUT}/graph.dot" dot)
string(FIND "${dot}" "Country:AU" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the readable document is not in the graph")
endif()
