// Property bodies that end the whole test process on inputs x >= 500, as a
// user's buggy code would: a null dereference, abort(), exit(3), and an
// exception thrown on another thread (std::terminate). crash_replay_test.sh
// runs each twice: the first run dies, the engine records the case in
// flight, and the second run replays it first, isolated, and reports it
// shrunk to x = 500. Not a test on its own (it crashes by design).
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "client/lockstep_gtest.h"

namespace {

int DrawX(lockstep::TestCase& tc) {
  return tc.Draw("x", lockstep::gen::Integers<int>(0, 1000));
}

const lockstep::Settings kManyCases = lockstep::Settings().TestCases(300);

}  // namespace

LOCKSTEP_TEST_S(Crash, NullDereference, kManyCases) {
  int x = DrawX(tc);
  if (x >= 500) {
    int* volatile pointer = nullptr;
    *pointer = x;
  }
}

LOCKSTEP_TEST_S(Crash, Abort, kManyCases) {
  if (DrawX(tc) >= 500) std::abort();
}

LOCKSTEP_TEST_S(Crash, Exit, kManyCases) {
  if (DrawX(tc) >= 500) std::exit(3);
}

LOCKSTEP_TEST_S(Crash, ThrowOnAnotherThread, kManyCases) {
  if (DrawX(tc) >= 500) {
    std::thread thrower([] { throw std::runtime_error("boom"); });
    thrower.join();
  }
}
