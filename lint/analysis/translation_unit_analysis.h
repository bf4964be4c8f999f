// Runs FunctionAnalyzer over every function a translation unit defines in
// user code, and infers the entry lockset of private helpers from their call
// sites.
#ifndef LOCKSTEP_LINT_ANALYSIS_TRANSLATION_UNIT_ANALYSIS_H_
#define LOCKSTEP_LINT_ANALYSIS_TRANSLATION_UNIT_ANALYSIS_H_

#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/function_analyzer.h"

namespace lockstep::lint {

class TranslationUnitAnalysis {
 public:
  // Analyzes `context`'s translation unit. Functions in system headers and in
  // third-party directories (third_party/, external/) are skipped. The parent
  // indexes of the functions analyzed are kept in `expressions` when given.
  explicit TranslationUnitAnalysis(clang::ASTContext& context,
                                   ExpressionContexts* expressions = nullptr);

  const AnalysisResults& results() const { return results_; }
  // The analyzed function definitions, in source order.
  const std::vector<const clang::FunctionDecl*>& functions() const {
    return functions_;
  }
  // True when the translation unit can see threads or locks (std::thread,
  // std::mutex, absl::Mutex, ...): code in it may run on several threads.
  bool uses_threads() const { return uses_threads_; }

 private:
  std::vector<const clang::FunctionDecl*> functions_;
  AnalysisResults results_;
  bool uses_threads_ = false;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_TRANSLATION_UNIT_ANALYSIS_H_
