// Double-entry ledger: the journal lock is always taken before the account
// lock. Batches are opened with BeginBatch(), which hands the journal lock
// to the caller, and closed with CommitBatch().
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common_mutex.h"

namespace ledger {

struct Entry {
  std::string debit;
  std::string credit;
  int64_t cents;
};

class Ledger {
 public:
  // Returns with journal_mu_ held when batching is enabled.
  void BeginBatch(bool enabled) ACQUIRE(journal_mu_) {
    if (!enabled) return;
    journal_mu_.Lock();
  }  // EXPECT: concurrency-lock-balance

  void Post(const Entry& e) REQUIRES(journal_mu_) {
    journal_.push_back(e);
  }

  void CommitBatch() RELEASE(journal_mu_) {
    util::MutexLock accounts(&accounts_mu_);
    for (const Entry& e : journal_) {
      balances_[e.debit] -= e.cents;
      balances_[e.credit] += e.cents;
    }
    journal_.clear();
    journal_mu_.Unlock();
  }

  // Moves money directly, outside a batch.
  void Transfer(const std::string& from, const std::string& to, int64_t cents) {
    util::MutexLock accounts(&accounts_mu_);
    util::MutexLock journal(&journal_mu_);  // EXPECT: concurrency-lock-balance
    audit_log_.push_back(Entry{from, to, cents});
    balances_[from] -= cents;
    balances_[to] += cents;
  }

  int64_t Balance(const std::string& account) {
    util::MutexLock accounts(&accounts_mu_);
    auto it = balances_.find(account);
    return it == balances_.end() ? 0 : it->second;
  }

 private:
  util::Mutex journal_mu_ ACQUIRED_BEFORE(accounts_mu_);
  util::Mutex accounts_mu_;
  std::vector<Entry> journal_ GUARDED_BY(journal_mu_);
  std::vector<Entry> audit_log_ GUARDED_BY(journal_mu_);
  std::map<std::string, int64_t> balances_ GUARDED_BY(accounts_mu_);
};

}  // namespace ledger
