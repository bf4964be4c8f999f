// Log sinks for a small logging library. The base class serializes the
// calls (one mutex per sink) and the concrete sinks implement the hooks.

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace minilog {

enum class Level { kTrace, kDebug, kInfo, kWarn, kError };

struct Record {
  Level level = Level::kInfo;
  std::string logger;
  std::string message;
};

std::string FormatRecord(const Record& r);

class Sink {
 public:
  virtual ~Sink() = default;

  void Log(const Record& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (r.level < level_) return;
    SinkIt(r);
  }

  void Flush() {
    std::lock_guard<std::mutex> lock(mutex_);
    FlushIt();
  }

  void SetLevel(Level level) {
    std::lock_guard<std::mutex> lock(mutex_);
    level_ = level;
  }

 protected:
  virtual void SinkIt(const Record& r) = 0;
  virtual void FlushIt() = 0;

  std::mutex mutex_;

 private:
  Level level_ = Level::kInfo;
};

// Keeps the most recent lines in memory for the /debug/log page.
class RingBufferSink : public Sink {
 public:
  explicit RingBufferSink(size_t max_bytes) : max_bytes_(max_bytes) {}

  size_t BytesBuffered() const {
    return bytes_buffered_;  // EXPECT: concurrency-unguarded-field
  }

  std::vector<std::string> TakeLines() {
    std::lock_guard<std::mutex> lock(mutex_);
    bytes_buffered_ = 0;
    return std::exchange(lines_, {});
  }

 protected:
  void SinkIt(const Record& r) override {
    std::string line = FormatRecord(r);
    bytes_buffered_ += line.size();
    lines_.push_back(std::move(line));
    while (bytes_buffered_ > max_bytes_ && !lines_.empty()) {
      bytes_buffered_ -= lines_.front().size();
      lines_.erase(lines_.begin());
    }
  }

  void FlushIt() override {}

 private:
  const size_t max_bytes_;
  std::vector<std::string> lines_;
  size_t bytes_buffered_ = 0;
};

// Forwards every record to several sinks. Sinks are added during start-up,
// before any thread logs.
class FanoutLogger {
 public:
  void AddSink(std::shared_ptr<Sink> sink) { sinks_.push_back(std::move(sink)); }

  void Log(Level level, std::string logger, std::string message) {
    Record r{level, std::move(logger), std::move(message)};
    for (const auto& s : sinks_) s->Log(r);
  }

 private:
  std::vector<std::shared_ptr<Sink>> sinks_;
};

}  // namespace minilog
