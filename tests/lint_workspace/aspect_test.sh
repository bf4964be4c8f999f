#!/bin/bash
# Lints this workspace (not lockstep: it pulls lockstep in through
# local_repository) with concurrency_lint_aspect, and proves that the lint's
# actions are cached: in memory, on disk, and in a real HTTP remote cache
# (Debian's nginx with WebDAV PUT, started here on a free loopback port).
#
# Usage: tests/lint_workspace/aspect_test.sh
#   Run it alone: it starts Bazel servers of its own (output bases under a temp
#   dir) and shuts them down at the end. By hand, on a shared machine:
#     flock /tmp/lockstep-bazel.lock tests/lint_workspace/aspect_test.sh
#
# Environment:
#   LOCKSTEP_LINT_TEST_TOOL_CACHE  disk cache that keeps the lint tool's own
#     build between runs (default ~/.cache/lockstep/lint_workspace_tool_cache).
#     Only the tool is ever built with it, so it cannot answer a lint action;
#     it saves compiling the tool from source again in every run.
#
# Phases (the commands are those of lint/docs/aspect.md and remote-cache.md):
#   1. output base 1, remote cache nginx + disk cache D, both empty: the lint
#      runs (7 actions) and finds the planted defect, in text and SARIF; the
#      C++20 target parses; the clean targets have no finding.
#   2. the same build again: no lint action at all (Bazel's action cache).
#   3. --@lockstep//lint:fail_on_findings: the build fails on the finding,
#      and still runs no lint action. A config naming account/.clang-tidy
#      (which turns the check off) silences it; a config that is not a
#      .clang-tidy file is an error.
#   4. output base 2, empty, remote cache nginx only: every lint action is a
#      remote cache hit; none executes.
#   5. output base 3, empty, disk cache D only: every lint action is a disk
#      cache hit; none executes.
# Exits 1 when any check fails.
#
# The workspace is copied to a temp dir and built there: its BUILD files are
# checked in as BUILD.in because Bazel 4.2.3 does not stop lockstep's own
# `bazel build //...` at a nested WORKSPACE file, and the copy keeps the
# source tree free of this test's state.
set -uo pipefail

readonly SOURCE_DIR="$(cd "$(dirname "$0")" && pwd)"
readonly LOCKSTEP_ROOT="$(cd "${SOURCE_DIR}/../.." && pwd)"
readonly LINT_MNEMONICS="ConcurrencyLint,ConcurrencyLintSummary"
# account (2 sources: a summary and a lint action each), report, counter.h,
# counter_test.
readonly EXPECTED_LINT_ACTIONS=7
# The tool cache holds object files and the tool; past this size it is
# emptied (Bazel 4 never trims a disk cache).
readonly TOOL_CACHE_MAX_KB=$((4 * 1024 * 1024))

tool_cache=${LOCKSTEP_LINT_TEST_TOOL_CACHE:-${HOME}/.cache/lockstep/lint_workspace_tool_cache}
tmp=$(mktemp -d -t lockstep-lint-workspace.XXXXXX)
readonly WORKSPACE_DIR="${tmp}/workspace"
output_bases=()
nginx_pid=""
failures=0

