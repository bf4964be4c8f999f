// Etna's BST and RBT workloads in RapidCheck, same command line and output
// as lockstep_etna (runner.h). Built by run_etna.py with g++ -lrapidcheck.
// Each trial is rc::detail::checkTestable with seed = trial, shrinking
// disabled; RapidCheck's size ramps over maxSuccess = BUDGET as it does by
// default over 100.
//
// --discover instead prints the tasks: the (mutant, property) pairs a plain
// random search (std::mt19937, tree sizes 0..40, keys 0..20) refutes within
// 20,000 tries, independently of the three tools.
#include <rapidcheck.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "tools/bench/etna/runner.h"

namespace etna {
namespace {

using Clock = std::chrono::steady_clock;

void RunTrial(const Options& o, const Task& task, int trial) {
  Impl impl(o.workload, task.mutant);
  long long calls = 0;
  long long first_failure = 0;
  double seconds = 0;
  Clock::time_point start = Clock::now();
  rc::detail::TestParams params;
  params.seed = trial;
  params.maxSuccess = o.budget;
  params.disableShrinking = true;
  params.maxDiscardRatio = 100;
  rc::detail::checkTestable(
      [&] {
        ++calls;
        Inputs in;
        for (int i = 0; i < task.property.trees; ++i) {
          in.trees.push_back(*rc::gen::container<Entries>(
              rc::gen::pair(rc::gen::inRange(0, o.max_key + 1),
                            rc::gen::inRange(0, kMaxValue + 1))));
        }
        for (int i = 0; i < task.property.keys; ++i) {
          in.keys.push_back(*rc::gen::inRange(0, o.max_key + 1));
        }
        for (int i = 0; i < task.property.values; ++i) {
          in.values.push_back(*rc::gen::inRange(0, kMaxValue + 1));
        }
        bool discard = false;
        bool holds = Holds(impl, task.property.name, in, &discard);
        RC_PRE(!discard);
        if (!holds && first_failure == 0) {
          first_failure = calls;
          seconds = std::chrono::duration<double>(Clock::now() - start).count();
        }
        RC_ASSERT(holds);
      },
      rc::detail::TestMetadata(), params);
  if (first_failure == 0) {
    seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }
  PrintTrial(o, task, trial, first_failure != 0,
             first_failure != 0 ? first_failure : calls, seconds);
}

void Discover(Workload w) {
  std::mt19937 random(12345);
  auto below = [&](int n) {
    return std::uniform_int_distribution<int>(0, n - 1)(random);
  };
  std::vector<std::string> mutants = MutantNames(w);
  for (size_t m = 0; m < mutants.size(); ++m) {
    Impl impl(w, static_cast<int>(m));
    for (const Property& p : Properties(w)) {
      bool refuted = false;
      for (int attempt = 0; attempt < 20000 && !refuted; ++attempt) {
        Inputs in;
        for (int i = 0; i < p.trees; ++i) {
          Entries e(below(41));
          for (auto& [k, v] : e) k = below(21), v = below(kMaxValue + 1);
          in.trees.push_back(e);
        }
        for (int i = 0; i < p.keys; ++i) in.keys.push_back(below(21));
        for (int i = 0; i < p.values; ++i) {
          in.values.push_back(below(kMaxValue + 1));
        }
        bool discard = false;
        refuted = !Holds(impl, p.name, in, &discard) && !discard;
      }
      if (refuted) std::printf("%s:%s\n", mutants[m].c_str(), p.name.c_str());
    }
  }
}

}  // namespace
}  // namespace etna

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--discover") {
    etna::Discover(std::string(argv[2]) == "rbt" ? etna::Workload::kRbt
                                                 : etna::Workload::kBst);
    return 0;
  }
  etna::Options o = etna::ParseOptions(argc, argv);
  for (const etna::Task& task : o.tasks) {
    for (int trial = 1; trial <= o.trials; ++trial) {
      etna::RunTrial(o, task, trial);
    }
  }
  return 0;
}
