// Journal segment allocator for the gRPC-based log service: a segment is
// opened with AcquireSegment() (which returns holding the mutex) and closed
// with ReleaseSegment(). TryAppend() uses the try-lock for the fast path.
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "grpc_sync.h"

namespace grpc_core {

enum class SegmentState { kFree, kOpen, kSealed };

struct Segment {
  uint64_t id = 0;
  SegmentState state = SegmentState::kFree;
  std::vector<std::string> records;
};

class SegmentAllocator {
 public:
  // Returns with mu_ held; pair with ReleaseSegment().
  Segment* AcquireSegment() ABSL_EXCLUSIVE_LOCK_FUNCTION(mu_) {
    mu_.Lock();
    if (current_ == nullptr || current_->state == SegmentState::kSealed) {
      segments_.push_back(Segment{++next_id_, SegmentState::kOpen, {}});
      current_ = &segments_.back();
    }
    return current_;
  }

  void ReleaseSegment() ABSL_UNLOCK_FUNCTION(mu_) {
    if (current_ != nullptr && current_->records.size() >= kRecordsPerSegment) {
      current_->state = SegmentState::kSealed;
    }
    mu_.Unlock();
  }

  void Append(const std::string& record) {
    Segment* seg = AcquireSegment();
    seg->records.push_back(record);
    ++appended_;
    ReleaseSegment();
  }

  // Appends only if nobody else holds the allocator right now.
  bool TryAppend(const std::string& record) {
    if (!mu_.TryLock()) {
      return false;
    }
    if (current_ == nullptr || current_->state != SegmentState::kOpen) {
      mu_.Unlock();
      return false;
    }
    current_->records.push_back(record);
    ++appended_;
    mu_.Unlock();
    return true;
  }

  uint64_t appended() {
    MutexLock lock(&mu_);
    return appended_;
  }

  size_t sealed_segments() {
    MutexLock lock(&mu_);
    size_t n = 0;
    for (const Segment& s : segments_) {
      if (s.state == SegmentState::kSealed) ++n;
    }
    return n;
  }

 private:
  static constexpr size_t kRecordsPerSegment = 1024;

  Mutex mu_;
  // A deque: push_back keeps current_ valid.
  std::deque<Segment> segments_ ABSL_GUARDED_BY(mu_);
  Segment* current_ ABSL_GUARDED_BY(mu_) = nullptr;
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t appended_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace grpc_core
