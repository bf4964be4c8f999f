// Write batcher for a gRPC chttp2-like transport: frames are appended to the
// outgoing buffer between BeginWrite() and EndWrite(), which hold the mutex.
#include <cstdint>
#include <string>
#include <vector>

#include "grpc_sync.h"

namespace grpc_core {

enum class FrameType : uint8_t { kData, kHeaders, kRstStream, kPing, kWindowUpdate };

struct Frame {
  FrameType type = FrameType::kData;
  uint32_t stream_id = 0;
  std::string payload;
};

class WriteBatcher {
 public:
  void BeginWrite() ABSL_EXCLUSIVE_LOCK_FUNCTION(mu_) {
    mu_.Lock();
    ++writes_started_;
  }

  void EndWrite() ABSL_UNLOCK_FUNCTION(mu_) {
    ++writes_finished_;
    mu_.Unlock();
  }

  void AppendLocked(const Frame& f) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    outgoing_.push_back(f);
    bytes_pending_ += f.payload.size();
  }

  // Writes a batch of frames for one stream. Refuses empty or oversized
  // batches before starting the write.
  Status WriteFrames(uint32_t stream_id, const std::vector<Frame>& frames) {
    if (frames.empty() || frames.size() > kMaxFramesPerWrite) {
      EndWrite();  // EXPECT: concurrency-lock-balance
      return Status("bad batch size for stream " + std::to_string(stream_id));
    }
    BeginWrite();
    for (const Frame& f : frames) {
      Frame copy = f;
      copy.stream_id = stream_id;
      AppendLocked(copy);
    }
    EndWrite();
    return Status();
  }

  std::vector<Frame> Drain() {
    MutexLock lock(&mu_);
    std::vector<Frame> out;
    out.swap(outgoing_);
    bytes_pending_ = 0;
    return out;
  }

  uint64_t bytes_pending() {
    MutexLock lock(&mu_);
    return bytes_pending_;
  }

 private:
  static constexpr size_t kMaxFramesPerWrite = 64;

  Mutex mu_;
  std::vector<Frame> outgoing_ ABSL_GUARDED_BY(mu_);
  uint64_t bytes_pending_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t writes_started_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t writes_finished_ ABSL_GUARDED_BY(mu_) = 0;
};

const char* FrameTypeName(FrameType t) {
  switch (t) {
    case FrameType::kData: return "DATA";
    case FrameType::kHeaders: return "HEADERS";
    case FrameType::kRstStream: return "RST_STREAM";
    case FrameType::kPing: return "PING";
    case FrameType::kWindowUpdate: return "WINDOW_UPDATE";
  }
  return "UNKNOWN";
}

}  // namespace grpc_core
