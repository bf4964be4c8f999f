#include "server_bridge/protocol/choice.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace lockstep::protocol {
namespace {

double FloatTarget(const Choice& choice) {
  if (choice.min_float > 0) return choice.min_float;
  if (choice.max_float < 0) return choice.max_float;
  return 0.0;
}

}  // namespace

Choice Choice::Integer(int64_t value, int64_t min, int64_t max) {
  Choice choice;
  choice.kind = ChoiceKind::kInteger;
  choice.integer = value;
  choice.min_integer = min;
  choice.max_integer = max;
  return choice;
}

Choice Choice::Float(double value, double min, double max, bool allow_nan,
                     bool allow_infinity) {
  Choice choice;
  choice.kind = ChoiceKind::kFloat;
  choice.floating = value;
  choice.min_float = min;
  choice.max_float = max;
  choice.allow_nan = allow_nan;
  choice.allow_infinity = allow_infinity;
  return choice;
}

Choice Choice::Boolean(bool value, double probability) {
  Choice choice;
  choice.kind = ChoiceKind::kBoolean;
  choice.boolean = value;
  choice.probability = probability;
  return choice;
}

Choice Choice::Bytes(std::string value, uint32_t min_size, uint32_t max_size) {
  Choice choice;
  choice.kind = ChoiceKind::kBytes;
  choice.bytes = std::move(value);
  choice.min_size = min_size;
  choice.max_size = max_size;
  return choice;
}

Choice Choice::WithInteger(int64_t value) const {
  Choice copy = *this;
  copy.integer = value;
  return copy;
}

Choice Choice::WithFloat(double value) const {
  Choice copy = *this;
  copy.floating = value;
  return copy;
}

Choice Choice::WithBoolean(bool value) const {
  Choice copy = *this;
  copy.boolean = value;
  return copy;
}

Choice Choice::WithBytes(std::string value) const {
  Choice copy = *this;
  copy.bytes = std::move(value);
  return copy;
}

bool Choice::operator==(const Choice& other) const {
  if (kind != other.kind) return false;
  switch (kind) {
    case ChoiceKind::kInteger:
      return integer == other.integer && min_integer == other.min_integer &&
             max_integer == other.max_integer;
    case ChoiceKind::kFloat:
      return (floating == other.floating ||
              (std::isnan(floating) && std::isnan(other.floating))) &&
             std::signbit(floating) == std::signbit(other.floating) &&
             min_float == other.min_float && max_float == other.max_float &&
             allow_nan == other.allow_nan &&
             allow_infinity == other.allow_infinity;
    case ChoiceKind::kBoolean:
      return boolean == other.boolean && probability == other.probability;
    case ChoiceKind::kBytes:
      return bytes == other.bytes && min_size == other.min_size &&
             max_size == other.max_size;
  }
  return false;
}

