# Sanitizer and fuzzing builds (CMakePresets.json: asan-ubsan, tsan, fuzz).
#
# LEAKHOUND_SANITIZE: "address;undefined" or "thread", for every target.
# UBSan stops at the first error (-fno-sanitize-recover), so a test that
# trips it fails; ASan's leak checker is on by default.
# LEAKHOUND_FUZZ: builds the libFuzzer targets of fuzz/ (clang only) and
# compiles everything with coverage for them (-fsanitize=fuzzer-no-link).
# LEAKHOUND_WERROR: warnings are errors in LeakHound's own targets.
set(LEAKHOUND_SANITIZE "" CACHE STRING "Sanitizers for every target: address;undefined, or thread")
option(LEAKHOUND_FUZZ "Build the libFuzzer targets of fuzz/ (clang)" OFF)
option(LEAKHOUND_WERROR "Treat warnings as errors in LeakHound's targets" OFF)

if(LEAKHOUND_SANITIZE)
  list(JOIN LEAKHOUND_SANITIZE "," leakhound_sanitizers)
  add_compile_options(-fsanitize=${leakhound_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${leakhound_sanitizers})
endif()

if(LEAKHOUND_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LEAKHOUND_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14 "
                        "(scripts/setup.sh sanitize)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
