// A readahead buffer in the style of Arrow's dataset scanner: a background
// reader pushes decoded record batches, the consumer pops them, and the
// reader finishes the stream with a final status.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "arrow/status.h"
#include "arrow/util/mutex.h"
#include "arrow/util/thread_pool.h"

namespace arrow {
namespace dataset {

class RecordBatch {
 public:
  RecordBatch(int64_t num_rows, int64_t nbytes) : num_rows_(num_rows), nbytes_(nbytes) {}
  int64_t num_rows() const { return num_rows_; }
  int64_t nbytes() const { return nbytes_; }

 private:
  const int64_t num_rows_;
  const int64_t nbytes_;
};

using FinishCallback = std::function<void(const Status&)>;

class ReadaheadBuffer {
 public:
  ReadaheadBuffer(int64_t max_bytes, FinishCallback on_finish)
      : max_bytes_(max_bytes), on_finish_(std::move(on_finish)) {}

  // Reader side. Returns Invalid once the stream has finished.
  Status Push(std::shared_ptr<RecordBatch> batch) {
    auto guard = mutex_.Lock();
    if (finished_) return Status::Invalid("push after finish");
    bytes_buffered_ += batch->nbytes();
    buffer_.push_back(std::move(batch));
    return Status::OK();
  }

  bool HasRoom() {
    auto guard = mutex_.Lock();
    return bytes_buffered_ < max_bytes_;
  }

  // Consumer side. Returns nullptr when nothing is buffered.
  std::shared_ptr<RecordBatch> Pop() {
    auto guard = mutex_.Lock();
    if (buffer_.empty()) return nullptr;
    std::shared_ptr<RecordBatch> batch = std::move(buffer_.front());
    buffer_.pop_front();
    bytes_buffered_ -= batch->nbytes();
    return batch;
  }

  // Lets the scanner size its next read from the batch at the head.
  const std::shared_ptr<RecordBatch>& Front() {
    auto guard = mutex_.Lock();
    return buffer_.front();  // EXPECT: concurrency-unguarded-field
  }

  bool Empty() {
    auto guard = mutex_.Lock();
    return buffer_.empty();
  }

  void Finish(Status st) {
    auto guard = mutex_.Lock();
    if (finished_) return;
    finished_ = true;
    final_status_ = std::move(st);
    guard.Unlock();
    if (on_finish_) on_finish_(final_status_);  // EXPECT: concurrency-unguarded-field
  }

  Status status() {
    auto guard = mutex_.Lock();
    return final_status_;
  }

 private:
  const int64_t max_bytes_;
  const FinishCallback on_finish_;

  util::Mutex mutex_;
  std::deque<std::shared_ptr<RecordBatch>> buffer_;
  int64_t bytes_buffered_ = 0;
  bool finished_ = false;
  Status final_status_;
};

// Decodes fragments on the CPU pool and feeds the buffer.
class FragmentReader {
 public:
  FragmentReader(ReadaheadBuffer* buffer, int64_t rows_per_batch)
      : buffer_(buffer), rows_per_batch_(rows_per_batch) {}

  Status ReadFragment(int64_t total_rows) {
    for (int64_t offset = 0; offset < total_rows; offset += rows_per_batch_) {
      const int64_t rows = std::min(rows_per_batch_, total_rows - offset);
      ARROW_RETURN_NOT_OK(buffer_->Push(std::make_shared<RecordBatch>(rows, rows * 16)));
    }
    return Status::OK();
  }

 private:
  ReadaheadBuffer* const buffer_;
  const int64_t rows_per_batch_;
};

int64_t PeekNextRows(ReadaheadBuffer* buffer) {
  if (buffer->Empty()) return 0;
  return buffer->Front()->num_rows();
}

}  // namespace dataset
}  // namespace arrow
