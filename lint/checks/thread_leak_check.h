// concurrency-thread-leak: threads that outlive their owner. Four analyses,
// each in lint/checks/thread_leak/ and each with an option that turns it off:
// a std::thread that can be destroyed while still joinable (std::terminate;
// UnjoinedLocalThreads), a detached thread that runs an endless loop with no
// stop condition (DetachedEndlessLoops), a member thread its class's
// destructor does not join (UnjoinedMemberThreads), and a destructor that
// joins a thread blocked on a wait it never wakes (UnwokenWaits). See
// lint/docs/concurrency-thread-leak.md.
#ifndef LOCKSTEP_LINT_CHECKS_THREAD_LEAK_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_THREAD_LEAK_CHECK_H_

#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint {

class ThreadLeakCheck : public TranslationUnitCheck {
 public:
  ThreadLeakCheck(llvm::StringRef name, clang::tidy::ClangTidyContext* context);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap& options) override;

 private:
  void CheckTranslationUnit(TranslationUnitIndex& index) override;

  // The analyses that run (options of the same names, all on by default).
  const bool unjoined_local_threads_;
  const bool detached_endless_loops_;
  const bool unjoined_member_threads_;
  const bool unwoken_waits_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_THREAD_LEAK_CHECK_H_
