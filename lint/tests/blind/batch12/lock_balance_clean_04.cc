// Ported from org.example.io.BoundedBuffer (Java): the classic bounded
// buffer with wait()/notifyAll() inside synchronized blocks. Producers that
// time out return false instead of blocking forever.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <utility>

#include <jport/lang.h>

namespace org::example::io {

class BoundedBuffer : public jport::Object {
 public:
  explicit BoundedBuffer(size_t capacity) : capacity_(capacity) {}

  // public boolean offer(String item, long timeoutMillis)
  bool offer(std::string item, int64_t timeoutMillis) JPORT_EXCLUDES(monitor_) {
    const int64_t deadline = jport::System::currentTimeMillis() + timeoutMillis;
    JPORT_SYNCHRONIZED_METHOD();
    while (items_.size() >= capacity_) {
      const int64_t left = deadline - jport::System::currentTimeMillis();
      if (left <= 0) return false;
      monitor_.waitFor(left);
    }
    items_.push_back(std::move(item));
    monitor_.notifyAll();
    return true;
  }

  // public String take() throws InterruptedException
  std::string take() JPORT_EXCLUDES(monitor_) {
    monitor_.enter();
    while (items_.empty()) {
      if (closed_) {
        monitor_.exit();
        throw jport::InterruptedException();
      }
      monitor_.wait();
    }
    std::string item = std::move(items_.front());
    items_.pop_front();
    monitor_.notifyAll();
    monitor_.exit();
    return item;
  }

  void close() JPORT_EXCLUDES(monitor_) {
    synchronized_(monitor_) {
      closed_ = true;
      monitor_.notifyAll();
    }
  }

  size_t size() const JPORT_EXCLUDES(monitor_) {
    synchronized_(monitor_) { return items_.size(); }
    return 0;
  }

 private:
  const size_t capacity_;
  std::deque<std::string> items_ JPORT_GUARDED_BY(monitor_);
  bool closed_ JPORT_GUARDED_BY(monitor_) = false;
};

}  // namespace org::example::io
