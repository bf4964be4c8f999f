// The property-testing engine: given a test function over choice sequences,
// it replays saved failures, generates cases (simplest first, then random,
// with hill-climbing on targets), shrinks each distinct failure to a minimal
// case, replays each minimal case once more for the report, and keeps the
// example database up to date. No gRPC here: the service wraps this.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_ENGINE_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_ENGINE_H_

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/time/time.h"
#include "server_bridge/engine/data_tree.h"
#include "server_bridge/engine/shrinker.h"
#include "server_bridge/engine/test_function.h"
#include "server_bridge/protocol/choice.h"
#include "server_bridge/protocol/defaults.h"
#include "server_bridge/protocol/random.h"

namespace lockstep::engine {

// Health check names, for Settings::suppressed_health_checks.
inline constexpr char kFilterTooMuch[] = "filter_too_much";
inline constexpr char kTooSlow[] = "too_slow";
inline constexpr char kDataTooLarge[] = "data_too_large";

struct Settings {
  uint32_t test_cases =
      protocol::kDefaultTestCases;  // valid cases to run before passing
  std::optional<uint64_t> seed;
  // Without a seed: derive it from the test name, so runs repeat exactly.
  bool derandomize = false;
  std::string database;  // directory, or "" for none
  bool replay = true;    // phases
  bool generate = true;
  bool target = true;
  bool shrink = true;
  ShrinkBudget shrink_budget;
  std::set<std::string> suppressed_health_checks;
  uint32_t max_choices = protocol::kDefaultMaxChoices;
  // Generated sizes ramp over this many cases (at most test_cases), then
  // start over (protocol/size_schedule.h).
  uint32_t size_cycle = protocol::kDefaultSizeCycle;
  // Generation slower than this per valid case fails kTooSlow.
  absl::Duration slow_case = absl::Seconds(1);
  // Every case runs isolated (the server marks each directive so).
  bool isolate = false;
};

struct Failure {
  uint32_t id = 0;  // 1, 2, ... in the order reported
  std::string origin;
  std::string message;
  protocol::ChoiceSequence choices;  // minimal
  std::vector<protocol::Span> spans;
  // The final replay of the minimal case did not fail the same way.
  bool flaky = false;
};

struct Report {
  bool passed = true;
  std::vector<Failure> failures;
  uint64_t seed = 0;
  uint64_t calls = 0;  // test runs, all phases
  uint64_t valid = 0;
  uint64_t invalid = 0;
  uint64_t overruns = 0;
  uint64_t shrink_calls = 0;
  std::string shrink_stop_reason;  // "fixed point", "call budget", ...
  // Shrink calls per pass, summed over the failures, for the engine's log.
  std::map<std::string, uint64_t> shrink_calls_by_pass;
  std::vector<std::string> health_check_failures;  // "<name>: <why>"
  std::vector<std::string> database_problems;
  // Generation stopped because every possible case had been run.
  bool exhausted = false;
  // Generated runs that repeated an earlier run (not counted as cases).
  uint64_t repeats = 0;
  // Saved failures replayed from the example database.
  uint64_t replayed = 0;
  // Why generation stopped, for a human ("ran the 100 valid cases asked
  // for", ...); "" when it did not run.
  std::string stop_reason;
};

// Runs one test; owned by one thread (the test's worker) from start to end.
class Engine {
 public:
  // `batches`, when given, runs generation batches (one round trip for many
  // random cases); without it every case is a call of `test`.
  Engine(std::string test_name, Settings settings, TestFunction test,
         std::unique_ptr<BatchRunner> batches = nullptr);
  Engine(std::string test_name, Settings settings, TestFunction test,
         BatchFunction batch);

  Report Run();

 private:
  protocol::Outcome Call(protocol::Directive directive);
  // Starts a batch of `size` random cases, the first ones replaying
  // `prefixes` (a steered batch).
  void StartBatch(uint32_t size, protocol::SplitMix64& random,
                  std::vector<protocol::ChoiceSequence> prefixes = {});
  // Up to `wanted` distinct prefixes into unexplored parts of the tree.
  std::vector<protocol::ChoiceSequence> NovelPrefixes(
      uint64_t wanted, protocol::SplitMix64& random);
  // Whether a space whose simplest case made `simplest` may be small enough
  // to enumerate: a few small integer ranges with fewer combinations than
  // four times the cases asked for.
  bool LooksSmall(const protocol::ChoiceSequence& simplest) const;
  // The outcomes of the oldest batch started.
  std::vector<protocol::Outcome> FinishBatch();
  // Whether generation has not run this choice sequence before (and
  // remembers it).
  bool IsNovel(const protocol::Outcome& outcome);
  // The next generation directive: a new prefix from the tree, or a nudge of
  // a target's best run.
  protocol::Directive NextGenerateDirective(protocol::SplitMix64& random);
  // Gives `directive` the size schedule and the number of its first case,
  // for a directive of `cases` generated cases.
  void NumberCases(protocol::Directive* directive, uint32_t cases);
  void Record(const protocol::Outcome& outcome);
  void ReplayPhase();
  void GeneratePhase();
  void ShrinkPhase();
  void FinalPhase();
  void CheckHealth(absl::Duration generation_time);

  const std::string test_name_;
  const Settings settings_;
  const TestFunction test_;
  const std::unique_ptr<BatchRunner> batches_;
  // Sizes of the batches started and not finished, oldest first.
  std::deque<uint32_t> batches_in_flight_;
  Report report_;
  // The number the next generated case gets (the simplest case is 0).
  uint64_t next_case_index_ = 0;
  // Generated runs that repeated an earlier valid run: they count against
  // test_cases as the valid runs do.
  uint64_t valid_repeats_ = 0;
  // The Digest of every run generation has made, so that it does not count
  // a repeat (summarized batched runs bring their digest along).
  absl::flat_hash_set<uint64_t> seen_;
  // The runs made a case at a time, and the batched runs that could exhaust
  // part of the search space: steers generation to new ones.
  DataTree tree_;
  // The first failure seen per origin (then shrunk).
  std::vector<protocol::Outcome> failures_;
  // The best run per target label, for hill-climbing.
  std::vector<std::pair<std::string, protocol::Outcome>> best_by_target_;
};

// A reproducible seed from a test name (FNV-1a).
uint64_t SeedFromName(const std::string& name);

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_ENGINE_H_
