// Reads the comments around a field declaration for ownership statements.
#ifndef LOCKSTEP_LINT_ANALYSIS_FIELD_DOCUMENTATION_H_
#define LOCKSTEP_LINT_ANALYSIS_FIELD_DOCUMENTATION_H_

#include <optional>
#include <string>

#include "clang/AST/Decl.h"

namespace lockstep::lint {

// True when the comment on the field's line, or the comment block just above
// it, documents that a single thread owns it: "owned by the reader thread",
// "only accessed on the worker thread", "thread-confined", "confined to ...".
// Such fields are not shared, so they need no lock.
bool IsDocumentedThreadConfined(const clang::FieldDecl* field);

// The lock a comment on the field names as its guard ("guarded by mu_",
// "protected by mutex_", "GUARDED_BY(mu_)" in a comment), or empty. Many code
// bases state ownership this way instead of with annotations.
std::string DocumentedGuard(const clang::FieldDecl* field);

// For a function whose name or comment documents that its caller holds a
// lock (FooLocked, FooNoLock, "REQUIRES: mu_ held", "must be called with the
// mutex held"): the lock's name when the comment names one (a member, or a
// lock named by its owner: "DB mutex"), else empty. Not documented: nullopt.
std::optional<std::string> DocumentedRequiredLock(
    const clang::FunctionDecl* function);

// True for words that name no particular lock ("the", "mutex", "lock").
bool IsGenericLockWord(llvm::StringRef word);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_FIELD_DOCUMENTATION_H_
