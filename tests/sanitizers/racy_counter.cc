// Deliberately racy: two threads increment a plain int. Under --config=tsan,
// ThreadSanitizer must report the race (see expect_report_test.sh).
#include <cstdio>
#include <thread>

namespace {
int counter = 0;  // NOLINT: shared without synchronization on purpose
}  // namespace

int main() {
  std::thread a([] {
    for (int i = 0; i < 100000; ++i) ++counter;
  });
  std::thread b([] {
    for (int i = 0; i < 100000; ++i) ++counter;
  });
  a.join();
  b.join();
  std::printf("counter=%d\n", counter);
  return 0;
}
