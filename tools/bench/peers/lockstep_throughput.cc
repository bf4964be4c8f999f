// lockstep's side of the peer throughput benchmark (run_throughput.py runs
// the same properties in RapidCheck and Hypothesis). Prints one line of
// key=value figures per measurement; the driver adds whole-process time.
//
//   lockstep_throughput --property=trivial --cases=100000 --max=1000
//   lockstep_throughput --property=heavy --cases=1000 --draws=1000
//   lockstep_throughput --property=concurrent --cases=10000 --threads=16
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/lockstep.h"

ABSL_FLAG(std::string, property, "trivial", "trivial, heavy or concurrent");
ABSL_FLAG(uint32_t, cases, 100000, "test cases per Check");
ABSL_FLAG(int64_t, max, 1000, "upper bound of the drawn integers");
ABSL_FLAG(uint32_t, draws, 1000, "integer draws per case (heavy)");
ABSL_FLAG(uint32_t, threads, 16, "concurrent Checks (concurrent)");
ABSL_FLAG(uint64_t, seed, 1, "seed of every Check");

namespace {

lockstep::Settings BenchSettings(uint32_t cases) {
  lockstep::Settings settings;
  settings.test_cases = cases;
  settings.seed = absl::GetFlag(FLAGS_seed);
  settings.database =
      lockstep::kNoDatabase;  // measure the search, not the disk
  return settings;
}

struct Measurement {
  uint64_t cases_run = 0;   // Result::test_cases_run
  uint64_t body_calls = 0;  // counted in the body
  double seconds = 0;       // around Check only
  bool ok = true;
};

// One bounded draw, always true.
Measurement RunTrivial(const std::string& name, uint32_t cases, int64_t max) {
  std::atomic<uint64_t> calls{0};
  absl::Time start = absl::Now();
  lockstep::Result result = lockstep::Check(
      name,
      [&](lockstep::TestCase& tc) {
        calls.fetch_add(1, std::memory_order_relaxed);
        int64_t x = tc.Draw(lockstep::gen::Integers<int64_t>(0, max));
        LOCKSTEP_ASSERT(x >= 0);
      },
      BenchSettings(cases));
  Measurement m;
  m.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  m.cases_run = result.test_cases_run;
  m.body_calls = calls.load();
  m.ok = result.passed && result.error.empty();
  if (!m.ok) std::fprintf(stderr, "%s\n", result.Report(name).c_str());
  return m;
}

void Print(const char* what, const Measurement& m) {
  std::printf("%s cases_run=%llu body_calls=%llu seconds=%.6f ok=%d\n", what,
              static_cast<unsigned long long>(m.cases_run),
              static_cast<unsigned long long>(m.body_calls), m.seconds,
              m.ok ? 1 : 0);
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const std::string property = absl::GetFlag(FLAGS_property);
  const uint32_t cases = absl::GetFlag(FLAGS_cases);
  const int64_t max = absl::GetFlag(FLAGS_max);
  // The engine subprocess starts with the first Check of the process; a tiny
  // Check first keeps that start-up (tens of milliseconds, in the driver's
  // whole-process wall time) out of the throughput figures, as the peers'
  // figures leave out their own process start.
  if (property == "trivial" || property == "heavy") {
    RunTrivial("warm-up", 1, max);
  }
  if (property == "trivial") {
    Print("trivial", RunTrivial("trivial", cases, max));
  } else if (property == "heavy") {
    const uint32_t draws = absl::GetFlag(FLAGS_draws);
    std::atomic<uint64_t> calls{0};
    absl::Time start = absl::Now();
    lockstep::Result result = lockstep::Check(
        "heavy",
        [&](lockstep::TestCase& tc) {
          calls.fetch_add(1, std::memory_order_relaxed);
          int64_t sum = 0;
          for (uint32_t i = 0; i < draws; ++i) {
            sum += tc.Draw(lockstep::gen::Integers<int64_t>(0, max));
          }
          LOCKSTEP_ASSERT(sum >= 0);
        },
        BenchSettings(cases));
    Measurement m;
    m.seconds = absl::ToDoubleSeconds(absl::Now() - start);
    m.cases_run = result.test_cases_run;
    m.body_calls = calls.load();
    m.ok = result.passed && result.error.empty();
    if (!m.ok) std::fprintf(stderr, "%s\n", result.Report("heavy").c_str());
    Print("heavy", m);
  } else if (property == "concurrent") {
    RunTrivial("warm-up", 1, max);
    Print("single", RunTrivial("single", cases, max));
    const uint32_t threads = absl::GetFlag(FLAGS_threads);
    std::vector<Measurement> each(threads);
    absl::Time start = absl::Now();
    std::vector<std::thread> workers;
    for (uint32_t t = 0; t < threads; ++t) {
      workers.emplace_back([&each, t, cases, max] {
        each[t] = RunTrivial("concurrent-" + std::to_string(t), cases, max);
      });
    }
    for (std::thread& worker : workers) worker.join();
    Measurement total;
    total.seconds = absl::ToDoubleSeconds(absl::Now() - start);
    for (const Measurement& m : each) {
      total.cases_run += m.cases_run;
      total.body_calls += m.body_calls;
      total.ok = total.ok && m.ok;
    }
    Print("aggregate", total);
  } else {
    std::fprintf(stderr, "unknown --property=%s\n", property.c_str());
    return 2;
  }
  return 0;
}
