// A market-data stream reader: reads are issued asynchronously on the
// transport and complete on its I/O thread; a periodic timer reports
// throughput. The control thread may reset the counters or change the
// report interval while the stream runs.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace marketdata {

struct IoStatus {
  int code = 0;
  bool ok() const { return code == 0; }
};

using ReadCallback = std::function<void(IoStatus, size_t)>;

class Transport {
 public:
  virtual ~Transport() = default;
  // Completes on the transport's I/O thread.
  virtual void ReadAsync(char* buf, size_t len, ReadCallback done) = 0;
};

class Timer {
 public:
  virtual ~Timer() = default;
  virtual void Every(std::chrono::milliseconds period, std::function<void()> fn) = 0;
  virtual void Cancel() = 0;
};

class StreamReader {
 public:
  StreamReader(Transport* transport, Timer* timer) : transport_(transport), timer_(timer), buffer_(64 * 1024) {}

  void Start() {
    IssueRead();
    timer_->Every(std::chrono::seconds(1), std::bind(&StreamReader::Tick, this));
  }

  void Stop() {
    timer_->Cancel();
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = true;
  }

  // Control thread.
  void ResetCounters() {
    bytes_received_ = 0;
    std::fprintf(stderr, "stream counters reset\n");
  }

  // Control thread.
  void SetReportEvery(int ticks) { report_every_ticks_ = ticks; }

  std::vector<std::string> TakeMessages() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> out;
    out.swap(messages_);
    return out;
  }

 private:
  void IssueRead() {
    transport_->ReadAsync(buffer_.data(), buffer_.size(), [this](IoStatus s, size_t n) {
      if (!s.ok()) {
        std::fprintf(stderr, "stream read failed: %d\n", s.code);
        return;
      }
      bytes_received_ += n;  // EXPECT: concurrency-closure-captures-mutable
      bool stopped;
      {
        std::lock_guard<std::mutex> lock(mu_);
        messages_.emplace_back(buffer_.data(), n);
        stopped = stopped_;
      }
      if (!stopped) IssueRead();
    });
  }

  // Runs on the timer thread.
  void Tick() {
    ++ticks_;
    if (ticks_ % report_every_ticks_ != 0) return;  // EXPECT: concurrency-closure-captures-mutable
    std::lock_guard<std::mutex> lock(mu_);
    std::fprintf(stderr, "%zu messages buffered\n", messages_.size());
  }

  Transport* const transport_;
  Timer* const timer_;
  std::vector<char> buffer_;  // only the read completion touches it
  uint64_t bytes_received_ = 0;
  int report_every_ticks_ = 10;
  uint64_t ticks_ = 0;  // only the timer thread touches it

  std::mutex mu_;
  std::vector<std::string> messages_;
  bool stopped_ = false;
};

std::unique_ptr<StreamReader> StartFeed(Transport* transport, Timer* timer) {
  auto reader = std::make_unique<StreamReader>(transport, timer);
  reader->Start();
  return reader;
}

}  // namespace marketdata
