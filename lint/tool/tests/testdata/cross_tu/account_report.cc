#include "account.h"

namespace storage {

// Reads the balance without the lock that Deposit and Withdraw hold.
long Account::Balance() const { return balance_; }

}  // namespace storage
