// GoogleTest integration:
//
//   LOCKSTEP_TEST(Parser, RoundTrips) {
//     std::string s = tc.Draw("s", lockstep::gen::Text());
//     EXPECT_EQ(Parse(Print(s)), s);
//   }
//
//   // With the test's own settings (any Settings expression):
//   LOCKSTEP_TEST_S(Parser, ManyCases,
//                   lockstep::Settings().TestCases(2000).Example("[]")) {
//     ...
//   }
//
//   LOCKSTEP_TEST_F(ParserTest, UsesTheFixture) {   // `this` is the fixture
//     EXPECT_TRUE(parser_.Accepts(tc.Draw(lockstep::gen::Text())));
//   }
//   LOCKSTEP_TEST_F_S(ParserTest, Quick, lockstep::Settings().TestCases(10)) {}
//
// The body receives `lockstep::TestCase& tc`. EXPECT_*/ASSERT_* failures
// inside it fail the case (and are shrunk like any failure); the test then
// fails once per distinct bug, reported at the line that failed, with the
// minimal example and the command that reruns it. The settings argument is
// separate macros rather than an optional argument because a C++17
// variadic macro cannot portably be called with nothing for its `...`.
#ifndef LOCKSTEP_CLIENT_LOCKSTEP_GTEST_H_
#define LOCKSTEP_CLIENT_LOCKSTEP_GTEST_H_

#include <functional>
#include <string>

#include "client/lockstep.h"
#include "gtest/gtest.h"

namespace lockstep::internal {

// Runs `body` as a property named `name` (for LOCKSTEP_TEST, the test's
// "Suite.Name"); reports each failure to GoogleTest at its origin, with the
// minimal example and the commands that reproduce it.
void RunGtestProperty(const std::string& name,
                      const std::function<void(TestCase&)>& body,
                      const Settings& settings = Settings());

}  // namespace lockstep::internal

#define LOCKSTEP_INTERNAL_CONCAT2(a, b) a##b
#define LOCKSTEP_INTERNAL_CONCAT(a, b) LOCKSTEP_INTERNAL_CONCAT2(a, b)

#define LOCKSTEP_TEST_S(Suite, Name, ...)                                      \
  static void LockstepProperty_##Suite##_##Name(::lockstep::TestCase& tc);     \
  TEST(Suite, Name) {                                                          \
    ::lockstep::internal::RunGtestProperty(#Suite "." #Name,                   \
                                           &LockstepProperty_##Suite##_##Name, \
                                           ::lockstep::Settings(__VA_ARGS__)); \
  }                                                                            \
  static void LockstepProperty_##Suite##_##Name(::lockstep::TestCase& tc)

#define LOCKSTEP_TEST(Suite, Name) \
  LOCKSTEP_TEST_S(Suite, Name, ::lockstep::Settings())

// A subclass of the fixture holds the body, so the body sees the fixture's
// protected members as TEST_F bodies do; it is registered under the
// fixture's own suite name.
#define LOCKSTEP_TEST_F_S(Fixture, Name, ...)                     \
  class LockstepFixtureTest_##Fixture##_##Name : public Fixture { \
   public:                                                        \
    void TestBody() override {                                    \
      ::lockstep::internal::RunGtestProperty(                     \
          #Fixture "." #Name,                                     \
          [this](::lockstep::TestCase& tc) { Property(tc); },     \
          ::lockstep::Settings(__VA_ARGS__));                     \
    }                                                             \
    void Property(::lockstep::TestCase& tc);                      \
  };                                                              \
  static const bool LOCKSTEP_INTERNAL_CONCAT(                     \
      lockstep_registered_##Fixture##_##Name, __LINE__) =         \
      (::testing::RegisterTest(                                   \
           #Fixture, #Name, nullptr, nullptr, __FILE__, __LINE__, \
           []() -> Fixture* {                                     \
             return new LockstepFixtureTest_##Fixture##_##Name(); \
           }),                                                    \
       true);                                                     \
  void LockstepFixtureTest_##Fixture##_##Name::Property(          \
      ::lockstep::TestCase& tc)

#define LOCKSTEP_TEST_F(Fixture, Name) \
  LOCKSTEP_TEST_F_S(Fixture, Name, ::lockstep::Settings())

#endif  // LOCKSTEP_CLIENT_LOCKSTEP_GTEST_H_
