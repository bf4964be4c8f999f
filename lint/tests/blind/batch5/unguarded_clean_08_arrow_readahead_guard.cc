// Licensed to the Apache Software Foundation (ASF) under one
// or more contributor license agreements.

#include "mock/arrow_mutex.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace arrow {
namespace io {

using ReadCallback = std::function<void(Status, int64_t)>;

class RandomAccessFile {
 public:
  virtual ~RandomAccessFile() = default;
  // Issues the read on the IO executor; `on_done` runs on an IO thread.
  virtual void ReadAsync(int64_t position, int64_t nbytes, ReadCallback on_done) = 0;
};

/// Keeps a window of reads in flight ahead of the consumer.
class ReadaheadSpooler {
 public:
  ReadaheadSpooler(std::shared_ptr<RandomAccessFile> file, int64_t block_size,
                   int readahead)
      : file_(std::move(file)), block_size_(block_size), readahead_(readahead) {}

  Status Start() {
    auto guard = mutex_.Lock();
    if (started_) return Status::Invalid("spooler already started");
    started_ = true;
    for (int i = 0; i < readahead_; ++i) IssueNextLocked();
    return Status::OK();
  }

  int64_t bytes_read() const { return bytes_read_.load(std::memory_order_acquire); }

  int64_t reads_in_flight() {
    auto guard = mutex_.Lock();
    return in_flight_;
  }

  Status last_error() {
    auto guard = mutex_.Lock();
    Status copy = error_;
    guard.Unlock();
    return copy;
  }

 private:
  // Must be called with mutex_ held.
  void IssueNextLocked() {
    const int64_t position = next_position_;
    next_position_ += block_size_;
    ++in_flight_;
    file_->ReadAsync(position, block_size_, [this](Status st, int64_t nread) {
      if (st.ok()) bytes_read_.fetch_add(nread, std::memory_order_acq_rel);
      auto guard = mutex_.Lock();
      --in_flight_;
      if (!st.ok()) {
        error_ = st;
        return;
      }
      if (nread == block_size_ && error_.ok()) IssueNextLocked();
    });
  }

  std::shared_ptr<RandomAccessFile> file_;
  const int64_t block_size_;
  const int readahead_;

  util::Mutex mutex_;
  bool started_ = false;
  int64_t next_position_ = 0;
  int64_t in_flight_ = 0;
  Status error_;
  std::atomic<int64_t> bytes_read_{0};
};

}  // namespace io
}  // namespace arrow
