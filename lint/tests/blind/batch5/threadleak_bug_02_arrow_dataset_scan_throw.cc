// Licensed to the Apache Software Foundation (ASF) under one
// or more contributor license agreements.

#include "mock/arrow_mutex.h"

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace arrow {
namespace dataset {

struct Fragment {
  std::string path;
  int64_t num_rows = -1;
};

using CountRowsFn = std::function<int64_t(const Fragment&)>;

/// Counts the rows of a dataset. Fragments with row counts in their metadata
/// are summed directly; the rest are scanned on a background thread.
class RowCounter {
 public:
  explicit RowCounter(CountRowsFn count) : count_(std::move(count)) {}

  int64_t CountRows(const std::vector<Fragment>& fragments) {
    std::vector<Fragment> to_scan;
    for (const Fragment& f : fragments) {
      if (f.num_rows < 0) to_scan.push_back(f);
    }

    int64_t scanned = 0;
    std::thread scanner([this, &to_scan, &scanned] {  // EXPECT: concurrency-thread-leak
      for (const Fragment& f : to_scan) scanned += count_(f);
    });

    int64_t from_metadata = 0;
    for (const Fragment& f : fragments) {
      if (f.num_rows < 0) continue;
      if (f.num_rows > kMaxRowsPerFragment) {
        throw std::invalid_argument("corrupt row count in metadata of " + f.path);
      }
      from_metadata += f.num_rows;
    }

    scanner.join();
    auto guard = mutex_.Lock();
    total_counted_ += from_metadata + scanned;
    return from_metadata + scanned;
  }

  int64_t total_counted() {
    auto guard = mutex_.Lock();
    return total_counted_;
  }

 private:
  static constexpr int64_t kMaxRowsPerFragment = int64_t{1} << 40;

  const CountRowsFn count_;
  util::Mutex mutex_;
  int64_t total_counted_ = 0;
};

}  // namespace dataset
}  // namespace arrow
