#!/bin/bash
# -p with a compile_commands.json as build systems write it: a header named
# on the command line is analysed through a source that includes it (and
# only the header's findings are reported); flags that clang's driver does
# not know (GCC's, as Bazel's default toolchain passes them) are dropped
# instead of failing the file.
#
# Usage: compile_database_test.sh LINT_BINARY
set -u
# shellcheck source=lint/tool/tests/cli_test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"
lint=$(realpath "$1")
work="${TEST_TMPDIR:-$(mktemp -d)}/compile_database"
rm -rf "${work}" && mkdir -p "${work}/src/queue" "${work}/src/other" "${work}/build"
cd "${work}"


# A header whose inline methods race, and a source with its own race.
cat >src/queue/work_queue.h <<'HEADER'
#pragma once
#include <mutex>
class WorkQueue {
 public:
  void Push() { std::lock_guard<std::mutex> l(mu_); ++size_; }
  void Pop() { std::lock_guard<std::mutex> l(mu_); --size_; }
  int Size() const { return size_; }
 private:
  mutable std::mutex mu_;
  int size_ = 0;
};
HEADER
cat >src/queue/work_queue.cc <<'SOURCE'
#include "queue/work_queue.h"
#include <mutex>
class Local {
 public:
  void A() { std::lock_guard<std::mutex> l(m_); ++n_; }
  void B() { std::lock_guard<std::mutex> l(m_); --n_; }
  int Peek() { return n_; }
 private:
  std::mutex m_;
  int n_ = 0;
};
int UseQueue() { WorkQueue q; q.Push(); return q.Size() + Local().Peek(); }
SOURCE
# A nearer-named source that does not include the header, to show the
# lookup reads includes rather than guessing from names.
cat >src/other/work_queue_test.cc <<'SOURCE'
int Unrelated() { return 0; }
SOURCE
printf '#pragma once\nint Lonely();\n' >src/queue/lonely.h

# GCC-only flags as Bazel's GCC toolchain writes them, around real ones.
cat >build/compile_commands.json <<JSON
[{"directory": "${work}", "file": "src/queue/work_queue.cc",
  "arguments": ["/usr/bin/gcc", "-std=c++17", "-fno-canonical-system-headers",
                "-Wno-free-nonheap-object", "-fconserve-stack",
                "-fno-tree-pre", "-Isrc", "-c", "src/queue/work_queue.cc"]},
 {"directory": "${work}", "file": "src/other/work_queue_test.cc",
  "arguments": ["/usr/bin/gcc", "-std=c++17", "-c", "src/other/work_queue_test.cc"]}]
JSON

if run gcc-flags 0 -p build src/queue/work_queue.cc; then
  expect_text "the file with GCC flags is analysed" \
    "src/queue/work_queue.cc:7:23: warning: field 'n_' is read"
  expect_no_text "no unknown-argument error" "unknown argument"
  expect_text "the dropped flags are named, with the reason" \
    "dropped compiler flags that clang does not know: -fconserve-stack -fno-canonical-system-headers -fno-tree-pre"
  expect_no_text "a flag clang knows is kept" "-Wno-free-nonheap-object"
fi
if run gcc-flags-quiet 0 --quiet -p build src/queue/work_queue.cc; then
  expect_no_text "--quiet drops the note" "dropped compiler flags"
fi
# The same flags after --: the fixed database is cleaned the same way.
if run gcc-flags-fixed 0 src/queue/work_queue.cc -- -std=c++17 -Isrc \
    -fno-canonical-system-headers; then
  expect_text "flags after -- are cleaned too" "warning: field 'n_' is read"
fi

if run header 0 -p build src/queue/work_queue.h; then
  expect_text "the header is analysed through its includer" \
    "src/queue/work_queue.h:7:29: warning: field 'size_' is read in 'WorkQueue::Size' without holding 'mu_'"
  expect_no_text "the includer's own findings are not reported" "work_queue.cc:"
  expect_text "one file analysed" "1 finding(s) in 1 file(s) analysed."
fi
if run header-and-source 0 -p build src/queue/work_queue.h src/queue/work_queue.cc; then
  expect_text "with its source: the header's finding" "work_queue.h:7:29: warning"
  expect_text "with its source: the source's finding" "work_queue.cc:7:23: warning"
  expect_text "each finding once" "2 finding(s) in 2 file(s) analysed."
fi
if run header-line-filter 0 -p build \
    --line-filter='[{"name":"work_queue.h","lines":[[1,3]]}]' src/queue/work_queue.h; then
  expect_no_text "--line-filter applies to the header" "warning:"
fi
if run header-sarif 0 -p build --format=sarif src/queue/work_queue.h; then
  expect_text "SARIF names the header" '"uri": "src/queue/work_queue.h"'
fi
if run header-parallel 0 -p build -j 2 src/queue/work_queue.h src/other/work_queue_test.cc; then
  expect_text "-j: the header through its includer" "work_queue.h:7:29: warning"
  expect_no_text "-j: not the includer's findings" "work_queue.cc:"
fi
if run lonely-header 1 -p build src/queue/lonely.h; then
  expect_text "a header no source includes is named" \
    "no source in compile_commands.json includes 'src/queue/lonely.h'"
fi

echo "compile database: ${failures} failure(s)."
[[ ${failures} -eq 0 ]]
