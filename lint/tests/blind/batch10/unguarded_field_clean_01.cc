// Device poller for the USB hub monitor. A dedicated QThread polls the hub;
// the UI thread reads the latest snapshot through the mutex.
#include <string>
#include <vector>

#include "qt_core.h"

namespace hubmon {

enum class PortStatus { Empty, Enumerating, Connected, OverCurrent };

struct PortSnapshot {
  int port = 0;
  PortStatus status = PortStatus::Empty;
  QString deviceName;
};

class HubBackend {
 public:
  virtual ~HubBackend() = default;
  virtual std::vector<PortSnapshot> readPorts() = 0;
  virtual qint64 nowMs() = 0;
};

class HubPoller : public QThread {
 public:
  explicit HubPoller(HubBackend* backend) : backend_(backend) {}

  std::vector<PortSnapshot> latest() {
    QMutexLocker locker(&mutex_);
    return latest_;
  }

  int changeCount() {
    QMutexLocker locker(&mutex_);
    return changes_;
  }

 protected:
  void run() override {
    while (!isInterruptionRequested()) {
      const qint64 now = backend_->nowMs();
      // Back off when the hub keeps reporting over-current.
      if (now - lastPollMs_ < backoffMs_) {
        QThread::msleep(10);
        continue;
      }
      lastPollMs_ = now;
      std::vector<PortSnapshot> ports = backend_->readPorts();
      backoffMs_ = anyOverCurrent(ports) ? backoffMs_ * 2 : kBaseBackoffMs;
      if (backoffMs_ > kMaxBackoffMs) backoffMs_ = kMaxBackoffMs;
      publish(std::move(ports));
    }
  }

 private:
  static constexpr qint64 kBaseBackoffMs = 50;
  static constexpr qint64 kMaxBackoffMs = 5000;

  static bool anyOverCurrent(const std::vector<PortSnapshot>& ports) {
    for (const PortSnapshot& p : ports) {
      if (p.status == PortStatus::OverCurrent) return true;
    }
    return false;
  }

  void publish(std::vector<PortSnapshot> ports) {
    QMutexLocker locker(&mutex_);
    if (ports.size() != latest_.size()) {
      ++changes_;
    } else {
      for (size_t i = 0; i < ports.size(); ++i) {
        if (ports[i].status != latest_[i].status) {
          ++changes_;
          break;
        }
      }
    }
    latest_ = std::move(ports);
  }

  HubBackend* const backend_;
  QMutex mutex_;
  std::vector<PortSnapshot> latest_;
  int changes_ = 0;
  // Only accessed on the poller thread (run()); no lock needed.
  qint64 lastPollMs_ = 0;
  // Only accessed on the poller thread (run()); no lock needed.
  qint64 backoffMs_ = kBaseBackoffMs;
};

QString formatPorts(const std::vector<PortSnapshot>& ports) {
  QString out;
  for (const PortSnapshot& p : ports) {
    out += std::to_string(p.port) + ":" + (p.deviceName.empty() ? "-" : p.deviceName) + " ";
  }
  return out;
}

}  // namespace hubmon
