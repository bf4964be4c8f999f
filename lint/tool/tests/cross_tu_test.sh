#!/bin/bash
# A class declared in a header with methods in three .cc files: judged file by
# file, the unlocked read in account_report.cc is missed (one access, no
# evidence); merged -- in one multi-file run, or through --export-summary /
# --import-summaries as the Bazel rule does -- it is found. Bad summaries are
# clear errors.
#
# Usage: cross_tu_test.sh LINT_BINARY FIXTURE_DIR
set -u
lint=$(realpath "$1")
fixtures=$(realpath "$2")
work="${TEST_TMPDIR:-$(mktemp -d)}/cross_tu"
rm -rf "${work}" && mkdir -p "${work}" && cp "${fixtures}"/* "${work}/"
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
finding="account_report.cc:6:40: warning: field 'balance_' is read in 'storage::Account::Balance' without holding 'mu_'; 3 of its 4 accesses hold 'mu_', so it is inferred to guard 'balance_' [concurrency-unguarded-field]"
evidence="note: 'balance_' is written while holding 'mu_' in 'storage::Account::Deposit' (account_deposit.cc:7:3)"
files=(account_deposit.cc account_withdraw.cc account_report.cc)

"${lint}" --per-file "${files[@]}" -- -std=c++17 >per_file.txt 2>&1
check "per-file run exits 0" test $? -eq 0
check "per-file analysis misses the unlocked read" \
  grep -q "^0 finding(s) in 3 file(s) analysed." per_file.txt

"${lint}" "${files[@]}" -- -std=c++17 >merged.txt 2>&1
check "merged run exits 0" test $? -eq 0
check "merged run finds the unlocked read" grep -qF "${finding}" merged.txt
check "the note points at the evidence in another file" \
  grep -qF "${evidence}" merged.txt
check "exactly one finding" grep -q "^1 finding(s) in 3 file(s) analysed." merged.txt

summaries=()
for file in "${files[@]}"; do
  "${lint}" --export-summary="${file%.cc}.summary" "${file}" -- -std=c++17 \
    >export.txt 2>&1
  check "export of ${file} exits 0" test $? -eq 0
  summaries+=("${file%.cc}.summary")
done
check "export reports nothing" bash -c "! grep -q warning: export.txt"
check "the summary records the locked write" grep -qP \
  "^storage::Account::balance_\taccount_deposit.cc:7:3\tstorage::Account::Deposit\tw\tthis.storage::Account::mu_=x$" \
  account_deposit.summary

"${lint}" account_report.cc -- -std=c++17 >alone.txt 2>&1
check "the report file alone: no finding" bash -c "! grep -q warning: alone.txt"
joined=$(IFS=,; echo "${summaries[*]}")
"${lint}" --import-summaries="${joined}" account_report.cc -- -std=c++17 \
  >imported.txt 2>&1
check "with the imported summaries: the finding" grep -qF "${finding}" imported.txt

printf 'not a summary\n' >bad_header.summary
"${lint}" --import-summaries=bad_header.summary account_report.cc -- -std=c++17 \
  >bad.txt 2>&1
check "a file that is no summary exits 1" test $? -eq 1
check "and says so" grep -qF "'bad_header.summary' is not a lockstep access summary" bad.txt

printf '# lockstep access summary v1\nstorage::Account::balance_\tx.cc:1:1\tf\tq\n' \
  >bad_line.summary
"${lint}" --import-summaries=bad_line.summary account_report.cc -- -std=c++17 \
  >bad.txt 2>&1
check "a malformed line exits 1" test $? -eq 1
check "naming file and line" \
  grep -qF "bad_line.summary:2: the 4th column must be 'w' or 'r'" bad.txt

"${lint}" --import-summaries=missing.summary account_report.cc -- -std=c++17 \
  >bad.txt 2>&1
check "a missing summary exits 1" test $? -eq 1
check "naming it" grep -qF "cannot read summary 'missing.summary'" bad.txt

echo "${failures} failure(s)"
[[ ${failures} -eq 0 ]]
