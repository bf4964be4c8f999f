// What one repeated case costs (issue 15 item 4: "repeats cost at most ~2 µs
// each"), measured on its own. Run by hand:
//
//   bazel run -c opt //tools/bench/repeats:repeat_bench -- --cases=100000
//
// A repeat is a generated case whose choices an earlier case already made:
// the body runs again and the engine only counts it. Two properties of one
// integer draw, alike in every cost but how often they repeat:
//
//   distinct  Integers(2^40, 2^41): no small values in range, so the
//             drawing algorithm's "one draw in four near zero" never
//             applies and practically no case repeats;
//   repeating Integers(0, 2^40): a quarter of the draws land in [0, 127]
//             and nearly all of those repeat (about 25% of the cases).
//
// With N cases each, R repeats in the second and t_d, t_r the two Checks'
// wall times, the cost of one repeat is what the repeating run spends
// beyond its N - R distinct cases at the distinct run's rate:
//
//   per repeat = (t_r - (N - R) * t_d / N) / R
//
// The properties run alternately --trials times; medians are printed.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/lockstep.h"

ABSL_FLAG(int, cases, 100000, "cases per Check");
ABSL_FLAG(int, trials, 7, "Checks of each property");

namespace {

using lockstep::Check;
using lockstep::Result;
using lockstep::Settings;
using lockstep::TestCase;
namespace gen = lockstep::gen;

struct Run {
  double seconds = 0;
  uint64_t bodies = 0;
  uint64_t repeats = 0;
};

Run Measure(int64_t min, int64_t max, int cases, uint64_t seed) {
  uint64_t bodies = 0;
  Settings settings = Settings().TestCases(cases).Seed(seed).NoDatabase();
  absl::Time start = absl::Now();
  Result result = Check(
      "repeats",
      [&bodies, min, max](TestCase& tc) {
        ++bodies;
        tc.Draw(gen::Integers<int64_t>(min, max));
      },
      settings);
  Run run;
  run.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  if (!result.passed) {
    std::fprintf(stderr, "%s\n", result.Report("repeats").c_str());
  }
  run.bodies = bodies;
  run.repeats = result.repeats;
  return run;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int cases = absl::GetFlag(FLAGS_cases);
  const int trials = std::max(1, absl::GetFlag(FLAGS_trials));
  constexpr int64_t kTwo40 = int64_t{1} << 40;
  std::vector<double> distinct_s, repeating_s, per_repeat_us, per_case_us;
  uint64_t distinct_repeats = 0, repeats = 0, bodies = 0;
  // The engine starts with the first Check: not part of any figure.
  Measure(kTwo40, 2 * kTwo40, 1000, 1);
  for (int trial = 0; trial < trials; ++trial) {
    uint64_t seed = 1000 + static_cast<uint64_t>(trial);
    Run d = Measure(kTwo40, 2 * kTwo40, cases, seed);
    Run r = Measure(0, kTwo40, cases, seed);
    distinct_s.push_back(d.seconds);
    repeating_s.push_back(r.seconds);
    double per_distinct = d.seconds / static_cast<double>(d.bodies);
    double distinct_part =
        static_cast<double>(r.bodies - r.repeats) * per_distinct;
    per_case_us.push_back(per_distinct * 1e6);
    if (r.repeats > 0) {
      per_repeat_us.push_back((r.seconds - distinct_part) /
                              static_cast<double>(r.repeats) * 1e6);
    }
    distinct_repeats = d.repeats;
    repeats = r.repeats;
    bodies = r.bodies;
    std::printf(
        "trial %d: distinct %.4f s (%llu bodies, %llu repeats); repeating "
        "%.4f s (%llu bodies, %llu repeats); one repeat %.2f us\n",
        trial + 1, d.seconds, static_cast<unsigned long long>(d.bodies),
        static_cast<unsigned long long>(d.repeats), r.seconds,
        static_cast<unsigned long long>(r.bodies),
        static_cast<unsigned long long>(r.repeats),
        per_repeat_us.empty() ? 0.0 : per_repeat_us.back());
  }
  std::printf(
      "\n%d cases per Check, %d trials (medians):\n"
      "  distinct property:  %.4f s, %.2f us per case (last trial: %llu "
      "repeats)\n"
      "  repeating property: %.4f s (last trial: %llu repeats of %llu "
      "bodies)\n"
      "  one repeat costs:   %.2f us\n",
      cases, trials, Median(distinct_s), Median(per_case_us),
      static_cast<unsigned long long>(distinct_repeats), Median(repeating_s),
      static_cast<unsigned long long>(repeats),
      static_cast<unsigned long long>(bodies),
      per_repeat_us.empty() ? 0.0 : Median(per_repeat_us));
  return 0;
}
