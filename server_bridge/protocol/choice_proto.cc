#include "server_bridge/protocol/choice_proto.h"

#include "absl/strings/str_cat.h"

namespace lockstep::protocol {

engine::v1::Choice ToProto(const Choice& choice) {
  engine::v1::Choice proto;
  switch (choice.kind) {
    case ChoiceKind::kInteger: {
      engine::v1::IntegerChoice* integer = proto.mutable_integer();
      integer->set_value(choice.integer);
      integer->set_min(choice.min_integer);
      integer->set_max(choice.max_integer);
      break;
    }
    case ChoiceKind::kFloat: {
      engine::v1::FloatChoice* floating = proto.mutable_float_();
      floating->set_value(choice.floating);
      floating->set_min(choice.min_float);
      floating->set_max(choice.max_float);
      floating->set_allow_nan(choice.allow_nan);
      floating->set_allow_infinity(choice.allow_infinity);
      break;
    }
    case ChoiceKind::kBoolean:
      proto.mutable_boolean()->set_value(choice.boolean);
      proto.mutable_boolean()->set_p(choice.probability);
      break;
    case ChoiceKind::kBytes:
      proto.mutable_bytes()->set_value(choice.bytes);
      proto.mutable_bytes()->set_min_size(choice.min_size);
      proto.mutable_bytes()->set_max_size(choice.max_size);
      break;
  }
  return proto;
}

absl::StatusOr<Choice> FromProto(const engine::v1::Choice& proto) {
  Choice choice;
  switch (proto.kind_case()) {
    case engine::v1::Choice::kInteger:
      choice = Choice::Integer(proto.integer().value(), proto.integer().min(),
                               proto.integer().max());
      break;
    case engine::v1::Choice::kFloat:
      choice = Choice::Float(proto.float_().value(), proto.float_().min(),
                             proto.float_().max(), proto.float_().allow_nan(),
                             proto.float_().allow_infinity());
      break;
    case engine::v1::Choice::kBoolean:
      choice = Choice::Boolean(proto.boolean().value(), proto.boolean().p());
      break;
    case engine::v1::Choice::kBytes:
      choice = Choice::Bytes(proto.bytes().value(), proto.bytes().min_size(),
                             proto.bytes().max_size());
      break;
    case engine::v1::Choice::KIND_NOT_SET:
      return absl::InvalidArgumentError("choice has no kind");
  }
  if (absl::Status status = Validate(choice); !status.ok()) return status;
  return choice;
}

engine::v1::ChoiceSequence ToProto(const ChoiceSequence& choices) {
  engine::v1::ChoiceSequence proto;
  for (const Choice& choice : choices) *proto.add_choices() = ToProto(choice);
  return proto;
}

absl::StatusOr<ChoiceSequence> FromProto(
    const engine::v1::ChoiceSequence& proto) {
  ChoiceSequence choices;
  choices.reserve(proto.choices_size());
  for (int i = 0; i < proto.choices_size(); ++i) {
    absl::StatusOr<Choice> choice = FromProto(proto.choices(i));
    if (!choice.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("choice ", i, ": ", choice.status().message()));
    }
    choices.push_back(*std::move(choice));
  }
  return choices;
}

}  // namespace lockstep::protocol
