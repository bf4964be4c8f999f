// What the checks of one translation unit share: the lockset analysis and the
// indexes over it, each computed once, on first use, whichever check asks.
#ifndef LOCKSTEP_LINT_ANALYSIS_TRANSLATION_UNIT_INDEX_H_
#define LOCKSTEP_LINT_ANALYSIS_TRANSLATION_UNIT_INDEX_H_

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "lint/analysis/clang_thread_safety.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/function_analyzer.h"
#include "lint/analysis/shared_class.h"
#include "lint/analysis/translation_unit_analysis.h"

namespace lockstep::lint {

// The analysis's field accesses grouped by field.
class AccessesByField {
 public:
  explicit AccessesByField(const AnalysisResults& results);

  // The fields accessed, in the order of their first access (for stable
  // output).
  const std::vector<const clang::FieldDecl*>& fields() const { return fields_; }
  // The accesses to `field`, in the analysis's order.
  const std::vector<const FieldAccess*>& Of(
      const clang::FieldDecl* field) const;

 private:
  std::vector<const clang::FieldDecl*> fields_;
  std::map<const clang::FieldDecl*, std::vector<const FieldAccess*>> by_field_;
};

// A thread started in user code: a std::thread / std::jthread constructed
// with a callable, or a std::async.
struct ThreadStart {
  const clang::Expr* start = nullptr;
  const clang::Expr* callable = nullptr;
  // The function the thread runs, when its body is visible (see
  // CallableFunction).
  const clang::FunctionDecl* runs = nullptr;
  // The named function (not a lambda) the start is written in, or null.
  const clang::FunctionDecl* started_in = nullptr;
};

class TranslationUnitIndex {
 public:
  explicit TranslationUnitIndex(clang::ASTContext& context);
  ~TranslationUnitIndex();

  // The index of `context`, shared by every check that asks during the same
  // translation unit. clang-tidy lints one translation unit at a time per
  // thread.
  static TranslationUnitIndex& For(clang::ASTContext& context);
  // Drops the shared index; checks call this when a new translation unit
  // starts, since a new ASTContext may reuse the old one's address.
  static void ForgetCached();

  clang::ASTContext& context() const { return context_; }
  const clang::SourceManager& sources() const {
    return context_.getSourceManager();
  }

  // The lockset analysis of every function the translation unit defines in
  // user code.
  const TranslationUnitAnalysis& analysis();
  // The analysis's accesses, by field.
  const AccessesByField& accesses_by_field();
  // The parent index of `function`'s body (lambdas included).
  const ExpressionContext& ExpressionsOf(const clang::FunctionDecl* function);
  // The joins in `function`'s body (see IsJoinCall), in source order.
  const std::vector<clang::SourceLocation>& JoinsIn(
      const clang::FunctionDecl* function);
  // Which classes are shared between threads.
  const SharedClasses& shared_classes();
  // The threads started in user code with a callable whose value does not
  // depend on a template parameter, in traversal order.
  const std::vector<ThreadStart>& thread_starts();
  // clang's own -Wthread-safety warnings for the translation unit, each
  // judged against the lint's lockset.
  const std::vector<JudgedClangWarning>& clang_thread_safety();

 private:
  clang::ASTContext& context_;
  ExpressionContexts expressions_;
  std::unique_ptr<TranslationUnitAnalysis> analysis_;
  std::optional<AccessesByField> accesses_by_field_;
  std::map<const clang::FunctionDecl*, std::vector<clang::SourceLocation>>
      joins_;
  std::optional<SharedClasses> shared_classes_;
  std::optional<std::vector<ThreadStart>> thread_starts_;
  std::optional<std::vector<JudgedClangWarning>> clang_thread_safety_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_TRANSLATION_UNIT_INDEX_H_