cleanup() {
  if [[ -n "${nginx_pid}" ]]; then
    kill "${nginx_pid}" 2>/dev/null
    wait "${nginx_pid}" 2>/dev/null
  fi
  local base
  for base in "${output_bases[@]+"${output_bases[@]}"}"; do
    (cd "${WORKSPACE_DIR}" && bazel --output_base="${base}" shutdown) >/dev/null 2>&1
  done
  # Bazel leaves its outputs read-only.
  chmod -R u+w "${tmp}" 2>/dev/null
  rm -rf "${tmp}"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

pass() {
  echo "ok: $*"
}

# bazel_in OUTPUT_BASE LOG ARG...: one Bazel command in this workspace, its
# output in LOG (printed when the command fails unexpectedly). Returns Bazel's
# exit status.
bazel_in() {
  local base=$1
  local log=$2
  shift 2
  [[ " ${output_bases[*]-} " == *" ${base} "* ]] || output_bases+=("${base}")
  (cd "${WORKSPACE_DIR}" && bazel --nohome_rc --output_base="${base}" "$@") >"${log}" 2>&1
}

show_log() {
  echo "--- $1 (last 40 lines):" >&2
  tail -n 40 "$1" >&2
}

# lint_spawns EXECUTION_LOG: prints "EXECUTED TOTAL", the lint spawns that ran
# and all lint spawns in a JSON execution log (cache hits count in TOTAL only;
# actions Bazel's own action cache skipped are not in the log at all).
lint_spawns() {
  python3 - "$1" "${LINT_MNEMONICS}" <<'EOF'
import json
import sys

text = open(sys.argv[1]).read()
mnemonics = set(sys.argv[2].split(","))
decoder = json.JSONDecoder()
executed = total = 0
position = 0
while True:
    while position < len(text) and text[position].isspace():
        position += 1
    if position >= len(text):
        break
    spawn, position = decoder.raw_decode(text, position)
    if spawn.get("mnemonic") in mnemonics:
        total += 1
        if not spawn.get("remoteCacheHit", False):
            executed += 1
print(executed, total)
EOF
}

# expect_lint_spawns EXECUTION_LOG EXECUTED TOTAL WHAT
expect_lint_spawns() {
  local counts
  counts=$(lint_spawns "$1") || {
    fail "$4: cannot read the execution log $1"
    return
  }
  if [[ "${counts}" == "$2 $3" ]]; then
    pass "$4: ${counts% *} of ${counts#* } lint spawns executed"
  else
    fail "$4: expected $2 executed of $3 lint spawns, got '${counts}' (executed total)"
  fi
}

# build_tool OUTPUT_BASE: builds the lint tool into OUTPUT_BASE from the tool
# cache (or from source, filling it). The aspect builds the tool in the target
# configuration, so these are exactly the actions an aspect build would run.
build_tool() {
  local log="${tmp}/tool.$(basename "$1").log"
  local start=${SECONDS}
  if ! bazel_in "$1" "${log}" build --disk_cache="${tool_cache}" \
      @lockstep//lint/tool:concurrency-lint; then
    show_log "${log}"
    fail "building the lint tool in $(basename "$1")"
    return 1
  fi
  echo "    (lint tool in $(basename "$1"): $((SECONDS - start))s)"
}

start_nginx() {
  local dir="${tmp}/nginx"
  mkdir -p "${dir}/root" "${dir}/temp"
  if ! command -v nginx >/dev/null; then
    fail "nginx is not installed; run tools/setup"
    return 1
  fi
  local user_line=""
  # A master process running as root would start its workers as nobody, who
  # cannot write into this user's temp dir.
  [[ $(id -u) -eq 0 ]] && user_line="user $(id -un) $(id -gn);"
  local attempt
  for attempt in 1 2 3; do
    nginx_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat >"${dir}/nginx.conf" <<EOF
${user_line}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  server {
    listen 127.0.0.1:${nginx_port};
    root ${dir}/root;
    # Bazel's HTTP cache protocol: GET and PUT of /ac/HASH and /cas/HASH.
    client_max_body_size 0;
    location / {
      dav_methods PUT;
      create_full_put_path on;
    }
  }
}
EOF
    nginx -p "${dir}" -c "${dir}/nginx.conf" -e "${dir}/error.log" &
    nginx_pid=$!
    local i
    for i in $(seq 50); do
      if curl -sf -X PUT --data-binary probe "http://127.0.0.1:${nginx_port}/probe" \
          >/dev/null 2>&1 &&
          [[ "$(curl -sf "http://127.0.0.1:${nginx_port}/probe")" == probe ]]; then
        rm -f "${dir}/root/probe"
        pass "nginx on 127.0.0.1:${nginx_port} stores PUTs"
        return 0
      fi
      kill -0 "${nginx_pid}" 2>/dev/null || break
      sleep 0.1
    done
    kill "${nginx_pid}" 2>/dev/null
    wait "${nginx_pid}" 2>/dev/null
    nginx_pid=""
  done
  show_log "${dir}/error.log"
  fail "nginx did not start with WebDAV PUT on a loopback port"
  return 1
}

check_reports() {
  local bin=$1
  local text="${bin}/account/account.concurrency_lint.txt"
  local sarif="${bin}/account/account.concurrency_lint.sarif"
  local fixes="${bin}/account/account.concurrency_lint.fixes.yaml"
  local finding="^account/account_report\.cc:6:[0-9]+: warning: field 'balance_' is read in 'account::Account::Balance' without holding 'mu_'.*\[concurrency-unguarded-field\]$"
  if grep -qE "${finding}" "${text}" 2>/dev/null; then
    pass "the planted defect is reported at account/account_report.cc:6 (text)"
  else
    fail "no finding at account/account_report.cc:6 in ${text}:"
    cat "${text}" >&2 2>/dev/null
  fi
  local count
  count=$(grep -cE ': (warning|error): ' "${text}" 2>/dev/null)
  [[ "${count}" == 1 ]] && pass "one finding in //account" ||
    fail "expected 1 finding in //account (deduplicated), got ${count}"
  if python3 - "${sarif}" <<'EOF'; then
import json
import sys

log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0", log.get("version")
(run,) = log["runs"]
hits = [
    r for r in run["results"]
    if r["ruleId"] == "concurrency-unguarded-field"
    and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    == "account/account_report.cc"
    and r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId")
    == "%SRCROOT%"
    and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
]
assert len(hits) == 1, json.dumps(run["results"], indent=1)
assert len(run["results"]) == 1, "expected one result"
rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
assert rule_ids[hits[0]["ruleIndex"]] == "concurrency-unguarded-field", rule_ids
EOF
    pass "the planted defect is in the SARIF, relative to %SRCROOT%, line 6"
  else
    fail "SARIF ${sarif} lacks the finding (above)"
  fi
  if head -n 2 "${fixes}" 2>/dev/null | grep -q '^MainSourceFile:' &&
      ! grep -q "${tmp}" "${fixes}"; then
    pass "fixes YAML written, with no sandbox paths"
  else
    fail "bad fixes YAML ${fixes}"
  fi

  local target
  for target in report/report base/counter base/counter_test; do
    if [[ -f "${bin}/${target}.concurrency_lint.txt" &&
        ! -s "${bin}/${target}.concurrency_lint.txt" ]]; then
      pass "//${target%/*}:${target#*/}: no finding, no parse error"
    else
      fail "//${target%/*}:${target#*/} should be clean:"
      cat "${bin}/${target}.concurrency_lint.txt" >&2 2>/dev/null
    fi
  done
  if python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert run["invocations"][0]["executionSuccessful"] is True
assert run["results"] == []
' "${bin}/report/report.concurrency_lint.sarif"; then
    pass "//report (C++20, own copts) parsed: executionSuccessful, no results"
  else
    fail "//report's SARIF says the C++20 file did not parse"
  fi
}

# Copies the workspace to WORKSPACE_DIR with its BUILD files named BUILD and
# lockstep at its absolute path.
copy_workspace() {
  cp -a "${SOURCE_DIR}" "${WORKSPACE_DIR}" || return 1
  local build
  while IFS= read -r build; do
    mv "${build}" "${build%.in}"
  done < <(find "${WORKSPACE_DIR}" -name BUILD.in)
  sed -i "s|path = \"\.\./\.\.|path = \"${LOCKSTEP_ROOT}|" "${WORKSPACE_DIR}/WORKSPACE"
  if grep -q 'path = "\.\./' "${WORKSPACE_DIR}/WORKSPACE"; then
    fail "WORKSPACE still has relative paths to lockstep"
    return 1
  fi
}

main() {
  copy_workspace || exit 1
  cd "${WORKSPACE_DIR}" || exit 1
  local lint_flags=(--config=lint)
  local ob1="${tmp}/output_base_1"
  local ob2="${tmp}/output_base_2"
  local ob3="${tmp}/output_base_3"
  local disk="${tmp}/disk_cache"
  local start

  if [[ -d "${tool_cache}" ]] &&
      (($(du -sk "${tool_cache}" | cut -f1) > TOOL_CACHE_MAX_KB)); then
    echo "aspect_test: emptying the tool cache ${tool_cache} (over 4 GB)"
    rm -rf "${tool_cache}"
  fi
  mkdir -p "${tool_cache}"

  start_nginx || exit 1
  local remote="--remote_cache=http://127.0.0.1:${nginx_port}"

  echo "=== 1. output base 1, empty caches: the lint runs"
  start=${SECONDS}
  build_tool "${ob1}" || exit 1
  if bazel_in "${ob1}" "${tmp}/build1.log" build "${lint_flags[@]}" "${remote}" \
      --disk_cache="${disk}" --execution_log_json_file="${tmp}/exec1.json" //...; then
    pass "aspect build with findings succeeds without fail_on_findings"
  else
    show_log "${tmp}/build1.log"
    fail "aspect build failed"
    exit 1
  fi
  echo "    ($((SECONDS - start))s)"
  expect_lint_spawns "${tmp}/exec1.json" "${EXPECTED_LINT_ACTIONS}" \
    "${EXPECTED_LINT_ACTIONS}" "first build"
  local bin="${ob1}/execroot/lint_workspace/bazel-out/k8-fastbuild/bin"
  check_reports "${bin}"
  cp "${bin}/account/account.concurrency_lint.txt" "${tmp}/account_report.first"

  echo "=== 2. the same build again: no lint action"
  bazel_in "${ob1}" "${tmp}/build2.log" build "${lint_flags[@]}" "${remote}" \
    --disk_cache="${disk}" --execution_log_json_file="${tmp}/exec2.json" //... ||
    fail "second build failed"
  expect_lint_spawns "${tmp}/exec2.json" 0 0 "second build"

  echo "=== 3. fail_on_findings"
  if bazel_in "${ob1}" "${tmp}/build3.log" build "${lint_flags[@]}" \
      --@lockstep//lint:fail_on_findings --execution_log_json_file="${tmp}/exec3.json" \
      --keep_going //...; then
    fail "--@lockstep//lint:fail_on_findings did not fail the build"
  elif grep -q "account/account_report.cc:6:" "${tmp}/build3.log" &&
      grep -q "//account:account: concurrency lint findings" "${tmp}/build3.log"; then
    pass "fail_on_findings fails the build, naming the finding"
  else
    show_log "${tmp}/build3.log"
    fail "fail_on_findings failed the build without naming the finding"
  fi
  if grep -qE "//(report|base):[a-z_]+: concurrency lint findings" "${tmp}/build3.log"; then
    fail "fail_on_findings failed a clean target"
  fi
  expect_lint_spawns "${tmp}/exec3.json" 0 0 "fail_on_findings build"

  echo "=== 3b. configuration: .clang-tidy files named by --@lockstep//lint:config"
  # Not --config=lint: Bazel 4.2.3 lets the Starlark flag that build:lint sets
  # win over the same flag given later on the command line.
  local aspect_flags=(
    --aspects=@lockstep//lint:aspect.bzl%concurrency_lint_aspect
    --output_groups=concurrency_lint
  )
  if bazel_in "${ob1}" "${tmp}/build3b.log" build "${aspect_flags[@]}" \
      --@lockstep//lint:config=//:clang_tidy_configs //...; then
    if [[ -f "${bin}/account/account.concurrency_lint.txt" &&
        ! -s "${bin}/account/account.concurrency_lint.txt" ]]; then
      pass "account/.clang-tidy (-concurrency-unguarded-field) is read when named"
    else
      fail "account/.clang-tidy did not turn the check off:"
      cat "${bin}/account/account.concurrency_lint.txt" >&2
    fi
  else
    show_log "${tmp}/build3b.log"
    fail "build with --@lockstep//lint:config=//:clang_tidy_configs failed"
  fi
  if bazel_in "${ob1}" "${tmp}/build3c.log" build "${aspect_flags[@]}" \
      --@lockstep//lint:config=//account:BUILD //...; then
    fail "a config that is not a .clang-tidy file was accepted"
  elif grep -q "//lint:config must name .clang-tidy files" "${tmp}/build3c.log"; then
    pass "a config that is not a .clang-tidy file is a clear error"
  else
    show_log "${tmp}/build3c.log"
    fail "a config that is not a .clang-tidy file failed without saying why"
  fi
  bazel_in "${ob1}" "${tmp}/shutdown1.log" shutdown

  echo "=== 4. output base 2, empty, remote cache only (nginx)"
  start=${SECONDS}
  build_tool "${ob2}" || exit 1
  if bazel_in "${ob2}" "${tmp}/build4.log" build "${lint_flags[@]}" "${remote}" \
      --execution_log_json_file="${tmp}/exec4.json" //...; then
    expect_lint_spawns "${tmp}/exec4.json" 0 "${EXPECTED_LINT_ACTIONS}" \
      "fresh output base + nginx"
    cmp -s "${tmp}/account_report.first" \
      "${ob2}/execroot/lint_workspace/bazel-out/k8-fastbuild/bin/account/account.concurrency_lint.txt" &&
      pass "the cached report is the first build's" ||
      fail "the report from the remote cache differs from the first build's"
  else
    show_log "${tmp}/build4.log"
    fail "build against the remote cache failed"
  fi
  echo "    ($((SECONDS - start))s)"
  bazel_in "${ob2}" "${tmp}/shutdown2.log" shutdown
  if grep -q '"PUT /ac/' "${tmp}/nginx/access.log" &&
      grep -q '"GET /ac/[0-9a-f]* HTTP/1.1" 200' "${tmp}/nginx/access.log"; then
    pass "nginx stored and served action results"
  else
    fail "nginx's access log shows no stored and served action result"
  fi

  echo "=== 5. output base 3, empty, disk cache only"
  start=${SECONDS}
  build_tool "${ob3}" || exit 1
  if bazel_in "${ob3}" "${tmp}/build5.log" build "${lint_flags[@]}" \
      --disk_cache="${disk}" --execution_log_json_file="${tmp}/exec5.json" //...; then
    expect_lint_spawns "${tmp}/exec5.json" 0 "${EXPECTED_LINT_ACTIONS}" \
      "fresh output base + disk cache"
  else
    show_log "${tmp}/build5.log"
    fail "build against the disk cache failed"
  fi
  echo "    ($((SECONDS - start))s)"

  if [[ ${failures} -eq 0 ]]; then
    echo "aspect_test: PASS"
  else
    echo "aspect_test: ${failures} check(s) failed" >&2
    exit 1
  fi
}

main "$@"
