#!/bin/bash
# Debian's clang-tidy-14 loads lockstep's checks as a plugin and reports with
# them.
# Usage: plugin_test.sh PLUGIN_SO CLANG_TIDY TESTDATA_DIR
set -u
plugin=$(realpath "$1")
clang_tidy=$(realpath "$2")
testdata=$(realpath "$3")
output=$("${clang_tidy}" --load="${plugin}" \
  --checks='-*,concurrency-unguarded-field,concurrency-lazy-init-race' \
  "${testdata}/racy_counter.cc" -- -std=c++17 2>&1)
status=$?
failures=0
check() {
  if grep -qF -- "$1" <<<"${output}"; then
    echo "PASS: $2"
  else
    echo "FAIL: $2 (missing '$1')"
    failures=$((failures + 1))
  fi
}
[[ ${status} -eq 0 ]] || { echo "FAIL: clang-tidy exited ${status}"; failures=$((failures + 1)); }
check "field 'count_' is read in 'RacyCounter::Peek' without holding 'mu_'" \
  "unguarded-field reports through clang-tidy"
check "[concurrency-lazy-init-race]" "lazy-init-race reports through clang-tidy"
listed=$("${clang_tidy}" --load="${plugin}" --checks='-*,concurrency-*' --list-checks 2>&1)
grep -q "concurrency-unguarded-field" <<<"${listed}" && echo "PASS: --list-checks shows the plugin's checks" ||
  { echo "FAIL: --list-checks: ${listed}"; failures=$((failures + 1)); }
[[ ${failures} -eq 0 ]] || printf '%s\n' "${output}"
[[ ${failures} -eq 0 ]]
