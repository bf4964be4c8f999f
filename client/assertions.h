// Assertions for property bodies. Each fails the current case by throwing
// AssertionFailure, whose origin is the assertion's file:line (distinct
// origins are distinct bugs, shrunk separately); the comparisons print both
// operands (printing.h):
//
//   LOCKSTEP_ASSERT_EQ(Decode(Encode(s)), s);
//   // LOCKSTEP_ASSERT_EQ(Decode(Encode(s)), s) failed:
//   //   Decode(Encode(s)) = "a", s = "aa"
#ifndef LOCKSTEP_CLIENT_ASSERTIONS_H_
#define LOCKSTEP_CLIENT_ASSERTIONS_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "client/printing.h"
#include "server_bridge/protocol/case_exceptions.h"

namespace lockstep {

// Thrown by the LOCKSTEP_ASSERT macros (what() is the message, origin() the
// file:line); any exception fails a case.
using AssertionFailure = protocol::CaseFailure;

}  // namespace lockstep

#define LOCKSTEP_INTERNAL_STR2(x) #x
#define LOCKSTEP_INTERNAL_STR(x) LOCKSTEP_INTERNAL_STR2(x)
#define LOCKSTEP_INTERNAL_ORIGIN __FILE__ ":" LOCKSTEP_INTERNAL_STR(__LINE__)

// Fails the current case when `condition` is false.
#define LOCKSTEP_ASSERT(condition)                                             \
  do {                                                                         \
    if (!(condition)) {                                                        \
      throw ::lockstep::AssertionFailure(                                      \
          "LOCKSTEP_ASSERT(" #condition ") failed", LOCKSTEP_INTERNAL_ORIGIN); \
    }                                                                          \
  } while (false)

// Each operand is evaluated once; both are printed when the comparison
// fails.
#define LOCKSTEP_INTERNAL_ASSERT_OP(macro, op, a, b)                  \
  do {                                                                \
    const auto& lockstep_internal_a = (a);                            \
    const auto& lockstep_internal_b = (b);                            \
    if (!(lockstep_internal_a op lockstep_internal_b)) {              \
      throw ::lockstep::AssertionFailure(                             \
          ::absl::StrCat(#macro "(" #a ", " #b ") failed: " #a " = ", \
                         ::lockstep::Print(lockstep_internal_a),      \
                         ", " #b " = ",                               \
                         ::lockstep::Print(lockstep_internal_b)),     \
          LOCKSTEP_INTERNAL_ORIGIN);                                  \
    }                                                                 \
  } while (false)

#define LOCKSTEP_ASSERT_EQ(a, b) \
  LOCKSTEP_INTERNAL_ASSERT_OP(LOCKSTEP_ASSERT_EQ, ==, a, b)
#define LOCKSTEP_ASSERT_NE(a, b) \
  LOCKSTEP_INTERNAL_ASSERT_OP(LOCKSTEP_ASSERT_NE, !=, a, b)
#define LOCKSTEP_ASSERT_LT(a, b) \
  LOCKSTEP_INTERNAL_ASSERT_OP(LOCKSTEP_ASSERT_LT, <, a, b)
#define LOCKSTEP_ASSERT_LE(a, b) \
  LOCKSTEP_INTERNAL_ASSERT_OP(LOCKSTEP_ASSERT_LE, <=, a, b)
#define LOCKSTEP_ASSERT_GT(a, b) \
  LOCKSTEP_INTERNAL_ASSERT_OP(LOCKSTEP_ASSERT_GT, >, a, b)
#define LOCKSTEP_ASSERT_GE(a, b) \
  LOCKSTEP_INTERNAL_ASSERT_OP(LOCKSTEP_ASSERT_GE, >=, a, b)

#endif  // LOCKSTEP_CLIENT_ASSERTIONS_H_
