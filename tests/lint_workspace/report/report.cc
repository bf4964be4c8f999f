// C++20 only: concepts, std::span, designated initializers, operator<=>.
#include <compare>
#include <concepts>
#include <cstdio>
#include <span>

#include "account/account.h"
#include "base/counter.h"

#ifndef REPORT_COLUMNS
#error "the target's copts did not reach this compile"
#endif

namespace {

template <typename T>
concept Amount = std::integral<T>;

struct Row {
  long balance = 0;
  long operations = 0;
  auto operator<=>(const Row&) const = default;
};

template <Amount T>
T Total(std::span<const T> values) {
  T total = 0;
  for (T value : values) total += value;
  return total;
}

}  // namespace

int main() {
  account::Account account;
  base::Counter operations;
  const long deposits[REPORT_COLUMNS] = {10, 20, 30};
  for (long amount : deposits) {
    account.Deposit(amount);
    operations.Add(1);
  }
  Row row{.balance = account.Balance(), .operations = operations.Get()};
  Row expected{.balance = Total(std::span<const long>(deposits)),
               .operations = REPORT_COLUMNS};
  std::printf("%ld %ld\n", row.balance, row.operations);
  return row == expected ? 0 : 1;
}
