#!/bin/bash
# The blind batches as a regression test: the lint must keep at least the
# recall and precision the issue asks of earlier batches (0.95 / 0.97) on
# every batch kept in lint/tests/blind/. A batch given as DIR=RECALL/PRECISION
# has floors of its own (the newest batch, until the next one is written).
# The scorer prints the per-check table and every miss and false positive
# when it fails.
#
# Under Bazel's test sharding (shard_count), shard i of n scores the batches
# whose position is i modulo n, so that no one test action holds every batch.
set -euo pipefail
lint="$1"
scorer="$2"
shift 2
if [[ $# -lt 2 ]]; then
  echo "blind_batches_regression_test: expected at least two batch directories" >&2
  exit 1
fi
shards="${TEST_TOTAL_SHARDS:-1}"
shard="${TEST_SHARD_INDEX:-0}"
[[ -n "${TEST_SHARD_STATUS_FILE:-}" ]] && touch "${TEST_SHARD_STATUS_FILE}"
status=0
position=-1
for argument in "$@"; do
  position=$((position + 1))
  (( position % shards == shard )) || continue
  batch="${argument%%=*}"
  recall=0.95
  precision=0.97
  if [[ "${argument}" == *=* ]]; then
    floors="${argument#*=}"
    recall="${floors%%/*}"
    precision="${floors#*/}"
  fi
  echo "== ${batch} (recall >= ${recall}, precision >= ${precision})"
  python3 "${scorer}" --lint="${lint}" --verbose --min-recall="${recall}" \
    --min-precision="${precision}" "${batch}" || status=1
done
exit "${status}"
