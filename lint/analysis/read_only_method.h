// Non-const methods that only read their object.
//
// A call of a non-const method on a field counts as a write of the field,
// because the method may change it. When the method's body is visible and
// changes nothing of its object (RocksDB's `Directories::GetDbDir()`, which
// returns a stored pointer and is not const only by omission), the call is a
// read: what it does decides, not how it is declared.
#ifndef LOCKSTEP_LINT_ANALYSIS_READ_ONLY_METHOD_H_
#define LOCKSTEP_LINT_ANALYSIS_READ_ONLY_METHOD_H_

#include "clang/AST/DeclCXX.h"

namespace lockstep::lint {

// True when `method` is not virtual (or its class is final), its body is
// visible, and the body neither assigns nor increments a member, takes a
// member's address, binds one to a non-const reference, deletes, returns a
// non-const reference into the object, nor calls a non-const method of the
// object that is not itself read-only (followed two calls deep). Changes
// through a pointer member change the pointee, not the object. A lambda in
// the body makes the answer false: what it captures is not followed.
bool IsReadOnlyMethod(const clang::CXXMethodDecl* method);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_READ_ONLY_METHOD_H_
