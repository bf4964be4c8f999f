// concurrency-process-global-in-test: process-wide state changed, or a fixed
// temporary path or port used, in GoogleTest tests and fixtures or in code
// run on a thread: setenv/putenv/unsetenv/clearenv, chdir/fchdir, umask,
// signal/sigaction, setlocale/std::locale::global, "/tmp/..." literals and
// fixed ports. See lint/docs/concurrency-process-global-in-test.md.
#ifndef LOCKSTEP_LINT_CHECKS_PROCESS_GLOBAL_IN_TEST_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_PROCESS_GLOBAL_IN_TEST_CHECK_H_

#include <set>
#include <string>

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Stmt.h"

namespace lockstep::lint {

class ProcessGlobalInTestCheck : public clang::tidy::ClangTidyCheck {
 public:
  ProcessGlobalInTestCheck(llvm::StringRef name,
                           clang::tidy::ClangTidyContext* context)
      : ClangTidyCheck(name, context) {}

  bool isLanguageVersionSupported(
      const clang::LangOptions& options) const override {
    return options.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder* finder) override;
  void check(
      const clang::ast_matchers::MatchFinder::MatchResult& result) override;

 private:
  // Reports what `body` (a test, fixture method or thread body, described
  // by `where`) does to process-wide state.
  void CheckBody(const clang::Stmt* body, const std::string& where,
                 clang::ASTContext& context);

  // False when `location` was already reported (a thread started inside a
  // test, template instantiations).
  bool FirstReport(clang::SourceLocation location);

  std::set<unsigned> reported_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_PROCESS_GLOBAL_IN_TEST_CHECK_H_
