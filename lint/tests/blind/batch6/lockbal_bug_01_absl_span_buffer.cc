// Abseil-style trace span buffer. Flush() skips the mutex when it is called
// for the final flush at shutdown ("no other thread is running by then"),
// which leaves the lock held on only some paths through the function.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "mock/absl_mutex.h"

struct Span {
  std::string name;
  int64_t start_ns;
  int64_t end_ns;
};

void ExportSpans(const std::vector<Span>& spans);

class SpanBuffer {
 public:
  // May be called from a signal handler: must not block.
  void Add(Span span, bool from_signal_handler) ABSL_LOCKS_EXCLUDED(mu_) {
    if (from_signal_handler) {
      if (!mu_.TryLock()) {
        dropped_.fetch_add(1, std::memory_order_relaxed);
        return;
      }
    } else {
      mu_.Lock();
    }
    spans_.push_back(std::move(span));
    mu_.Unlock();
  }

  void Flush(bool final_flush) ABSL_LOCKS_EXCLUDED(mu_) {
    if (!final_flush) mu_.Lock();
    std::vector<Span> batch = TakeSpans();  // EXPECT: concurrency-lock-balance
    if (!final_flush) mu_.Unlock();  // EXPECT: concurrency-lock-balance
    ExportSpans(batch);
  }

  int64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  std::vector<Span> TakeSpans() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    std::vector<Span> out;
    out.swap(spans_);
    return out;
  }

  absl::Mutex mu_;
  std::vector<Span> spans_ ABSL_GUARDED_BY(mu_);
  std::atomic<int64_t> dropped_{0};
};
