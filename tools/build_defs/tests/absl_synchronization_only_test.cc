// Depends on @system_libs//:absl_synchronization alone (plus GoogleTest): its
// pkg-config link flags must be complete on their own.
#include <thread>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace {

TEST(AbslSynchronizationOnlyTest, LinksAndSynchronizes) {
  absl::Mutex mu;
  int value = 0;
  absl::Notification done;
  std::thread worker([&] {
    absl::MutexLock lock(&mu);
    value = 42;
    done.Notify();
  });
  done.WaitForNotification();
  {
    absl::MutexLock lock(&mu);
    EXPECT_EQ(value, 42);
  }
  worker.join();
}

}  // namespace
