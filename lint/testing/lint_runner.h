// Runs lockstep's checks in-process on a snippet of C++, for tests.
#ifndef LOCKSTEP_LINT_TESTING_LINT_RUNNER_H_
#define LOCKSTEP_LINT_TESTING_LINT_RUNNER_H_

#include <map>
#include <string>
#include <vector>

namespace lockstep::lint::testing {

struct Note {
  int line = 0;
  std::string message;
};

struct Finding {
  int line = 0;
  int column = 0;
  std::string check;  // "concurrency-unguarded-field", or clang-diagnostic-*
  std::string message;
  std::vector<Note> notes;
};

// Lints `code` as the file /lockstep_test/input.cc (C++17, real system
// headers) with the given checks glob, and returns the findings in source
// order. Compiler errors come back as findings of "clang-diagnostic-error".
// `check_options` are set as in a .clang-tidy file's CheckOptions
// ("concurrency-thread-leak.UnwokenWaits" -> "false").
std::vector<Finding> RunLint(
    const std::string& code, const std::string& checks,
    const std::vector<std::string>& extra_args = {},
    const std::map<std::string, std::string>& check_options = {});

// The clang -Wthread-safety -Wthread-safety-beta warnings on `code` that no
// lockstep finding shares a line with, found in one run of every lockstep
// check (with ReportClangDisagreements on) and of clang's own diagnostics.
// Empty when the lint says at least everything clang says.
std::vector<Finding> ThreadSafetyWarningsTheLintMisses(
    const std::string& code, const std::vector<std::string>& extra_args = {});

// The 1-based lines of `code` that carry the marker comment "// WARN".
std::vector<int> MarkedLines(const std::string& code);

// The lines of `findings`, for comparison with MarkedLines.
std::vector<int> LinesOf(const std::vector<Finding>& findings);

// Renders findings for test failure messages.
std::string Describe(const std::vector<Finding>& findings);

}  // namespace lockstep::lint::testing

#endif  // LOCKSTEP_LINT_TESTING_LINT_RUNNER_H_
