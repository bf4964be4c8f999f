#include "server_bridge/protocol/case_runner.h"

#include <algorithm>
#include <exception>
#include <typeinfo>
#include <utility>

namespace lockstep::protocol {

Outcome RunBody(CaseBodyRef body, ChoiceSource& source) {
  Outcome outcome;
  try {
    body(source);
    outcome.status = Status::kValid;
  } catch (const CaseRejected&) {
    outcome.status = Status::kInvalid;
  } catch (const Overrun&) {
    outcome.status = Status::kOverrun;
  } catch (const CaseFailure& failure) {
    outcome.status = Status::kInteresting;
    outcome.origin = failure.origin();
    outcome.message = failure.what();
  } catch (const std::exception& error) {
    outcome.status = Status::kInteresting;
    outcome.origin = typeid(error).name();
    outcome.message = error.what();
  } catch (...) {
    outcome.status = Status::kInteresting;
    outcome.origin = "unknown exception";
    outcome.message = "the body threw something that is not a std::exception";
  }
  return outcome;
}

Outcome RunCase(CaseBodyRef body, const Directive& directive) {
  ChoiceSource source(directive);
  Outcome outcome = RunBody(body, source);
  outcome.choices = source.choices();
  outcome.spans = source.FinishedSpans();
  return outcome;
}

void RunBatch(const Directive& batch, uint32_t max_cases, BatchCase run_case,
              BatchAnswer answer) {
  BatchSeeds seeds(batch.seed);
  Directive one;
  one.phase = Phase::kGenerate;
  one.max_choices = batch.max_choices;
  one.size_cycle = batch.size_cycle;
  ChoiceSource source(one);
  const ChoiceSequence no_prefix;
  uint32_t cases = std::max<uint32_t>(1, std::min(batch.batch_size, max_cases));
  for (uint32_t i = 0; i < cases; ++i) {
    source.Restart(
        seeds.Next(), batch.case_index + i,
        i < batch.case_prefixes.size() ? batch.case_prefixes[i] : no_prefix);
    Outcome outcome = run_case(source);
    const ChoiceSequence& choices = source.choices();
    bool failed = outcome.status == Status::kInteresting;
    if (SendBatchedRunWhole(outcome.status, choices,
                            !outcome.targets.empty())) {
      outcome.choices = choices;
      if (failed) outcome.spans = source.FinishedSpans();
    } else {
      Summarize(choices, &outcome);
    }
    if (!answer(outcome) || failed) return;
  }
}

}  // namespace lockstep::protocol
