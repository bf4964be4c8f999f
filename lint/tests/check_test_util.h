// Shared assertions for the per-check tests: a finding is expected exactly on
// the lines marked "// WARN".
#ifndef LOCKSTEP_LINT_TESTS_CHECK_TEST_UTIL_H_
#define LOCKSTEP_LINT_TESTS_CHECK_TEST_UTIL_H_

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/testing/lint_runner.h"

namespace lockstep::lint::testing {

// Headers most snippets need; included in front of each snippet, so marked
// line numbers count from the snippet's own first line after the prelude.
inline constexpr char kPrelude[] =
    "#include <condition_variable>\n"
    "#include <functional>\n"
    "#include <memory>\n"
    "#include <mutex>\n"
    "#include <shared_mutex>\n"
    "#include <string>\n"
    "#include <thread>\n"
    "#include <vector>\n"
    "#include <atomic>\n"
    "#include <optional>\n"
    "#include \"absl/base/call_once.h\"\n"
    "#include \"absl/base/thread_annotations.h\"\n"
    "#include \"absl/synchronization/mutex.h\"\n";

// Runs `check` on kPrelude + `snippet` and returns its findings (compiler
// errors included, so a snippet that does not compile fails the test).
inline std::vector<Finding> Lint(const std::string& snippet,
                                 const std::string& check) {
  return RunLint(std::string(kPrelude) + snippet,
                 check + ",clang-diagnostic-error");
}

// Expects findings exactly on the marked lines of kPrelude + `snippet`, and
// no warning of clang's -Wthread-safety that the lint does not also give.
#define EXPECT_FINDINGS_AT_MARKERS(snippet, check)                            \
  do {                                                                        \
    const std::string code_ = std::string(kPrelude) + (snippet);              \
    const std::vector<Finding> findings_ = Lint((snippet), (check));          \
    EXPECT_EQ(LinesOf(findings_), MarkedLines(code_)) << Describe(findings_); \
    const std::vector<Finding> missed_ =                                      \
        ThreadSafetyWarningsTheLintMisses(code_);                             \
    EXPECT_TRUE(missed_.empty())                                              \
        << "clang's -Wthread-safety warns where the lint is silent:\n"        \
        << Describe(missed_);                                                 \
  } while (false)

}  // namespace lockstep::lint::testing

#endif  // LOCKSTEP_LINT_TESTS_CHECK_TEST_UTIL_H_
