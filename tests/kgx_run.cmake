# Helpers for the end-to-end scripts that run the kgx binary (${KGX}) in ${OUT}.
#   run(EXPECTED_EXIT ARGS...)  runs kgx; sets ${out} and ${err}; fails on another exit
#   expect_in(TEXT NEEDLE)      fails unless NEEDLE is in TEXT
#   expect_not_in(TEXT NEEDLE)  fails if NEEDLE is in TEXT
function(run expect_rc)
  execute_process(COMMAND "${KGX}" ${ARGN} RESULT_VARIABLE rc WORKING_DIRECTORY "${OUT}"
                  OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc STREQUAL "${expect_rc}")
    message(FATAL_ERROR "kgx ${ARGN}: exit ${rc}, expected ${expect_rc}\nstdout: ${out}\nstderr: ${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect_in haystack needle)
  string(FIND "${haystack}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected '${needle}' in:\n${haystack}")
  endif()
endfunction()

function(expect_not_in haystack needle)
  string(FIND "${haystack}" "${needle}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "did not expect '${needle}' in:\n${haystack}")
  endif()
endfunction()
