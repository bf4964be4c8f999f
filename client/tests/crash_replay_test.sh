#!/bin/bash
# Crash-safe runs with real crashes: each body of crash_fixture ends the test
# process on some input. The first run dies; the engine, seeing the
# connection drop mid-case, records the case in flight in the example
# database (its log says so, naming the signal); the second run with the
# same database replays it first, in an isolated child, and reports the
# crash as a failure shrunk to x = 500, with the reproduce command.
set -u
fixture="$1"
export LOCKSTEP_ENGINE="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
out="${TEST_TMPDIR}/out"
failures=0
# Extra flags for the fixture, per check (set by the caller, then cleared).
flags=()
fail() { echo "FAIL [$test]: $*"; echo "--- output:"; cat "$out"; failures=$((failures + 1)); }
expect() { grep -qF -- "$1" "$out" || fail "expected: $1"; }

check() {
  test="$1" died_with="$2"
  shift 2
  db="${TEST_TMPDIR}/db-${test}"
  logs="${TEST_TMPDIR}/logs-${test}"
  rm -rf "$db" "$logs"
  mkdir -p "$logs"

  # 1. The body kills the process: no report, a non-zero status.
  TEST_TMPDIR="$logs" LOCKSTEP_DATABASE="$db" "$fixture" \
    --gtest_filter="Crash.${test}" ${flags[@]+"${flags[@]}"} >"$out" 2>&1
  status=$?
  [ "$status" -ne 0 ] || fail "the first run exited 0"
  if grep -qF "lockstep: property" "$out"; then
    fail "the first run reported a failure instead of dying"
  fi
  # The engine outlives its client for a moment: wait for its record.
  for _ in $(seq 1 300); do
    [ -n "$(find "$db" -type f ! -name '.tmp*' 2>/dev/null)" ] && break
    sleep 0.1
  done
  [ -n "$(find "$db" -type f ! -name '.tmp*' 2>/dev/null)" ] \
    || fail "no crash record in $db"
  cat "$logs"/.lockstep/engine-*.log >"$out" 2>/dev/null
  expect "$died_with"
  expect "; recorded the case (directive "

  # 2. The next run replays the crash first, isolated, and reports it.
  LOCKSTEP_DATABASE="$db" LOCKSTEP_VERBOSITY=2 "$fixture" \
    --gtest_filter="Crash.${test}" ${flags[@]+"${flags[@]}"} >"$out" 2>&1 \
    && fail "the second run passed"
  first_phase=$(grep -m1 "^lockstep: 'Crash.${test}': " "$out")
  [ "$first_phase" = "lockstep: 'Crash.${test}': replaying saved failures" ] \
    || fail "first phase: $first_phase"
  expect "lockstep: property 'Crash.${test}' failed:"
  for message in "$@"; do expect "$message"; done
  expect "  x = 500"
  expect "  reproduce: "
  # The minimal crash is saved like any failure, and replayed isolated.
  LOCKSTEP_DATABASE="$db" "$fixture" --gtest_filter="Crash.${test}" \
    ${flags[@]+"${flags[@]}"} >"$out" 2>&1 && fail "the third run passed"
  expect "  x = 500"
}

# Under ASan+UBSan a null store is UBSan's report before it is a SIGSEGV
# (and GCC's UBSan runtime ends the process without telling the death
# callback, so the record says "ended"); under TSan a SEGV report; only the
# default config sees the signal itself.
if [ -z "${ASAN_OPTIONS:-}${TSAN_OPTIONS:-}" ]; then
  check NullDereference "the test process died with SIGSEGV while this case ran" \
    "the body crashed with SIGSEGV on this input"
else
  check NullDereference " while this case ran" "the body crashed"
fi
check Abort "the test process died with SIGABRT while this case ran" \
  "the body crashed with SIGABRT on this input"
check Exit "the test process ended while this case ran" \
  "the body exited with status 3 on this input"
if [ -z "${TSAN_OPTIONS:-}" ]; then
  check ThrowOnAnotherThread \
    "the test process died with SIGABRT while this case ran" \
    "the body crashed with SIGABRT on this input" "what():  boom"
else
  # TSan cannot follow a thread started in a forked child: the isolated
  # replay fails on the same minimal input, saying so.
  check ThrowOnAnotherThread \
    "the test process died with SIGABRT while this case ran" \
    "ThreadSanitizer: thread started in an isolated child"
fi

# ASSERT_* on a helper thread: with --gtest_throw_on_failure it throws
# there, and the exception ends the process (std::terminate, SIGABRT). The
# isolated replay's report quotes the child's stderr, where terminate
# printed the assertion.
flags=(--gtest_throw_on_failure)
if [ -z "${TSAN_OPTIONS:-}" ]; then
  check AssertOnAHelperThread \
    "the test process died with SIGABRT while this case ran" \
    "the body crashed with SIGABRT on this input" \
    "GoogleTestFailureException" "the helper thread's x"
else
  check AssertOnAHelperThread \
    "the test process died with SIGABRT while this case ran" \
    "ThreadSanitizer: thread started in an isolated child"
fi
flags=()

[ "$failures" -eq 0 ] && echo PASS
exit "$failures"
