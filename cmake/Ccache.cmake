# Compile through ccache when it is installed: rebuilds after a clean or a
# branch switch then cost seconds instead of minutes on a two-core machine.
find_program(LEAKHOUND_CCACHE ccache)
if(LEAKHOUND_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${LEAKHOUND_CCACHE}")
endif()
