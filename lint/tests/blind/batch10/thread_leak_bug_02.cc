// Schema migration runner: a watchdog thread aborts the migration if it runs
// too long; validation errors are reported by throwing.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace migrate {

enum class StepKind { kCreateTable, kAddColumn, kBackfill, kDropColumn };

struct MigrationStep {
  StepKind kind = StepKind::kCreateTable;
  std::string table;
  std::string column;
};

class MigrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class MigrationRunner {
 public:
  explicit MigrationRunner(std::chrono::seconds budget) : budget_(budget) {}

  int Run(const std::vector<MigrationStep>& steps) {
    std::atomic<bool> done{false};
    std::thread watchdog([this, &done] {
      auto deadline = std::chrono::steady_clock::now() + budget_;
      while (!done.load()) {
        if (std::chrono::steady_clock::now() > deadline) {
          aborted_.store(true);
          return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });  // EXPECT: concurrency-thread-leak
    int applied = 0;
    for (const MigrationStep& step : steps) {
      if (aborted_.load()) break;
      if (step.table.empty()) {
        throw MigrationError("step " + std::to_string(applied) + " has no table");
      }
      if (step.kind == StepKind::kDropColumn && step.column.empty()) {
        throw MigrationError("drop of unnamed column in " + step.table);
      }
      Apply(step);
      ++applied;
    }
    done.store(true);
    watchdog.join();
    return applied;
  }

  bool aborted() const { return aborted_.load(); }

 private:
  void Apply(const MigrationStep& step) {
    switch (step.kind) {
      case StepKind::kCreateTable: log_.push_back("CREATE TABLE " + step.table); break;
      case StepKind::kAddColumn: log_.push_back("ALTER TABLE " + step.table + " ADD " + step.column); break;
      case StepKind::kBackfill: log_.push_back("UPDATE " + step.table); break;
      case StepKind::kDropColumn: log_.push_back("ALTER TABLE " + step.table + " DROP " + step.column); break;
    }
  }

  const std::chrono::seconds budget_;
  std::atomic<bool> aborted_{false};
  std::vector<std::string> log_;
};

int RunOrReport(MigrationRunner& runner, const std::vector<MigrationStep>& steps, std::string* error) {
  try {
    return runner.Run(steps);
  } catch (const MigrationError& e) {
    *error = e.what();
    return -1;
  }
}

}  // namespace migrate
