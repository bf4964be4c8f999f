#ifndef LINT_WORKSPACE_ACCOUNT_ACCOUNT_H_
#define LINT_WORKSPACE_ACCOUNT_ACCOUNT_H_

#include <mutex>

namespace account {

class Account {
 public:
  void Deposit(long amount);
  bool Withdraw(long amount);
  long Balance() const;

 private:
  mutable std::mutex mu_;
  long balance_ = 0;
};

}  // namespace account

#endif  // LINT_WORKSPACE_ACCOUNT_ACCOUNT_H_
