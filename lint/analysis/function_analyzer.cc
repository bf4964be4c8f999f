#include "lint/analysis/function_analyzer.h"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "lint/analysis/cfg_dataflow.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/guard_table.h"
#include "lint/analysis/lock_attributes.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/lock_parameters.h"
#include "lint/analysis/struct_receiver.h"
#include "llvm/ADT/DenseMap.h"

namespace lockstep::lint {
namespace {

// The bound on the lockset dataflow's passes over a CFG.
constexpr int kMaxLocksetPasses = 64;

// The analysis of one function body (or lambda body).
class FunctionRun {
 public:
  FunctionRun(clang::ASTContext& context, const ExpressionContext& expressions,
              const clang::FunctionDecl* function, const clang::Stmt* body,
              const Lockset& entry, const FunctionContext& function_context,
              AnalysisResults* results)
      : context_(context),
        expressions_(expressions),
        function_(function),
        body_(body),
        entry_(entry),
        function_context_(function_context),
        results_(results),
        receiver_(StructReceiver(function_context.named_function)),
        receiver_key_(receiver_ == nullptr ? "" : VariableKey(receiver_)) {}

  void Run() {
    std::unique_ptr<clang::CFG> cfg =
        BuildAnalysisCfg(function_, body_, context_);
    if (cfg == nullptr) return;

    // Forward dataflow to a fixed point; locksets only shrink at joins, so
    // this terminates quickly. The bound guards against pathological CFGs.
    std::vector<std::optional<Lockset>> in = SolveForward(
        *cfg, entry_,
        [&](const clang::CFGBlock& block, Lockset* state) {
          Transfer(block, state, /*record=*/false);
        },
        [&](const clang::CFGBlock& block, unsigned successor, Lockset* state) {
          ApplyTryLock(block, successor, state);
        },
        [](Lockset* into, const Lockset& from) {
          Lockset merged = *into;
          merged.IntersectWith(from);
          if (merged == *into) return false;
          *into = std::move(merged);
          return true;
        },
        kMaxLocksetPasses);
    // A copy constructor's member initializers (`count_(other.count_)`)
    // run before its body, with only the entry locks held.
    if (const auto* ctor =
            llvm::dyn_cast<clang::CXXConstructorDecl>(function_)) {
      if (body_ == ctor->getBody()) {
        for (const clang::CXXCtorInitializer* init : ctor->inits()) {
          if (!init->isWritten()) continue;
          ForEachStmt(init->getInit(), [&](const clang::Stmt* stmt) {
            const auto* member = llvm::dyn_cast<clang::MemberExpr>(stmt);
            const auto* field =
                member == nullptr
                    ? nullptr
                    : llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
            if (field != nullptr)
              RecordOtherObjectAccess(member, field, entry_);
          });
        }
      }
    }
    size_t first_access = results_->accesses.size();
    ForEachReachedBlock(*cfg, in,
                        [&](const clang::CFGBlock& block, Lockset* state) {
                          Transfer(block, state, /*record=*/true);
                        });
    // Accesses made while a lock was explicitly released and later retaken
    // by this function sit in a deliberate unlock window.
    for (size_t i = first_access; i < results_->accesses.size(); ++i) {
      FieldAccess& access = results_->accesses[i];
      if (access.context.named_function != function_context_.named_function ||
          access.context.deferred != function_context_.deferred) {
        continue;  // recorded by a nested lambda's own run
      }
      for (const std::string& key : access.held.released()) {
        if (reacquired_.count(key) > 0) access.in_unlock_window.insert(key);
      }
      // A C function's receiver's locks, named as a method names its own.
      if (!access.receiver.empty()) {
        access.held = AsSeenByReceiver(access.held, access.receiver);
        std::set<std::string> window;
        for (const std::string& key : access.in_unlock_window)
          window.insert(AsSeenByReceiver(key, access.receiver));
        access.in_unlock_window = std::move(window);
      }
    }
  }

