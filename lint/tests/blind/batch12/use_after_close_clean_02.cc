// Call tracing of a gRPC server. Interceptors on the completion-queue
// threads send spans to the exporter when tracing is on; the admin service
// turns tracing off at runtime, which closes the exporter's connection.
// The atomic flag only lets the hot path skip the lock when tracing is off;
// whether the exporter is still open is decided again under the lock.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include <grpcpp/grpcpp.h>

namespace tracing {

struct Span {
  std::string method;
  std::chrono::steady_clock::time_point start;
  std::chrono::microseconds duration{0};
  grpc::StatusCode code = grpc::StatusCode::OK;
};

class SpanExporter {
 public:
  virtual ~SpanExporter() = default;
  virtual void Export(const Span& span) = 0;
  virtual void Close() = 0;
};

class CallTracer {
 public:
  void Enable(std::unique_ptr<SpanExporter> exporter) {
    std::lock_guard<std::mutex> lock(mu_);
    if (exporter_) exporter_->Close();
    exporter_ = std::move(exporter);
    enabled_.store(true, std::memory_order_release);
  }

  void Disable() {
    std::lock_guard<std::mutex> lock(mu_);
    enabled_.store(false, std::memory_order_release);
    if (!exporter_) return;
    exporter_->Close();
    exporter_.reset();
  }

  // Completion-queue threads, once per finished call.
  void OnCallFinished(const Span& span) {
    if (!enabled_.load(std::memory_order_acquire)) return;
    std::lock_guard<std::mutex> lock(mu_);
    if (exporter_) {
      exporter_->Export(span);
      ++exported_;
    }
  }

  uint64_t exported() {
    std::lock_guard<std::mutex> lock(mu_);
    return exported_;
  }

  ~CallTracer() {
    if (exporter_) exporter_->Close();
  }

 private:
  std::mutex mu_;
  std::unique_ptr<SpanExporter> exporter_;
  uint64_t exported_ = 0;
  std::atomic<bool> enabled_{false};
};

}  // namespace tracing
