// concurrency-process-global-in-test: process-wide state changed, or a fixed
// temporary path or port used, in GoogleTest tests and fixtures or in code
// run on a thread: setenv/putenv/unsetenv/clearenv, chdir/fchdir, umask,
// signal/sigaction, setlocale/std::locale::global, "/tmp/..." literals and
// fixed ports. See lint/docs/concurrency-process-global-in-test.md.
#ifndef LOCKSTEP_LINT_CHECKS_PROCESS_GLOBAL_IN_TEST_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_PROCESS_GLOBAL_IN_TEST_CHECK_H_

#include <string>

#include "clang/AST/Stmt.h"
#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint {

class ProcessGlobalInTestCheck : public TranslationUnitCheck {
 public:
  ProcessGlobalInTestCheck(llvm::StringRef name,
                           clang::tidy::ClangTidyContext* context)
      : TranslationUnitCheck(name, context) {}

 private:
  void CheckTranslationUnit(TranslationUnitIndex& index) override;

  // Reports what the body of `function` (a test, fixture method or thread
  // body, described by `where`) does to process-wide state.
  void CheckBody(const clang::FunctionDecl* function, const std::string& where,
                 TranslationUnitIndex& index);
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_PROCESS_GLOBAL_IN_TEST_CHECK_H_
