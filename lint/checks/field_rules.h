// Rules about fields that every check shares: which need no lock at all,
// which cannot change, which accesses count as concurrent.
#ifndef LOCKSTEP_LINT_CHECKS_FIELD_RULES_H_
#define LOCKSTEP_LINT_CHECKS_FIELD_RULES_H_

#include <string>

#include "clang/AST/Decl.h"
#include "lint/analysis/function_analyzer.h"
#include "lint/analysis/translation_unit_index.h"

namespace lockstep::lint {

// Fields that need no lock whatever the code does with them: mutexes,
// atomics and other synchronization types, threads, fields documented as
// confined to one thread.
bool NeedsNoLock(const clang::FieldDecl* field);

// What a resource field holds, for messages: "file descriptor", "FILE",
// "stream", "object" (a pointer to an object with Close()), or "" when it is
// no resource. concurrency-use-after-close judges these.
const char* ResourceKindOf(const clang::FieldDecl* field);

// Fields that cannot change after construction (const, references).
bool IsImmutable(const clang::FieldDecl* field);

// Fields with a declared guard (GUARDED_BY, PT_GUARDED_BY): clang's
// -Wthread-safety and concurrency-unguarded-field already hold them to it.
bool HasDeclaredGuard(const clang::FieldDecl* field);

// Accesses that may run concurrently with others: not in a constructor or
// destructor (or a helper only they call), not in NO_THREAD_SAFETY_ANALYSIS
// code.
bool MayRunConcurrently(const FieldAccess& access);

// An access its own function makes after joining threads (`t.join()`,
// pthread_join, a wait that drains the object's work): ordered after what
// they did.
bool AfterItsThreadsAreJoined(const FieldAccess& access,
                              TranslationUnitIndex& index);

// An access its own function makes before starting a thread (`fd_ =
// socket(...); ...; thread_ = std::thread(...)` in Start()): ordered before
// everything that thread does, as a constructor's are.
bool BeforeItsThreadStarts(const FieldAccess& access,
                           TranslationUnitIndex& index);

// Where an access happens, for messages: "'Cache::Get'", or "a lambda in
// 'Cache::Start' that runs later or on another thread".
std::string WhereAccessed(const FieldAccess& access);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_FIELD_RULES_H_
