cmake_minimum_required(VERSION 3.25)
# Build step: decorumd.conf(5) from its template and the settings table
# (decorumd --dump-settings-man), so the page cannot drift from the loader.
# cmake -DDECORUMD=... -DIN=... -DOUT=... -DVERSION=... -P gen_conf_man.cmake
execute_process(COMMAND ${DECORUMD} --dump-settings-man
  OUTPUT_VARIABLE settings RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "decorumd --dump-settings-man failed: ${rc}")
endif()
file(READ ${IN} text)
string(REPLACE "@SETTINGS@\n" "${settings}" text "${text}")
string(REPLACE "@VERSION@" "${VERSION}" text "${text}")
file(WRITE ${OUT}.tmp "${text}")
file(RENAME ${OUT}.tmp ${OUT})
