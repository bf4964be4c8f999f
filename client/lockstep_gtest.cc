#include "client/lockstep_gtest.h"

#include "absl/strings/str_cat.h"
#include "gtest/gtest-spi.h"

namespace lockstep::internal {

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
  if (!result.passed) ADD_FAILURE() << result.Report(name);
}

}  // namespace lockstep::internal
