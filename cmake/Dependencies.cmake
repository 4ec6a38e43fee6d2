# Every dependency comes from Debian 12's packages; scripts/setup.sh installs them.
find_package(Threads REQUIRED)
find_package(CURL 7.88 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)

if(LEAKHOUND_BUILD_GUI)
  find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Charts PrintSupport Svg Concurrent)
endif()
if(LEAKHOUND_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED)
  include(Catch)
  if(LEAKHOUND_BUILD_GUI)
    find_package(Qt6 6.4 REQUIRED COMPONENTS Test)
  endif()
endif()

# http-parser (libhttp-parser-dev) reads answers on the load engine's fast
# path; Debian ships no CMake or pkg-config file for it.
find_path(HTTP_PARSER_INCLUDE_DIR http_parser.h REQUIRED)
find_library(HTTP_PARSER_LIBRARY http_parser REQUIRED)
add_library(HttpParser::HttpParser UNKNOWN IMPORTED)
set_target_properties(HttpParser::HttpParser PROPERTIES
  IMPORTED_LOCATION "${HTTP_PARSER_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${HTTP_PARSER_INCLUDE_DIR}")
