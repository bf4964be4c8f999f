// concurrency-thread-leak: a std::thread that can be destroyed while still
// joinable (std::terminate), a detached thread that runs an endless loop with
// no stop condition, a member thread its class's destructor does not join,
// and a destructor that joins a thread blocked on a wait it never wakes. See
// lint/docs/concurrency-thread-leak.md.
#ifndef LOCKSTEP_LINT_CHECKS_THREAD_LEAK_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_THREAD_LEAK_CHECK_H_

#include <set>

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace lockstep::lint {

class ThreadLeakCheck : public clang::tidy::ClangTidyCheck {
 public:
  ThreadLeakCheck(llvm::StringRef name, clang::tidy::ClangTidyContext* context)
      : ClangTidyCheck(name, context) {}

  bool isLanguageVersionSupported(
      const clang::LangOptions& options) const override {
    return options.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder* finder) override;
  void check(
      const clang::ast_matchers::MatchFinder::MatchResult& result) override;

 private:
  // A local std::thread that can reach its destructor while joinable.
  void CheckLocalThread(const clang::VarDecl* var, clang::ASTContext& context);
  // A detach() of a thread whose callable loops forever.
  void CheckDetach(const clang::CXXMemberCallExpr* detach,
                   clang::ASTContext& context);
  // Member threads the destructor does not join, or joins without waking.
  void CheckClass(const clang::CXXRecordDecl* record,
                  clang::ASTContext& context);

  // False when `location` was already reported: template instantiations
  // repeat their pattern's code.
  bool FirstReport(clang::SourceLocation location);

  std::set<unsigned> reported_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_THREAD_LEAK_CHECK_H_
