// Deliberately overflows a signed int. Under --config=asan (which includes
// UndefinedBehaviorSanitizer) the run must stop with a report.
#include <cstdio>
#include <limits>

int main(int argc, char** /*argv*/) {
  int value = std::numeric_limits<int>::max() - 1 + argc;  // argc is 1
  value += argc;
  std::printf("%d\n", value);
  return 0;
}
