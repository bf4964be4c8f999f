#include "account/account.h"

namespace account {

void Account::Deposit(long amount) {
  std::lock_guard<std::mutex> lock(mu_);
  balance_ += amount;
}

bool Account::Withdraw(long amount) {
  std::lock_guard<std::mutex> lock(mu_);
  if (balance_ < amount) return false;
  balance_ -= amount;
  return true;
}

}  // namespace account
