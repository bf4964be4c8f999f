// Registers lockstep's concurrency checks with clang-tidy's module registry.
// Linked into the standalone concurrency-lint binary and into the plugin that
// clang-tidy-14 loads with --load.
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "lint/checks/closure_captures_mutable_check.h"
#include "lint/checks/lazy_init_race_check.h"
#include "lint/checks/lock_balance_check.h"
#include "lint/checks/process_global_in_test_check.h"
#include "lint/checks/thread_leak_check.h"
#include "lint/checks/unguarded_field_check.h"
#include "lint/checks/use_after_close_check.h"

namespace lockstep::lint {

class ConcurrencyModule : public clang::tidy::ClangTidyModule {
 public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories& factories) override {
    factories.registerCheck<UnguardedFieldCheck>("concurrency-unguarded-field");
    factories.registerCheck<LazyInitRaceCheck>("concurrency-lazy-init-race");
    factories.registerCheck<LockBalanceCheck>("concurrency-lock-balance");
    factories.registerCheck<ClosureCapturesMutableCheck>(
        "concurrency-closure-captures-mutable");
    factories.registerCheck<UseAfterCloseCheck>("concurrency-use-after-close");
    factories.registerCheck<ThreadLeakCheck>("concurrency-thread-leak");
    factories.registerCheck<ProcessGlobalInTestCheck>(
        "concurrency-process-global-in-test");
  }
};

// The registry entry; the name must differ from clang-tidy's own
// "concurrency-module" (which holds concurrency-mt-unsafe and others).
static clang::tidy::ClangTidyModuleRegistry::Add<ConcurrencyModule>
    kRegistration("lockstep-concurrency-module",
                  "lockstep's ownership and locking checks.");

}  // namespace lockstep::lint
