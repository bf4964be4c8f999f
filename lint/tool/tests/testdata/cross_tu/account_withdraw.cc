#include "account.h"

namespace storage {

bool Account::Withdraw(long amount) {
  std::lock_guard<std::mutex> lock(mu_);
  if (balance_ < amount) return false;
  balance_ -= amount;
  return true;
}

}  // namespace storage
