// Clang's own thread-safety analysis (-Wthread-safety, -Wthread-safety-beta)
// run over a translation unit, its warnings kept as data for lockstep's checks.
//
// Where code carries thread-safety annotations clang already proves a lot;
// the lint must never say less. Running the analysis here, rather than
// asking users to build with -Wthread-safety, means every lint run has its
// findings whatever the build's flags, and the checks can merge them with
// their own (one finding per defect) and judge them against the lint's
// lockset, which follows what a guard class's members do where clang
// follows only their annotations.
#ifndef LOCKSTEP_LINT_ANALYSIS_CLANG_THREAD_SAFETY_H_
#define LOCKSTEP_LINT_ANALYSIS_CLANG_THREAD_SAFETY_H_

#include <string>
#include <utility>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceLocation.h"
#include "lint/analysis/function_analyzer.h"

namespace lockstep::lint {

struct ClangThreadSafetyWarning {
  enum class Kind {
    // A guarded variable read, written, dereferenced or passed by reference
    // without its capability.
    kAccess,
    // A function that requires a capability (or its absence) called
    // without it.
    kCall,
    // Acquire and release out of balance: a double acquire, a release of what
    // is not held, a capability still held (or not held) at the end of a
    // scope, or an acquire that the capability's declared order forbids.
    kLockBalance,
  };
  Kind kind = Kind::kAccess;
  clang::SourceLocation location;
  // clang's wording, without the flag.
  std::string message;
  // The variable accessed or the function called (kAccess, kCall), else null.
  const clang::NamedDecl* subject = nullptr;
  // The capability the warning is about, as clang prints it ("mu_",
  // "other.mu_"), when there is one.
  std::string capability;
  // The warning asks for the capability held exclusively.
  bool exclusive = false;
  // The function analysed when clang warned.
  const clang::FunctionDecl* function = nullptr;
  std::vector<std::pair<clang::SourceLocation, std::string>> notes;
};

// Runs clang's analysis over every function defined in user code (template
// instantiations and lambdas included, uninstantiated templates not, as in
// the compiler), and returns its warnings in source order.
std::vector<ClangThreadSafetyWarning> RunClangThreadSafety(
    clang::ASTContext& context);

// A clang warning set beside the lint's own lockset analysis of the same
// code.
struct JudgedClangWarning {
  ClangThreadSafetyWarning warning;
  // The lint's lockset holds the capability where clang says it is missing,
  // or the access runs only while the object is built or torn down (a
  // helper only the constructor calls), or (for kLockBalance) the lint
  // disagrees with clang elsewhere in the same function, or the function uses
  // an unlock guard that clang misreads (its destructor annotated ACQUIRE
  // rather than RELEASE). clang follows a guard class's annotations, the lint
  // what its constructor and destructor do; where the two part, the annotations
  // are usually wrong and the code right.
  bool lint_disagrees = false;
  // Why, for messages: "the lint's lockset holds 'this.Cache::mu_' here".
  std::string lint_reason;
};

std::vector<JudgedClangWarning> JudgeAgainstLockset(
    std::vector<ClangThreadSafetyWarning> warnings,
    const AnalysisResults& results);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_CLANG_THREAD_SAFETY_H_
