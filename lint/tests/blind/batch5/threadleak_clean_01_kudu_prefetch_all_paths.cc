// Licensed to the Apache Software Foundation (ASF) under one
// or more contributor license agreements.

#include "mock/kudu_locks.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace kudu {
namespace tablet {

struct RowSetMetadata {
  int64_t id = 0;
  std::string path;
  int64_t size_bytes = 0;
};

using ReadBlockFn = std::function<Status(const RowSetMetadata&)>;

class RowSetOpener {
 public:
  explicit RowSetOpener(ReadBlockFn read_block) : read_block_(std::move(read_block)) {}

  Status OpenAll(const std::vector<RowSetMetadata>& rowsets) {
    if (rowsets.empty()) return Status::OK();

    size_t largest = 0;
    for (size_t i = 1; i < rowsets.size(); ++i) {
      if (rowsets[i].size_bytes > rowsets[largest].size_bytes) largest = i;
    }

    Status prefetch_status = Status::OK();
    std::thread prefetcher([&] {
      prefetch_status = read_block_(rowsets[largest]);
    });

    Status s = Status::OK();
    try {
      for (size_t i = 0; i < rowsets.size() && s.ok(); ++i) {
        if (i == largest) continue;
        if (rowsets[i].path.empty()) throw std::invalid_argument("rowset without path");
        s = read_block_(rowsets[i]);
        if (s.ok()) {
          std::lock_guard<simple_spinlock> l(lock_);
          opened_.push_back(rowsets[i].id);
        }
      }
    } catch (...) {
      prefetcher.join();
      throw;
    }

    prefetcher.join();
    RETURN_NOT_OK(s);
    RETURN_NOT_OK(prefetch_status);
    std::lock_guard<simple_spinlock> l(lock_);
    opened_.push_back(rowsets[largest].id);
    return Status::OK();
  }

  std::vector<int64_t> opened() const {
    std::lock_guard<simple_spinlock> l(lock_);
    return opened_;
  }

 private:
  const ReadBlockFn read_block_;
  mutable simple_spinlock lock_;
  std::vector<int64_t> opened_;
};

}  // namespace tablet
}  // namespace kudu
