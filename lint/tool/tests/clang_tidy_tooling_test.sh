#!/bin/bash
# clang-tidy's own drivers run the standalone tool in clang-tidy's place:
# run-clang-tidy-14 over a compile database (its -list-checks probe, -p,
# -checks, -header-filter, -quiet, -j and its --use-color) and
# clang-tidy-diff-14.py over a change's lines (-line-filter), both from
# Debian's clang-tidy-14 package.
#
# Usage: clang_tidy_tooling_test.sh LINT_BINARY
set -u
# shellcheck source=lint/tool/tests/cli_test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"
lint=$(realpath "$1")
run_clang_tidy=$(command -v run-clang-tidy-14)
clang_tidy_diff=$(command -v clang-tidy-diff-14.py)
work="${TEST_TMPDIR:-$(mktemp -d)}/clang_tidy_tooling"
rm -rf "${work}" && mkdir -p "${work}/src" "${work}/build"
cd "${work}"
for tool in "${run_clang_tidy}" "${clang_tidy_diff}"; do
  if [[ ! -x "${tool}" ]]; then
    echo "FAIL: run-clang-tidy-14 and clang-tidy-diff-14.py come with clang-tidy-14; run tools/setup"
    exit 1
  fi
done

cat >src/counter.cc <<'SOURCE'
#include <mutex>
class Counter {
 public:
  void Add() { std::lock_guard<std::mutex> l(mu_); ++n_; }
  void Sub() { std::lock_guard<std::mutex> l(mu_); --n_; }
  int Peek() const { return n_; }
 private:
  mutable std::mutex mu_;
  int n_ = 0;
};
int UseCounter() { return Counter().Peek(); }
SOURCE
cat >src/clean.cc <<'SOURCE'
int Clean() { return 1; }
SOURCE
cat >build/compile_commands.json <<JSON
[{"directory": "${work}/src", "file": "counter.cc",
  "arguments": ["g++", "-std=c++17", "-fno-canonical-system-headers", "-c", "counter.cc"]},
 {"directory": "${work}/src", "file": "clean.cc",
  "arguments": ["g++", "-std=c++17", "-c", "clean.cc"]}]
JSON
# run-clang-tidy always passes --use-color.
strip_color() {
  if grep -qF "$(printf '\033[')" out.txt; then pass "$1: --use-color colours the output"; else
    fail "$1: no colour"
  fi
  sed -i 's/\x1b\[[0-9;]*m//g' out.txt
}
peek="counter.cc:6:29: warning: field 'n_' is read in 'Counter::Peek' without holding 'mu_'"

# run-clang-tidy first probes the binary with -list-checks -p=DIR - .
"${run_clang_tidy}" -clang-tidy-binary "${lint}" -p build >out.txt 2>&1
status=$?
if [[ ${status} -eq 0 ]]; then pass "run-clang-tidy exits 0"; else fail "run-clang-tidy exit ${status}"; fi
strip_color run-clang-tidy
expect_text "run-clang-tidy lists the lint's checks" "concurrency-unguarded-field"
expect_text "run-clang-tidy reports the finding" "${peek}"
expect_no_text "run-clang-tidy: the lint did not reject an option" "Unknown command line argument"
expect_no_text "run-clang-tidy: no file failed" "Error while processing"

"${run_clang_tidy}" -clang-tidy-binary "${lint}" -p build -j 2 -quiet \
  -checks='-*,concurrency-unguarded-field' -header-filter='.*' 'counter' >out.txt 2>&1
status=$?
if [[ ${status} -eq 0 ]]; then pass "run-clang-tidy -j 2 -quiet exits 0"; else fail "exit ${status}"; fi
strip_color "run-clang-tidy -j 2"
expect_text "run-clang-tidy -j 2 reports the finding" "${peek}"
expect_text "run-clang-tidy ran the lint with -checks" "-checks=-*,concurrency-unguarded-field"
expect_no_text "-quiet reaches the lint" "finding(s) in"

"${run_clang_tidy}" -clang-tidy-binary "${lint}" -p build -checks='-*' >out.txt 2>&1
status=$?
if [[ ${status} -ne 0 ]]; then pass "run-clang-tidy fails when no check is enabled"; else
  fail "no checks: run-clang-tidy exit 0"
fi

# clang-tidy-diff: a change adds a second unguarded read; only the changed
# lines are reported.
export HOME="${work}"
git init -q repo && cd repo
git config user.email test@example.com && git config user.name test
mkdir -p src && cp ../src/counter.cc src/
cat >compile_commands.json <<JSON
[{"directory": "${work}/repo", "file": "src/counter.cc",
  "arguments": ["g++", "-std=c++17", "-c", "src/counter.cc"]}]
JSON
git add src/counter.cc && git commit -qm base
sed -i 's|^  int Peek() const { return n_; }|&\n  int Twice() const { return 2 * n_; }|' src/counter.cc
git diff -U0 >change.diff
"${clang_tidy_diff}" -p1 -clang-tidy-binary "${lint}" -path . <change.diff >../out.txt 2>&1
status=$?
cd ..
if [[ ${status} -eq 0 ]]; then pass "clang-tidy-diff exits 0"; else fail "clang-tidy-diff exit ${status}"; fi
expect_text "clang-tidy-diff reports the new line" \
  "src/counter.cc:7:34: warning: field 'n_' is read in 'Counter::Twice'"
expect_no_text "clang-tidy-diff skips the unchanged line" "src/counter.cc:6:"
expect_no_text "clang-tidy-diff: the lint accepted -line-filter" "Unknown command line argument"

echo "clang-tidy tooling: ${failures} failure(s)."
[[ ${failures} -eq 0 ]]
