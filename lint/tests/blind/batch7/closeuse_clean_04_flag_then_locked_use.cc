// Query tracer of a database front end: tracing is switched on and off at
// run time. The hot path tests an atomic flag without the lock (cheap when
// tracing is off) and uses the tracer only after re-checking it under the
// lock that StopTracing() takes to close it.

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "mock/query_log.h"

namespace dbfront {

class QueryTraceFile {
 public:
  explicit QueryTraceFile(FILE* out) : out_(out) {}
  void Trace(const std::string& sql, int64_t micros) {
    std::fprintf(out_, "%lld\t%s\n", static_cast<long long>(micros), sql.c_str());
  }
  void Close() {
    if (out_ != nullptr) std::fclose(out_);
    out_ = nullptr;
  }

 private:
  FILE* out_;
};

class QueryTracer {
 public:
  bool StartTracing(const std::string& path) {
    FILE* out = std::fopen(path.c_str(), "a");
    if (out == nullptr) return false;
    std::lock_guard<std::mutex> lock(mu_);
    tracer_.reset(new QueryTraceFile(out));
    tracing_.store(true, std::memory_order_release);
    return true;
  }

  void OnQueryDone(const CompletedQuery& query) {
    if (tracing_.load(std::memory_order_acquire)) {
      std::lock_guard<std::mutex> lock(mu_);
      if (tracer_) tracer_->Trace(query.sql, query.micros);
    }
  }

  void StopTracing() {
    std::lock_guard<std::mutex> lock(mu_);
    tracing_.store(false, std::memory_order_release);
    if (tracer_) {
      tracer_->Close();
      tracer_.reset();
    }
  }

 private:
  std::mutex mu_;
  std::atomic<bool> tracing_{false};
  std::unique_ptr<QueryTraceFile> tracer_;
};

}  // namespace dbfront
