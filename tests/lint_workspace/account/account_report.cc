#include "account/account.h"

namespace account {

// The planted defect: no lock, where Deposit and Withdraw hold mu_.
long Account::Balance() const { return balance_; }

}  // namespace account
