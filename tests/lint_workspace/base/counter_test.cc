#include "base/counter.h"

#include <thread>

int main() {
  base::Counter counter;
  std::thread other([&counter] { counter.Add(1); });
  counter.Add(2);
  other.join();
  return counter.Get() == 3 ? 0 : 1;
}
