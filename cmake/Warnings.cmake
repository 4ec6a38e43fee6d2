# Our own targets compile with strict warnings; third-party headers are
# included as SYSTEM so their warnings do not drown ours.
function(leakhound_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
  # GCC 12 at -O2 and above warns -Wrestrict inside libstdc++'s own
  # std::string copies (char_traits.h memcpy "accessing 9223372036854775810
  # or more bytes"): GCC bug 105329, a false positive fixed in GCC 13. Any
  # string concatenation can trigger it; rewriting each to dodge it would
  # hide nothing real.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(LEAKHOUND_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Qt targets additionally refuse implicit const char* -> QString conversions,
# so every user-visible string is a deliberate, translatable literal.
function(leakhound_qt_strictness target)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
endfunction()
