// Minimal mock of GoogleTest's public shape: ::testing::Test, TEST, TEST_F,
// TEST_P, the assertion macros and death tests. Not the real framework.
#pragma once
#include <string>

namespace testing {

class Test {
 public:
  virtual ~Test() = default;
  static void SetUpTestSuite() {}
  static void TearDownTestSuite() {}
  virtual void TestBody() = 0;

 protected:
  Test() = default;
  virtual void SetUp() {}
  virtual void TearDown() {}
};

template <typename T>
class TestWithParam : public Test {
 public:
  const T& GetParam() const;
};

std::string TempDir();

namespace internal {
bool Check(bool cond, const char* expr);
bool InDeathTestChild();
bool DeathTestMatches(const char* regex);
int RegisterTest(const char* suite, const char* name);
}  // namespace internal

}  // namespace testing

#define GTEST_TEST_CLASS_NAME_(suite, name) suite##_##name##_Test

#define GTEST_TEST_(suite, name, parent)                                   \
  class GTEST_TEST_CLASS_NAME_(suite, name) : public parent {              \
   public:                                                                 \
    GTEST_TEST_CLASS_NAME_(suite, name)() = default;                       \
                                                                           \
   private:                                                                \
    void TestBody() override;                                              \
  };                                                                       \
  static int suite##_##name##_registered_ =                                \
      ::testing::internal::RegisterTest(#suite, #name);                    \
  void GTEST_TEST_CLASS_NAME_(suite, name)::TestBody()

#define TEST(suite, name) GTEST_TEST_(suite, name, ::testing::Test)
#define TEST_F(fixture, name) GTEST_TEST_(fixture, name, fixture)
#define TEST_P(fixture, name) GTEST_TEST_(fixture, name, fixture)

#define EXPECT_TRUE(c) ::testing::internal::Check(static_cast<bool>(c), #c)
#define EXPECT_FALSE(c) ::testing::internal::Check(!(c), #c)
#define ASSERT_TRUE(c) \
  if (!::testing::internal::Check(static_cast<bool>(c), #c)) return
#define ASSERT_FALSE(c) \
  if (!::testing::internal::Check(!(c), #c)) return
#define EXPECT_EQ(a, b) ::testing::internal::Check((a) == (b), #a " == " #b)
#define EXPECT_NE(a, b) ::testing::internal::Check((a) != (b), #a " != " #b)
#define ASSERT_EQ(a, b) \
  if (!::testing::internal::Check((a) == (b), #a " == " #b)) return
#define EXPECT_GT(a, b) ::testing::internal::Check((a) > (b), #a " > " #b)

#define EXPECT_DEATH(statement, regex)                         \
  do {                                                         \
    if (::testing::internal::InDeathTestChild()) {             \
      statement;                                               \
    }                                                          \
    ::testing::internal::DeathTestMatches(regex);              \
  } while (0)
#define ASSERT_DEATH(statement, regex) EXPECT_DEATH(statement, regex)
