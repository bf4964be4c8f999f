// concurrency-thread-leak, options UnjoinedMemberThreads and UnwokenWaits:
// what a class does with its thread fields, from their starts to its
// destructor, and the member threads the destructor does not join.
#ifndef LOCKSTEP_LINT_CHECKS_THREAD_LEAK_MEMBER_THREADS_H_
#define LOCKSTEP_LINT_CHECKS_THREAD_LEAK_MEMBER_THREADS_H_

#include <optional>
#include <set>
#include <vector>

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "lint/checks/translation_unit_check.h"
#include "llvm/ADT/DenseSet.h"

namespace lockstep::lint::thread_leak {

// What a destructor path (or a thread start's method) does, in order.
enum class EventKind {
  kJoin,     // join() on a thread field
  kDetach,   // detach() on a thread field
  kHandOff,  // the field moved, swapped, iterated or passed on
  kNotify,   // notify_one/notify_all/Signal/SignalAll on anything
  kWrite,    // a field written (assignment, ++, a non-const method)
  kUnknown,  // a call into this class we cannot see: anything may happen
};

struct Event {
  EventKind kind;
  const clang::FieldDecl* field = nullptr;
  const clang::Expr* expr = nullptr;
};

// Where a thread field is started, and with what.
struct Start {
  const clang::FieldDecl* field = nullptr;
  const clang::Expr* expr = nullptr;      // the assignment, emplace_back, ...
  const clang::Expr* callable = nullptr;  // may be null
  const clang::FunctionDecl* method = nullptr;
};

// A class's thread fields and what happens to them.
struct MemberThreads {
  const clang::CXXRecordDecl* record = nullptr;
  // The fields that hold threads, in declaration order.
  std::vector<const clang::FieldDecl*> fields;
  // What the destructor's path does, in order (empty for an implicit or
  // defaulted destructor).
  std::vector<Event> destructor_events;
  // Where the fields are started, leaving out the starts that the same
  // method joins, detaches or hands off afterwards.
  std::vector<Start> starts;
  // Fields a public method joins (Join(), Stop(), Shutdown()): the class's
  // contract is that its owner calls it before destroying it, as RocksDB's
  // ThreadPoolImpl and gtest's own helpers expect.
  std::set<const clang::FieldDecl*> joined_by_public_method;

  // The first start of `field`, or null.
  const Start* FirstStartOf(const clang::FieldDecl* field) const;
  // The destructor path's first join of `field`, or null.
  const Event* DestructorJoinOf(const clang::FieldDecl* field) const;
  // True when the destructor's path joins, detaches or hands off `field`.
  bool HandledByDestructor(const clang::FieldDecl* field) const;
};

// The thread fields of `record` (a class definition), or nothing when it has
// none or its destructor cannot be judged (deleted, not visible, or calling
// into the class where it cannot be followed).
std::optional<MemberThreads> FindMemberThreads(
    const clang::CXXRecordDecl* record, const clang::SourceManager& sources);

// Reports the thread fields some method starts and the destructor does not
// join.
void ReportUnjoinedMemberThreads(const MemberThreads& threads,
                                 TranslationUnitCheck& check);

}  // namespace lockstep::lint::thread_leak

#endif  // LOCKSTEP_LINT_CHECKS_THREAD_LEAK_MEMBER_THREADS_H_
