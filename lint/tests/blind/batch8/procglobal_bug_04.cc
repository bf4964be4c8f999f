// Tests for the number and currency formatter. Formatting follows the
// user's locale, so each case switches to the locale it checks.

#include <gtest/gtest.h>

#include <clocale>
#include <cstdio>
#include <locale>
#include <sstream>
#include <string>

namespace i18n {

std::string FormatDecimal(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.*f", digits, v);
  return buf;
}

std::string FormatGrouped(long long v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace i18n

struct LocaleCase {
  const char* locale;
  const char* expected_decimal;
};

class DecimalFormatTest : public ::testing::TestWithParam<LocaleCase> {};

TEST_P(DecimalFormatTest, UsesLocaleDecimalPoint) {
  if (setlocale(LC_NUMERIC, GetParam().locale) == nullptr) {  // EXPECT: concurrency-process-global-in-test
    GTEST_SKIP() << "locale not installed: " << GetParam().locale;
  }
  EXPECT_EQ(i18n::FormatDecimal(3.25, 2), GetParam().expected_decimal);
  setlocale(LC_NUMERIC, "C");  // EXPECT: concurrency-process-global-in-test
}

INSTANTIATE_TEST_SUITE_P(Locales, DecimalFormatTest,
                         ::testing::Values(LocaleCase{"C", "3.25"},
                                           LocaleCase{"de_DE.UTF-8", "3,25"}));

TEST(GroupedFormatTest, GroupsThousandsInEnUs) {
  try {
    std::locale::global(std::locale("en_US.UTF-8"));  // EXPECT: concurrency-process-global-in-test
  } catch (const std::runtime_error&) {
    GTEST_SKIP() << "en_US.UTF-8 not installed";
  }
  EXPECT_EQ(i18n::FormatGrouped(1234567), "1,234,567");
  std::locale::global(std::locale::classic());  // EXPECT: concurrency-process-global-in-test
}
