// Runs the run-length codec's round-trip property and prints the minimal
// counterexample lockstep finds (tools/demo runs this).
#include <cstdio>

#include "examples/properties/run_length_property.h"

int main() {
  lockstep::Settings settings;
  settings.derandomize = true;
  settings.database = std::nullopt;
  lockstep::Result result = lockstep::Check(
      "run-length round trip", examples::RunLengthRoundTrip, settings);
  std::printf("%s", result.Report("run-length round trip").c_str());
  return result.passed ? 0 : 1;
}
