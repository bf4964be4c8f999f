#!/bin/bash
# Usage: expect_report_test.sh BINARY EXPECTED_TEXT
# Passes only when BINARY exits non-zero and its output contains EXPECTED_TEXT:
# proof that a sanitizer config really instruments the code it builds.
set -u
binary=$1
expected=$2
output=$("${binary}" 2>&1)
status=$?
if [[ ${status} -eq 0 ]]; then
  echo "FAIL: ${binary} exited 0; the sanitizer did not stop it. Output:"
  printf '%s\n' "${output}"
  exit 1
fi
if ! grep -qF -- "${expected}" <<<"${output}"; then
  echo "FAIL: ${binary} exited ${status} without reporting '${expected}'. Output:"
  printf '%s\n' "${output}"
  exit 1
fi
echo "PASS: ${binary} exited ${status} with '${expected}'."
