#!/bin/bash
# A short, deterministic fuzz run: the lint must never crash or hang on broken
# C++. Each SOURCE is truncated at evenly spaced points and
# given random byte mutations (fixed seed); every run must end with exit 0 or
# 1 and without a crash report.
#
# Usage: fuzz_inputs_test.sh LINT_BINARY CASES SOURCE...
set -u
if [[ $# -lt 3 || ! -x "$1" ]]; then
  echo "usage: fuzz_inputs_test.sh LINT_BINARY CASES SOURCE... ('$1' is not executable)" >&2
  exit 2
fi
lint=$(realpath "$1")
cases=$2
shift 2
work="${TEST_TMPDIR:-$(mktemp -d)}/fuzz"
rm -rf "${work}" && mkdir -p "${work}"
RANDOM=20261129
runs=0
failures=0
for source in "$@"; do
  size=$(stat -c %s "${source}")
  for ((i = 1; i <= cases; i++)); do
    input="${work}/case_${runs}.cc"
    if ((i % 2 == 0)); then
      head -c $((size * i / (cases + 1))) "${source}" >"${input}"
    else
      cp "${source}" "${input}"
      for ((m = 0; m < 8; m++)); do
        offset=$((RANDOM % size))
        byte=$(printf '\\%03o' $((RANDOM % 128)))
        printf "${byte}" | dd of="${input}" bs=1 seek="${offset}" conv=notrunc status=none
      done
    fi
    timeout 60 "${lint}" --quiet "${input}" -- -std=c++17 >"${work}/out.txt" 2>&1
    status=$?
    runs=$((runs + 1))
    if [[ ${status} -ne 0 && ${status} -ne 1 ]] ||
      grep -qE 'Stack dump|PLEASE submit a bug report' "${work}/out.txt"; then
      echo "FAIL: exit ${status} on ${input} (kept); output:"
      head -n 40 "${work}/out.txt"
      cp "${input}" "${TEST_UNDECLARED_OUTPUTS_DIR:-${work}}/" 2>/dev/null
      failures=$((failures + 1))
    fi
  done
done
echo "fuzz: ${runs} mutated or truncated inputs, ${failures} crash(es) or hang(s)."
[[ ${failures} -eq 0 ]]
