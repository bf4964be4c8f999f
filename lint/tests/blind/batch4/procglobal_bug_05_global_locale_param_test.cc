// Tests that the number formatter honours the user's locale for grouping
// and decimal separators.

#include <gtest/gtest.h>

#include <clocale>
#include <locale>
#include <sstream>
#include <string>

namespace report {

std::string FormatAmount(double amount) {
  std::ostringstream out;
  out.imbue(std::locale());
  out.setf(std::ios::fixed);
  out.precision(2);
  out << amount;
  return out.str();
}

namespace {

struct LocaleCase {
  const char* locale_name;
  const char* expected;
};

class FormatAmountLocaleTest : public ::testing::TestWithParam<LocaleCase> {};

TEST_P(FormatAmountLocaleTest, UsesLocaleSeparators) {
  const LocaleCase& c = GetParam();
  try {
    std::locale::global(std::locale(c.locale_name));  // EXPECT: concurrency-process-global-in-test
  } catch (const std::runtime_error&) {
    GTEST_SKIP() << "locale " << c.locale_name << " not installed";
  }
  EXPECT_EQ(FormatAmount(1234.5), c.expected);
  std::locale::global(std::locale::classic());  // EXPECT: concurrency-process-global-in-test
}

INSTANTIATE_TEST_SUITE_P(Locales, FormatAmountLocaleTest,
                         ::testing::Values(LocaleCase{"C", "1234.50"},
                                           LocaleCase{"de_DE.UTF-8", "1.234,50"}));

TEST(FormatAmountTest, CLocaleHasNoGrouping) {
  setlocale(LC_ALL, "C");  // EXPECT: concurrency-process-global-in-test
  EXPECT_EQ(FormatAmount(1000000.0), "1000000.00");
}

}  // namespace
}  // namespace report
