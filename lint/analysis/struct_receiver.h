// C's methods: free functions that work on a struct the way a method works on
// `this`.
//
// C code has no member functions. A struct that holds a lock is used through
// free functions that take a pointer to it (`void srv_drain(struct server *s)`,
// `gst_ring_accounting_commit(GstRingAccounting *ring)`), and those functions'
// accesses to its fields are what a class's methods' accesses are to its own:
// evidence of which lock guards a field, and places where it is not held. The
// functions that initialize or destroy the struct's lock are its constructor
// and destructor.
#ifndef LOCKSTEP_LINT_ANALYSIS_STRUCT_RECEIVER_H_
#define LOCKSTEP_LINT_ANALYSIS_STRUCT_RECEIVER_H_

#include <string>

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "lint/analysis/lockset.h"

namespace lockstep::lint {

// The parameter `function` works on as a method works on `this`: its first
// parameter, when that points to (or is a reference to) a plain struct that
// holds a lock (IsStructHoldingALock) and no other parameter has the same
// struct type, which would make "the object" ambiguous. Null for methods and
// for every other function.
const clang::ParmVarDecl* StructReceiver(const clang::FunctionDecl* function);

// True when `function` initializes or destroys a lock held by the struct
// `receiver` points to, directly (pthread_mutex_init(&s->lock)) or through a
// wrapper whose body does (g_mutex_clear(&ring->lock)): it runs before the
// struct is shared, or after it no longer is.
bool SetsUpOrTearsDownReceiver(const clang::FunctionDecl* function,
                               const clang::ParmVarDecl* receiver);

// `lockset` with the receiver's locks named as a method names its object's:
// "local:s" becomes "this" and "local:s.server::lock" becomes
// "this.server::lock". `receiver_key` is the receiver's own key, as
// NameLockExpr names it.
Lockset AsSeenByReceiver(const Lockset& lockset,
                         const std::string& receiver_key);
std::string AsSeenByReceiver(const std::string& key,
                             const std::string& receiver_key);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_STRUCT_RECEIVER_H_
