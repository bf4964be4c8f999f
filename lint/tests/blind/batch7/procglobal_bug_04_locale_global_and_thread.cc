// Tests of the report number formatting under several locales.

#include <clocale>
#include <locale>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "mock/number_format.h"

namespace report {
namespace {

class GermanLocaleTest : public ::testing::TestWithParam<const char*> {};

TEST_P(GermanLocaleTest, UsesGermanSeparators) {
  std::locale::global(std::locale(GetParam()));  // EXPECT: concurrency-process-global-in-test
  EXPECT_EQ(FormatAmount(1234567.891, 2), "1.234.567,89");
  std::locale::global(std::locale::classic());  // EXPECT: concurrency-process-global-in-test
}

INSTANTIATE_TEST_SUITE_P(GermanSpeaking, GermanLocaleTest,
                         ::testing::Values("de_DE.UTF-8", "de_AT.UTF-8", "de_CH.UTF-8"));

TEST(NumberFormatTest, ParsesInParallelWithCLocale) {
  const std::vector<std::string> inputs = {"1.5", "2.25", "1e3", "-0.125"};
  std::vector<double> parsed(inputs.size());
  std::vector<std::thread> parsers;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const std::string* input = &inputs[i];
    double* slot = &parsed[i];
    parsers.emplace_back([input, slot] {
      setlocale(LC_NUMERIC, "C");  // EXPECT: concurrency-process-global-in-test
      ParseAmount(*input, slot);
    });
  }
  for (std::thread& parser : parsers) {
    parser.join();
  }
  EXPECT_DOUBLE_EQ(parsed[3], -0.125);
}

}  // namespace
}  // namespace report
