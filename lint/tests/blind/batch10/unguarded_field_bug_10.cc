// Ledger accounts for the payments service. Transfers move money between two
// accounts that other request threads may be using at the same time.
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace ledger {

enum class TransferResult { kOk, kInsufficientFunds, kSameAccount, kFrozen };

struct Entry {
  int64_t amount_cents;
  std::string memo;
};

class Account {
 public:
  explicit Account(std::string id) : id_(std::move(id)) {}

  void Deposit(int64_t cents, std::string memo) {
    std::lock_guard<std::mutex> lock(mu_);
    balance_cents_ += cents;
    history_.push_back({cents, std::move(memo)});
  }

  int64_t Balance() const {
    std::lock_guard<std::mutex> lock(mu_);
    return balance_cents_;
  }

  void Freeze() {
    std::lock_guard<std::mutex> lock(mu_);
    frozen_ = true;
  }

  // Pulls `cents` out of `other` into this account.
  TransferResult TransferFrom(Account& other, int64_t cents) {
    if (&other == this) return TransferResult::kSameAccount;
    std::lock_guard<std::mutex> lock(mu_);
    if (frozen_) return TransferResult::kFrozen;
    if (other.balance_cents_ < cents) return TransferResult::kInsufficientFunds;  // EXPECT: concurrency-unguarded-field
    other.Deposit(-cents, "transfer to " + id_);
    balance_cents_ += cents;
    history_.push_back({cents, "transfer from " + other.id_});
    return TransferResult::kOk;
  }

  // Merges a duplicate account created by the signup race into this one.
  void AbsorbDuplicate(Account& dup) {
    if (&dup == this) return;
    std::scoped_lock lock(mu_, dup.mu_);
    balance_cents_ += dup.balance_cents_;
    dup.balance_cents_ = 0;
    for (Entry& e : dup.history_) history_.push_back(std::move(e));
    dup.history_.clear();
  }

  size_t HistorySize() const {
    std::lock_guard<std::mutex> lock(mu_);
    return history_.size();
  }

  const std::string& id() const { return id_; }

 private:
  const std::string id_;
  mutable std::mutex mu_;
  int64_t balance_cents_ = 0;
  bool frozen_ = false;
  std::vector<Entry> history_;
};

const char* ResultName(TransferResult r) {
  switch (r) {
    case TransferResult::kOk: return "ok";
    case TransferResult::kInsufficientFunds: return "insufficient funds";
    case TransferResult::kSameAccount: return "same account";
    case TransferResult::kFrozen: return "frozen";
  }
  return "?";
}

std::string SettleBatch(std::vector<Account*>& payers, Account& merchant, int64_t each) {
  std::string report;
  for (Account* payer : payers) {
    TransferResult r = merchant.TransferFrom(*payer, each);
    report += payer->id() + ": " + ResultName(r) + "\n";
  }
  return report;
}

}  // namespace ledger
