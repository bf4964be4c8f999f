// How a report tells a user to rerun a failing property test: the exact
// command, for a shell and for Bazel, carrying the seed and whatever else
// the environment set (a different LOCKSTEP_TEST_CASES would search
// differently from the same seed).
#ifndef LOCKSTEP_CLIENT_REPRODUCE_H_
#define LOCKSTEP_CLIENT_REPRODUCE_H_

#include <cstdint>
#include <string>

#include "client/settings.h"

namespace lockstep {

// Lines (each "  ...\n") that rerun the GoogleTest test `test_name`
// ("Suite.Name") with `seed`: `LOCKSTEP_SEED=<seed> <binary>
// --gtest_filter=<test_name>`, and, under `bazel test` (TEST_TARGET set),
// `bazel test <target> --test_env=LOCKSTEP_SEED=<seed>
// --test_filter=<test_name>`, plus how to keep the example database across
// bazel runs when it would be thrown away.
std::string ReproduceCommands(uint64_t seed, const std::string& test_name,
                              const ResolvedSettings& settings,
                              const Environment& environment);

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_REPRODUCE_H_
