// A metrics record flusher: producers append records, and a flusher thread
// waits for records and writes them out in batches. Shutdown stops new
// submissions and waits for the flusher.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace telemetry {

struct Record {
  std::string name;
  double value;
  int64_t ts_ms;
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void WriteBatch(const std::vector<Record>& batch) = 0;
};

class Flusher {
 public:
  explicit Flusher(Writer* writer) : writer_(writer), thread_([this] { Run(); }) {}

  ~Flusher() {
    accepting_.store(false);
    thread_.join();  // EXPECT: concurrency-thread-leak
  }

  bool Submit(Record r) {
    if (!accepting_.load()) return false;
    std::lock_guard<std::mutex> lock(mu_);
    records_.push_back(std::move(r));
    records_ready_.notify_one();
    return true;
  }

  uint64_t batches_written() {
    std::lock_guard<std::mutex> lock(mu_);
    return batches_;
  }

 private:
  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      records_ready_.wait(lock, [this] { return stop_ || !records_.empty(); });
      if (stop_ && records_.empty()) return;
      std::vector<Record> batch;
      batch.swap(records_);
      lock.unlock();
      writer_->WriteBatch(batch);
      lock.lock();
      ++batches_;
    }
  }

  Writer* const writer_;
  std::atomic<bool> accepting_{true};
  std::mutex mu_;
  std::condition_variable records_ready_;
  std::vector<Record> records_;
  bool stop_ = false;
  uint64_t batches_ = 0;
  std::thread thread_;
};

class CsvWriter : public Writer {
 public:
  explicit CsvWriter(std::FILE* out) : out_(out) {}
  void WriteBatch(const std::vector<Record>& batch) override {
    for (const Record& r : batch) {
      std::fprintf(out_, "%lld,%s,%g\n", static_cast<long long>(r.ts_ms), r.name.c_str(), r.value);
    }
    std::fflush(out_);
  }

 private:
  std::FILE* const out_;
};

// Computes min/max/mean of a batch, used by the debug writer.
std::string Summarize(const std::vector<Record>& batch) {
  if (batch.empty()) return "empty";
  double lo = batch[0].value, hi = batch[0].value, sum = 0;
  for (const Record& r : batch) {
    if (r.value < lo) lo = r.value;
    if (r.value > hi) hi = r.value;
    sum += r.value;
  }
  return "n=" + std::to_string(batch.size()) + " min=" + std::to_string(lo) +
         " max=" + std::to_string(hi) + " mean=" + std::to_string(sum / static_cast<double>(batch.size()));
}

void RecordLatency(Flusher* flusher, const std::string& endpoint, double ms, int64_t now_ms) {
  if (!flusher->Submit(Record{"latency." + endpoint, ms, now_ms})) {
    std::fprintf(stderr, "telemetry is shutting down; dropping %s\n", endpoint.c_str());
  }
}

}  // namespace telemetry
