#!/bin/bash
# --format=sarif: a SARIF 2.1.0 log on standard output (validated by
# validate_sarif.py against what GitHub code scanning requires), the text
# report on standard error, paths relative to %SRCROOT%, fingerprints that
# survive a finding moving to another line, compiler errors as results with
# executionSuccessful false, a notification per file not analysed, and a
# clear error for an unknown format.
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

field() {  # FILE PYTHON-EXPRESSION-OVER-log: prints its value
  python3 -c "import json, sys; log = json.load(open(sys.argv[1])); print($2)" "$1"
}
check "paths are relative to %SRCROOT%" test "$(field log.json \
  'log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]')" \
  = "racy_counter.cc"
check "%SRCROOT% is the current directory" test "$(field log.json \
  'log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]')" = "file://${work}/"
check "the tool's version" test "$(field log.json \
  'log["runs"][0]["tool"]["driver"]["semanticVersion"]')" = \
  "$("${lint}" --version | sed -n 's/^concurrency-lint \([0-9.]*\) .*/\1/p')"
check "rules link their docs page" test "$(field log.json \
  '[r["helpUri"] for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "concurrency-lazy-init-race"][0]')" \
  = "https://github.com/lockstep-dev/lockstep/blob/main/lint/docs/concurrency-lazy-init-race.md"

mkdir -p sub
"${lint}" --format=sarif --sarif-srcroot=sub racy_counter.cc -- -std=c++17 >outside.json 2>/dev/null
check "a file outside --sarif-srcroot keeps an absolute URI" test "$(field outside.json \
  'log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]')" \
  = "file://${work}/racy_counter.cc"

# Move every finding down three lines (and re-indent one): the lines change,
# the fingerprints do not.
fingerprints() {
  field "$1" '"\n".join(sorted(r["ruleId"] + " " + r["partialFingerprints"]["concurrencyLintFingerprint/v1"] for r in log["runs"][0]["results"]))'
}
lines() {
  field "$1" '" ".join(str(r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in log["runs"][0]["results"])'
}
mkdir -p moved && { printf '// a\n// b\n// c\n'; sed 's/^  int Peek/    int Peek/' racy_counter.cc; } >moved/racy_counter.cc
(cd moved && "${lint}" --format=sarif racy_counter.cc -- -std=c++17 >../moved.json 2>/dev/null)
check "the findings moved" test "$(lines log.json)" != "$(lines moved.json)"
check "fingerprints survive the move" test "$(fingerprints log.json)" = "$(fingerprints moved.json)"
check "fingerprints differ between findings" test \
  "$(fingerprints log.json | awk '{print $2}' | sort -u | wc -l)" -eq \
  "$(fingerprints log.json | wc -l)"
mkdir -p changed && sed 's/return count_;/return count_ + 1;/' racy_counter.cc >changed/racy_counter.cc
(cd changed && "${lint}" --format=sarif racy_counter.cc -- -std=c++17 >../changed.json 2>/dev/null)
check "a changed line is a new fingerprint" test \
  "$(fingerprints changed.json | grep unguarded)" != "$(fingerprints log.json | grep unguarded)"

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
check "a notification names the file that does not compile" python3 -c '
import json, sys
notes = json.load(open("broken.json"))["runs"][0]["invocations"][0]["toolExecutionNotifications"]
sys.exit(0 if any(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "does_not_parse.cc"
                  and "does not compile" in n["message"]["text"] for n in notes) else 1)'

"${lint}" --format=sarif racy_counter.cc missing.cc -- -std=c++17 >missing.json 2>/dev/null
check "exit 1 when a file is missing" test $? -eq 1
check "valid SARIF with a missing file" python3 "${validator}" missing.json \
  concurrency-unguarded-field:13
check "a notification names the missing file" python3 -c '
import json, sys
notes = json.load(open("missing.json"))["runs"][0]["invocations"][0]["toolExecutionNotifications"]
sys.exit(0 if [n["message"]["text"] for n in notes] == ["cannot open '"'"'missing.cc'"'"': no such file"]
         and notes[0]["level"] == "error" else 1)'

"${lint}" --format=sarif racy_counter.cc -- -std=c++99 >flag.json 2>/dev/null
check "valid SARIF when clang rejects a flag" python3 "${validator}" flag.json
check "a diagnostic with no file is a notification, not a result" python3 -c '
import json, sys
run = json.load(open("flag.json"))["runs"][0]
notes = run["invocations"][0]["toolExecutionNotifications"]
texts = [n["message"]["text"] for n in notes]
sys.exit(0 if texts == ["clang-diagnostic-error: invalid value '"'"'c++99'"'"' in '"'"'-std=c++99'"'"'"]
         and all(r.get("locations") for r in run["results"]) else 1)'

"${lint}" --format=xml racy_counter.cc -- -std=c++17 >out.txt 2>&1
check "unknown format exits 1" test $? -eq 1
check "unknown format is named" \
  grep -q "unknown --format 'xml' (expected text or sarif)" out.txt

echo "${failures} failure(s)"
[[ ${failures} -eq 0 ]]
