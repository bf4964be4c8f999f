// Etna's BST and RBT workloads in lockstep: each task (mutant, property)
// runs `trials` Checks with seeds 1..trials and prints when the first
// failure came (runner.h). Shrinking is off (one call), the database too.
//
//   lockstep_etna bst 20 10 10000 [insert_1:InsertValid ...]
#include <chrono>
#include <cstdint>

#include "client/lockstep.h"
#include "tools/bench/etna/runner.h"

namespace etna {
namespace {

namespace gen = lockstep::gen;
using Clock = std::chrono::steady_clock;

void RunTrial(const Options& o, const Task& task, int trial) {
  Impl impl(o.workload, task.mutant);
  long long calls = 0;
  long long first_failure = 0;
  Clock::time_point start;
  double seconds = 0;
  auto pairs = gen::VectorOf(gen::TupleOf(gen::Integers<int>(0, o.max_key),
                                          gen::Integers<int>(0, kMaxValue)));
  lockstep::Settings settings;
  settings.test_cases = o.budget;
  settings.seed = trial;
  settings.database = lockstep::kNoDatabase;
  settings.max_shrink_calls = 1;
  if (o.size_cycle > 0) settings.size_cycle = o.size_cycle;
  settings.SuppressHealthCheck("filter_too_much")
      .SuppressHealthCheck("too_slow");
  start = Clock::now();
  lockstep::Check(
      task.mutant_name + ":" + task.property.name,
      [&](lockstep::TestCase& tc) {
        ++calls;
        Inputs in;
        for (int i = 0; i < task.property.trees; ++i) {
          Entries entries;
          for (const auto& [k, v] : tc.Draw(pairs)) entries.emplace_back(k, v);
          in.trees.push_back(std::move(entries));
        }
        for (int i = 0; i < task.property.keys; ++i) {
          in.keys.push_back(tc.Draw(gen::Integers<int>(0, o.max_key)));
        }
        for (int i = 0; i < task.property.values; ++i) {
          in.values.push_back(tc.Draw(gen::Integers<int>(0, kMaxValue)));
        }
        bool discard = false;
        bool holds = Holds(impl, task.property.name, in, &discard);
        tc.Assume(!discard);
        if (!holds && first_failure == 0) {
          first_failure = calls;
          seconds = std::chrono::duration<double>(Clock::now() - start).count();
        }
        LOCKSTEP_ASSERT(holds);
      },
      settings);
  if (first_failure == 0) {
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }
  PrintTrial(o, task, trial, first_failure != 0,
             first_failure != 0 ? first_failure : calls, seconds);
}

}  // namespace
}  // namespace etna

int main(int argc, char** argv) {
  etna::Options o = etna::ParseOptions(argc, argv);
  // Start the engine before timing anything.
  lockstep::Settings warm;
  warm.test_cases = 1;
  warm.database = lockstep::kNoDatabase;
  lockstep::Check(
      "warm-up", [](lockstep::TestCase&) {}, warm);
  for (const etna::Task& task : o.tasks) {
    for (int trial = 1; trial <= o.trials; ++trial) {
      etna::RunTrial(o, task, trial);
    }
  }
  return 0;
}
