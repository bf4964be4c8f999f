// A test case is a sequence of typed choices. Each choice carries its kind,
// its value and the constraints it was drawn under, so the engine can replace
// it with a simpler value that the test would also have accepted. Both sides
// of the protocol share these types; PROTOCOL.md specifies them.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CHOICE_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CHOICE_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace lockstep::protocol {

enum class ChoiceKind { kInteger, kFloat, kBoolean, kBytes };

struct Choice {
  ChoiceKind kind = ChoiceKind::kInteger;

  // The value; only the field of `kind` is meaningful.
  int64_t integer = 0;
  double floating = 0;
  bool boolean = false;
  std::string bytes;

  // Constraints, per kind.
  int64_t min_integer = 0;  // kInteger: inclusive bounds
  int64_t max_integer = 0;
  double min_float = 0;  // kFloat: inclusive bounds
  double max_float = 0;
  bool allow_nan = false;
  bool allow_infinity = false;
  double probability = 0.5;  // kBoolean: chance of true when drawn at random
  uint32_t min_size = 0;     // kBytes: size bounds
  uint32_t max_size = 0;

  static Choice Integer(int64_t value, int64_t min, int64_t max);
  static Choice Float(double value, double min, double max,
                      bool allow_nan = false, bool allow_infinity = false);
  static Choice Boolean(bool value, double probability = 0.5);
  static Choice Bytes(std::string value, uint32_t min_size, uint32_t max_size);

  // Same kind and constraints, another value.
  Choice WithInteger(int64_t value) const;
  Choice WithFloat(double value) const;
  Choice WithBoolean(bool value) const;
  Choice WithBytes(std::string value) const;

  bool operator==(const Choice& other) const;
  bool operator!=(const Choice& other) const { return !(*this == other); }
};

using ChoiceSequence = std::vector<Choice>;

// OK when the constraints are coherent (min <= max, ...) and the value
// satisfies them; otherwise an error naming what is wrong.
absl::Status Validate(const Choice& choice);

// The value every shrink moves toward: 0 (clamped into the bounds) for
// integers, 0.0 for floats (clamped), false, and the shortest run of zero
// bytes.
Choice Simplest(const Choice& like);

// For integer choices: the value shrinking moves toward (0 clamped into the
// bounds), and a value's distance from it (unsigned: the full int64 range
// does not overflow).
int64_t ShrinkTarget(const Choice& integer_choice);
uint64_t DistanceFromTarget(const Choice& integer_choice, int64_t value);

// How many values a choice's constraints allow, when that is small
// (at most kMaxEnumerated); 0 when it is larger. A run whose every choice has
// few values is enumerable: the engine can tell when it has seen them all.
inline constexpr uint64_t kMaxEnumerated = 1024;
uint64_t DomainSize(const Choice& shape);
bool Enumerable(const ChoiceSequence& choices);

// A human-readable rendering for reports: "integer 1001 in [0, 10000]".
std::string Describe(const Choice& choice);

// For test failure messages (GoogleTest finds it by argument lookup).
inline void PrintTo(const Choice& choice, std::ostream* out) {
  *out << Describe(choice);
}

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CHOICE_H_
