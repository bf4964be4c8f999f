// What the lint looks at: the code a project owns, not system headers and not
// vendored third-party directories.
#ifndef LOCKSTEP_LINT_ANALYSIS_USER_CODE_H_
#define LOCKSTEP_LINT_ANALYSIS_USER_CODE_H_

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"

namespace lockstep::lint {

// True for locations in code the project owns (not system headers, not
// third_party/ or external/ directories).
bool IsUserCode(const clang::SourceManager& sources,
                clang::SourceLocation location);

// A RecursiveASTVisitor over the user code of a translation unit, template
// instantiations included. System headers hold most of a translation unit's
// declarations and none of the code under analysis: declarations outside
// user code are skipped whole, and so is implicit code. It keeps track of
// the function being traversed.
template <typename Derived>
class UserCodeVisitor : public clang::RecursiveASTVisitor<Derived> {
 public:
  explicit UserCodeVisitor(const clang::SourceManager& sources)
      : sources_(sources) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(clang::Decl* decl) {
    if (decl == nullptr) return true;
    if (!llvm::isa<clang::TranslationUnitDecl>(decl) &&
        !IsUserCode(sources_, decl->getLocation())) {
      return true;
    }
    const auto* function = llvm::dyn_cast<clang::FunctionDecl>(decl);
    if (function == nullptr)
      return clang::RecursiveASTVisitor<Derived>::TraverseDecl(decl);
    Scope scope(this, function, function);
    return clang::RecursiveASTVisitor<Derived>::TraverseDecl(decl);
  }

  bool TraverseLambdaExpr(clang::LambdaExpr* lambda) {
    Scope scope(this, named_function_, lambda->getCallOperator());
    return clang::RecursiveASTVisitor<Derived>::TraverseLambdaExpr(lambda);
  }

 protected:
  const clang::SourceManager& sources() const { return sources_; }
  // The innermost named function (not a lambda) being traversed, or null.
  const clang::FunctionDecl* named_function() const { return named_function_; }
  // The innermost function or lambda (its call operator) being traversed, or
  // null.
  const clang::FunctionDecl* innermost_function() const {
    return innermost_function_;
  }

 private:
  // Sets the functions being traversed for its own lifetime.
  class Scope {
   public:
    Scope(UserCodeVisitor* visitor, const clang::FunctionDecl* named,
          const clang::FunctionDecl* innermost)
        : visitor_(visitor),
          named_(visitor->named_function_),
          innermost_(visitor->innermost_function_) {
      visitor_->named_function_ = named;
      visitor_->innermost_function_ = innermost;
    }
    ~Scope() {
      visitor_->named_function_ = named_;
      visitor_->innermost_function_ = innermost_;
    }

   private:
    UserCodeVisitor* visitor_;
    const clang::FunctionDecl* named_;
    const clang::FunctionDecl* innermost_;
  };

  const clang::SourceManager& sources_;
  const clang::FunctionDecl* named_function_ = nullptr;
  const clang::FunctionDecl* innermost_function_ = nullptr;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_USER_CODE_H_
