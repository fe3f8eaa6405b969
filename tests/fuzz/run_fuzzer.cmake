# Runs one libFuzzer target for ctest (label `fuzz`), without touching the source tree.
#   cmake -DFUZZER=<exe> -DMODE=run -DSEEDS=<dir> -DWORK=<dir> [-DTIME=15] -P run_fuzzer.cmake
#     fuzzes for TIME seconds on a fresh copy of SEEDS in WORK/corpus; crash inputs go to WORK/crashes.
#   cmake -DFUZZER=<exe> -DMODE=replay -DINPUTS=<dir> -DWORK=<dir> -P run_fuzzer.cmake
#     runs every file in INPUTS once (the kept crash inputs); no files is a pass.
cmake_minimum_required(VERSION 3.25)
foreach(var FUZZER MODE WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT DEFINED TIME)
  set(TIME 15)
endif()
set(limits -rss_limit_mb=1024 -timeout=5)

if(MODE STREQUAL "run")
  file(REMOVE_RECURSE "${WORK}/corpus")
  file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/crashes")
  file(COPY "${SEEDS}/" DESTINATION "${WORK}/corpus")
  execute_process(COMMAND "${FUZZER}" -max_total_time=${TIME} ${limits} -print_final_stats=1
                          "-artifact_prefix=${WORK}/crashes/" "${WORK}/corpus"
                  WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE rc)
elseif(MODE STREQUAL "replay")
  file(GLOB inputs LIST_DIRECTORIES false "${INPUTS}/*")
  list(FILTER inputs EXCLUDE REGEX "/README[^/]*$")
  if(NOT inputs)
    message(STATUS "no regression inputs in ${INPUTS}")
    return()
  endif()
  file(MAKE_DIRECTORY "${WORK}/replay")
  execute_process(COMMAND "${FUZZER}" ${limits} "-artifact_prefix=${WORK}/replay/" ${inputs}
                  WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE rc)
else()
  message(FATAL_ERROR "run_fuzzer.cmake: MODE must be run or replay, not '${MODE}'")
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${rc}); inputs that failed are in ${WORK}")
endif()
