// Evidence that a class's objects are used by several threads: the one
// answer to "is this class shared" that every check reads.
#ifndef LOCKSTEP_LINT_ANALYSIS_SHARED_CLASS_H_
#define LOCKSTEP_LINT_ANALYSIS_SHARED_CLASS_H_

#include "clang/AST/Decl.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/function_analyzer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace lockstep::lint {

class SharedClasses {
 public:
  // Reads the evidence in a translation unit's accesses; `expressions` gives
  // the parent index of the functions they are in.
  SharedClasses(const AnalysisResults& results,
                ExpressionContexts& expressions);

  // True when the class's objects are plausibly used by several threads: it
  // owns a lock, a thread, or another synchronization object that is not a
  // reference count, or some of its code runs on another thread (a lambda
  // handed to a thread or stored to run later touches its fields).
  bool IsShared(const clang::RecordDecl* record) const;

  // True for an atomic reference count: an atomic integer field that every
  // access in the translation unit steps by one (`fetch_add(1)`,
  // `fetch_sub(1)`, `++`, `--`, `+= 1`, `-= 1`), so that its value is only
  // ever seen through a step's result. It shows shared ownership, not shared
  // mutation: a copy-on-write representation mutates only while it is
  // uniquely owned.
  bool IsReferenceCount(const clang::FieldDecl* field) const;

 private:
  // Classes with fields accessed by code that runs on another thread.
  llvm::DenseSet<const clang::RecordDecl*> runs_elsewhere_;
  // Atomic integer fields, and whether every access steps them by one.
  llvm::DenseMap<const clang::FieldDecl*, bool> stepped_by_one_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_SHARED_CLASS_H_
