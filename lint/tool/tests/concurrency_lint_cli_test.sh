#!/bin/bash
# The concurrency-lint command line, end to end: findings, exit status, bad
# input (missing, unreadable or unparsable files, directories, a missing
# compile_commands.json entry), .clang-tidy files, --export-fixes.
#
# Usage: concurrency_lint_cli_test.sh LINT_BINARY TESTDATA_DIR
set -u
# shellcheck source=lint/tool/tests/cli_test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"
lint=$(realpath "$1")
testdata=$(realpath "$2")
work="${TEST_TMPDIR:-$(mktemp -d)}/cli"
rm -rf "${work}" && mkdir -p "${work}" && cp "${testdata}"/*.cc "${work}/"
cd "${work}"


if run findings 0 racy_counter.cc -- -std=c++17; then
  expect_text "reports the unguarded read" \
    "racy_counter.cc:13:29: warning: field 'count_' is read in 'RacyCounter::Peek' without holding 'mu_'; 2 of its 3 accesses hold 'mu_', so it is inferred to guard 'count_' [concurrency-unguarded-field]"
  expect_text "notes the evidence" \
    "racy_counter.cc:7:7: note: 'count_' is written while holding 'mu_' here, in 'RacyCounter::Add'"
  expect_text "reports the lazy init" "[concurrency-lazy-init-race]"
fi

if run help 0 --help; then
  # The --checks text is built at start-up; it must print intact.
  expect_text "documents --checks" \
    "Comma-separated globs of checks to enable (prefix '-' to disable),"
  expect_text "lists the default checks" "concurrency-lock-balance"
fi

if run one-finding-per-line 0 closed_while_synced.cc -- -std=c++17; then
  expect_text "reports the use after close" \
    "closed_while_synced.cc:25:13: warning: 'fd_' is used in 'Journal::SyncLoop' and closed in 'Journal::Close'"
  expect_no_text "drops the same race under the general check" \
    "closed_while_synced.cc:25:13: warning: field 'fd_'"
fi
if run general-check-alone 0 --checks=-concurrency-use-after-close \
    closed_while_synced.cc -- -std=c++17; then
  expect_text "reports the race when the specific check is off" \
    "closed_while_synced.cc:25:13: warning: field 'fd_' is read in 'Journal::SyncLoop' without holding 'mu_'"
fi

if run clean-file 0 clean.cc -- -std=c++17; then
  expect_no_text "no findings in clean code" "warning:"
fi

if run warnings-as-errors 1 --warnings-as-errors='concurrency-*' racy_counter.cc -- -std=c++17; then
  expect_text "promotes findings" "[concurrency-unguarded-field,-warnings-as-errors]"
fi

if run checks-flag 0 --checks=-concurrency-lazy-init-race racy_counter.cc -- -std=c++17; then
  expect_no_text "--checks disables a check" "[concurrency-lazy-init-race]"
  expect_text "--checks keeps the others" "[concurrency-unguarded-field]"
fi

if run missing-file 1 no_such_file.cc racy_counter.cc -- -std=c++17; then
  expect_text "names the missing file" "concurrency-lint: error: cannot open 'no_such_file.cc': no such file"
  expect_text "still analyses the other files" "[concurrency-unguarded-field]"
fi

mkdir -p a_directory.cc
if run directory 1 a_directory.cc clean.cc -- -std=c++17; then
  expect_text "rejects a directory" "'a_directory.cc' is a directory, not a source file"
fi

if [[ $(id -u) -ne 0 ]]; then
  cp clean.cc unreadable.cc && chmod 000 unreadable.cc
  if run unreadable 1 unreadable.cc racy_counter.cc -- -std=c++17; then
    expect_text "names the unreadable file" "cannot read 'unreadable.cc'"
    expect_text "still analyses the other files" "[concurrency-unguarded-field]"
  fi
else
  echo "NOTE: running as root, which reads any file: the unreadable-file case needs a non-root user."
fi

if run does-not-parse 1 does_not_parse.cc racy_counter.cc -- -std=c++17; then
  expect_text "reports the compile error" "does_not_parse.cc:5:13: error: expected ')'"
  expect_text "says findings may be incomplete" "some files did not compile"
  expect_text "still analyses the other files" "[concurrency-unguarded-field]"
fi

mkdir -p build
cat >build/compile_commands.json <<JSON
[{"directory": "${work}", "file": "${work}/racy_counter.cc",
  "arguments": ["clang++", "-std=c++17", "-c", "racy_counter.cc"]}]
JSON
if run compile-commands 0 -p build racy_counter.cc; then
  expect_text "-p reads compile_commands.json" "[concurrency-unguarded-field]"
fi
if run missing-entry 1 -p build clean.cc racy_counter.cc; then
  expect_text "names the file without an entry" "no entry for 'clean.cc' in compile_commands.json"
  expect_text "still analyses the other files" "[concurrency-unguarded-field]"
fi
echo "not json" >build/compile_commands.json
if run broken-database 1 -p build racy_counter.cc; then
  expect_text "reports an unreadable database" "cannot load the compilation database in 'build'"
fi

printf "Checks: '-concurrency-lazy-init-race'\n" >.clang-tidy
if run clang-tidy-file 0 racy_counter.cc -- -std=c++17; then
  expect_no_text ".clang-tidy disables a check" "[concurrency-lazy-init-race]"
  expect_text ".clang-tidy keeps the others" "[concurrency-unguarded-field]"
fi
rm .clang-tidy

if run export-fixes 0 --export-fixes=fixes.yaml racy_counter.cc -- -std=c++17; then
  if grep -q "DiagnosticName:  *concurrency-unguarded-field" fixes.yaml; then
    pass "--export-fixes writes the findings"
  else
    cp fixes.yaml out.txt && fail "--export-fixes: no concurrency-unguarded-field entry"
  fi
fi

if run list-checks 0 --list-checks; then
  expect_text "lists unguarded-field" "concurrency-unguarded-field"
  expect_text "lists lazy-init-race" "concurrency-lazy-init-race"
  expect_no_text "enables nothing else by default" "clang-analyzer"
fi

if run no-inputs 1; then
  expect_text "asks for input files" "no input files"
fi
if run bad-option 1 --no-such-option racy_counter.cc --; then
  expect_text "names the bad option" "no-such-option"
fi
if run bad-config 1 --config='{{{' racy_counter.cc --; then
  expect_text "names the bad --config" "invalid --config"
fi

# Findings in the project's headers are reported; in system headers (and
# third_party/) they are not.
mkdir -p include sys third_party/lib
for dir in include sys third_party/lib; do
  cat >"${dir}/racy_header.h" <<'HEADER'
#include <mutex>
class RacyHeader {
 public:
  void A() { std::lock_guard<std::mutex> l(m_); ++n_; }
  void B() { std::lock_guard<std::mutex> l(m_); --n_; }
  int Peek() { return n_; }
 private:
  std::mutex m_;
  int n_ = 0;
};
HEADER
done
printf '#include "racy_header.h"\nint UseIt() { return RacyHeader().Peek(); }\n' >uses_header.cc
if run project-header 0 uses_header.cc -- -std=c++17 -Iinclude; then
  expect_text "reports the project's header" "include/racy_header.h:6:23: warning: field 'n_' is read"
fi
if run system-header 0 uses_header.cc -- -std=c++17 -isystem sys; then
  expect_no_text "skips system headers" "warning:"
fi
if run third-party-header 0 uses_header.cc -- -std=c++17 -Ithird_party/lib; then
  expect_no_text "skips third_party/" "warning:"
fi

# A checkout under /tmp: __FILE__ expands to a /tmp path the test never
# chose, which is not a hard-coded temporary path; a literal one is.
checkout=$(mktemp -d)
trap 'rm -rf "${checkout}"' EXIT
cat >"${checkout}/where_test.cc" <<'TEST'
#include <fstream>
#include <string>
#include "gtest/gtest.h"
TEST(Where, File) {
  std::string self = __FILE__;
  std::ofstream out("/tmp/where-output.txt");
  EXPECT_FALSE(self.empty());
}
TEST
if run file-macro 0 --checks=-*,concurrency-process-global-in-test \
    "${checkout}/where_test.cc" -- -std=c++17; then
  expect_text "flags the literal /tmp path" \
    "where_test.cc:6:21: warning: hard-coded temporary path '/tmp/where-output.txt'"
  expect_no_text "not __FILE__ of a checkout under /tmp" "where_test.cc:5:"
fi

echo "concurrency-lint CLI: ${failures} failure(s)."
[[ ${failures} -eq 0 ]]
