// The numbers both sides of the protocol agree on: the versions spoken and
// the defaults a client gets when it leaves a setting at 0 (engine.proto
// documents each). Defined once, here.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_DEFAULTS_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_DEFAULTS_H_

#include <cstdint>

namespace lockstep::protocol {

// Protocol versions spoken by this client and this engine (2 added
// generation batches, 3 the test report's statistics, 4 crash records and
// isolation). Only 4: an engine that records crashes needs a client that
// marks the case it runs, so older clients are refused.
inline constexpr uint32_t kMinProtocolVersion = 4;
inline constexpr uint32_t kMaxProtocolVersion = 4;

// An outcome's origin starting with this is a crash of an isolated case
// (a signal, an exit, a hang past the deadline, a sanitizer report), and a
// saved failure with such an origin is replayed isolated.
inline constexpr char kCrashOriginPrefix[] = "crash: ";

// Settings::test_cases: valid cases to run before a test passes.
inline constexpr uint32_t kDefaultTestCases = 100;
// Settings::size_cycle: generated sizes ramp from small to the generators'
// maxima over this many cases (never more than test_cases), then start over.
inline constexpr uint32_t kDefaultSizeCycle = 100;
// Settings::max_choices: a run drawing more is an overrun.
inline constexpr uint32_t kDefaultMaxChoices = 8192;
// Settings::max_shrink_calls and max_shrink_seconds: the shrinking budget.
inline constexpr uint64_t kDefaultMaxShrinkCalls = 5000;
inline constexpr double kDefaultMaxShrinkSeconds = 60;
// The example database when a test names none, under the working directory.
inline constexpr char kDefaultDatabase[] = ".lockstep/examples";

// After the first failure, generation goes on for as many calls as it took
// to find it, up to this many (Hypothesis's policy). The client answers the
// batch already sent behind a failing one after this many cases, since the
// engine will not use more.
inline constexpr uint32_t kMaxCasesAfterFailure = 50;

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_DEFAULTS_H_
