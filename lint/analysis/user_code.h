// What the lint looks at: the code a project owns, not system headers and not
// vendored third-party directories.
#ifndef LOCKSTEP_LINT_ANALYSIS_USER_CODE_H_
#define LOCKSTEP_LINT_ANALYSIS_USER_CODE_H_

#include "clang/AST/Decl.h"
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
// user code are skipped whole, and so is implicit code.
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
    return clang::RecursiveASTVisitor<Derived>::TraverseDecl(decl);
  }

 protected:
  const clang::SourceManager& sources() const { return sources_; }

 private:
  const clang::SourceManager& sources_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_USER_CODE_H_
