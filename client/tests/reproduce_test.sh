#!/bin/bash
# Runs property_fixture as a user would: a failure prints commands that,
# pasted into a shell, reproduce the same minimal example; a second run with
# the same LOCKSTEP_DATABASE replays the saved failure first; bad
# environment values fail with a message naming the variable; verbosity
# shows statistics and progress.
set -u
fixture="$1"
export LOCKSTEP_ENGINE="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
out="${TEST_TMPDIR}/out"
failures=0
fail() { echo "FAIL: $*"; echo "--- output:"; cat "$out"; failures=$((failures + 1)); }
expect() { grep -qF -- "$1" "$out" || fail "expected: $1"; }
expect_not() { ! grep -qF -- "$1" "$out" || fail "not expected: $1"; }

db="${TEST_TMPDIR}/examples"
rm -rf "$db"

# 1. A failing run under bazel (TEST_TARGET is this test's label here).
LOCKSTEP_DATABASE="$db" "$fixture" --gtest_filter=Fixture.Fails >"$out" 2>&1 \
  && fail "Fixture.Fails passed"
line=$(grep -n "FAILING LINE" "$(dirname "$0")/property_fixture.cc" | cut -d: -f1)
expect "property_fixture.cc:${line}: Failure"
expect "  x = 1001"
expect '  s = ""'
seed=$(sed -n 's/.*  reproduce: .*LOCKSTEP_SEED=\([0-9]*\) .*/\1/p' "$out" | head -1)
[ -n "$seed" ] || fail "no seed in the reproduce line"
expect "  with bazel: bazel test ${TEST_TARGET} --test_env=LOCKSTEP_DATABASE=${db} --test_env=LOCKSTEP_SEED=${seed} --test_filter=Fixture.Fails"
expect "reproduce: LOCKSTEP_DATABASE=${db} LOCKSTEP_SEED=${seed} bazel-bin/"
# TEST_TMPDIR lasts for this test's runs, not for the next bazel test: the
# report says how to keep failures across those.
expect "which bazel does not keep for the next run"

# 2. The same minimal example from the printed command, pasted into a shell
# (outside bazel: no TEST_TARGET, so it names the binary as invoked).
env -u TEST_TARGET LOCKSTEP_DATABASE=off "$fixture" --gtest_filter=Fixture.Fails \
  >"$out" 2>&1
command=$(sed -n 's/^  reproduce: //p' "$out" | head -1)
case "$command" in
  "LOCKSTEP_DATABASE=off LOCKSTEP_SEED="*" $fixture --gtest_filter=Fixture.Fails") ;;
  *) fail "unexpected reproduce command: $command" ;;
esac
env -u TEST_TARGET bash -c "$command" >"$out" 2>&1 && fail "replay passed"
expect "  x = 1001"

# 3. The second run with the same database replays the saved failure first.
LOCKSTEP_DATABASE="$db" LOCKSTEP_VERBOSITY=2 "$fixture" \
  --gtest_filter=Fixture.Fails >"$out" 2>&1 && fail "second run passed"
first_phase=$(grep -m1 "^lockstep: 'Fixture.Fails': " "$out")
[ "$first_phase" = "lockstep: 'Fixture.Fails': replaying saved failures" ] \
  || fail "first phase: $first_phase"
expect ", 1 replayed from the database in "
expect "  x = 1001"

# 4. Bad environment values fail every test, naming the variable.
LOCKSTEP_TEST_CASES=abc "$fixture" --gtest_filter=Fixture.Passes >"$out" 2>&1 \
  && fail "ran with LOCKSTEP_TEST_CASES=abc"
expect "LOCKSTEP_TEST_CASES='abc' cannot be used"
LOCKSTEP_PROFILE=nope "$fixture" --gtest_filter=Fixture.Passes >"$out" 2>&1 \
  && fail "ran with LOCKSTEP_PROFILE=nope"
expect "LOCKSTEP_PROFILE='nope' names no profile"

# 5. Verbosity 1: a passing test's statistics; the environment's case count.
LOCKSTEP_VERBOSITY=1 LOCKSTEP_TEST_CASES=300 "$fixture" \
  --gtest_filter=Fixture.Passes >"$out" 2>&1 || fail "Fixture.Passes failed"
expect "lockstep: 'Fixture.Passes' passed: 300 valid cases, 0 invalid, "
expect "  generation stopped: ran the test cases asked for"
expect "% even; "
expect "  x: min 0, mean "
# Verbosity 0 (the default): nothing.
"$fixture" --gtest_filter=Fixture.Passes >"$out" 2>&1 || fail "quiet run failed"
expect_not "lockstep:"

# 6. A progress line on a long run.
LOCKSTEP_VERBOSITY=1 "$fixture" --gtest_filter=Fixture.Slow >"$out" 2>&1 \
  || fail "Fixture.Slow failed"
expect "lockstep: 'Fixture.Slow' still running after "
expect " cases run, generating"

# 7. A failing explicit example, reported as given.
"$fixture" --gtest_filter=Fixture.ExampleFails >"$out" 2>&1 \
  && fail "Fixture.ExampleFails passed"
expect "property 'Fixture.ExampleFails' failed on explicit example 2:"
expect "LOCKSTEP_ASSERT_NE(n, 42) failed: n = 42, 42 = 42"
expect "  n = 42"

[ "$failures" -eq 0 ] && echo PASS
exit "$failures"
