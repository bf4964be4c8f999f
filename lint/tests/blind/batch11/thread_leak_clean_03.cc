// Clock-skew sampler for a distributed tracer: a detached thread samples
// the NTP offset until its owner goes away. The thread shares ownership of
// its state, so it never touches the owner after destruction, and the
// owner's destructor tells it to stop.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>

namespace tracer {

int64_t ReadNtpOffsetMicros() { return 0; }

class SkewSampler {
 public:
  SkewSampler() : state_(std::make_shared<State>()) {
    std::shared_ptr<State> state = state_;
    std::thread([state] {
      while (!state->stop.load(std::memory_order_acquire)) {
        state->offset_micros.store(ReadNtpOffsetMicros(), std::memory_order_relaxed);
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
      }
    }).detach();
  }

  ~SkewSampler() { state_->stop.store(true, std::memory_order_release); }

  SkewSampler(const SkewSampler&) = delete;
  SkewSampler& operator=(const SkewSampler&) = delete;

  int64_t offset_micros() const { return state_->offset_micros.load(std::memory_order_relaxed); }

 private:
  struct State {
    std::atomic<bool> stop{false};
    std::atomic<int64_t> offset_micros{0};
  };

  const std::shared_ptr<State> state_;
};

}  // namespace tracer
