// The names of lockstep's checks: part of the interface.
#ifndef LOCKSTEP_LINT_MODULE_CHECK_NAMES_H_
#define LOCKSTEP_LINT_MODULE_CHECK_NAMES_H_

namespace lockstep::lint {

// The checks concurrency-lint enables when neither --checks nor a .clang-tidy
// file says otherwise.
inline constexpr char kDefaultChecks[] =
    "-*,concurrency-unguarded-field,concurrency-lazy-init-race,"
    "concurrency-thread-leak,concurrency-process-global-in-test";

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_MODULE_CHECK_NAMES_H_
