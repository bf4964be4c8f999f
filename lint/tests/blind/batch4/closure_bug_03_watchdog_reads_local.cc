// Runs schema migration steps against the metadata store. A watchdog
// thread logs which step is running if the migration takes long.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace migrate {

struct Step {
  std::string name;
  std::string sql;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual bool Execute(const std::string& sql) = 0;
};

bool RunMigration(Store& store, const std::vector<Step>& steps) {
  std::string current_step = "starting";
  std::atomic<bool> done{false};

  std::thread watchdog([&] {
    int ticks = 0;
    while (!done.load(std::memory_order_acquire)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (++ticks % 300 == 0) {
        std::fprintf(stderr, "migration still running: %s\n", current_step.c_str());  // EXPECT: concurrency-closure-captures-mutable
      }
    }
  });

  bool ok = true;
  for (const Step& step : steps) {
    current_step = step.name;
    if (!store.Execute(step.sql)) {
      ok = false;
      break;
    }
  }

  done.store(true, std::memory_order_release);
  watchdog.join();
  return ok;
}

}  // namespace migrate
