#!/bin/bash
# --format=sarif: a SARIF 2.1.0 log on standard output (validated by
# validate_sarif.py), the text report on standard error, compiler errors as
# results with executionSuccessful false, and a clear error for an unknown
# format.
#
# Usage: sarif_output_test.sh LINT_BINARY VALIDATOR TESTDATA_DIR
set -u
lint=$(realpath "$1")
validator=$(realpath "$2")
testdata=$(realpath "$3")
work="${TEST_TMPDIR:-$(mktemp -d)}/sarif"
rm -rf "${work}" && mkdir -p "${work}" && cp "${testdata}"/*.cc "${work}/"
cd "${work}"
failures=0
check() {  # NAME COMMAND...
  local name=$1
  shift
  if "$@"; then echo "PASS: ${name}"; else
    echo "FAIL: ${name}"
    failures=$((failures + 1))
  fi
}

"${lint}" --format=sarif racy_counter.cc -- -std=c++17 >log.json 2>text.txt
check "exit 0 with findings" test $? -eq 0
check "valid SARIF naming both findings" python3 "${validator}" log.json \
  concurrency-unguarded-field:13 concurrency-lazy-init-race:15
check "the text report went to stderr" \
  grep -q "racy_counter.cc:13:29: warning: field 'count_'" text.txt
check "executionSuccessful true" grep -q '"executionSuccessful": true' log.json

"${lint}" --format=sarif clean.cc -- -std=c++17 >clean.json 2>/dev/null
check "a clean file gives an empty result list" python3 -c '
import json, sys
log = json.load(open("clean.json"))
sys.exit(0 if log["runs"][0]["results"] == [] else 1)'

"${lint}" --format=sarif racy_counter.cc does_not_parse.cc -- -std=c++17 \
  >broken.json 2>/dev/null
check "exit 1 when a file does not compile" test $? -eq 1
check "still valid SARIF" python3 "${validator}" broken.json \
  concurrency-unguarded-field:13
check "compiler errors are error-level results" python3 -c '
import json, sys
results = json.load(open("broken.json"))["runs"][0]["results"]
sys.exit(0 if any(r["ruleId"] == "clang-diagnostic-error" and
                  r["level"] == "error" for r in results) else 1)'
check "executionSuccessful false" \
  grep -q '"executionSuccessful": false' broken.json

"${lint}" --format=xml racy_counter.cc -- -std=c++17 >out.txt 2>&1
check "unknown format exits 1" test $? -eq 1
check "unknown format is named" \
  grep -q "unknown --format 'xml' (expected text or sarif)" out.txt

echo "${failures} failure(s)"
[[ ${failures} -eq 0 ]]
