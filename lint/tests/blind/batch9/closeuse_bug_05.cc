// A tracing exporter: spans are exported through a sink that the SDK can
// close at shutdown or swap on reconfiguration. The exporter checks for a
// sink first so that spans are dropped cheaply when tracing is off.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace tracing {

struct Span {
  std::string trace_id;
  std::string span_id;
  std::string name;
  int64_t start_ns;
  int64_t end_ns;
};

class SpanSink {
 public:
  virtual ~SpanSink() = default;
  virtual bool Export(const std::vector<Span>& spans) = 0;
  virtual void Close() = 0;
};

class BatchExporter {
 public:
  explicit BatchExporter(size_t max_batch) : max_batch_(max_batch) {}

  void SetSink(std::shared_ptr<SpanSink> sink) {
    std::lock_guard<std::mutex> lock(mu_);
    if (sink_ != nullptr) sink_->Close();
    sink_ = std::move(sink);
  }

  // Application threads, at span end.
  void OnEnd(Span span) {
    if (!sink_) return;  // EXPECT: concurrency-use-after-close
    std::lock_guard<std::mutex> lock(mu_);
    batch_.push_back(std::move(span));
    if (batch_.size() >= max_batch_) {
      if (!sink_->Export(batch_)) dropped_ += batch_.size();
      batch_.clear();
    }
  }

  void ForceFlush() {
    std::lock_guard<std::mutex> lock(mu_);
    if (sink_ == nullptr || batch_.empty()) return;
    if (!sink_->Export(batch_)) dropped_ += batch_.size();
    batch_.clear();
  }

  // SDK shutdown.
  void Shutdown() {
    std::lock_guard<std::mutex> lock(mu_);
    if (sink_ == nullptr) return;
    if (!batch_.empty()) sink_->Export(batch_);
    batch_.clear();
    sink_->Close();
    sink_ = nullptr;
  }

  uint64_t dropped() {
    std::lock_guard<std::mutex> lock(mu_);
    return dropped_;
  }

 private:
  const size_t max_batch_;
  std::mutex mu_;
  std::shared_ptr<SpanSink> sink_;
  std::vector<Span> batch_;
  uint64_t dropped_ = 0;
};

// Sink that keeps spans in memory; used by the in-process trace viewer.
class MemorySink : public SpanSink {
 public:
  bool Export(const std::vector<Span>& spans) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return false;
    spans_.insert(spans_.end(), spans.begin(), spans.end());
    return true;
  }
  void Close() override {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
  }
  size_t size() {
    std::lock_guard<std::mutex> lock(mu_);
    return spans_.size();
  }

 private:
  std::mutex mu_;
  std::vector<Span> spans_;
  bool closed_ = false;
};

// RAII span helper.
class ScopedSpan {
 public:
  ScopedSpan(BatchExporter* exporter, std::string name, int64_t now_ns)
      : exporter_(exporter) {
    span_.name = std::move(name);
    span_.start_ns = now_ns;
  }
  void End(int64_t now_ns) {
    span_.end_ns = now_ns;
    exporter_->OnEnd(span_);
  }

 private:
  BatchExporter* const exporter_;
  Span span_;
};

}  // namespace tracing
