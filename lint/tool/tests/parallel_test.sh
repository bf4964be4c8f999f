#!/bin/bash
# -j N: the files of a run are linted in N processes with the same merged
# cross-file findings, exit status, SARIF and exported fixes as one process.
#
# Usage: parallel_test.sh LINT_BINARY CROSS_TU_DIR TESTDATA_DIR
set -u
lint=$(realpath "$1")
fixtures=$(realpath "$2")
testdata=$(realpath "$3")
work="${TEST_TMPDIR:-$(mktemp -d)}/parallel"
rm -rf "${work}" && mkdir -p "${work}" && cp "${fixtures}"/* "${testdata}"/*.cc "${work}/"
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
same() {  # NAME FILE1 FILE2
  if cmp -s "$2" "$3"; then echo "PASS: $1"; else
    echo "FAIL: $1"
    diff "$2" "$3" | head -40
    failures=$((failures + 1))
  fi
}
files=(account_deposit.cc account_withdraw.cc account_report.cc racy_counter.cc closed_while_synced.cc)
finding="account_report.cc:6:40: warning: field 'balance_' is read in 'storage::Account::Balance' without holding 'mu_'; 3 of its 4 accesses hold 'mu_'"

"${lint}" "${files[@]}" -- -std=c++17 >seq.out 2>seq.err
seq_status=$?
"${lint}" -j 3 "${files[@]}" -- -std=c++17 >par.out 2>par.err
par_status=$?
check "sequential run exits 0" test ${seq_status} -eq 0
check "parallel run exits 0" test ${par_status} -eq 0
check "the sequential run merges the files" grep -qF "${finding}" seq.out
check "the parallel run merges the files" grep -qF "${finding}" par.out
same "-j 3 prints the same findings as one process" seq.out par.out
# clang's "N warnings generated." lines come from each process's own stderr;
# the tool's own lines (statistics, errors) must match.
ours() { grep -E '^(concurrency-lint: |[0-9]+ finding)' "$1" >"$1.ours"; }
ours seq.err && ours par.err
same "-j 3 prints the same statistics" seq.err.ours par.err.ours

"${lint}" --per-file -j 2 "${files[@]}" -- -std=c++17 >perfile.out 2>&1
check "--per-file -j 2 does not merge" bash -c "! grep -qF \"account_report.cc:6:40\" perfile.out"

"${lint}" --format=sarif "${files[@]}" -- -std=c++17 >seq.sarif 2>/dev/null
"${lint}" --format=sarif -j 2 "${files[@]}" -- -std=c++17 >par.sarif 2>/dev/null
same "-j 2 writes the same SARIF" seq.sarif par.sarif

"${lint}" --export-fixes=seq.yaml "${files[@]}" -- -std=c++17 >/dev/null 2>&1
"${lint}" --export-fixes=par.yaml -j 2 "${files[@]}" -- -std=c++17 >/dev/null 2>&1
same "-j 2 exports the same fixes" seq.yaml par.yaml

"${lint}" --warnings-as-errors='concurrency-unguarded-field' -j 2 "${files[@]}" -- -std=c++17 >wae.out 2>&1
check "-j: --warnings-as-errors exits 1" test $? -eq 1
check "-j: the promoted finding is marked" \
  grep -qF "[concurrency-unguarded-field,-warnings-as-errors]" wae.out

# A file that does not compile and one that is missing: reported as in one
# process, the others still merged.
"${lint}" "${files[@]}" does_not_parse.cc missing.cc -- -std=c++17 >seq_bad.out 2>seq_bad.err
seq_status=$?
"${lint}" -j 2 "${files[@]}" does_not_parse.cc missing.cc -- -std=c++17 >par_bad.out 2>par_bad.err
par_status=$?
check "both exit 1 on bad files" test ${seq_status} -eq 1 -a ${par_status} -eq 1
same "bad files: the same findings" seq_bad.out par_bad.out
ours seq_bad.err && ours par_bad.err
check "bad files: the missing file is named" grep -qF "cannot open 'missing.cc'" par_bad.err.ours
same "bad files: the same errors" seq_bad.err.ours par_bad.err.ours

# Through -p: the children read the same database.
mkdir -p build
{
  echo "["
  sep=""
  for f in "${files[@]}"; do
    printf '%s{"directory": "%s", "file": "%s", "arguments": ["g++", "-std=c++17", "-fno-canonical-system-headers", "-c", "%s"]}\n' \
      "${sep}" "${work}" "${f}" "${f}"
    sep=","
  done
  echo "]"
} >build/compile_commands.json
"${lint}" -p build "${files[@]}" >seq_db.out 2>seq_db.err
"${lint}" -p build -j 4 "${files[@]}" >par_db.out 2>par_db.err
check "-p -j 4 merges" grep -qF "${finding}" par_db.out
same "-p: -j 4 equals one process" seq_db.out par_db.out
ours seq_db.err && ours par_db.err
check "-p: the GCC flag is dropped in the parent's note" \
  grep -qF "dropped compiler flags that clang does not know: -fno-canonical-system-headers" par_db.err.ours
same "-p: the same statistics and notes" seq_db.err.ours par_db.err.ours

echo "${failures} failure(s)"
[[ ${failures} -eq 0 ]]
