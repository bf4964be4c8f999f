// The names of lockstep's checks: part of the interface.
#ifndef LOCKSTEP_LINT_MODULE_CHECK_NAMES_H_
#define LOCKSTEP_LINT_MODULE_CHECK_NAMES_H_

namespace lockstep::lint {

// The checks concurrency-lint enables when neither --checks nor a .clang-tidy
// file says otherwise.
inline constexpr char kDefaultChecks[] =
    "-*,concurrency-unguarded-field,concurrency-lazy-init-race,"
    "concurrency-closure-captures-mutable,concurrency-use-after-close,"
    "concurrency-thread-leak,concurrency-process-global-in-test,"
    "concurrency-lock-balance";

// One line per check, for --list-checks style output and SARIF rules.
struct CheckDescription {
  const char* name;
  const char* description;
};
inline constexpr CheckDescription kCheckDescriptions[] = {
    {"concurrency-unguarded-field",
     "A field read or written without the mutex that guards it (declared or "
     "inferred)."},
    {"concurrency-lazy-init-race",
     "Initialization on first use without synchronization."},
    {"concurrency-closure-captures-mutable",
     "A closure that runs later or on another thread touches state others "
     "mutate with no common lock."},
    {"concurrency-process-global-in-test",
     "Process-wide state (environment, working directory, signals, locale, "
     "fixed paths or ports) changed in a test or a thread."},
    {"concurrency-use-after-close",
     "A resource closed in one method and used in another with no common "
     "lock."},
    {"concurrency-lock-balance",
     "A lock acquired twice, released when not held, held on only some "
     "paths, or taken against its declared order (clang's thread-safety "
     "analysis)."},
    {"concurrency-thread-leak",
     "A std::thread that can be destroyed unjoined, a detached thread with no "
     "stop path, a member thread not joined."},
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_MODULE_CHECK_NAMES_H_
