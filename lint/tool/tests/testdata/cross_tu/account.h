// A class whose methods are defined in three files. Each file alone shows
// too little to infer that mu_ guards balance_; the three together do.
#ifndef LOCKSTEP_LINT_TOOL_TESTS_TESTDATA_CROSS_TU_ACCOUNT_H_
#define LOCKSTEP_LINT_TOOL_TESTS_TESTDATA_CROSS_TU_ACCOUNT_H_

#include <mutex>

namespace storage {

class Account {
 public:
  void Deposit(long amount);
  bool Withdraw(long amount);
  long Balance() const;

 private:
  mutable std::mutex mu_;
  long balance_ = 0;
};

}  // namespace storage

#endif  // LOCKSTEP_LINT_TOOL_TESTS_TESTDATA_CROSS_TU_ACCOUNT_H_
