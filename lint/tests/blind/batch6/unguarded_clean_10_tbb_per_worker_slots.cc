// oneTBB-style parallel reduction with one padded slot per arena thread:
// each worker writes only the slot of its own thread index, without a lock;
// the slots are combined after the task group has been waited for. The
// merged total is the only state that is shared, under a spin_mutex.
#include <cstdint>
#include <vector>

#include "mock/tbb_mutex.h"

struct alignas(64) CountSlot {
  uint64_t rows = 0;
  uint64_t bytes = 0;
};

class ScanStatistics {
 public:
  explicit ScanStatistics(int max_threads) : slots_(static_cast<size_t>(max_threads)) {}

  // Runs on arena worker threads; the index is unique per running thread.
  void CountRow(uint64_t bytes) {
    CountSlot& slot = slots_[static_cast<size_t>(tbb::this_task_arena::current_thread_index())];
    slot.rows++;
    slot.bytes += bytes;
  }

  // Called by the thread that waited for the task group.
  void Combine() {
    uint64_t rows = 0, bytes = 0;
    for (CountSlot& slot : slots_) {
      rows += slot.rows;
      bytes += slot.bytes;
      slot = CountSlot();
    }
    tbb::spin_mutex::scoped_lock lock(total_mutex_);
    total_rows_ += rows;
    total_bytes_ += bytes;
  }

  uint64_t total_rows() {
    tbb::spin_mutex::scoped_lock lock(total_mutex_);
    return total_rows_;
  }

  uint64_t total_bytes() {
    tbb::spin_mutex::scoped_lock lock;
    lock.acquire(total_mutex_);
    uint64_t b = total_bytes_;
    lock.release();
    return b;
  }

 private:
  std::vector<CountSlot> slots_;
  tbb::spin_mutex total_mutex_;
  uint64_t total_rows_ = 0;
  uint64_t total_bytes_ = 0;
};

void ScanPartitions(ScanStatistics* stats, const std::vector<std::vector<uint64_t>>& partitions) {
  tbb::task_group group;
  for (const auto& partition : partitions) {
    const std::vector<uint64_t>* rows = &partition;
    group.run([stats, rows] {
      for (uint64_t row_bytes : *rows) stats->CountRow(row_bytes);
    });
  }
  group.wait();
  stats->Combine();
}
