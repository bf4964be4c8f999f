#!/bin/bash
# Fails when the client libraries' dependency closure (computed by Bazel,
# first argument) reaches the engine or its server, or when lockstep_gtest's
# (second argument) no longer carries the engine binary for its tests.
set -u
library_deps=$1
gtest_deps=$2
status=0
if [[ ! -s "${library_deps}" ]]; then
  echo "FAIL: ${library_deps} is empty: the query found nothing" >&2
  exit 1
fi
if ! grep -qx '//client:lockstep' "${library_deps}"; then
  echo "FAIL: //client:lockstep is not in its own closure" >&2
  status=1
fi
if ! grep -qx '//server_bridge/protocol:protocol' "${library_deps}"; then
  echo "FAIL: the client no longer depends on the protocol core" >&2
  status=1
fi
leaks=$(grep -E '^//server_bridge/(engine|server)[:/]' "${library_deps}")
if [[ -n "${leaks}" ]]; then
  echo "FAIL: the client libraries depend on engine code:" >&2
  echo "${leaks}" >&2
  status=1
fi
if ! grep -qx '//server_bridge/server:lockstep-engine' "${gtest_deps}"; then
  echo "FAIL: //client:lockstep_gtest does not bring the engine binary" >&2
  status=1
fi
[[ ${status} -eq 0 ]] && echo "PASS: the client links no engine code"
exit ${status}
