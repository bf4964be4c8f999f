// Deliberately reads freed memory. Under --config=asan, AddressSanitizer must
// report it (see expect_report_test.sh).
#include <cstdio>
#include <memory>

int main(int argc, char** /*argv*/) {
  auto* values = new int[4]{argc, 2, 3, 4};
  delete[] values;
  std::printf("%d\n", values[argc]);
  return 0;
}
