// Error-code tables for the storage client. The tables are function-local
// statics with initializers (magic statics), which C++ builds exactly once
// even when several threads call in at the same time.
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace storage {

enum class ErrorClass { kRetryable, kPermanent, kAuth, kUnknown };

struct ErrorInfo {
  ErrorClass cls = ErrorClass::kUnknown;
  const char* description = "";
};

const std::map<int, ErrorInfo>& HttpErrorTable() {
  static const std::map<int, ErrorInfo> table = {
      {401, {ErrorClass::kAuth, "unauthorized"}},
      {403, {ErrorClass::kAuth, "forbidden"}},
      {404, {ErrorClass::kPermanent, "not found"}},
      {429, {ErrorClass::kRetryable, "too many requests"}},
      {503, {ErrorClass::kRetryable, "service unavailable"}},
  };
  return table;
}

class RetryBudget {
 public:
  explicit RetryBudget(int tokens) : tokens_(tokens) {}

  bool TryConsume() {
    std::lock_guard<std::mutex> lock(mu_);
    if (tokens_ == 0) return false;
    --tokens_;
    return true;
  }

  void Refill(int n) {
    std::lock_guard<std::mutex> lock(mu_);
    tokens_ += n;
  }

 private:
  std::mutex mu_;
  int tokens_;
};

RetryBudget* SharedRetryBudget() {
  static RetryBudget* budget = new RetryBudget(100);
  return budget;
}

ErrorClass Classify(int http_status) {
  const auto& table = HttpErrorTable();
  auto it = table.find(http_status);
  return it == table.end() ? ErrorClass::kUnknown : it->second.cls;
}

bool ShouldRetry(int http_status, int attempt) {
  if (attempt >= 5) return false;
  if (Classify(http_status) != ErrorClass::kRetryable) return false;
  return SharedRetryBudget()->TryConsume();
}

// Runs the uploads in parallel; all of them consult the shared tables.
int UploadAll(const std::vector<int>& simulated_statuses) {
  std::vector<std::thread> threads;
  std::vector<int> retries(simulated_statuses.size(), 0);
  for (size_t i = 0; i < simulated_statuses.size(); ++i) {
    threads.emplace_back([&simulated_statuses, &retries, i] {
      int attempt = 0;
      while (ShouldRetry(simulated_statuses[i], attempt)) ++attempt;
      retries[i] = attempt;
    });
  }
  for (std::thread& t : threads) t.join();
  int total = 0;
  for (int r : retries) total += r;
  return total;
}

}  // namespace storage
