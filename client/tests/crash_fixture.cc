// Property bodies that end the whole test process on inputs x >= 500, as a
// user's buggy code would: a null dereference, abort(), exit(3), an
// exception thrown on another thread (std::terminate), and a GoogleTest
// fatal failure (ASSERT_*) on a helper thread, which ends the process when
// the binary runs with --gtest_throw_on_failure (GoogleTest's way to make
// an assertion off the main thread fatal: it throws, and the exception
// leaving the thread calls std::terminate). crash_replay_test.sh
// runs each twice: the first run dies, the engine records the case in
// flight, and the second run replays it first, isolated, and reports it
// shrunk to x = 500. Not a test on its own (it crashes by design).
#include <sys/mman.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "client/lockstep_gtest.h"

namespace {

int DrawX(lockstep::TestCase& tc) {
  return tc.Draw("x", lockstep::gen::Integers<int>(0, 1000));
}

const lockstep::Settings kManyCases = lockstep::Settings().TestCases(300);

// A store that faults: through a null pointer, except under TSan, whose
// memory layout leaves a null store unfaulted here (the body ran on), so
// there through a page mapped with no access.
void StoreThroughABadPointer(int x) {
#if defined(__SANITIZE_THREAD__)
  static void* const guard =
      mmap(nullptr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  int* volatile pointer = static_cast<int*>(guard);
#else
  int* volatile pointer = nullptr;
#endif
  *pointer = x;
}

}  // namespace

LOCKSTEP_TEST_S(Crash, NullDereference, kManyCases) {
  int x = DrawX(tc);
  if (x >= 500) StoreThroughABadPointer(x);
}

LOCKSTEP_TEST_S(Crash, Abort, kManyCases) {
  if (DrawX(tc) >= 500) std::abort();
}

LOCKSTEP_TEST_S(Crash, Exit, kManyCases) {
  if (DrawX(tc) >= 500) std::exit(3);
}

LOCKSTEP_TEST_S(Crash, AssertOnAHelperThread, kManyCases) {
  int x = DrawX(tc);
  // Only for the crashing inputs, as above: under TSan an isolated replay
  // cannot start a thread at all.
  if (x >= 500) {
    std::thread helper([x] { ASSERT_LT(x, 500) << "the helper thread's x"; });
    helper.join();
  }
}

LOCKSTEP_TEST_S(Crash, ThrowOnAnotherThread, kManyCases) {
  if (DrawX(tc) >= 500) {
    std::thread thrower([] { throw std::runtime_error("boom"); });
    thrower.join();
  }
}
