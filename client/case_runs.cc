#include "client/case_runs.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server_bridge/protocol/case_runner.h"
#include "server_bridge/protocol/choice_source.h"
#include "server_bridge/protocol/wire.h"

namespace lockstep::internal {

protocol::Outcome CaseRuns::Run(TestCase& tc, protocol::ChoiceSource& source) {
  tc.set_max_steps(max_steps_);
  protocol::Outcome outcome = protocol::RunBody(
      [&](protocol::ChoiceSource&) {
        try {
          body_(tc);
        } catch (const UsageError& error) {
          // Not a bug in the code under test: no shrinking, the test ends
          // with the message. The case counts as rejected meanwhile.
          if (usage_error_.empty()) usage_error_ = error.what();
          throw Rejected{};
        }
      },
      source);
  for (const auto& [label, score] : tc.targets()) {
    outcome.targets.push_back(protocol::Target{label, score});
  }
  return outcome;
}

void CaseRuns::CountEvents(const TestCase& tc) {
  ++result_->generated_cases;
  for (const std::string& label : tc.events()) ++result_->events[label];
  for (const auto& [label, value] : tc.numeric_events()) {
    NumericEvent& event = result_->numeric_events[label];
    event.min = event.cases == 0 ? value : std::min(event.min, value);
    event.max = event.cases == 0 ? value : std::max(event.max, value);
    event.sum += value;
    ++event.cases;
  }
}

void CaseRuns::Configure(const protocol::ProgressPage* page, uint32_t slot,
                         bool isolate, absl::Duration deadline,
                         std::function<bool()> stopped) {
  page_ = page;
  slot_ = slot;
  isolate_ = isolate;
  stopped_ = std::move(stopped);
  isolator_ = std::make_unique<CaseIsolator>(deadline);
}

protocol::Outcome CaseRuns::RunIsolated(protocol::ChoiceSource& source,
                                        bool final_run) {
  if (isolator_ == nullptr) {
    isolator_ = std::make_unique<CaseIsolator>(absl::Seconds(10));
  }
  CaseIsolator::Run run = isolator_->RunCase(
      [&](CaseJournal* journal) {
        // In the child: its copies of this object and the source.
        TestCase tc(&source, final_run);
        tc.set_journal(journal);
        protocol::Outcome outcome = Run(tc, source);
        journal->Finish(outcome, usage_error_);
      },
      source);
  if (!run.usage_error.empty() && usage_error_.empty()) {
    usage_error_ = run.usage_error;
  }
  if (final_run) {
    final_draws_ = std::move(run.draws);
    final_notes_ = std::move(run.notes);
  }
  return std::move(run.outcome);
}

protocol::Outcome CaseRuns::RunCase(const protocol::Directive& directive,
                                    uint64_t directive_id) {
  protocol::ChoiceSource source(directive);
  bool final_run = directive.phase == protocol::Phase::kFinal;
  ++cases_run_;
  if (page_ != nullptr) page_->CaseStarts(slot_, directive_id, 0);
  protocol::Outcome outcome;
  if (isolate_ || directive.isolate) {
    outcome = RunIsolated(source, final_run);
    if (directive.phase == protocol::Phase::kGenerate ||
        directive.phase == protocol::Phase::kTarget) {
      ++result_->generated_cases;  // events stay in the child
    }
  } else {
    TestCase tc(&source, final_run);
    outcome = Run(tc, source);
    if (directive.phase == protocol::Phase::kGenerate ||
        directive.phase == protocol::Phase::kTarget) {
      CountEvents(tc);
    }
    if (final_run) {
      final_draws_ = tc.draws();
      final_notes_ = tc.notes();
    }
  }
  if (page_ != nullptr) page_->CaseEnds(slot_);
  outcome.choices = source.choices();
  outcome.spans = source.FinishedSpans();
  return outcome;
}

engine::v1::RunResult CaseRuns::RunBatch(const protocol::Directive& batch,
                                         uint32_t max_cases,
                                         uint64_t directive_id) {
  protocol::BatchAnswerBuilder answer;
  bool isolate = isolate_ || batch.isolate;
  uint32_t index = 0;
  protocol::RunBatch(
      batch, max_cases,
      [&](protocol::ChoiceSource& source) {
        ++cases_run_;
        if (page_ != nullptr) page_->CaseStarts(slot_, directive_id, index);
        protocol::Outcome outcome;
        if (isolate) {
          outcome = RunIsolated(source, false);
          ++result_->generated_cases;
        } else {
          TestCase tc(&source, false);
          outcome = Run(tc, source);
          CountEvents(tc);
        }
        if (page_ != nullptr) page_->CaseEnds(slot_);
        ++index;
        return outcome;
      },
      [&](protocol::Outcome& outcome) {
        // After a usage error every case fails the same way: stop. Once the
        // engine is gone no answer will be read: stop too.
        return answer.Add(outcome) && usage_error_.empty() && !stopped_();
      });
  return answer.Take();
}

bool CaseRuns::RunExamples(const std::vector<Example>& examples) {
  for (size_t i = 0; i < examples.size(); ++i) {
    // Draws take the example's values; the source only receives the spans
    // of Span calls that return nothing.
    protocol::Directive no_draws;
    no_draws.random_tail = false;
    protocol::ChoiceSource source(no_draws);
    TestCase tc(&source, &examples[i], i + 1);
    protocol::Outcome outcome = Run(tc, source);
    ++result_->explicit_examples;
    if (!usage_error_.empty()) {
      result_->error = absl::StrCat("usage error: ", usage_error_);
      return false;
    }
    if (outcome.status == protocol::Status::kInvalid) {
      result_->error = absl::StrCat(
          "explicit example ", i + 1,
          " was rejected by Assume or a filter; an example must be an input "
          "the test accepts");
      return false;
    }
    if (outcome.status != protocol::Status::kInteresting) continue;
    Failure failure;
    failure.message = outcome.message;
    failure.origin = outcome.origin;
    failure.draws = tc.draws();
    failure.notes = tc.notes();
    failure.explicit_example = i + 1;
    failure.example = FormatExample(failure);
    result_->failures.push_back(std::move(failure));
  }
  return true;
}

std::string FormatExample(const Failure& failure) {
  std::string example;
  for (const DrawnValue& draw : failure.draws) {
    absl::StrAppend(&example, "  ", draw.name, " = ", draw.value, "\n");
  }
  for (const std::string& note : failure.notes) {
    absl::StrAppend(&example, "  note: ", note, "\n");
  }
  if (failure.flaky) {
    absl::StrAppend(&example,
                    "  (flaky: the minimal example did not fail again)\n");
  }
  return example;
}

}  // namespace lockstep::internal
