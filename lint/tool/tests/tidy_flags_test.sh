#!/bin/bash
# clang-tidy's options on the standalone tool: --line-filter, --use-color,
# --dump-config, --explain-config, --config-file, --quiet, --version; the
# "no checks enabled" error; errors that name the program once; the --help
# overview.
#
# Usage: tidy_flags_test.sh LINT_BINARY TESTDATA_DIR
set -u
# shellcheck source=lint/tool/tests/cli_test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/cli_test_lib.sh"
lint=$(realpath "$1")
testdata=$(realpath "$2")
work="${TEST_TMPDIR:-$(mktemp -d)}/tidy_flags"
rm -rf "${work}" && mkdir -p "${work}" && cp "${testdata}"/*.cc "${work}/"
cd "${work}"

# racy_counter.cc has findings on lines 13 (unguarded-field) and 15
# (lazy-init-race).
unguarded="racy_counter.cc:13:29: warning: field 'count_'"
lazy="racy_counter.cc:15:10: warning: lazy initialization"

if run line-filter 0 --line-filter='[{"name":"racy_counter.cc","lines":[[14,16]]}]' \
    racy_counter.cc -- -std=c++17; then
  expect_text "--line-filter keeps the finding on its lines" "${lazy}"
  expect_no_text "--line-filter drops the finding off its lines" "${unguarded}"
fi
if run line-filter-whole-file 0 --line-filter='[{"name":"racy_counter.cc"}]' \
    racy_counter.cc -- -std=c++17; then
  expect_text "a file without lines is reported whole (1)" "${lazy}"
  expect_text "a file without lines is reported whole (2)" "${unguarded}"
fi
if run line-filter-other-file 0 --line-filter='[{"name":"other.cc","lines":[[1,99]]}]' \
    racy_counter.cc -- -std=c++17; then
  expect_no_text "a file the filter does not name reports nothing" "warning:"
fi
if run line-filter-bad 1 --line-filter='[{"name":' racy_counter.cc -- -std=c++17; then
  expect_text "a malformed --line-filter is an error" "concurrency-lint: error: invalid --line-filter"
fi

esc=$(printf '\033[')
if run use-color 0 --use-color racy_counter.cc -- -std=c++17; then
  if grep -qF "${esc}" out.txt; then pass "--use-color colours the report"; else
    fail "--use-color: no ANSI escape"
  fi
fi
if run no-color 0 --use-color=false racy_counter.cc -- -std=c++17; then
  if grep -qF "${esc}" out.txt; then fail "--use-color=false: ANSI escape"; else
    pass "--use-color=false, and not a terminal: no colour"
  fi
fi

if run dump-config 0 --dump-config racy_counter.cc; then
  expect_text "--dump-config prints the checks" "Checks:          '-*,concurrency-unguarded-field"
  expect_text "--dump-config prints check options" "concurrency-unguarded-field.SuggestAnnotations"
fi
printf "Checks: '-concurrency-thread-leak'\n" >.clang-tidy
if run dump-config-file 0 --dump-config racy_counter.cc; then
  expect_text "--dump-config merges .clang-tidy" "-concurrency-thread-leak"
fi
if run explain-config 0 --explain-config --checks=concurrency-thread-leak racy_counter.cc; then
  expect_text "--explain-config names the default" \
    "'concurrency-unguarded-field' is enabled in the clang-tidy binary."
  expect_text "--explain-config names the command line" \
    "'concurrency-thread-leak' is enabled in the command-line option '-checks'."
fi
rm .clang-tidy

printf "Checks: '-concurrency-lazy-init-race'\n" >lint-config.yaml
if run config-file 0 --config-file=lint-config.yaml racy_counter.cc -- -std=c++17; then
  expect_no_text "--config-file disables a check" "[concurrency-lazy-init-race]"
  expect_text "--config-file keeps the others" "[concurrency-unguarded-field]"
fi
if run config-file-missing 1 --config-file=missing.yaml racy_counter.cc -- -std=c++17; then
  expect_text "a missing --config-file is named" "cannot read --config-file 'missing.yaml'"
fi
if run config-and-config-file 1 --config-file=lint-config.yaml --config='{}' \
    racy_counter.cc -- -std=c++17; then
  expect_text "--config and --config-file exclude each other" "cannot be combined"
fi

if run quiet 0 --quiet racy_counter.cc -- -std=c++17; then
  expect_no_text "--quiet drops the statistics" "finding(s) in"
  expect_text "--quiet keeps the findings" "${unguarded}"
fi

# A configuration that disables every check is clang-tidy's error.
if run no-checks 1 --checks='-*' racy_counter.cc -- -std=c++17; then
  expect_text "no checks: clang-tidy's error" "Error: no checks enabled."
  expect_no_text "no checks: no statistics" "finding(s)"
fi
printf "Checks: '-*'\n" >none.yaml
if run no-checks-config 1 --config-file=none.yaml racy_counter.cc -- -std=c++17; then
  expect_text "no checks from a config file" "Error: no checks enabled."
fi
if run no-checks-list 1 --checks='-*' --list-checks; then
  expect_text "--list-checks with no checks" "no checks enabled"
fi

if run bad-option 1 --no-such-option racy_counter.cc --; then
  expect_text "names the bad option" "Unknown command line argument '--no-such-option'"
  expect_no_text "names the program once" "concurrency-lint: concurrency-lint"
fi
if run bad-config 1 --config='{{{' racy_counter.cc --; then
  expect_text "a bad --config names the program once" "concurrency-lint: error: invalid --config"
  expect_no_text "and only once" "concurrency-lint: concurrency-lint"
fi

if run version 0 --version; then
  expect_text "--version names the lint's version" "concurrency-lint 0."
fi

if run help 0 --help; then
  for check in unguarded-field lazy-init-race closure-captures-mutable \
      use-after-close thread-leak lock-balance process-global-in-test; do
    expect_text "the overview names concurrency-${check}" "  concurrency-${check} "
  done
  expect_text "the overview says the plugin finds nothing across files" \
    "nothing across files"
  expect_text "documents --line-filter" "--line-filter"
  expect_text "documents -j" "-j=<N>"
fi

echo "tidy flags: ${failures} failure(s)."
[[ ${failures} -eq 0 ]]
