// Runs the run-length codec's round-trip property and prints the minimal
// counterexample lockstep finds (tools/demo runs this).
#include <cstdio>

#include "examples/properties/run_length_property.h"

int main() {
  lockstep::Result result =
      lockstep::Check("run-length round trip", examples::RunLengthRoundTrip,
                      lockstep::Settings().Derandomize(true).NoDatabase());
  std::printf("%s", result.Report("run-length round trip").c_str());
  return result.passed ? 0 : 1;
}