absl::Status Validate(const Choice& choice) {
  switch (choice.kind) {
    case ChoiceKind::kInteger:
      if (choice.min_integer > choice.max_integer) {
        return absl::InvalidArgumentError(
            absl::StrCat("integer bounds are empty: min ", choice.min_integer,
                         " > max ", choice.max_integer));
      }
      if (choice.integer < choice.min_integer ||
          choice.integer > choice.max_integer) {
        return absl::InvalidArgumentError(
            absl::StrCat("integer ", choice.integer, " is outside [",
                         choice.min_integer, ", ", choice.max_integer, "]"));
      }
      return absl::OkStatus();
    case ChoiceKind::kFloat:
      if (std::isnan(choice.min_float) || std::isnan(choice.max_float) ||
          choice.min_float > choice.max_float) {
        return absl::InvalidArgumentError(
            absl::StrCat("float bounds are empty: [", choice.min_float, ", ",
                         choice.max_float, "]"));
      }
      if (std::isnan(choice.floating)) {
        return choice.allow_nan ? absl::OkStatus()
                                : absl::InvalidArgumentError(
                                      "float is NaN but NaN is not allowed");
      }
      if (std::isinf(choice.floating) && !choice.allow_infinity &&
          !(choice.floating == choice.min_float ||
            choice.floating == choice.max_float)) {
        return absl::InvalidArgumentError(
            "float is infinite but infinity is not allowed");
      }
      if (choice.floating < choice.min_float ||
          choice.floating > choice.max_float) {
        return absl::InvalidArgumentError(
            absl::StrCat("float ", choice.floating, " is outside [",
                         choice.min_float, ", ", choice.max_float, "]"));
      }
      return absl::OkStatus();
    case ChoiceKind::kBoolean:
      if (!(choice.probability >= 0 && choice.probability <= 1)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "boolean probability ", choice.probability, " is outside [0, 1]"));
      }
      return absl::OkStatus();
    case ChoiceKind::kBytes:
      if (choice.min_size > choice.max_size) {
        return absl::InvalidArgumentError(
            absl::StrCat("bytes size bounds are empty: min ", choice.min_size,
                         " > max ", choice.max_size));
      }
      if (choice.bytes.size() < choice.min_size ||
          choice.bytes.size() > choice.max_size) {
        return absl::InvalidArgumentError(
            absl::StrCat("bytes of size ", choice.bytes.size(), " outside [",
                         choice.min_size, ", ", choice.max_size, "]"));
      }
      return absl::OkStatus();
  }
  return absl::InvalidArgumentError("unknown choice kind");
}

int64_t ShrinkTarget(const Choice& integer_choice) {
  return std::clamp<int64_t>(0, integer_choice.min_integer,
                             integer_choice.max_integer);
}

uint64_t DistanceFromTarget(const Choice& integer_choice, int64_t value) {
  int64_t target = ShrinkTarget(integer_choice);
  return value >= target
             ? static_cast<uint64_t>(value) - static_cast<uint64_t>(target)
             : static_cast<uint64_t>(target) - static_cast<uint64_t>(value);
}

Choice Simplest(const Choice& like) {
  switch (like.kind) {
    case ChoiceKind::kInteger:
      return like.WithInteger(ShrinkTarget(like));
    case ChoiceKind::kFloat:
      return like.WithFloat(FloatTarget(like));
    case ChoiceKind::kBoolean:
      // A probability of 1 fixes the value (PROTOCOL.md).
      return like.WithBoolean(like.probability >= 1);
    case ChoiceKind::kBytes:
      return like.WithBytes(std::string(like.min_size, '\0'));
  }
  return like;
}

std::string Describe(const Choice& choice) {
  switch (choice.kind) {
    case ChoiceKind::kInteger:
      return absl::StrCat("integer ", choice.integer, " in [",
                          choice.min_integer, ", ", choice.max_integer, "]");
    case ChoiceKind::kFloat:
      return absl::StrCat("float ", choice.floating, " in [", choice.min_float,
                          ", ", choice.max_float, "]");
    case ChoiceKind::kBoolean:
      return choice.boolean ? "boolean true" : "boolean false";
    case ChoiceKind::kBytes:
      return absl::StrCat("bytes \"", absl::CHexEscape(choice.bytes), "\"");
  }
  return "unknown choice";
}

uint64_t DomainSize(const Choice& shape) {
  switch (shape.kind) {
    case ChoiceKind::kBoolean:
      return (shape.probability <= 0 || shape.probability >= 1) ? 1 : 2;
    case ChoiceKind::kInteger: {
      uint64_t size = static_cast<uint64_t>(shape.max_integer) -
                      static_cast<uint64_t>(shape.min_integer) + 1;
      return size != 0 && size <= kMaxEnumerated ? size : 0;
    }
    case ChoiceKind::kFloat:
      return shape.min_float == shape.max_float && !shape.allow_nan ? 1 : 0;
    case ChoiceKind::kBytes:
      return shape.max_size == 0 ? 1 : 0;
  }
  return 0;
}

bool Enumerable(const ChoiceSequence& choices) {
  for (const Choice& choice : choices) {
    if (DomainSize(choice) == 0) return false;
  }
  return true;
}

}  // namespace lockstep::protocol
