// Replication stream reader for the CDC connector: the reader thread owns its
// cursor; counters shared with the status endpoint are atomics; the pending
// change list has a declared guard; per-partition results go to separate slots.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "task_runner.h"

namespace cdc {

enum class ChangeOp { kInsert, kUpdate, kDelete };

struct Change {
  ChangeOp op = ChangeOp::kInsert;
  std::string table;
  uint64_t lsn = 0;
};

class LogSource {
 public:
  virtual ~LogSource() = default;
  virtual bool Next(uint64_t from_lsn, Change* out) = 0;
};

class StreamReader {
 public:
  explicit StreamReader(LogSource* source) : source_(source) {}

  ~StreamReader() {
    stop_.store(true);
    if (reader_.joinable()) reader_.join();
  }

  void Start() {
    reader_ = std::thread([this] {
      Change c;
      while (!stop_.load()) {
        if (!source_->Next(cursor_lsn_, &c)) continue;
        cursor_lsn_ = c.lsn + 1;
        changes_read_.fetch_add(1, std::memory_order_relaxed);
        std::lock_guard<std::mutex> lock(mu_);
        pending_.push_back(c);
      }
    });
  }

  std::vector<Change> Drain() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Change> out;
    out.swap(pending_);
    return out;
  }

  uint64_t changes_read() const { return changes_read_.load(std::memory_order_relaxed); }

 private:
  LogSource* const source_;
  std::atomic<bool> stop_{false};
  // Owned by the reader thread.
  uint64_t cursor_lsn_ = 0;
  std::atomic<uint64_t> changes_read_{0};
  std::mutex mu_;
  std::vector<Change> pending_;  // guarded by mu_
  std::thread reader_;
};

// Counts changes per partition in parallel; each thread fills its own slot.
std::vector<uint64_t> CountPerPartition(const std::vector<std::vector<Change>>& partitions) {
  std::vector<uint64_t> counts(partitions.size(), 0);
  std::vector<std::thread> threads;
  for (size_t p = 0; p < partitions.size(); ++p) {
    threads.emplace_back([&partitions, &counts, p] {
      for (const Change& c : partitions[p]) {
        if (c.op != ChangeOp::kDelete) ++counts[p];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  return counts;
}

}  // namespace cdc
