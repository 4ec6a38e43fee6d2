# Sourced by shell tests: `require_program NAME GROUP` fails the test at once,
# in one line, when a program it runs is missing, naming the scripts/setup.sh
# group that installs it (as external_program() does for the C++ tests).
require_program() {
  command -v "$1" >/dev/null 2>&1 ||
    { echo "FAIL: this test runs \`$1\`, which is not installed: run scripts/setup.sh $2" >&2; exit 1; }
}
