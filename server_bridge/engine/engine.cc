#include "server_bridge/engine/engine.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server_bridge/engine/example_database.h"
#include "server_bridge/engine/simplicity.h"
#include "server_bridge/protocol/digest.h"
#include "server_bridge/protocol/random.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::Digest;
using protocol::Directive;
using protocol::Outcome;
using protocol::Phase;
using protocol::SplitMix64;
using protocol::Status;
using protocol::Target;

namespace {

// Generation gives up after this many calls per requested valid case, so a
// test that rejects almost everything still ends.
constexpr uint64_t kMaxCallsPerTestCase = 10;
// Health thresholds.
constexpr uint64_t kFilterMinInvalid = 50;
constexpr uint64_t kDataTooLargeMinOverruns = 20;
// Generation gives up when this many cases in a row repeat earlier ones (the
// search space may be exhausted: a test of three booleans).
constexpr uint64_t kMaxDuplicatesInARow = 100;
// The most cases one generation batch asks for: large enough that a round
// trip costs little per case, small enough that a client's answer stays a
// modest message.
constexpr uint32_t kMaxBatchSize = 1000;

// 1001 as "1,001".
std::string WithCommas(uint64_t n) {
  std::string digits = absl::StrCat(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// For a human: why generation ended, the most telling reason first.
std::string GenerationStopReason(bool failed, bool exhausted,
                                 uint64_t distinct_runs, bool enough_valid,
                                 bool out_of_calls) {
  if (failed) return "found a failure (and looked a little further for others)";
  if (exhausted) {
    return absl::StrCat("all ", WithCommas(distinct_runs),
                        " distinct inputs tried");
  }
  if (enough_valid) {
    return "ran the test cases asked for (repeats of earlier cases included)";
  }
  if (out_of_calls) {
    return absl::StrCat("gave up after ", kMaxCallsPerTestCase,
                        " calls per valid case asked for: most cases were "
                        "invalid or overran");
  }
  return absl::StrCat(kMaxDuplicatesInARow,
                      " cases in a row repeated earlier ones: the space of "
                      "inputs looks used up");
}

}  // namespace

uint64_t SeedFromName(const std::string& name) { return Fnv1a64(name); }

Engine::Engine(std::string test_name, Settings settings, TestFunction test,
               std::unique_ptr<BatchRunner> batches)
    : test_name_(std::move(test_name)),
      settings_(std::move(settings)),
      test_(std::move(test)),
      batches_(std::move(batches)) {}

Engine::Engine(std::string test_name, Settings settings, TestFunction test,
               BatchFunction batch)
    : Engine(std::move(test_name), std::move(settings), std::move(test),
             std::make_unique<SyncBatchRunner>(std::move(batch))) {}

Outcome Engine::Call(Directive directive) {
  directive.max_choices = settings_.max_choices;
  Outcome outcome = test_(directive);
  ++report_.calls;
  if (outcome.status != Status::kOverrun) tree_.Record(outcome.choices);
  return outcome;
}

void Engine::StartBatch(uint32_t size, SplitMix64& random,
                        std::vector<ChoiceSequence> prefixes) {
  Directive batch;
  batch.case_prefixes = std::move(prefixes);
  batch.phase = Phase::kGenerate;
  batch.seed = random.Next();
  batch.batch_size = size;
  batch.max_choices = settings_.max_choices;
  NumberCases(&batch, size);
  batches_->Start(batch);
  batches_in_flight_.push_back(size);
}

std::vector<Outcome> Engine::FinishBatch() {
  std::vector<Outcome> outcomes = batches_->Finish();
  batches_in_flight_.pop_front();
  report_.calls += outcomes.size();
  // Only runs that could exhaust a part of the search space go into the
  // tree: recording a wide integer's thousands of values (a string-keyed
  // node each) would cost more than running the cases, and generation stays
  // batched, with no use for the tree's steering, while the space is wide.
  for (const Outcome& outcome : outcomes) {
    if (!outcome.summarized && outcome.status != Status::kOverrun &&
        Enumerable(outcome.choices)) {
      tree_.Record(outcome.choices);
    }
  }
  return outcomes;
}

bool Engine::IsNovel(const Outcome& outcome) {
  return seen_
      .insert(outcome.summarized ? outcome.digest : Digest(outcome.choices))
      .second;
}

void Engine::Record(const Outcome& outcome) {
  switch (outcome.status) {
    case Status::kOverrun:
      ++report_.overruns;
      return;
    case Status::kInvalid:
      ++report_.invalid;
      return;
    case Status::kValid:
      ++report_.valid;
      break;
    case Status::kInteresting: {
      bool known = std::any_of(
          failures_.begin(), failures_.end(),
          [&](const Outcome& f) { return f.origin == outcome.origin; });
      if (!known) {
        failures_.push_back(outcome);
      } else {
        // Keep the smallest run per origin as the shrinker's start.
        for (Outcome& failure : failures_) {
          if (failure.origin == outcome.origin &&
              ShortlexLess(outcome.choices, failure.choices)) {
            failure = outcome;
          }
        }
      }
      break;
    }
  }
  for (const Target& target : outcome.targets) {
    auto best = std::find_if(
        best_by_target_.begin(), best_by_target_.end(),
        [&](const auto& entry) { return entry.first == target.label; });
    if (best == best_by_target_.end()) {
      best_by_target_.emplace_back(target.label, outcome);
      continue;
    }
    for (const Target& previous : best->second.targets) {
      if (previous.label == target.label && target.score > previous.score) {
        best->second = outcome;
      }
    }
  }
}

void Engine::ReplayPhase() {
  if (settings_.database.empty() || !settings_.replay) return;
  ExampleDatabase database(settings_.database);
  for (const ExampleDatabase::Entry& entry :
       database.Load(test_name_, &report_.database_problems)) {
    Directive directive;
    directive.phase = Phase::kReplay;
    directive.prefix = entry.choices;
    directive.random_tail = false;
    if (entry.crash_record) {
      // The case a dying test process was running: its prefix and seed.
      directive.seed = entry.seed;
      directive.random_tail = entry.random_tail;
      directive.size_cycle = entry.size_cycle;
      directive.case_index = entry.case_index;
    }
    // A crash, again, must not end the client: replay it in isolation.
    directive.isolate =
        entry.crash_record ||
        absl::StartsWith(entry.origin, protocol::kCrashOriginPrefix);
    Outcome outcome = Call(directive);
    ++report_.replayed;
    seen_.insert(Digest(outcome.choices));
    Record(outcome);
    // A crash record has served once replayed: if the case still fails, its
    // choices are known now, and the final phase saves the minimal one.
    if (outcome.status != Status::kInteresting || entry.crash_record) {
      // Fixed since it was saved (or superseded): forget it.
      if (absl::Status status = database.Delete(entry); !status.ok()) {
        report_.database_problems.push_back(std::string(status.message()));
      }
    }
  }
}

void Engine::NumberCases(Directive* directive, uint32_t cases) {
  directive->size_cycle = static_cast<uint32_t>(std::min<uint64_t>(
      settings_.size_cycle, std::max<uint32_t>(settings_.test_cases, 1)));
  directive->case_index = next_case_index_;
  next_case_index_ += cases;
}

std::vector<ChoiceSequence> Engine::NovelPrefixes(uint64_t wanted,
                                                  SplitMix64& random) {
  std::vector<ChoiceSequence> prefixes;
  absl::flat_hash_set<uint64_t> taken;
  for (uint64_t tries = 0; tries < 2 * wanted && prefixes.size() < wanted;
       ++tries) {
    std::optional<ChoiceSequence> novel = tree_.NovelPrefix(random);
    if (!novel) break;  // exhausted
    if (taken.insert(Digest(*novel)).second) {
      prefixes.push_back(*std::move(novel));
    }
  }
  return prefixes;
}

bool Engine::LooksSmall(const ChoiceSequence& simplest) const {
  if (simplest.empty()) return false;
  uint64_t product = 1;
  for (const Choice& choice : simplest) {
    // A collection's flag says nothing of how large the space is.
    if (choice.kind != ChoiceKind::kInteger) return false;
    uint64_t domain = protocol::DomainSize(choice);
    // Fewer combinations than four times the cases asked for: random
    // cases would repeat one another often.
    if (domain == 0 || domain > 4 * uint64_t{settings_.test_cases} / product) {
      return false;
    }
    product *= domain;
  }
  return true;
}

Directive Engine::NextGenerateDirective(SplitMix64& random) {
  Directive directive;
  directive.seed = random.Next();
  directive.phase = Phase::kGenerate;
  NumberCases(&directive, 1);
  if (std::optional<ChoiceSequence> novel = tree_.NovelPrefix(random)) {
    directive.prefix = *std::move(novel);
  }
  // One call in four hill-climbs from the best run of a target: nudge one
  // of its integer choices and draw the rest afresh.
  if (settings_.target && !best_by_target_.empty() && random.Below(4) == 0) {
    const Outcome& best =
        best_by_target_[random.Below(best_by_target_.size())].second;
    directive.phase = Phase::kTarget;
    directive.prefix = best.choices;
    std::vector<size_t> integers;
    for (size_t i = 0; i < best.choices.size(); ++i) {
      if (best.choices[i].kind == ChoiceKind::kInteger) integers.push_back(i);
    }
    if (!integers.empty()) {
      Choice& nudged =
          directive.prefix[integers[random.Below(integers.size())]];
      int64_t step = static_cast<int64_t>(random.Below(16)) + 1;
      __int128 value = static_cast<__int128>(nudged.integer) +
                       (random.Below(2) == 0 ? step : -step);
      nudged.integer = static_cast<int64_t>(
          std::clamp<__int128>(value, nudged.min_integer, nudged.max_integer));
    }
  }
  return directive;
}

void Engine::GeneratePhase() {
  if (!settings_.generate) return;
  SplitMix64 random(report_.seed);
  uint64_t max_calls =
      std::max<uint64_t>(settings_.test_cases, 1) * kMaxCallsPerTestCase;
  uint64_t calls_at_first_failure = 0;
  uint64_t duplicates_in_a_row = 0;
  absl::Time start = absl::Now();

  // The simplest case first: it finds trivial failures at once and
  // documents the minimum the test accepts.
  Directive simplest;
  simplest.phase = Phase::kGenerate;
  simplest.random_tail = false;
  NumberCases(&simplest, 1);
  Outcome first = Call(simplest);
  seen_.insert(Digest(first.choices));
  Record(first);

  bool batching = batches_ != nullptr;
  // Steering: generation batches of prefixes the tree of runs has not seen,
  // one batch in flight, for a search space small enough to enumerate: one
  // whose simplest case is a few small integer ranges with fewer
  // combinations than four times the cases asked for, or one in which random
  // batches mostly repeat.
  bool steering = first.status != Status::kOverrun && LooksSmall(first.choices);
  for (uint64_t calls = 1;;) {
    uint64_t cases_in_flight = 0;
    for (uint32_t size : batches_in_flight_) cases_in_flight += size;
    // test_cases bounds the bodies generation runs, not only the distinct
    // ones: a repeat of an earlier case counts (it is not a new case, but it
    // cost a run). Invalid runs and overruns do not count here; max_calls
    // bounds them.
    uint64_t used = report_.valid + valid_repeats_;
    bool enough_valid = used + cases_in_flight >= settings_.test_cases;
    bool out_of_calls = calls + cases_in_flight >= max_calls;
    bool enough_after_failure = false;
    if (!failures_.empty()) {
      // `calls` calls (the simplest case's included) have been made: the
      // first failure was among them.
      if (calls_at_first_failure == 0) calls_at_first_failure = calls;
      enough_after_failure = calls - calls_at_first_failure >=
                             std::min<uint64_t>(protocol::kMaxCasesAfterFailure,
                                                calls_at_first_failure);
    }
    if (tree_.exhausted()) report_.exhausted = true;
    bool repeating = duplicates_in_a_row >= kMaxDuplicatesInARow;
    bool stopping = enough_valid || out_of_calls || enough_after_failure ||
                    report_.exhausted || repeating;
    if (stopping && batches_in_flight_.empty()) {
      report_.stop_reason =
          GenerationStopReason(!failures_.empty(), report_.exhausted,
                               tree_.runs(), enough_valid, out_of_calls);
      break;
    }

    // Plain random search runs in batches, many cases a round trip, two in
    // flight. Once there is a failure or a target, each case depends on the
    // ones before it (stop soon after the failure, climb from the best run),
    // so the search goes on a case at a time once the batches in flight are
    // in.
    bool climbing = settings_.target && !best_by_target_.empty();
    bool batched = batching && failures_.empty() && !climbing;
    size_t max_in_flight = steering ? 1 : BatchRunner::kMaxInFlight;
    while (batched && !stopping && batches_in_flight_.size() < max_in_flight) {
      // Never more than the valid cases still missing (were all of them
      // valid) or the calls still allowed.
      uint64_t wanted = std::min<uint64_t>(
          {settings_.test_cases - used - cases_in_flight,
           max_calls - calls - cases_in_flight, kMaxBatchSize});
      if (wanted == 0) break;
      std::vector<ChoiceSequence> prefixes;
      if (steering) {
        prefixes = NovelPrefixes(wanted, random);
        if (prefixes.empty()) break;  // exhausted: the check above stops
        wanted = prefixes.size();
      }
      StartBatch(static_cast<uint32_t>(wanted), random, std::move(prefixes));
      cases_in_flight += wanted;
    }
    std::vector<Outcome> outcomes;
    bool from_batch = !batches_in_flight_.empty();
    if (from_batch) {
      outcomes = FinishBatch();
      if (outcomes.empty()) {
        // The runner ran nothing: no progress, and no more batches.
        batching = false;
        continue;
      }
    } else {
      outcomes.push_back(Call(NextGenerateDirective(random)));
    }
    uint64_t duplicates = 0;
    for (const Outcome& outcome : outcomes) {
      ++calls;
      if (!IsNovel(outcome)) {
        if (outcome.status == Status::kValid) ++valid_repeats_;
        ++duplicates;
        ++duplicates_in_a_row;
        ++report_.repeats;
        continue;
      }
      duplicates_in_a_row = 0;
      Record(outcome);
    }
    // A batch in which more than half the runs repeat earlier ones shows a
    // search space small enough that the tree's novel prefixes matter. (A
    // single bounded integer repeats often anyway: a quarter of its draws
    // come from the values near zero.)
    if (from_batch && duplicates * 2 > outcomes.size()) steering = true;
    if (!batching) steering = false;
  }
  CheckHealth(absl::Now() - start);
}

void Engine::CheckHealth(absl::Duration generation_time) {
  auto fail = [&](const char* name, std::string why) {
    if (settings_.suppressed_health_checks.count(name) > 0) return;
    report_.health_check_failures.push_back(absl::StrCat(name, ": ", why));
  };
  if (!failures_.empty()) return;  // a real failure says more than health
  if (report_.invalid >= kFilterMinInvalid &&
      report_.valid * 10 < report_.invalid) {
    fail(kFilterTooMuch,
         absl::StrCat(
             "only ", report_.valid, " of ", report_.calls,
             " cases passed the test's filters/assumptions; generate valid "
             "data directly instead of filtering"));
  }
  if (report_.overruns >= kDataTooLargeMinOverruns &&
      report_.overruns > report_.valid) {
    fail(kDataTooLarge,
         absl::StrCat(report_.overruns, " cases needed more than ",
                      settings_.max_choices,
                      " choices; make the generated data smaller"));
  }
  uint64_t runs = std::max<uint64_t>(report_.valid + report_.invalid, 1);
  if (generation_time / runs > settings_.slow_case) {
    fail(kTooSlow, absl::StrCat("generating and running a case took ",
                                absl::FormatDuration(generation_time / runs),
                                " on average; the limit is ",
                                absl::FormatDuration(settings_.slow_case)));
  }
}

void Engine::ShrinkPhase() {
  for (Outcome& failure : failures_) {
    if (!settings_.shrink) continue;
    Shrinker shrinker(test_, failure, settings_.shrink_budget,
                      settings_.max_choices);
    ShrinkResult result = shrinker.Run();
    report_.shrink_calls += result.calls;
    report_.calls += result.calls;
    report_.shrink_stop_reason = result.stop_reason;
    for (const auto& [pass, calls] : result.calls_by_pass) {
      report_.shrink_calls_by_pass[std::string(ShrinkPassName(pass))] += calls;
    }
    failure = std::move(result.minimal);
  }
}

void Engine::FinalPhase() {
  std::optional<ExampleDatabase> database;
  if (!settings_.database.empty()) database.emplace(settings_.database);
  for (const Outcome& minimal : failures_) {
    Directive directive;
    directive.phase = Phase::kFinal;
    directive.prefix = minimal.choices;
    directive.random_tail = false;
    directive.failure_id = static_cast<uint32_t>(report_.failures.size() + 1);
    Outcome replayed = Call(directive);
    Failure failure;
    failure.id = directive.failure_id;
    failure.origin = minimal.origin;
    failure.choices = minimal.choices;
    failure.spans = minimal.spans;
    failure.message = replayed.status == Status::kInteresting ? replayed.message
                                                              : minimal.message;
    failure.flaky = replayed.status != Status::kInteresting ||
                    replayed.origin != minimal.origin;
    report_.failures.push_back(std::move(failure));
    if (database) {
      if (absl::Status status =
              database->Save(test_name_, minimal.choices, minimal.origin);
          !status.ok()) {
        report_.database_problems.push_back(std::string(status.message()));
      }
    }
  }
}

Report Engine::Run() {
  if (settings_.seed) {
    report_.seed = *settings_.seed;
  } else if (settings_.derandomize) {
    report_.seed = SeedFromName(test_name_);
  } else {
    report_.seed =
        SeedFromName(absl::StrCat(test_name_, absl::ToUnixNanos(absl::Now())));
  }
  ReplayPhase();
  GeneratePhase();
  ShrinkPhase();
  FinalPhase();
  report_.passed =
      report_.failures.empty() && report_.health_check_failures.empty();
  return report_;
}

}  // namespace lockstep::engine
