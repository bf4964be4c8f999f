#!/bin/bash
# Reads the logs written by record_check.sh and turns them into a test result.
#
# Usage: report_checks.sh NAME [--expect-failure] [--expect-text TEXT]...
#                          [--expect-count N] -- LOG...
#
# Default mode: passes when every file's check exited 0, and otherwise prints the
# diagnostics of each failing file. With --expect-failure the rule's own negative
# tests invert that: they pass only if some check failed, every --expect-text
# occurs in the diagnostics and, with --expect-count, there are exactly N
# warnings.
set -u
name=$1
shift
expect_failure=0
expected_texts=()
expected_count=""
while [[ $# -gt 0 && "$1" != "--" ]]; do
  case "$1" in
    --expect-failure) expect_failure=1 ;;
    --expect-text)
      shift
      expected_texts+=("$1")
      ;;
    --expect-count)
      shift
      expected_count=$1
      ;;
    *)
      echo "report_checks.sh: unknown option '$1'" >&2
      exit 2
      ;;
  esac
  shift
done
shift  # --

if [[ $# -eq 0 ]]; then
  echo "${name}: no source files to check; give the rule targets with sources." >&2
  exit 1
fi

failed=0
passed=0
all_output=""
for log in "$@"; do
  if [[ ! -r "${log}" ]]; then
    echo "${name}: missing check log ${log}" >&2
    exit 1
  fi
  status=$(sed -n '1s/^exit_status=//p' "${log}")
  source_file=$(sed -n '2s/^source=//p' "${log}")
  body=$(tail -n +3 "${log}")
  all_output+="${body}"$'\n'
  if [[ "${status}" == "0" ]]; then
    passed=$((passed + 1))
    # Warnings that do not fail the check are still worth seeing.
    [[ -n "${body}" && ${expect_failure} -eq 0 ]] && printf '%s\n' "${body}"
  else
    failed=$((failed + 1))
    if [[ ${expect_failure} -eq 0 ]]; then
      echo "=== ${source_file}: check failed (exit ${status})"
      printf '%s\n' "${body}"
    fi
  fi
done

if [[ ${expect_failure} -eq 1 ]]; then
  if [[ ${failed} -eq 0 ]]; then
    echo "${name}: expected the check to fail, but all ${passed} file(s) passed."
    exit 1
  fi
  missing=0
  for text in "${expected_texts[@]+"${expected_texts[@]}"}"; do
    if ! grep -qF -- "${text}" <<<"${all_output}"; then
      echo "${name}: expected diagnostic text not found: ${text}"
      missing=1
    fi
  done
  if [[ -n "${expected_count}" ]]; then
    # Findings end with their check's name: "[check]" or, promoted by
    # --warnings-as-errors, "[check,-warnings-as-errors]".
    count=$(grep -cE ': (warning|error): .*\[[a-z0-9.-]+(,-warnings-as-errors)?\]$' \
      <<<"${all_output}" || true)
    if [[ "${count}" != "${expected_count}" ]]; then
      echo "${name}: expected ${expected_count} finding(s), found ${count}"
      missing=1
    fi
  fi
  if [[ ${missing} -eq 1 ]]; then
    echo "--- diagnostics were:"
    printf '%s' "${all_output}"
    exit 1
  fi
  echo "${name}: failed as expected on ${failed} file(s), with the expected diagnostics."
  exit 0
fi

echo "${name}: ${passed} file(s) clean, ${failed} failed."
[[ ${failed} -eq 0 ]]
