// Tariff calculator for the billing engine. Rating threads call Rate() for
// every call record; the tariff tables are loaded from disk the first time.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "boost_thread.h"
#include "task_runner.h"

namespace billing {

enum class CallType { kLocal, kNational, kInternational, kPremium };

struct Tariff {
  int64_t setup_micros = 0;
  int64_t per_second_micros = 0;
};

struct CallRecord {
  std::string caller;
  std::string callee;
  CallType type = CallType::kLocal;
  int64_t seconds = 0;
};

class TariffCalculator {
 public:
  explicit TariffCalculator(std::string tariff_path) : tariff_path_(std::move(tariff_path)) {}

  int64_t Rate(const CallRecord& rec) {
    EnsureLoaded();
    auto it = tariffs_.find(rec.type);
    if (it == tariffs_.end()) return -1;
    int64_t cost = it->second.setup_micros + it->second.per_second_micros * rec.seconds;
    boost::lock_guard<boost::mutex> lock(stats_mu_);
    ++rated_;
    revenue_micros_ += cost;
    return cost;
  }

  int64_t Revenue() {
    boost::lock_guard<boost::mutex> lock(stats_mu_);
    return revenue_micros_;
  }

 private:
  void EnsureLoaded() {
    if (!loaded_) {
      runtime::Log("INFO") << "loading tariffs from " << tariff_path_;
      tariffs_[CallType::kLocal] = Tariff{0, 20};
      tariffs_[CallType::kNational] = Tariff{100, 50};
      tariffs_[CallType::kInternational] = Tariff{500, 300};
      tariffs_[CallType::kPremium] = Tariff{1000, 1200};
      loaded_ = true;
    }  // EXPECT: concurrency-lazy-init-race
  }

  const std::string tariff_path_;
  std::map<CallType, Tariff> tariffs_;
  bool loaded_ = false;
  boost::mutex stats_mu_;
  uint64_t rated_ = 0;
  int64_t revenue_micros_ = 0;
};

class RatingWorker {
 public:
  RatingWorker(TariffCalculator* calc, std::vector<CallRecord> records)
      : calc_(calc), records_(std::move(records)) {}

  runtime::Status Run() {
    int64_t total = 0;
    for (const CallRecord& rec : records_) {
      int64_t cost = calc_->Rate(rec);
      if (cost < 0) {
        runtime::Log("WARN") << "no tariff for call from " << rec.caller;
        return runtime::Status::kInternal;
      }
      total += cost;
    }
    runtime::Log("INFO") << "rated " << records_.size() << " calls, total " << total;
    return runtime::Status::kOk;
  }

 private:
  TariffCalculator* calc_;
  std::vector<CallRecord> records_;
};

}  // namespace billing
