#include "server_bridge/engine/choice.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace lockstep::engine {
namespace {

double FloatTarget(const Choice& choice) {
  if (choice.min_float > 0) return choice.min_float;
  if (choice.max_float < 0) return choice.max_float;
  return 0.0;
}

int Sign(bool less, bool greater) { return less ? -1 : (greater ? 1 : 0); }

int CompareFloats(const Choice& like, double a, double b) {
  auto rank = [](double x) {
    return std::isnan(x) ? 2 : (std::isinf(x) ? 1 : 0);
  };
  if (rank(a) != rank(b)) return Sign(rank(a) < rank(b), rank(a) > rank(b));
  if (std::isnan(a)) return 0;
  bool a_integral = std::isfinite(a) && std::trunc(a) == a;
  bool b_integral = std::isfinite(b) && std::trunc(b) == b;
  if (a_integral != b_integral) return a_integral ? -1 : 1;
  double target = FloatTarget(like);
  double da = std::fabs(a - target);
  double db = std::fabs(b - target);
  if (da != db) return Sign(da<db, da> db);
  bool a_negative = std::signbit(a);
  bool b_negative = std::signbit(b);
  return Sign(!a_negative && b_negative, a_negative && !b_negative);
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

int CompareSimplicity(const Choice& a, const Choice& b) {
  if (a.kind != b.kind) return Sign(a.kind<b.kind, a.kind> b.kind);
  switch (a.kind) {
    case ChoiceKind::kInteger: {
      uint64_t da = DistanceFromTarget(a, a.integer);
      uint64_t db = DistanceFromTarget(b, b.integer);
      if (da != db) return Sign(da<db, da> db);
      return Sign(a.integer > b.integer,
                  a.integer < b.integer);  // positive first
    }
    case ChoiceKind::kFloat:
      return CompareFloats(a, a.floating, b.floating);
    case ChoiceKind::kBoolean:
      return Sign(!a.boolean && b.boolean, a.boolean && !b.boolean);
    case ChoiceKind::kBytes:
      if (a.bytes.size() != b.bytes.size()) {
        return Sign(a.bytes.size() < b.bytes.size(),
                    a.bytes.size() > b.bytes.size());
      }
      return Sign(a.bytes<b.bytes, a.bytes> b.bytes);
  }
  return 0;
}

bool ShortlexLess(const ChoiceSequence& a, const ChoiceSequence& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  for (size_t i = 0; i < a.size(); ++i) {
    int order = CompareSimplicity(a[i], b[i]);
    if (order != 0) return order < 0;
  }
  return false;
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

namespace {

// SplitMix64's finalizer over the running state: every input bit affects
// every output bit.
uint64_t MixIn(uint64_t state, uint64_t word) {
  uint64_t z = (state ^ word) + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

uint64_t Digest(const ChoiceSequence& choices) {
  uint64_t state = MixIn(0, choices.size());
  for (const Choice& choice : choices) {
    state = MixIn(state, static_cast<uint64_t>(choice.kind));
    switch (choice.kind) {
      case ChoiceKind::kInteger:
        state = MixIn(state, static_cast<uint64_t>(choice.integer));
        break;
      case ChoiceKind::kFloat: {
        uint64_t bits;
        std::memcpy(&bits, &choice.floating, sizeof bits);
        state = MixIn(state, bits);
        break;
      }
      case ChoiceKind::kBoolean:
        state = MixIn(state, choice.boolean ? 1 : 0);
        break;
      case ChoiceKind::kBytes: {
        state = MixIn(state, choice.bytes.size());
        for (size_t i = 0; i < choice.bytes.size(); i += 8) {
          uint64_t word = 0;
          std::memcpy(&word, choice.bytes.data() + i,
                      std::min<size_t>(8, choice.bytes.size() - i));
          state = MixIn(state, word);
        }
        break;
      }
    }
  }
  return state;
}

}  // namespace lockstep::engine
