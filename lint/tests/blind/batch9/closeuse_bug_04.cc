// An audit journal for a payments service: every authorization is appended
// to a local journal file before it is acknowledged; Shutdown() closes the
// journal when the service drains.
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

namespace payments {

enum class Decision { kApproved, kDeclined, kReview };

struct Authorization {
  std::string merchant;
  std::string card_token;
  int64_t amount_cents;
  Decision decision;
};

const char* DecisionName(Decision d) {
  switch (d) {
    case Decision::kApproved: return "APPROVED";
    case Decision::kDeclined: return "DECLINED";
    case Decision::kReview: return "REVIEW";
  }
  return "?";
}

class AuditJournal {
 public:
  bool Open(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    journal_.open(path, std::ios::out | std::ios::app);
    accepting_ = journal_.is_open();
    return accepting_;
  }

  // Request threads, before acknowledging the authorization. The admission
  // check and the counter use the lock; the write itself stays outside it to
  // keep request latency flat.
  bool Append(const Authorization& a, int64_t ts_ms) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!accepting_) return false;
      ++entries_;
    }
    std::ostringstream line;
    line << ts_ms << '\t' << a.merchant << '\t' << a.card_token << '\t' << a.amount_cents << '\t'
         << DecisionName(a.decision) << '\n';
    journal_ << line.str() << std::flush;  // EXPECT: concurrency-use-after-close
    return true;
  }

  // Drain path: no new requests are routed here, but in-flight ones may still append.
  void Shutdown() {
    std::lock_guard<std::mutex> lock(mu_);
    accepting_ = false;
    if (journal_.is_open()) {
      journal_.flush();
      journal_.close();
    }
  }

  bool accepting() {
    std::lock_guard<std::mutex> lock(mu_);
    return accepting_;
  }

  uint64_t entries() {
    std::lock_guard<std::mutex> lock(mu_);
    return entries_;
  }

 private:
  std::mutex mu_;
  std::ofstream journal_;
  bool accepting_ = false;
  uint64_t entries_ = 0;
};

class Authorizer {
 public:
  explicit Authorizer(AuditJournal* journal) : journal_(journal) {}

  Decision Authorize(const std::string& merchant, const std::string& token, int64_t cents) {
    Decision d = Decision::kApproved;
    if (cents > 500000) d = Decision::kReview;
    if (token.empty()) d = Decision::kDeclined;
    const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    if (!journal_->Append(Authorization{merchant, token, cents, d}, now)) {
      return Decision::kDeclined;  // never acknowledge what is not journaled
    }
    return d;
  }

 private:
  AuditJournal* const journal_;
};

std::vector<Decision> AuthorizeBatch(Authorizer& auth, const std::vector<Authorization>& batch) {
  std::vector<Decision> out;
  out.reserve(batch.size());
  for (const Authorization& a : batch) out.push_back(auth.Authorize(a.merchant, a.card_token, a.amount_cents));
  return out;
}

}  // namespace payments
