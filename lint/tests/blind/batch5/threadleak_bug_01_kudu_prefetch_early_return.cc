// Licensed to the Apache Software Foundation (ASF) under one
// or more contributor license agreements.

#include "mock/kudu_locks.h"

#include <cstdint>
#include <functional>
#include <mutex>
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

// Opens the rowsets of a tablet during bootstrap. The data blocks of the
// largest rowset are prefetched on a helper thread while the others open.
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
    std::thread prefetcher([&] {  // EXPECT: concurrency-thread-leak
      prefetch_status = read_block_(rowsets[largest]);
    });

    for (size_t i = 0; i < rowsets.size(); ++i) {
      if (i == largest) continue;
      RETURN_NOT_OK(read_block_(rowsets[i]));
      std::lock_guard<simple_spinlock> l(lock_);
      opened_.push_back(rowsets[i].id);
    }

    prefetcher.join();
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
