// Telemetry accumulator: content processes send batches of samples over IPC;
// the main thread snapshots them when the telemetry ping is assembled.
#include <cstdint>
#include <string>
#include <vector>

#include "mozilla_mutex.h"

namespace mozilla {
namespace telemetry {

enum class HistogramKind : uint8_t { Linear, Exponential, Boolean, Count };

struct Sample {
  uint32_t mHistogramId = 0;
  int64_t mValue = 0;
  HistogramKind mKind = HistogramKind::Count;
};

class TelemetryAccumulator {
 public:
  TelemetryAccumulator() : mLock("TelemetryAccumulator::mLock") {}

  // IPC thread.
  void Accumulate(const std::vector<Sample>& aBatch) {
    OffTheBooksMutexAutoLock lock(mLock);
    if (mFrozen) {
      mDropped += aBatch.size();
      return;
    }
    mSamples.insert(mSamples.end(), aBatch.begin(), aBatch.end());
  }

  // Main thread: the samples gathered so far, for the ping builder.
  const std::vector<Sample>& Samples() {
    OffTheBooksMutexAutoLock lock(mLock);
    return mSamples;  // EXPECT: concurrency-unguarded-field
  }

  void Clear() {
    OffTheBooksMutexAutoLock lock(mLock);
    mSamples.clear();
    mDropped = 0;
  }

  void Freeze(bool aFrozen) {
    OffTheBooksMutexAutoLock lock(mLock);
    mFrozen = aFrozen;
  }

  uint64_t Dropped() {
    OffTheBooksMutexAutoLock lock(mLock);
    return mDropped;
  }

 private:
  OffTheBooksMutex mLock;
  std::vector<Sample> mSamples MOZ_GUARDED_BY(mLock);
  uint64_t mDropped MOZ_GUARDED_BY(mLock) = 0;
  bool mFrozen MOZ_GUARDED_BY(mLock) = false;
};

class PingBuilder {
 public:
  explicit PingBuilder(TelemetryAccumulator& aAccumulator)
      : mAccumulator(aAccumulator) {}

  nsresult Build(std::string& aOut) {
    const std::vector<Sample>& samples = mAccumulator.Samples();
    if (samples.empty()) {
      return NS_ERROR_NOT_INITIALIZED;
    }
    int64_t total = 0;
    for (const Sample& s : samples) {
      total += s.mValue;
    }
    aOut = "{\"samples\":" + std::to_string(samples.size()) +
           ",\"total\":" + std::to_string(total) +
           ",\"dropped\":" + std::to_string(mAccumulator.Dropped()) + "}";
    mAccumulator.Clear();
    return NS_OK;
  }

 private:
  TelemetryAccumulator& mAccumulator;
};

}  // namespace telemetry
}  // namespace mozilla
