// Licensed to the Apache Software Foundation (ASF) under one
// or more contributor license agreements.

#include "mock/arrow_mutex.h"
#include "mock/compat20.h"

#include <cstdint>
#include <functional>
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

namespace {

// Joins the thread when the scope is left, however it is left.
class ThreadJoiner {
 public:
  explicit ThreadJoiner(std::thread* t) : t_(t) {}
  ~ThreadJoiner() {
    if (t_->joinable()) t_->join();
  }
  ThreadJoiner(const ThreadJoiner&) = delete;
  ThreadJoiner& operator=(const ThreadJoiner&) = delete;

 private:
  std::thread* t_;
};

}  // namespace

class RowCounter {
 public:
  explicit RowCounter(CountRowsFn count) : count_(std::move(count)) {}

  Status CountRows(const std::vector<Fragment>& fragments, int64_t* out) {
    std::vector<Fragment> to_scan;
    for (const Fragment& f : fragments) {
      if (f.num_rows < 0) to_scan.push_back(f);
    }

    int64_t scanned = 0;
    std::thread scanner([this, &to_scan, &scanned] {
      for (const Fragment& f : to_scan) scanned += count_(f);
    });
    ThreadJoiner join_scanner(&scanner);

    int64_t from_metadata = 0;
    for (const Fragment& f : fragments) {
      if (f.num_rows < 0) continue;
      if (f.num_rows > kMaxRowsPerFragment) {
        return Status::Invalid("corrupt row count in metadata of " + f.path);
      }
      from_metadata += f.num_rows;
    }

    scanner.join();
    auto guard = mutex_.Lock();
    total_counted_ += from_metadata + scanned;
    *out = from_metadata + scanned;
    return Status::OK();
  }

  // Same as CountRows for datasets whose fragments all need scanning.
  Status ScanOnly(const std::vector<Fragment>& fragments, int64_t* out) {
    int64_t scanned = 0;
    {
      compat::jthread scanner([this, &fragments, &scanned] {
        for (const Fragment& f : fragments) scanned += count_(f);
      });
      if (fragments.empty()) return Status::Invalid("empty dataset");
    }
    *out = scanned;
    return Status::OK();
  }

 private:
  static constexpr int64_t kMaxRowsPerFragment = int64_t{1} << 40;

  const CountRowsFn count_;
  util::Mutex mutex_;
  int64_t total_counted_ = 0;
};

}  // namespace dataset
}  // namespace arrow
