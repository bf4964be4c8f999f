#!/bin/bash
# Runs one per-file check command and records its outcome instead of failing.
#
# Usage: record_check.sh LOG SOURCE -- COMMAND [ARG...]
#
# The build action always succeeds, so Bazel caches the result of every file's
# check; the test that reads the logs (report_checks.sh) decides pass or fail.
set -u
if [[ $# -lt 4 || "$3" != "--" ]]; then
  echo "usage: record_check.sh LOG SOURCE -- COMMAND [ARG...]" >&2
  exit 2
fi
log=$1
source_file=$2
shift 3
output=$("$@" 2>&1)
status=$?
{
  echo "exit_status=${status}"
  echo "source=${source_file}"
  printf '%s\n' "${output}"
} >"${log}"
exit 0
