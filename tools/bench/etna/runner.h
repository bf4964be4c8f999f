// What the Etna runners share: the command line (workload, key range, tasks,
// trials, budget) and the line each trial prints, which run_etna.py reads:
//
//   TRIAL <workload> <mutant> <property> <trial> found=0|1 tests=N seconds=S
//
// `tests` counts body invocations up to and including the first failing one
// (every invocation when none failed; discarded cases count too), the same
// way for every tool; `seconds` is the time from the tool's check call to
// that invocation.
#ifndef LOCKSTEP_TOOLS_BENCH_ETNA_RUNNER_H_
#define LOCKSTEP_TOOLS_BENCH_ETNA_RUNNER_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "tools/bench/etna/properties.h"

namespace etna {

// Values are drawn from [0, kMaxValue] whatever the key range.
inline constexpr int kMaxValue = 1000;

struct Task {
  int mutant;  // index into MutantNames
  std::string mutant_name;
  Property property;
};

struct Options {
  Workload workload = Workload::kBst;
  int max_key = 20;
  int trials = 10;
  int budget = 10000;
  // lockstep only: Settings::size_cycle (0: the default). Set with
  // --size_cycle=N before the workload.
  int size_cycle = 0;
  std::vector<Task> tasks;
};

// argv: WORKLOAD(bst|rbt) MAX_KEY TRIALS BUDGET MUTANT:PROPERTY...
// (no tasks: every mutant with every property).
inline Options ParseOptions(int argc, char** argv) {
  Options o;
  if (argc > 1 && std::string(argv[1]).rfind("--size_cycle=", 0) == 0) {
    o.size_cycle = std::atoi(argv[1] + 13);
    --argc;
    ++argv;
  }
  if (argc < 5) {
    std::fprintf(
        stderr,
        "usage: %s bst|rbt MAX_KEY TRIALS BUDGET [MUTANT:PROPERTY...]\n",
        argv[0]);
    std::exit(2);
  }
  o.workload = std::string(argv[1]) == "rbt" ? Workload::kRbt : Workload::kBst;
  o.max_key = std::atoi(argv[2]);
  o.trials = std::atoi(argv[3]);
  o.budget = std::atoi(argv[4]);
  std::vector<std::string> mutants = MutantNames(o.workload);
  auto add = [&](size_t m, const Property& p) {
    o.tasks.push_back(Task{static_cast<int>(m), mutants[m], p});
  };
  for (int i = 5; i < argc; ++i) {
    std::string arg = argv[i];
    size_t colon = arg.find(':');
    std::string mutant = arg.substr(0, colon);
    std::string property = arg.substr(colon + 1);
    for (size_t m = 0; m < mutants.size(); ++m) {
      for (const Property& p : Properties(o.workload)) {
        if (mutants[m] == mutant && p.name == property) add(m, p);
      }
    }
  }
  if (argc == 5) {
    for (size_t m = 0; m < mutants.size(); ++m) {
      for (const Property& p : Properties(o.workload)) add(m, p);
    }
  }
  return o;
}

inline const char* WorkloadName(Workload w) {
  return w == Workload::kBst ? "bst" : "rbt";
}

inline void PrintTrial(const Options& o, const Task& task, int trial,
                       bool found, long long tests, double seconds) {
  std::printf("TRIAL %s %s %s %d found=%d tests=%lld seconds=%.6f\n",
              WorkloadName(o.workload), task.mutant_name.c_str(),
              task.property.name.c_str(), trial, found ? 1 : 0, tests, seconds);
  std::fflush(stdout);
}

}  // namespace etna

#endif  // LOCKSTEP_TOOLS_BENCH_ETNA_RUNNER_H_
