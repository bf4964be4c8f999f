// Call-combiner style batch executor for a gRPC transport: when the caller
// already serializes access it skips the mutex; otherwise it locks.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "grpc_sync.h"

namespace grpc_core {

enum class BatchOp : uint8_t { kSendInitialMetadata, kSendMessage, kRecvMessage, kCancel };

class FrameWriter {
 public:
  virtual ~FrameWriter() = default;
  // Not thread-safe: callers serialize.
  virtual void WriteFrame(BatchOp op, const std::string& peer) = 0;
};

struct StreamBatch {
  std::vector<BatchOp> ops;
  std::string debug_tag;
};

class TransportStream {
 public:
  TransportStream(std::string peer, FrameWriter* writer)
      : peer_(std::move(peer)), writer_(writer) {}

  // `serialized` is true when the caller runs under the call combiner, in
  // which case no other thread can touch the stream.
  Status StartBatch(const StreamBatch& batch, bool serialized) {
    if (!serialized) mu_.Lock();
    Status status;  // EXPECT: concurrency-lock-balance
    for (BatchOp op : batch.ops) {
      if (cancelled_.load(std::memory_order_acquire) && op != BatchOp::kCancel) {
        status = Status("stream cancelled: " + batch.debug_tag);
        break;
      }
      ApplyOp(op);
    }
    if (!serialized) mu_.Unlock();  // EXPECT: concurrency-lock-balance
    return status;
  }

  void Cancel() { cancelled_.store(true, std::memory_order_release); }

  uint64_t messages_sent() const { return messages_sent_.load(std::memory_order_relaxed); }

 private:
  void ApplyOp(BatchOp op) {
    writer_->WriteFrame(op, peer_);
    switch (op) {
      case BatchOp::kSendInitialMetadata:
        GRPC_TRACE_LOG(http) << peer_ << ": send initial metadata";
        break;
      case BatchOp::kSendMessage:
        messages_sent_.fetch_add(1, std::memory_order_relaxed);
        break;
      case BatchOp::kRecvMessage:
        messages_received_.fetch_add(1, std::memory_order_relaxed);
        break;
      case BatchOp::kCancel:
        cancelled_.store(true, std::memory_order_release);
        break;
    }
  }

  const std::string peer_;
  FrameWriter* const writer_;
  Mutex mu_;  // serializes calls into writer_
  std::atomic<bool> cancelled_{false};
  std::atomic<uint64_t> messages_sent_{0};
  std::atomic<uint64_t> messages_received_{0};
};

class BatchBuilder {
 public:
  BatchBuilder& Add(BatchOp op) {
    batch_.ops.push_back(op);
    return *this;
  }
  BatchBuilder& Tag(std::string tag) {
    batch_.debug_tag = std::move(tag);
    return *this;
  }
  StreamBatch Build() { return batch_; }

 private:
  StreamBatch batch_;
};

}  // namespace grpc_core
