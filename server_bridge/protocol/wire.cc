#include "server_bridge/protocol/wire.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server_bridge/protocol/choice_proto.h"

namespace lockstep::protocol {

engine::v1::Directive ToWire(const Directive& directive) {
  engine::v1::Directive wire;
  switch (directive.phase) {
    case Phase::kReplay:
      wire.set_phase(engine::v1::PHASE_REPLAY);
      break;
    case Phase::kGenerate:
      wire.set_phase(engine::v1::PHASE_GENERATE);
      break;
    case Phase::kTarget:
      wire.set_phase(engine::v1::PHASE_TARGET);
      break;
    case Phase::kShrink:
      wire.set_phase(engine::v1::PHASE_SHRINK);
      break;
    case Phase::kFinal:
      wire.set_phase(engine::v1::PHASE_FINAL);
      break;
  }
  for (const Choice& choice : directive.prefix) {
    *wire.add_prefix() = ToProto(choice);
  }
  wire.set_seed(directive.seed);
  wire.set_random_tail(directive.random_tail);
  wire.set_max_choices(directive.max_choices);
  wire.set_batch_size(directive.batch_size);
  wire.set_failure_id(directive.failure_id);
  wire.set_isolate(directive.isolate);
  wire.set_size_cycle(directive.size_cycle);
  wire.set_case_index(directive.case_index);
  for (const ChoiceSequence& prefix : directive.case_prefixes) {
    engine::v1::CasePrefix* out = wire.add_case_prefixes();
    for (const Choice& choice : prefix) *out->add_choices() = ToProto(choice);
  }
  return wire;
}

absl::StatusOr<Directive> DirectiveFromWire(const engine::v1::Directive& wire) {
  Directive directive;
  switch (wire.phase()) {
    case engine::v1::PHASE_REPLAY:
      directive.phase = Phase::kReplay;
      break;
    case engine::v1::PHASE_TARGET:
      directive.phase = Phase::kTarget;
      break;
    case engine::v1::PHASE_SHRINK:
      directive.phase = Phase::kShrink;
      break;
    case engine::v1::PHASE_FINAL:
      directive.phase = Phase::kFinal;
      break;
    default:
      directive.phase = Phase::kGenerate;
      break;
  }
  for (int i = 0; i < wire.prefix_size(); ++i) {
    absl::StatusOr<Choice> choice = FromProto(wire.prefix(i));
    if (!choice.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("choice ", i, ": ", choice.status().message()));
    }
    directive.prefix.push_back(*std::move(choice));
  }
  directive.seed = wire.seed();
  directive.random_tail = wire.random_tail();
  directive.max_choices = wire.max_choices();
  directive.batch_size = wire.batch_size();
  directive.failure_id = wire.failure_id();
  directive.isolate = wire.isolate();
  directive.size_cycle = wire.size_cycle();
  directive.case_index = wire.case_index();
  for (int c = 0; c < wire.case_prefixes_size(); ++c) {
    ChoiceSequence prefix;
    for (int i = 0; i < wire.case_prefixes(c).choices_size(); ++i) {
      absl::StatusOr<Choice> choice =
          FromProto(wire.case_prefixes(c).choices(i));
      if (!choice.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "case ", c, " choice ", i, ": ", choice.status().message()));
      }
      prefix.push_back(*std::move(choice));
    }
    directive.case_prefixes.push_back(std::move(prefix));
  }
  return directive;
}

engine::v1::RunResult ToWire(const Outcome& outcome) {
  engine::v1::RunResult wire;
  switch (outcome.status) {
    case Status::kOverrun:
      wire.set_status(engine::v1::STATUS_OVERRUN);
      break;
    case Status::kInvalid:
      wire.set_status(engine::v1::STATUS_INVALID);
      break;
    case Status::kValid:
      wire.set_status(engine::v1::STATUS_VALID);
      break;
    case Status::kInteresting:
      wire.set_status(engine::v1::STATUS_INTERESTING);
      break;
  }
  for (const Choice& choice : outcome.choices) {
    *wire.add_choices() = ToProto(choice);
  }
  for (const Span& span : outcome.spans) {
    engine::v1::Span* out = wire.add_spans();
    out->set_start(span.start);
    out->set_end(span.end);
    out->set_label(span.label);
    out->set_depth(span.depth);
  }
  wire.set_origin(outcome.origin);
  wire.set_message(outcome.message);
  for (const Target& target : outcome.targets) {
    engine::v1::Target* out = wire.add_targets();
    out->set_label(target.label);
    out->set_score(target.score);
  }
  if (outcome.summarized) {
    wire.set_summarized(true);
    wire.set_digest(outcome.digest);
    wire.set_choice_count(outcome.choice_count);
  }
  return wire;
}

