#include "client/lockstep_gtest.h"

#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "client/reproduce.h"
#include "gtest/gtest-spi.h"

namespace lockstep::internal {
namespace {

// Where GoogleTest shows a failure: its origin when that is a file:line
// (an EXPECT_* or LOCKSTEP_ASSERT in the user's code), else the test.
std::pair<std::string, int> FailureLocation(const std::string& origin) {
  const ::testing::TestInfo* test =
      ::testing::UnitTest::GetInstance()->current_test_info();
  std::pair<std::string, int> location(
      test != nullptr && test->file() != nullptr ? test->file() : "unknown",
      test != nullptr ? test->line() : 0);
  size_t colon = origin.rfind(':');
  int line = 0;
  if (colon != std::string::npos && colon > 0 &&
      absl::SimpleAtoi(origin.substr(colon + 1), &line) && line > 0) {
    location = {origin.substr(0, colon), line};
  }
  return location;
}

}  // namespace

void RunGtestProperty(const std::string& name,
                      const std::function<void(TestCase&)>& body,
                      const Settings& settings) {
  Result result = Check(
      name,
      [&body](TestCase& tc) {
        ::testing::TestPartResultArray failures;
        {
          // Only this thread's failures: other properties run concurrently.
          ::testing::ScopedFakeTestPartResultReporter intercept(
              ::testing::ScopedFakeTestPartResultReporter::
                  INTERCEPT_ONLY_CURRENT_THREAD,
              &failures);
          body(tc);
        }
        for (int i = 0; i < failures.size(); ++i) {
          const ::testing::TestPartResult& failure =
              failures.GetTestPartResult(i);
          if (!failure.failed()) continue;
          throw AssertionFailure(
              failure.summary(),
              absl::StrCat(failure.file_name() != nullptr ? failure.file_name()
                                                          : "unknown file",
                           ":", failure.line_number()));
        }
      },
      settings);
  if (result.passed) return;
  Environment environment = ProcessEnvironment();
  // Check resolved the same settings; resolving again only re-reads them.
  absl::StatusOr<ResolvedSettings> resolved = Resolve(settings, environment);
  std::string reproduce =
      resolved.ok()
          ? ReproduceCommands(result.seed, name, *resolved, environment)
          : "";
  std::string footer;
  if (!result.shrink_stop_reason.empty()) {
    absl::StrAppend(&footer, "  shrinking stopped (", result.shrink_stop_reason,
                    ") after ", result.shrink_calls, " calls\n");
  }
  for (const std::string& problem : result.database_problems) {
    absl::StrAppend(&footer, "  example database: ", problem, "\n");
  }
  for (const Failure& failure : result.failures) {
    auto [file, line] = FailureLocation(failure.origin);
    std::string message = absl::StrCat(
        "lockstep: property '", name, "' failed",
        failure.explicit_example > 0
            ? absl::StrCat(" on explicit example ", failure.explicit_example)
            : "",
        ":\n", failure.message, "\n", failure.example);
    if (failure.explicit_example == 0) {
      absl::StrAppend(&message, reproduce, footer);
    }
    ADD_FAILURE_AT(file.c_str(), line) << message;
  }
  if (!result.error.empty()) {
    auto [file, line] = FailureLocation("");
    ADD_FAILURE_AT(file.c_str(), line)
        << "lockstep: property '" << name << "': " << result.error;
  }
}

}  // namespace lockstep::internal