 private:
  // `if (mu_.TryLock())`: the lock is held on the success edge only.
  void ApplyTryLock(const clang::CFGBlock& block, unsigned successor_index,
                    Lockset* state) {
    const clang::Stmt* condition = block.getTerminatorCondition();
    if (condition == nullptr || block.succ_size() != 2) return;
    const auto* expr = llvm::dyn_cast<clang::Expr>(condition);
    if (expr == nullptr) return;
    bool negated = false;
    expr = expr->IgnoreParenImpCasts();
    while (true) {
      if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(expr)) {
        if (unary->getOpcode() != clang::UO_LNot) return;
        negated = !negated;
        expr = unary->getSubExpr()->IgnoreParenImpCasts();
        continue;
      }
      // `f() == 0` is `!f()`, `f() != 0` is `f()`.
      const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(expr);
      if (binary == nullptr || !binary->isEqualityOp() ||
          !binary->getRHS()->isIntegerConstantExpr(context_) ||
          binary->getRHS()->EvaluateKnownConstInt(context_) != 0) {
        break;
      }
      if (binary->getOpcode() == clang::BO_EQ) negated = !negated;
      expr = binary->getLHS()->IgnoreParenImpCasts();
    }
    // `status_t res = mLock.tryLock(); if (res != 0) return;`: the test of
    // a local that a try-lock initialized, which clang's analysis follows.
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr)) {
      const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
      if (var == nullptr || !var->hasLocalStorage() ||
          var->getInit() == nullptr) {
        return;
      }
      expr = StripWrappers(var->getInit());
    }
    const auto* call = llvm::dyn_cast<clang::CallExpr>(expr);
    if (call == nullptr || call->getDirectCallee() == nullptr) return;
    const clang::FunctionDecl* callee = call->getDirectCallee();
    const clang::Expr* object = CallObject(call);
    bool taken = successor_index == 0;  // the "true" edge
    if (negated) taken = !taken;