absl::StatusOr<Outcome> OutcomeFromWire(const engine::v1::RunResult& wire,
                                        uint32_t max_choices, bool in_batch) {
  if (!in_batch && (wire.summarized() || wire.runs_size() > 0)) {
    return absl::InvalidArgumentError(
        "a single case was answered like a batch (summarized, or with runs)");
  }
  Outcome outcome;
  switch (wire.status()) {
    case engine::v1::STATUS_OVERRUN:
      outcome.status = Status::kOverrun;
      break;
    case engine::v1::STATUS_INVALID:
      outcome.status = Status::kInvalid;
      break;
    case engine::v1::STATUS_VALID:
      outcome.status = Status::kValid;
      break;
    case engine::v1::STATUS_INTERESTING:
      outcome.status = Status::kInteresting;
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("run result has no valid status (", wire.status(), ")"));
  }
  if (static_cast<uint32_t>(wire.choices_size()) > max_choices) {
    return absl::InvalidArgumentError(
        absl::StrCat("run result has ", wire.choices_size(),
                     " choices; the directive allowed ", max_choices));
  }
  for (int i = 0; i < wire.choices_size(); ++i) {
    absl::StatusOr<Choice> choice = FromProto(wire.choices(i));
    if (!choice.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("choice ", i, ": ", choice.status().message()));
    }
    outcome.choices.push_back(*std::move(choice));
  }
  for (const engine::v1::Span& span : wire.spans()) {
    if (span.start() > span.end() || span.end() > outcome.choices.size()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "span [", span.start(), ", ", span.end(), ") is outside the ",
          outcome.choices.size(), " choices"));
    }
    outcome.spans.push_back(
        Span{span.start(), span.end(), span.label(), span.depth()});
  }
  outcome.origin = wire.origin();
  outcome.message = wire.message();
  for (const engine::v1::Target& target : wire.targets()) {
    outcome.targets.push_back(Target{target.label(), target.score()});
  }
  if (wire.summarized()) {
    if (outcome.status == Status::kInteresting || !outcome.targets.empty() ||
        !outcome.choices.empty() || !outcome.spans.empty()) {
      return absl::InvalidArgumentError(
          "a summarized run must pass, be rejected or overrun, with no "
          "targets, choices or spans");
    }
    if (wire.choice_count() > max_choices) {
      return absl::InvalidArgumentError(
          absl::StrCat("summarized run has ", wire.choice_count(),
                       " choices; the directive allowed ", max_choices));
    }
    outcome.summarized = true;
    outcome.digest = wire.digest();
    outcome.choice_count = wire.choice_count();
  }
  return outcome;
}

absl::StatusOr<std::vector<Outcome>> BatchFromWire(
    const engine::v1::RunResult& wire, uint32_t batch_size,
    uint32_t max_choices) {
  if (wire.runs_size() == 0 ||
      static_cast<uint32_t>(wire.runs_size()) > batch_size) {
    return absl::InvalidArgumentError(absl::StrCat("a batch of ", batch_size,
                                                   " cases was answered with ",
                                                   wire.runs_size(), " runs"));
  }
  std::vector<Outcome> outcomes;
  outcomes.reserve(wire.runs_size());
  for (int i = 0; i < wire.runs_size(); ++i) {
    if (wire.runs(i).runs_size() > 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("run ", i, " of the batch holds runs of its own"));
    }
    absl::StatusOr<Outcome> outcome =
        OutcomeFromWire(wire.runs(i), max_choices, /*in_batch=*/true);
    if (!outcome.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "run ", i, " of the batch: ", outcome.status().message()));
    }
    outcomes.push_back(*std::move(outcome));
  }
  return outcomes;
}

bool BatchAnswerBuilder::Add(const Outcome& outcome) {
  engine::v1::RunResult* run = answer_.add_runs();
  *run = ToWire(outcome);
  bytes_ += outcome.summarized ? kSummarizedRunBytes : run->ByteSizeLong();
  return bytes_ < kMaxBatchAnswerBytes;
}

}  // namespace lockstep::protocol
