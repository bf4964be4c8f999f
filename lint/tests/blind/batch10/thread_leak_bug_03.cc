// Memory pressure reporter for the Qt media player: samples the process's
// resident set every second and warns when it grows past the budget.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>

#include "qt_core.h"

namespace player {

enum class PressureLevel { Normal, Moderate, Critical };

struct MemorySample {
  qint64 residentKb = 0;
  qint64 budgetKb = 0;
};

PressureLevel classify(const MemorySample& s) {
  if (s.budgetKb <= 0) return PressureLevel::Normal;
  if (s.residentKb > s.budgetKb) return PressureLevel::Critical;
  if (s.residentKb * 10 > s.budgetKb * 8) return PressureLevel::Moderate;
  return PressureLevel::Normal;
}

qint64 readResidentKb() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  long pages = 0, resident = 0;
  if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
  std::fclose(f);
  return static_cast<qint64>(resident) * 4;
}

class PressureListener {
 public:
  virtual ~PressureListener() = default;
  virtual void onPressure(PressureLevel level, qint64 residentKb) = 0;
};

class MemoryReporter {
 public:
  MemoryReporter(PressureListener* listener, qint64 budgetKb)
      : listener_(listener), budgetKb_(budgetKb) {}

  void start() {
    PressureListener* listener = listener_;
    const qint64 budget = budgetKb_;
    std::thread sampler([listener, budget] {
      PressureLevel last = PressureLevel::Normal;
      for (;;) {
        MemorySample s{readResidentKb(), budget};
        PressureLevel level = classify(s);
        if (level != last) {
          listener->onPressure(level, s.residentKb);
          last = level;
        }
        std::this_thread::sleep_for(std::chrono::seconds(1));
      }
    });
    sampler.detach();  // EXPECT: concurrency-thread-leak
    QMutexLocker locker(&mutex_);
    started_ = true;
  }

  bool started() {
    QMutexLocker locker(&mutex_);
    return started_;
  }

 private:
  PressureListener* const listener_;
  const qint64 budgetKb_;
  QMutex mutex_;
  bool started_ = false;
};

class LoggingListener : public PressureListener {
 public:
  void onPressure(PressureLevel level, qint64 residentKb) override {
    qWarning() << "memory pressure " << static_cast<int>(level) << " at " << residentKb << " kB";
  }
};

}  // namespace player