    auto apply = [&](bool success_value, bool exclusive, auto args) {
      if (taken != success_value) return;
      ForEachAttrLock(call, object, args, [&](const LockName& lock) {
        state->Acquire(lock.key, exclusive);
      });
    };
    for (const auto* attr :
         callee->specific_attrs<clang::TryAcquireCapabilityAttr>()) {
      apply(EvaluatesTrue(attr->getSuccessValue(), context_), !attr->isShared(),
            attr->args());
    }
    for (const auto* attr :
         callee->specific_attrs<clang::ExclusiveTrylockFunctionAttr>()) {
      apply(EvaluatesTrue(attr->getSuccessValue(), context_), true,
            attr->args());
    }
    for (const auto* attr :
         callee->specific_attrs<clang::SharedTrylockFunctionAttr>()) {
      apply(EvaluatesTrue(attr->getSuccessValue(), context_), false,
            attr->args());
    }
    // `if (lock.owns_lock())` / `if (lock)` on a std::unique_lock made with
    // std::try_to_lock (or unlocked since): its locks are held on the true
    // edge.
    if (const clang::VarDecl* guard_var = guards_.GuardOf(object)) {
      bool owns = llvm::isa<clang::CXXConversionDecl>(callee) ||
                  (callee->getDeclName().isIdentifier() &&
                   callee->getName() == "owns_lock");
      if (owns && taken) {
        const Guard& guard = guards_[guard_var];
        for (const LockName& lock : guard.locks)
          state->Acquire(lock.key, guard.exclusive);
      }
      return;
    }
    if (!callee->getDeclName().isIdentifier()) return;
    llvm::StringRef name = callee->getName();
    // std::mutex::try_lock and friends, and a project lock's TryLock().
    if (object != nullptr && IsLockObject(object) &&
        (IsTryLockName(name) || name == "try_lock_shared") && taken) {
      if (std::optional<LockName> lock = NameLockExpr(object)) {
        state->Acquire(lock->key, name != "try_lock_shared");
      }
      return;
    }
    // The platforms' (`if (!TryEnterCriticalSection(&cs_))`,
    // `if (pthread_mutex_trylock(&mu_) == 0)`).
    std::optional<TryLockFunction> platform = PlatformTryLockNamed(name);
    if (object == nullptr && platform && call->getNumArgs() > 0 &&
        taken != platform->zero_on_success) {
      clang::QualType given = call->getArg(0)->getType();
      if (IsLockOrPointerToLock(given)) {
        if (std::optional<LockName> lock = NameLockExpr(call->getArg(0)))
          state->Acquire(lock->key, platform->exclusive);
      }
    }
  }

  // The object of a member call is a lock, reached directly or through a
  // pointer (`db_mutex_->AssertHeld()` on an InstrumentedMutex* field).
  static bool IsLockObject(const clang::Expr* object) {
    return IsLockOrPointerToLock(object->getType());
  }

  void Transfer(const clang::CFGBlock& block, Lockset* state, bool record) {
    for (const clang::CFGElement& element : block) {
      if (auto stmt = element.getAs<clang::CFGStmt>()) {
        if (record && !state->released().empty()) {
          Lockset before = *state;
          HandleStmt(stmt->getStmt(), state, record);
          // A new guard starts a new critical section: only the lock's own
          // Lock() or the released guard's relock() closes a window.
          if (!guards_.DeclaresGuard(stmt->getStmt()))
            NoteReacquired(before, *state);
          continue;
        }
        HandleStmt(stmt->getStmt(), state, record);
      } else if (auto dtor = element.getAs<clang::CFGAutomaticObjDtor>()) {
        Lockset before = *state;
        guards_.Release(dtor->getVarDecl(), state);
        if (record) NoteReacquired(before, *state);
      }
    }
  }

  // Notes locks taken again after an explicit release; called before every
  // acquisition in the recording pass.
  void NoteReacquired(const Lockset& before, const Lockset& after) {
    for (const std::string& key : before.released()) {
      if (after.Holds(key)) reacquired_.insert(key);
    }
  }

  void HandleStmt(const clang::Stmt* stmt, Lockset* state, bool record) {
    if (const auto* decl_stmt = llvm::dyn_cast<clang::DeclStmt>(stmt)) {
      for (const clang::Decl* decl : decl_stmt->decls()) {
        if (const auto* var = llvm::dyn_cast<clang::VarDecl>(decl)) {
          guards_.Declare(var, state);
        }
      }
      return;
    }
    if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt)) {
      HandleCall(call, state, record);
      return;
    }
    if (!record) return;
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(stmt)) {
      results_->lockset_at[member] = *state;
      RecordFieldAccess(member, *state);
      return;
    }
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt)) {
      results_->lockset_at[ref] = *state;
      return;
    }
    if (const auto* lambda = llvm::dyn_cast<clang::LambdaExpr>(stmt)) {
      HandleLambda(lambda, *state);
      return;
    }
  }

  void HandleCall(const clang::CallExpr* call, Lockset* state, bool record) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee == nullptr) return;
    const clang::Expr* object = CallObject(call);
    const clang::VarDecl* guard_var = guards_.GuardOf(object);

    bool annotated = false;
    for (const auto* attr :
         callee->specific_attrs<clang::AcquireCapabilityAttr>()) {
      annotated = true;
      if (guard_var != nullptr && attr->args_size() == 0) {
        for (const LockName& lock : guards_[guard_var].locks) {
          state->Acquire(lock.key, !attr->isShared());
        }
        continue;
      }
      ForEachAttrLock(call, object, attr->args(), [&](const LockName& lock) {
        state->Acquire(lock.key, !attr->isShared());
      });
    }
    for (const auto* attr :
         callee->specific_attrs<clang::ReleaseCapabilityAttr>()) {
      annotated = true;
      if (guard_var != nullptr && attr->args_size() == 0) {
        guards_.Release(guard_var, state, /*explicitly=*/true);
        continue;
      }
      ForEachAttrLock(call, object, attr->args(), [&](const LockName& lock) {
        state->ReleaseExplicitly(lock.key);
      });
    }
    for (const auto* attr :
         callee->specific_attrs<clang::AssertExclusiveLockAttr>()) {
      annotated = true;
      ForEachAttrLock(call, object, attr->args(), [&](const LockName& lock) {
        state->Acquire(lock.key, true);
      });
    }
    for (const auto* attr :
         callee->specific_attrs<clang::AssertSharedLockAttr>()) {
      annotated = true;
      ForEachAttrLock(call, object, attr->args(), [&](const LockName& lock) {
        state->Acquire(lock.key, false);
      });
    }
    for (const auto* attr :
         callee->specific_attrs<clang::AssertCapabilityAttr>()) {
      annotated = true;
      ForEachAttrLock(call, object, attr->args(), [&](const LockName& lock) {
        state->Acquire(lock.key, !attr->isShared());
      });
    }

    // std::lock(a, b) takes every lock it is given, directly or through
    // the deferred guards that will release them.
    if (!annotated && object == nullptr && callee->isInStdNamespace() &&
        callee->getDeclName().isIdentifier() && callee->getName() == "lock") {
      for (const clang::Expr* arg : call->arguments()) {
        if (const clang::VarDecl* given = guards_.GuardOf(arg)) {
          const Guard& guard = guards_[given];
          for (const LockName& lock : guard.locks)
            state->Acquire(lock.key, guard.exclusive);
        } else if (IsLockOrPointerToLock(arg->getType())) {
          if (std::optional<LockName> lock = NameLockExpr(arg))
            state->Acquire(lock->key, true);
        }
      }
      return;
    }
    if (!annotated && object == nullptr) {
      std::optional<NamedLockOperation> operation = FreeLockCallOperation(call);
      std::optional<LockName> lock;
      if (operation) lock = NameLockExpr(call->getArg(0));
      if (lock && operation->effect == LockEffect::kAcquires) {
        state->Acquire(lock->key, operation->exclusive);
      } else if (lock) {
        state->ReleaseExplicitly(lock->key);
      }
    }
    if (!annotated && object != nullptr &&
        callee->getDeclName().isIdentifier()) {
      llvm::StringRef name = callee->getName();
      if (guard_var != nullptr) {
        // std::unique_lock / std::shared_lock methods, and a project guard's
        // own unlock()/relock() (QMutexLocker): what the method's body does,
        // else what its name says.
        Guard& guard = guards_[guard_var];
        LockEffect body_effect = LockEffectOf(callee);
        LockEffect effect = body_effect;
        if (effect == LockEffect::kNone) {
          if (std::optional<NamedLockOperation> operation =
                  LockOperationNamed(name)) {
            effect = operation->effect;
          } else if (name == "relock") {
            effect = LockEffect::kAcquires;
          }
        }
        if (body_effect == LockEffect::kNone && name == "release") {
          // std::unique_lock::release: the mutex stays locked, the guard
          // lets go (oneTBB's scoped_lock::release unlocks: its body says).
          guard.locks.clear();
        } else if (effect == LockEffect::kAcquires) {
          // A guard built empty and given its lock later
          // (`scoped_lock l; l.acquire(mutex_);`) manages that lock.
          std::vector<LockName> given;
          for (const clang::Expr* arg : call->arguments()) {
            if (!IsLockOrPointerToLock(arg->getType())) continue;
            if (std::optional<LockName> lock = NameLockExpr(arg))
              given.push_back(*lock);
          }
          if (!given.empty()) guard.locks = std::move(given);
          for (const LockName& lock : guard.locks)
            state->Acquire(lock.key, guard.exclusive);
        } else if (effect == LockEffect::kReleases) {
          guards_.Release(guard_var, state, /*explicitly=*/true);
        }
      } else if (IsLockObject(object)) {
        if (std::optional<LockName> lock = NameLockExpr(object)) {
          if (name == "lock") {
            state->Acquire(lock->key, true);
          } else if (name == "lock_shared") {
            state->Acquire(lock->key, false);
          } else if (name == "unlock" || name == "unlock_shared") {
            state->Release(lock->key);
          } else if (std::optional<NamedLockOperation> operation =
                         LockOperationOfMember(name, callee)) {
            // A project's own unannotated mutex: Lock()/Unlock() in the
            // middle of a function open and close a deliberate window.
            if (operation->effect == LockEffect::kAcquires) {
              state->Acquire(lock->key, operation->exclusive);
            } else {
              state->ReleaseExplicitly(lock->key);
            }
          } else if (std::optional<bool> exclusive = AssertsHeldNamed(name)) {
            // mu_.AssertHeld(): the function documents that it runs with
            // the lock held.
            state->Acquire(lock->key, *exclusive);
          }
        }
      }
    }

    // `lock(); ++blocks_; unlock();` in a class whose lock() takes its
    // member mutex (Godot's AudioDriver): that mutex of the object called
    // on is taken too, as the accesses that name it directly hold it.
    if (!annotated && object != nullptr && guard_var == nullptr) {
      std::optional<OwnLockOperation> own =
          OwnMemberLockOperation(llvm::dyn_cast<clang::CXXMethodDecl>(callee));
      std::optional<LockName> lock;
      if (own) lock = NameLockExpr(own->lock, object);
      if (lock && own->operation.effect == LockEffect::kAcquires) {
        state->Acquire(lock->key, own->operation.exclusive);
      } else if (lock) {
        state->ReleaseExplicitly(lock->key);
      }
    }

    if (record) {
      if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(callee)) {
        if (object != nullptr) {
          bool on_this =
              llvm::isa<clang::CXXThisExpr>(object->IgnoreParenImpCasts());
          Lockset held = *state;
          // A C callback's `void*` that is the object (`static_cast<Cache*>(
          // context)->PurgeLocked()` in a trampoline handed `this`): a call
          // of the object's own code, as a method calls its own.
          if (const clang::VarDecl* self = CallbackSelf(object)) {
            on_this = true;
            held = AsSeenByReceiver(held, VariableKey(self));
          }
          results_->calls.push_back(
              MethodCall{method, held, function_context_, on_this});
        }
      } else if (call->getNumArgs() > 0 && StructReceiver(callee) != nullptr) {
        // A C function handing its struct on (`srv_recalc_locked(s)`) is a
        // method calling a method of the same object.
        bool on_this =
            receiver_ != nullptr && IsReachedFrom(call->getArg(0), receiver_) &&
            !llvm::isa<clang::MemberExpr>(call->getArg(0)->IgnoreParenCasts());
        results_->calls.push_back(MethodCall{
            callee, on_this ? AsSeenByReceiver(*state, receiver_key_) : *state,
            function_context_, on_this});
      }
    }

    // A helper handed the caller's guard that unlocks it and leaves it so
    // (`WriteBuffered(lock)` dropping the lock for the I/O): after the
    // call the guard holds nothing. The call itself was made holding it.
    if (!annotated && !llvm::isa<clang::CXXOperatorCallExpr>(call)) {
      for (unsigned i = 0; i < call->getNumArgs(); ++i) {
        const clang::VarDecl* given = guards_.GuardOf(call->getArg(i));
        if (given != nullptr && ReleasesParameter(callee, i))
          guards_.Release(given, state, /*explicitly=*/true);
      }
    }
  }

  void RecordFieldAccess(const clang::MemberExpr* member,
                         const Lockset& state) {
    const auto* field =
        llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
    if (field == nullptr) return;
    bool on_receiver = IsReceiverField(member, field);
    if (!on_receiver && !llvm::isa<clang::CXXThisExpr>(
                            member->getBase()->IgnoreParenImpCasts())) {
      RecordOtherObjectAccess(member, field, state);
      return;
    }
    if (ComparesAddressOnly(member)) return;
    FieldAccess access;
    access.field = field;
    access.expr = member;
    access.is_write = expressions_.IsWrite(member);
    access.is_dereference = expressions_.IsDereference(member);
    access.escaping_return = expressions_.EscapingReturn(member, function_);
    access.escapes = access.escaping_return != nullptr;
    access.held = state;
    access.entry_held = entry_;
    access.context = function_context_;
    if (on_receiver) access.receiver = receiver_key_;
    results_->accesses.push_back(std::move(access));
  }

  // `s->uweight` in a C function whose receiver is `s` (StructReceiver).
  bool IsReceiverField(const clang::MemberExpr* member,
                       const clang::FieldDecl* field) const {
    if (receiver_ == nullptr) return false;
    const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(
        member->getBase()->IgnoreParenImpCasts());
    if (ref == nullptr || ref->getDecl() != receiver_) return false;
    clang::QualType type = receiver_->getType().getNonReferenceType();
    if (type->isPointerType()) type = type->getPointeeType();
    const clang::RecordDecl* record = type->getAsRecordDecl();
    return record != nullptr &&
           field->getParent()->getCanonicalDecl() == record->getCanonicalDecl();
  }

  // `writer == &write_stall_dummy_`: the field's address as an identity,
  // which reads nothing of the field.
  bool ComparesAddressOnly(const clang::MemberExpr* member) const {
    const clang::Stmt* parent = expressions_.Parent(member);
    while (parent != nullptr && llvm::isa<clang::ParenExpr>(parent))
      parent = expressions_.Parent(parent);
    const auto* address = llvm::dyn_cast_or_null<clang::UnaryOperator>(parent);
    if (address == nullptr || address->getOpcode() != clang::UO_AddrOf)
      return false;
    parent = expressions_.Parent(address);
    while (parent != nullptr && (llvm::isa<clang::ParenExpr>(parent) ||
                                 llvm::isa<clang::ImplicitCastExpr>(parent))) {
      parent = expressions_.Parent(parent);
    }
    const auto* comparison =
        llvm::dyn_cast_or_null<clang::BinaryOperator>(parent);
    return comparison != nullptr && comparison->isComparisonOp();
  }

  // `other.count_`, where `other` is a reference or pointer parameter of
  // the method's own class: a copy constructor, operator= or Swap reading
  // an object other threads may be using.
  void RecordOtherObjectAccess(const clang::MemberExpr* member,
                               const clang::FieldDecl* field,
                               const Lockset& state) {
    const auto* method =
        llvm::dyn_cast<clang::CXXMethodDecl>(function_context_.named_function);
    if (method == nullptr) return;
    const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(
        member->getBase()->IgnoreParenImpCasts());
    const clang::VarDecl* parameter =
        ref == nullptr ? nullptr : ObjectGiven(ref);
    if (parameter == nullptr) return;
    clang::QualType type = parameter->getType();
    if (!type->isReferenceType() && !type->isPointerType()) return;
    clang::QualType object_type = type->isPointerType()
                                      ? type->getPointeeType()
                                      : type.getNonReferenceType();
    const clang::CXXRecordDecl* record = object_type->getAsCXXRecordDecl();
    if (record == nullptr ||
        record->getCanonicalDecl() != method->getParent()->getCanonicalDecl() ||
        field->getParent()->getCanonicalDecl() != record->getCanonicalDecl()) {
      return;
    }
    std::optional<LockName> object = NameLockExpr(ref);
    if (!object) return;
    FieldAccess access;
    access.field = field;
    access.expr = member;
    access.is_write = expressions_.IsWrite(member);
    access.held = state;
    access.entry_held = entry_;
    access.context = function_context_;
    access.object = object->key;
    results_->other_object_accesses.push_back(std::move(access));
  }

  // The object a method is given: a reference or pointer parameter, or a
  // local made from one (`auto* ad = static_cast<Driver*>(p_udata);` in a
  // static thread function handed `this` as its void*).
  static const clang::VarDecl* ObjectGiven(const clang::DeclRefExpr* ref) {
    const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (var == nullptr) return nullptr;
    if (llvm::isa<clang::ParmVarDecl>(var)) return var;
    if (!var->hasLocalStorage() || var->getInit() == nullptr ||
        !var->getType()->isPointerType()) {
      return nullptr;
    }
    const auto* from =
        llvm::dyn_cast<clang::DeclRefExpr>(var->getInit()->IgnoreParenCasts());
    return from != nullptr && llvm::isa<clang::ParmVarDecl>(from->getDecl())
               ? var
               : nullptr;
  }

  // The variable behind `object` when it is a callback's opaque context: a
  // `void*` parameter cast to the object's class, directly or through a
  // local made from it.
  static const clang::VarDecl* CallbackSelf(const clang::Expr* object) {
    const auto* ref =
        llvm::dyn_cast<clang::DeclRefExpr>(object->IgnoreParenCasts());
    const clang::VarDecl* var = ref == nullptr ? nullptr : ObjectGiven(ref);
    if (var == nullptr) return nullptr;
    const clang::VarDecl* parameter = var;
    if (!llvm::isa<clang::ParmVarDecl>(var)) {
      parameter = llvm::cast<clang::VarDecl>(
          llvm::cast<clang::DeclRefExpr>(var->getInit()->IgnoreParenCasts())
              ->getDecl());
    }
    clang::QualType type = parameter->getType();
    return type->isPointerType() && type->getPointeeType()->isVoidType()
               ? var
               : nullptr;
  }

  // A lambda handed to a helper that calls it holding a lock it is also
  // given (`WithLock(mu_, [&] { ... })`) starts with that lock.
  void AddLockOfCallingHelper(const clang::LambdaExpr* lambda, Lockset* entry) {
    const clang::Stmt* child = lambda;
    const auto* call = llvm::dyn_cast_or_null<clang::CallExpr>(
        expressions_.SemanticParent(lambda, &child));
    if (call == nullptr || llvm::isa<clang::CXXOperatorCallExpr>(call)) return;
    for (unsigned i = 0; i < call->getNumArgs(); ++i) {
      if (call->getArg(i) != child) continue;
      std::optional<unsigned> lock_index =
          LockParameterHeldAroundCall(call->getDirectCallee(), i);
      if (!lock_index || *lock_index >= call->getNumArgs()) return;
      if (std::optional<LockName> lock =
              NameLockExpr(call->getArg(*lock_index))) {
        entry->Acquire(lock->key, true);
      }
      return;
    }
  }

  void HandleLambda(const clang::LambdaExpr* lambda, const Lockset& state) {
    const clang::CXXMethodDecl* call_operator = lambda->getCallOperator();
    if (call_operator == nullptr || lambda->getBody() == nullptr) return;
    bool deferred = expressions_.IsDeferredLambda(lambda);
    FunctionContext nested = function_context_;
    nested.in_lambda = true;
    if (deferred) {
      nested.deferred = true;
      nested.deferred_lambda = lambda;
      nested.init_only = false;  // runs after construction, on its own
    }
    Lockset entry = deferred ? Lockset() : state;
    if (!deferred) AddLockOfCallingHelper(lambda, &entry);
    // A generic lambda's body is a template: what runs are its
    // instantiations (`[&](auto& r) {...}` handed to std::find_if), whose
    // accesses sit at the pattern's locations.
    if (const clang::FunctionTemplateDecl* generic =
            call_operator->getDescribedFunctionTemplate()) {
      bool analysed = false;
      for (const clang::FunctionDecl* instance : generic->specializations()) {
        if (instance->getBody() == nullptr) continue;
        // Its statements are not the pattern's: they get their own index.
        ExpressionContext instance_expressions(instance->getBody());
        FunctionRun run(context_, instance_expressions, instance,
                        instance->getBody(), entry, nested, results_);
        run.Run();
        analysed = true;
        break;  // one instantiation says where the accesses are
      }
      if (analysed) return;
    }
    FunctionRun run(context_, expressions_, call_operator, lambda->getBody(),
                    entry, nested, results_);
    run.Run();
  }

  clang::ASTContext& context_;
  const ExpressionContext& expressions_;
  const clang::FunctionDecl* function_;
  const clang::Stmt* body_;
  const Lockset entry_;
  const FunctionContext function_context_;
  AnalysisResults* results_;
  GuardTable guards_;
  // Locks this function explicitly released and then took again.
  std::set<std::string> reacquired_;
  // The struct a C function works on, as a method works on `this`.
  const clang::ParmVarDecl* const receiver_;
  const std::string receiver_key_;
};

}  // namespace

void FunctionAnalyzer::Analyze(const clang::FunctionDecl* function,
                               const Lockset& entry,
                               const FunctionContext& function_context,
                               AnalysisResults* results) {
  if (function == nullptr || !function->hasBody() ||
      function->getBody() == nullptr) {
    return;
  }
  FunctionRun run(context_, expressions_->Of(function), function,
                  function->getBody(), entry, function_context, results);
  run.Run();
}

}  // namespace lockstep::lint
