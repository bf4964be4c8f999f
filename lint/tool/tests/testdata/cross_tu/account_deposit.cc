#include "account.h"

namespace storage {

void Account::Deposit(long amount) {
  std::lock_guard<std::mutex> lock(mu_);
  balance_ += amount;
}

}  // namespace storage
