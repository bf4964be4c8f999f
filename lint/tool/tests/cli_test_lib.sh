#!/bin/bash
# The helpers the command-line tests share: each check prints PASS or FAIL
# (with the output it looked at) and counts failures; `run` keeps the lint's
# output in out.txt and fails on a crash or an unexpected exit status.
#
# Usage: source cli_test_lib.sh after setting `lint` and changing into the
# test's work directory; finish with `report NAME`.

failures=0
pass() { echo "PASS: $1"; }
fail() {
  echo "FAIL: $1"
  echo "----- output:"
  cat out.txt
  echo "-----"
  failures=$((failures + 1))
}
# run NAME EXPECTED_STATUS ARGS...: runs the lint, output in out.txt.
run() {
  local name=$1 expected=$2
  shift 2
  "${lint}" "$@" >out.txt 2>&1
  local status=$?
  if grep -qE 'Stack dump|PLEASE submit a bug report|Segmentation fault' out.txt; then
    fail "${name}: the lint crashed"
    return 1
  fi
  if [[ ${status} -ne ${expected} ]]; then
    fail "${name}: exit ${status}, expected ${expected}"
    return 1
  fi
  return 0
}
expect_text() {  # NAME TEXT
  if grep -qF -- "$2" out.txt; then pass "$1"; else fail "$1: missing '$2'"; fi
}
expect_no_text() {  # NAME TEXT
  if grep -qF -- "$2" out.txt; then fail "$1: unexpected '$2'"; else pass "$1"; fi
}
