// Property tests that reproduce_test.sh runs as a user would, under the
// environment variables it sets: a failing one, a passing one with events,
// a slow one, and one whose explicit example fails. Not a test on its own
// (it fails by design).
#include <chrono>
#include <string>
#include <thread>

#include "client/lockstep_gtest.h"

LOCKSTEP_TEST(Fixture, Fails) {
  int x = tc.Draw("x", lockstep::gen::Integers<int>(0, 1000000));
  std::string s = tc.Draw("s", lockstep::gen::Text(0, 10));
  EXPECT_LE(x, 1000);  // FAILING LINE
}

LOCKSTEP_TEST(Fixture, Passes) {
  int x = tc.Draw("x", lockstep::gen::Integers<int>(0, 1000));
  tc.Event(x % 2 == 0 ? "even" : "odd");
  tc.Event("x", x);
}

LOCKSTEP_TEST_S(Fixture, Slow,
                lockstep::Settings().TestCases(100).ProgressSeconds(0.2)) {
  // Half the cases are rejected, so that a second batch (and the progress
  // line printed before it) follows the first.
  int x = tc.Draw(lockstep::gen::Integers<int>(0, 1000000));
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  tc.Assume(x % 2 == 0);
}

LOCKSTEP_TEST_S(Fixture, ExampleFails,
                lockstep::Settings().Example(13).Example(lockstep::Named("n",
                                                                         42))) {
  int n = tc.Draw("n", lockstep::gen::Integers<int>(0, 10));
  LOCKSTEP_ASSERT_NE(n, 42);
}
