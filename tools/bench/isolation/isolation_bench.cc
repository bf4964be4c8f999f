// What isolation mode (Settings::isolate) costs per case, and how fast
// every Check fails once the engine dies (issue 15). Run by hand:
//
//   bazel run -c opt //tools/bench/isolation:isolation_bench -- --cases=2000
//
// Prints, for a one-draw property and a 100-draw one, the wall time per
// case in process and isolated (a fork per case) and the difference; then
// the worst latency from killing the engine to the return of the last of 8
// concurrent Checks of 2 ms cases, over --kills runs.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/lockstep.h"
#include "client/session.h"

ABSL_FLAG(int, cases, 2000, "cases per Check in the isolation runs");
ABSL_FLAG(int, kills, 3, "engine kills in the fail-fast runs");

namespace {

using lockstep::Check;
using lockstep::Result;
using lockstep::Settings;
using lockstep::TestCase;
namespace gen = lockstep::gen;

// Microseconds per case run of `draws` integer draws per case.
double MicrosPerCase(int draws, bool isolate, int cases) {
  Settings settings =
      Settings().TestCases(cases).Seed(7).NoDatabase().Isolate(isolate);
  absl::Time start = absl::Now();
  Result result = Check(
      isolate ? "isolated" : "in process",
      [draws](TestCase& tc) {
        for (int i = 0; i < draws; ++i) tc.Draw(gen::Integers<int>(0, 1 << 30));
      },
      settings);
  absl::Duration took = absl::Now() - start;
  if (!result.passed)
    std::fprintf(stderr, "%s\n", result.Report("bench").c_str());
  uint64_t run = std::max<uint64_t>(result.generated_cases, 1);
  return absl::ToDoubleMicroseconds(took) / static_cast<double>(run);
}

// Worst latency, from SIGKILL of the engine to a Check's return, over 8
// Checks of 2 ms cases.
absl::Duration FailFastLatency() {
  constexpr int kChecks = 8;
  std::atomic<int> running{0};
  std::vector<absl::Time> returned(kChecks);
  std::vector<std::thread> threads;
  for (int i = 0; i < kChecks; ++i) {
    threads.emplace_back([&, i] {
      bool counted = false;
      Check(
          "slow cases",
          [&](TestCase& tc) {
            if (!counted) {
              counted = true;
              ++running;
            }
            tc.Draw(gen::Integers<int>(0, 1000000));
            absl::SleepFor(absl::Milliseconds(2));
          },
          Settings().TestCases(100000).NoDatabase());
      returned[i] = absl::Now();
    });
  }
  while (running.load() < kChecks) absl::SleepFor(absl::Milliseconds(10));
  absl::SleepFor(absl::Milliseconds(300));
  absl::Time killed = absl::Now();
  kill(lockstep::client::Session::Global().engine_pid(), SIGKILL);
  for (auto& t : threads) t.join();
  absl::Duration worst = absl::ZeroDuration();
  for (absl::Time t : returned) worst = std::max(worst, t - killed);
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  int cases = absl::GetFlag(FLAGS_cases);
  std::printf("%-22s %12s %12s %12s\n", "property", "in process", "isolated",
              "difference");
  for (int draws : {1, 100}) {
    double in_process = MicrosPerCase(draws, false, cases);
    double isolated = MicrosPerCase(draws, true, cases);
    std::printf("%-22s %9.1f us %9.1f us %9.1f us\n",
                (std::to_string(draws) + " draw(s) per case").c_str(),
                in_process, isolated, isolated - in_process);
  }
  for (int i = 0; i < absl::GetFlag(FLAGS_kills); ++i) {
    std::printf(
        "fail fast, run %d: worst latency over 8 Checks of 2 ms "
        "cases: %s\n",
        i + 1, absl::FormatDuration(FailFastLatency()).c_str());
  }
  return 0;
}
