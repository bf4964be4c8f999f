// Godot-style string formatting tests, typed over the numeric types: each
// test imbues its own stream with the locale it needs instead of changing
// the global one, and writes its files under TempDir() with unique names.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <locale>
#include <sstream>
#include <string>

#include "mock/godot_os.h"

template <typename T>
class StringFormatTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "godot_fmt_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".txt";
  }

  void TearDown() override { unlink(path_.c_str()); }

  String path_;
};

using NumericTypes = ::testing::Types<int32_t, int64_t, double>;
TYPED_TEST_SUITE(StringFormatTest, NumericTypes);

TYPED_TEST(StringFormatTest, ClassicLocaleUsesDot) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << static_cast<TypeParam>(1) / 2 + 1;
  EXPECT_EQ(out.str().find(','), std::string::npos);
}

TYPED_TEST(StringFormatTest, RoundTripsThroughFile) {
  {
    std::ofstream file(this->path_);
    file.imbue(std::locale::classic());
    file << static_cast<TypeParam>(42);
  }
  std::ifstream in(this->path_);
  TypeParam value{};
  in >> value;
  EXPECT_EQ(value, static_cast<TypeParam>(42));
}
