#include "lint/analysis/expression_context.h"

#include <memory>
#include <vector>

#include "clang/AST/DeclTemplate.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/read_only_method.h"
#include "lint/analysis/thread_model.h"
#include "llvm/ADT/StringRef.h"

namespace lockstep::lint {
namespace {

bool IsCallableWrapper(clang::QualType type) {
  const auto* record =
      type.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl();
  if (record == nullptr) return false;
  std::string name = record->getQualifiedNameAsString();
  return name == "std::function" || name == "std::packaged_task" ||
         llvm::StringRef(name).endswith("AnyInvocable") ||
         name == "std::move_only_function";
}

bool IsAssignmentOperator(clang::OverloadedOperatorKind op) {
  switch (op) {
    case clang::OO_Equal:
    case clang::OO_PlusEqual:
    case clang::OO_MinusEqual:
    case clang::OO_StarEqual:
    case clang::OO_SlashEqual:
    case clang::OO_PercentEqual:
    case clang::OO_AmpEqual:
    case clang::OO_PipeEqual:
    case clang::OO_CaretEqual:
    case clang::OO_LessLessEqual:
    case clang::OO_GreaterGreaterEqual:
    case clang::OO_PlusPlus:
    case clang::OO_MinusMinus:
      return true;
    default:
      return false;
  }
}

// threads.emplace_back(lambda): constructs a std::thread in a container.
bool StartsThreadInContainer(const clang::CallExpr* call) {
  const auto* member_call = llvm::dyn_cast<clang::CXXMemberCallExpr>(call);
  if (member_call == nullptr) return false;
  const clang::CXXMethodDecl* method = member_call->getMethodDecl();
  if (method == nullptr || !method->getDeclName().isIdentifier()) return false;
  llvm::StringRef name = method->getName();
  if (name != "emplace_back" && name != "emplace" && name != "emplace_front")
    return false;
  const auto* container =
      llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(
          method->getParent());
  if (container == nullptr || container->getTemplateArgs().size() == 0)
    return false;
  const clang::TemplateArgument& element = container->getTemplateArgs()[0];
  return element.getKind() == clang::TemplateArgument::Type &&
         IsThreadType(element.getAsType());
}

// Methods that keep the callable they are given: containers of callbacks and
// registration APIs.
bool StoresCallable(const clang::FunctionDecl* callee) {
  if (!llvm::isa<clang::CXXMethodDecl>(callee) ||
      !callee->getDeclName().isIdentifier()) {
    return false;
  }
  llvm::StringRef name = callee->getName();
  for (llvm::StringRef container :
       {"push_back", "emplace_back", "push_front", "emplace_front", "insert",
        "emplace", "push", "try_emplace", "insert_or_assign"}) {
    if (name == container) return true;
  }
  for (llvm::StringRef prefix :
       {"Register", "Add", "Set", "On", "Subscribe", "Watch", "register", "add",
        "set_", "on_", "subscribe"}) {
    if (name.startswith(prefix)) return true;
  }
  return false;
}

// A class with a callable member (std::function): its objects hold a
// callable to run later.
bool HoldsCallable(clang::QualType type) {
  const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl();
  if (record == nullptr || !record->hasDefinition()) return false;
  for (const clang::FieldDecl* field : record->fields()) {
    if (IsCallableWrapper(field->getType())) return true;
  }
  return false;
}

// A callable wrapper whose signature returns void (std::function<void()>).
bool ReturnsVoid(clang::QualType wrapper) {
  const auto* specialization =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
          wrapper->getAsCXXRecordDecl());
  if (specialization == nullptr ||
      specialization->getTemplateArgs().size() == 0 ||
      specialization->getTemplateArgs()[0].getKind() !=
          clang::TemplateArgument::Type) {
    return false;
  }
  const auto* signature = specialization->getTemplateArgs()[0]
                              .getAsType()
                              ->getAs<clang::FunctionProtoType>();
  return signature != nullptr && signature->getReturnType()->isVoidType();
}

// A factory that packages the callable it is given into an object it
// returns (V8's MakeCancelableTask, a MakeTask(std::function<void()>)
// returning a unique_ptr<Task>): taken by value and handed back inside
// something that owns it, the callable runs whenever that object is run. A
// visitor hands back a plain value, if anything.
bool PackagesCallable(const clang::FunctionDecl* callee) {
  clang::QualType result = callee->getReturnType();
  if (result->isPointerType()) result = result->getPointeeType();
  // std::unique_ptr<Task>, std::shared_ptr<Task>: the object it owns.
  if (const auto* owner =
          llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
              result->getAsCXXRecordDecl())) {
    if ((owner->getName() == "unique_ptr" ||
         owner->getName() == "shared_ptr") &&
        owner->getTemplateArgs().size() > 0 &&
        owner->getTemplateArgs()[0].getKind() ==
            clang::TemplateArgument::Type) {
      result = owner->getTemplateArgs()[0].getAsType();
    }
  }
  // Something that can run it later: a task (a polymorphic class) or a
  // callable wrapper; a StatusOr<T> or a count is a result, not a holder.
  // Or the handle of a registration (rclcpp's `TimerBase::SharedPtr
  // create_wall_timer(period, std::function<void()>)`): a callable that
  // returns nothing hands no result back to a caller it ran for, so one
  // taken by value beside a returned handle is a callback kept behind it,
  // where a visitor would be a predicate or a const reference.
  const bool handle = callee->getReturnType()->isPointerType() ||
                      result != callee->getReturnType();
  const clang::CXXRecordDecl* holder = result->getAsCXXRecordDecl();
  if (holder == nullptr || !holder->hasDefinition()) return false;
  bool runs_it = holder->isPolymorphic() || IsCallableWrapper(result);
  for (const clang::ParmVarDecl* param : callee->parameters()) {
    clang::QualType type = param->getType();
    if (type->isReferenceType() || !IsCallableWrapper(type)) continue;
    if (runs_it || (handle && ReturnsVoid(type))) return true;
  }
  return false;
}

// A function that hands back a future of the callable's work (Qt's
// `QFuture<T> QtConcurrent::run(F)`, folly's `via(...)`, a pool's
// `std::future<T> Submit(F)`): the future is how the caller waits for
// the callable to finish elsewhere.
bool ReturnsFuture(const clang::FunctionDecl* callee) {
  const clang::CXXRecordDecl* result =
      callee->getReturnType()->getAsCXXRecordDecl();
  if (result == nullptr || !result->getDeclName().isIdentifier()) return false;
  return result->getName().contains_insensitive("future");
}

}  // namespace

ExpressionContext::ExpressionContext(const clang::Stmt* root) {
  if (root == nullptr) return;
  std::vector<const clang::Stmt*> pending = {root};
  while (!pending.empty()) {
    const clang::Stmt* stmt = pending.back();
    pending.pop_back();
    for (const clang::Stmt* child : stmt->children()) {
      if (child == nullptr) continue;
      parents_.try_emplace(child, stmt);
      pending.push_back(child);
    }
  }
}

const clang::Stmt* ExpressionContext::Parent(const clang::Stmt* stmt) const {
  auto it = parents_.find(stmt);
  return it == parents_.end() ? nullptr : it->second;
}

const clang::Stmt* ExpressionContext::SemanticParent(
    const clang::Stmt* stmt, const clang::Stmt** child) const {
  const clang::Stmt* current = stmt;
  const clang::Stmt* parent = Parent(current);
  while (parent != nullptr &&
         (llvm::isa<clang::ParenExpr>(parent) ||
          llvm::isa<clang::MaterializeTemporaryExpr>(parent) ||
          llvm::isa<clang::CXXBindTemporaryExpr>(parent) ||
          llvm::isa<clang::ExprWithCleanups>(parent) ||
          (llvm::isa<clang::ImplicitCastExpr>(parent) &&
           llvm::cast<clang::ImplicitCastExpr>(parent)->getCastKind() !=
               clang::CK_LValueToRValue))) {
    current = parent;
    parent = Parent(current);
  }
  if (child != nullptr) *child = current;
  return parent;
}

namespace {

// True for a class that synchronizes itself: it owns a lock (its methods
// take it, and concurrency-unguarded-field judges them inside), or it has
// no state a call could race on (every field const, a reference, or
// synchronization such as an atomic). Calling it from several threads is
// what it is for.
bool SynchronizesItself(const clang::CXXRecordDecl* record) {
  if (record == nullptr || !record->hasDefinition() || record->isUnion())
    return false;
  record = record->getDefinition();
  if (IsLockableType(clang::QualType(record->getTypeForDecl(), 0)))
    return false;  // a mutex itself: lock() is a write
  bool stateless = true;
  for (const clang::FieldDecl* field : record->fields()) {
    clang::QualType type = field->getType();
    if (IsLockOrPointerToLock(type)) {
      return true;
    }
    if (!type.isConstQualified() && !type->isReferenceType() &&
        !IsSynchronizationType(type)) {
      stateless = false;
    }
  }
  if (record->getNumBases() > 0) return false;  // state may live in a base
  return stateless;
}

// True when `method`, not const, has a const overload taking the same
// parameters: the two differ only in what they hand back (iterator and
// const_iterator, T& and const T&), so the non-const one was chosen because
// the object is not const, not because the call modifies it (find, begin,
// end, at, front, vector's operator[], lower_bound...). map's operator[],
// which inserts, has no such twin.
bool HasConstTwin(const clang::CXXMethodDecl* method) {
  const clang::CXXMethodDecl* pattern = method;
  if (const clang::FunctionTemplateDecl* primary = method->getPrimaryTemplate())
    pattern = llvm::cast<clang::CXXMethodDecl>(primary->getTemplatedDecl());
  if (const auto* instantiated = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(
          pattern->getInstantiatedFromMemberFunction())) {
    pattern = instantiated;
  }
  const clang::CXXRecordDecl* record = pattern->getParent();
  for (const clang::NamedDecl* found : record->lookup(pattern->getDeclName())) {
    const clang::NamedDecl* decl = found;
    if (const auto* templ = llvm::dyn_cast<clang::FunctionTemplateDecl>(decl))
      decl = templ->getTemplatedDecl();
    const auto* twin = llvm::dyn_cast<clang::CXXMethodDecl>(decl);
    if (twin == nullptr || twin == pattern || !twin->isConst() ||
        twin->getNumParams() != pattern->getNumParams()) {
      continue;
    }
    bool same = true;
    for (unsigned i = 0; i < twin->getNumParams() && same; ++i) {
      same = twin->getParamDecl(i)->getType().getCanonicalType() ==
             pattern->getParamDecl(i)->getType().getCanonicalType();
    }
    if (same) return true;
  }
  return false;
}

}  // namespace

bool ExpressionContext::IsWrite(const clang::Expr* expr) const {
  const clang::Stmt* child = nullptr;
  const clang::Stmt* parent = SemanticParent(expr, &child);
  if (parent == nullptr) return false;
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(parent)) {
    return binary->isAssignmentOp() &&
           binary->getLHS()->IgnoreParenImpCasts() ==
               llvm::cast<clang::Expr>(child)->IgnoreParenImpCasts();
  }
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(parent)) {
    if (unary->isIncrementDecrementOp()) return true;
    // Taking the address hands out write access.
    return unary->getOpcode() == clang::UO_AddrOf;
  }
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(parent)) {
    // `a_.b = 1` writes a_; `a_.size()` reads it unless the method mutates.
    if (const auto* method =
            llvm::dyn_cast<clang::CXXMethodDecl>(member->getMemberDecl())) {
      if (member->isArrow()) return false;  // p_->Mutate() writes *p_, not p_
      if (method->isConst() || method->isStatic()) return false;
      if (SynchronizesItself(method->getParent())) return false;
      // A method that locks for itself (PeriodicTaskScheduler::Register
      // takes a file's static mutex): the call is synchronized.
      if (TakesALock(method)) return false;
      // A method with a const twin, or whose body changes nothing of its
      // object (read_only_method.h), reads it.
      if (HasConstTwin(method) || IsReadOnlyMethod(method)) {
        // A read, unless what it returns is written (`v_.at(i) = x`).
        const auto* call =
            llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(Parent(member));
        return call != nullptr && IsWrite(call);
      }
      return true;
    }
    if (member->isArrow()) return false;
    return IsWrite(member);
  }
  if (const auto* subscript =
          llvm::dyn_cast<clang::ArraySubscriptExpr>(parent)) {
    if (subscript->getBase()->IgnoreParenImpCasts() !=
        llvm::cast<clang::Expr>(child)->IgnoreParenImpCasts()) {
      return false;
    }
    if (subscript->getBase()->getType()->isPointerType() &&
        !llvm::cast<clang::Expr>(child)
             ->IgnoreParenImpCasts()
             ->getType()
             ->isArrayType()) {
      return false;  // p_[i] = x writes the pointee, not p_
    }
    return IsWrite(subscript);
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(parent)) {
    if (op->getNumArgs() == 0) return false;
    bool is_object = op->getArg(0)->IgnoreParenImpCasts() ==
                     llvm::cast<clang::Expr>(child)->IgnoreParenImpCasts();
    if (!is_object) {
      // An argument bound to a non-const reference parameter.
      return false;
    }
    if (IsAssignmentOperator(op->getOperator())) return true;
    if (op->getOperator() == clang::OO_Subscript) {
      const auto* method =
          llvm::dyn_cast_or_null<clang::CXXMethodDecl>(op->getDirectCallee());
      if (method == nullptr || method->isConst()) return false;
      // vector's operator[] reads unless its element is written; map's
      // inserts.
      return !HasConstTwin(method) || IsWrite(op);
    }
    return false;
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(parent)) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee == nullptr) return false;
    if (callee->getDeclName().isIdentifier()) {
      llvm::StringRef name = callee->getName();
      if (name == "move" || name == "swap" || name == "exchange") return true;
    }
    // A generic function's `T&` says nothing about what it does with the
    // argument (absl::MakeSpan(v), std::size(v)); only a concrete
    // non-const reference parameter counts as a write.
    const clang::FunctionDecl* pattern =
        callee->getTemplateInstantiationPattern();
    for (unsigned i = 0; i < call->getNumArgs() && i < callee->getNumParams();
         ++i) {
      if (call->getArg(i)->IgnoreParenImpCasts() !=
          llvm::cast<clang::Expr>(child)->IgnoreParenImpCasts()) {
        continue;
      }
      clang::QualType param = callee->getParamDecl(i)->getType();
      if (pattern != nullptr && i < pattern->getNumParams() &&
          pattern->getParamDecl(i)->getType()->isDependentType()) {
        return false;
      }
      if (param->isReferenceType() &&
          !param.getNonReferenceType().isConstQualified() &&
          !param->isRValueReferenceType()) {
        return true;
      }
      if (param->isRValueReferenceType()) return true;  // moved from
    }
    return false;
  }
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(parent)) {
    // Moving out of a field (std::move(f_)) modifies it.
    const clang::CXXConstructorDecl* ctor = construct->getConstructor();
    return ctor != nullptr && ctor->isMoveConstructor();
  }
  return false;
}

bool ExpressionContext::IsDereference(const clang::Expr* expr) const {
  const clang::Stmt* child = nullptr;
  const clang::Stmt* parent = Parent(expr);
  child = expr;
  while (parent != nullptr && (llvm::isa<clang::ParenExpr>(parent) ||
                               llvm::isa<clang::ImplicitCastExpr>(parent))) {
    child = parent;
    parent = Parent(parent);
  }
  if (parent == nullptr) return false;
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(parent)) {
    return unary->getOpcode() == clang::UO_Deref;
  }
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(parent)) {
    return member->isArrow();
  }
  if (const auto* subscript =
          llvm::dyn_cast<clang::ArraySubscriptExpr>(parent)) {
    return subscript->getBase() == child;
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(parent)) {
    return (op->getOperator() == clang::OO_Star ||
            op->getOperator() == clang::OO_Arrow ||
            op->getOperator() == clang::OO_Subscript) &&
           op->getNumArgs() > 0 && op->getArg(0) == child;
  }
  return false;
}

namespace {

// True for the types through which an object's insides stay reachable:
// references, pointers and iterators (a class with operator* or operator->).
bool RefersIntoObject(clang::QualType type) {
  if (type->isReferenceType() || type->isPointerType()) return true;
  const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl();
  if (record == nullptr || !record->hasDefinition()) return false;
  for (const clang::CXXMethodDecl* method :
       record->getDefinition()->methods()) {
    clang::OverloadedOperatorKind op = method->getOverloadedOperator();
    if (op == clang::OO_Star || op == clang::OO_Arrow) return true;
  }
  return false;
}

bool Mentions(const clang::Stmt* stmt, const clang::VarDecl* var) {
  bool found = false;
  ForEachStmt(stmt, [&](const clang::Stmt* child) {
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(child))
      found |= ref->getDecl() == var;
  });
  return found;
}

}  // namespace

const clang::ReturnStmt* ExpressionContext::EscapingReturn(
    const clang::Expr* expr, const clang::FunctionDecl* function) const {
  clang::QualType result = function->getReturnType();
  bool by_reference = result->isReferenceType();
  bool by_pointer = result->isPointerType();
  if (!by_reference && !by_pointer) return nullptr;
  const clang::Stmt* child = expr;
  const clang::Stmt* parent = Parent(expr);
  bool address_taken = false;
  while (parent != nullptr) {
    if (llvm::isa<clang::ParenExpr>(parent) ||
        llvm::isa<clang::MaterializeTemporaryExpr>(parent) ||
        llvm::isa<clang::ExprWithCleanups>(parent) ||
        llvm::isa<clang::CXXBindTemporaryExpr>(parent) ||
        (llvm::isa<clang::ImplicitCastExpr>(parent) &&
         llvm::cast<clang::ImplicitCastExpr>(parent)->getCastKind() !=
             clang::CK_LValueToRValue)) {
      child = parent;
      parent = Parent(parent);
      continue;
    }
    if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(parent);
        unary != nullptr && unary->getOpcode() == clang::UO_AddrOf &&
        !address_taken) {
      address_taken = true;
      child = parent;
      parent = Parent(parent);
      continue;
    }
    // A call on the field that hands out its insides: items_.front(),
    // map_.at(key), map_.find(key), items_[i].
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(parent);
        member != nullptr && member->getBase() == child && !address_taken &&
        llvm::isa<clang::FieldDecl>(member->getMemberDecl())) {
      // A member of the field or of an element (`stats_.count`,
      // `begin()->second`).
      child = member;
      parent = Parent(member);
      continue;
    }
    if (const auto* method = llvm::dyn_cast<clang::MemberExpr>(parent);
        method != nullptr && method->getBase() == child && !address_taken) {
      const auto* call =
          llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(Parent(method));
      // A call that returns a reference is an lvalue of the referred type.
      if (call != nullptr && call->getCallee() == method &&
          (call->isGLValue() || RefersIntoObject(call->getType()))) {
        child = call;
        parent = Parent(call);
        continue;
      }
      break;
    }
    // items_[i], it->second and *it through an iterator: still the insides.
    if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(parent);
        op != nullptr && op->getNumArgs() > 0 && op->getArg(0) == child &&
        !address_taken &&
        (((op->getOperator() == clang::OO_Subscript ||
           op->getOperator() == clang::OO_Star) &&
          op->isGLValue()) ||
         op->getOperator() == clang::OO_Arrow)) {
      child = op;
      parent = Parent(op);
      continue;
    }
    break;
  }
  if (parent == nullptr) return nullptr;
  if (const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(parent)) {
    bool escapes = by_reference ? !address_taken : address_taken;
    return escapes ? ret : nullptr;
  }
  // Kept in a local iterator, pointer or reference (`auto it =
  // map_.find(key);`) and returned through it (`return &it->second;`).
  const auto* decl = llvm::dyn_cast<clang::DeclStmt>(parent);
  if (decl == nullptr || !decl->isSingleDecl() || address_taken) return nullptr;
  const auto* var = llvm::dyn_cast<clang::VarDecl>(decl->getSingleDecl());
  if (var == nullptr || !RefersIntoObject(var->getType())) return nullptr;
  // What is returned must be the insides themselves (`&it->second`, `&*it`,
  // `it->second` by reference, the pointer itself), not a value read
  // through them (`it->second.get()`, a stored pointer).
  auto hands_out = [&](const clang::Expr* value) {
    value = value->IgnoreParenImpCasts();
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(value))
      return ref->getDecl() == var && var->getType()->isPointerType();
    if (by_reference) return value->isGLValue() && Mentions(value, var);
    const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(value);
    return unary != nullptr && unary->getOpcode() == clang::UO_AddrOf &&
           Mentions(unary, var);
  };
  const clang::ReturnStmt* escaping = nullptr;
  ForEachStmt(function->getBody(), [&](const clang::Stmt* stmt) {
    const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(stmt);
    if (escaping == nullptr && ret != nullptr &&
        ret->getRetValue() != nullptr && hands_out(ret->getRetValue())) {
      escaping = ret;
    }
  });
  return escaping;
}

LambdaDeferral ExpressionContext::DeferralOf(
    const clang::LambdaExpr* lambda) const {
  const clang::Stmt* child = lambda;
  const clang::Stmt* parent = SemanticParent(lambda, &child);
  bool wrapped = false;  // converted to std::function or similar
  while (parent != nullptr) {
    if (llvm::isa<clang::CXXFunctionalCastExpr>(parent)) {
      parent = SemanticParent(parent, &child);
      continue;
    }
    if (const auto* construct =
            llvm::dyn_cast<clang::CXXConstructExpr>(parent)) {
      if (IsThreadType(construct->getType()))
        return LambdaDeferral::kRunsElsewhere;
      if (IsCallableWrapper(construct->getType())) {
        wrapped = true;
        parent = SemanticParent(parent, &child);
        continue;
      }
      // An object that keeps the callable in a member (Ceph's
      // FunctionContext, a task class): it runs when the object is run,
      // which for one made with `new` is after this statement.
      if (wrapped && HoldsCallable(construct->getType())) {
        parent = SemanticParent(parent, &child);
        if (parent != nullptr && llvm::isa<clang::CXXNewExpr>(parent))
          return LambdaDeferral::kRunsElsewhere;
        continue;
      }
      return LambdaDeferral::kRunsInPlace;
    }
    break;
  }
  if (parent == nullptr) return LambdaDeferral::kRunsInPlace;
  if (const auto* decl_stmt = llvm::dyn_cast<clang::DeclStmt>(parent)) {
    // A variable's initializer: a static callable runs whenever it is
    // called, on any thread; a local one is assumed to run here.
    for (const clang::Decl* decl : decl_stmt->decls()) {
      const auto* var = llvm::dyn_cast<clang::VarDecl>(decl);
      if (var != nullptr && var->getInit() != nullptr &&
          var->getInit()->IgnoreImplicit() ==
              llvm::cast<clang::Expr>(child)->IgnoreImplicit()) {
        return var->hasGlobalStorage() && IsCallableWrapper(var->getType())
                   ? LambdaDeferral::kRunsElsewhere
                   : LambdaDeferral::kRunsInPlace;
      }
    }
    return LambdaDeferral::kRunsInPlace;
  }
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(parent)) {
    // callback_ = [this] {...};
    if (binary->isAssignmentOp()) {
      return llvm::isa<clang::MemberExpr>(
                 binary->getLHS()->IgnoreParenImpCasts())
                 ? LambdaDeferral::kRunsElsewhere
                 : LambdaDeferral::kRunsInPlace;
    }
    return LambdaDeferral::kRunsInPlace;
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(parent)) {
    if (op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2) {
      return llvm::isa<clang::MemberExpr>(op->getArg(0)->IgnoreParenImpCasts())
                 ? LambdaDeferral::kRunsElsewhere
                 : LambdaDeferral::kRunsInPlace;
    }
    return LambdaDeferral::kRunsInPlace;
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(parent)) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee == nullptr) return LambdaDeferral::kRunsInPlace;
    if (callee->getDeclName().isIdentifier() &&
        IsDeferringFunctionName(callee->getName())) {
      return LambdaDeferral::kRunsElsewhere;
    }
    if (StartsThreadInContainer(call)) return LambdaDeferral::kRunsElsewhere;
    if (wrapped) {
      // A std::function parameter: the callee may keep it. Containers of
      // callbacks (push_back, emplace_back, insert) and registration
      // methods store it.
      return StoresCallable(callee) || PackagesCallable(callee) ||
                     ReturnsFuture(callee)
                 ? LambdaDeferral::kRunsElsewhere
                 : LambdaDeferral::kMayBeKept;
    }
    unsigned offset = llvm::isa<clang::CXXOperatorCallExpr>(call) &&
                              llvm::isa<clang::CXXMethodDecl>(callee)
                          ? 1
                          : 0;
    for (unsigned i = offset; i < call->getNumArgs(); ++i) {
      if (call->getArg(i) != child) continue;
      unsigned param_index = i - offset;
      if (param_index < callee->getNumParams() &&
          IsCallableWrapper(callee->getParamDecl(param_index)->getType())) {
        return StoresCallable(callee) || ReturnsFuture(callee)
                   ? LambdaDeferral::kRunsElsewhere
                   : LambdaDeferral::kMayBeKept;
      }
    }
    // A template taking any callable and returning a future of it.
    if (ReturnsFuture(callee)) return LambdaDeferral::kRunsElsewhere;
    return LambdaDeferral::kRunsInPlace;
  }
  return LambdaDeferral::kRunsInPlace;
}

const ExpressionContext& ExpressionContexts::Of(
    const clang::FunctionDecl* function) {
  std::unique_ptr<ExpressionContext>& context = contexts_[function];
  if (context == nullptr)
    context = std::make_unique<ExpressionContext>(function->getBody());
  return *context;
}

const clang::Expr* StripWrappers(const clang::Expr* expr) {
  while (expr != nullptr) {
    const clang::Expr* next = expr->IgnoreParenImpCasts();
    if (const auto* cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(next)) {
      next = cleanups->getSubExpr();
    } else if (const auto* temporary =
                   llvm::dyn_cast<clang::MaterializeTemporaryExpr>(next)) {
      next = temporary->getSubExpr();
    } else if (const auto* bind =
                   llvm::dyn_cast<clang::CXXBindTemporaryExpr>(next)) {
      next = bind->getSubExpr();
    } else if (const auto* cast =
                   llvm::dyn_cast<clang::CXXFunctionalCastExpr>(next)) {
      next = cast->getSubExpr();
    } else if (const auto* construct =
                   llvm::dyn_cast<clang::CXXConstructExpr>(next)) {
      // A copy or move of the same value (a lambda copied into the thread).
      if (construct->getNumArgs() == 1 &&
          construct->getConstructor()->isCopyOrMoveConstructor() &&
          !llvm::isa<clang::CXXTemporaryObjectExpr>(construct)) {
        next = construct->getArg(0);
      }
    }
    if (next == expr) return expr;
    expr = next;
  }
  return nullptr;
}

bool ExpressionContext::IsDeferredLambda(
    const clang::LambdaExpr* lambda) const {
  return DeferralOf(lambda) != LambdaDeferral::kRunsInPlace;
}

bool IsDeferringFunctionName(llvm::StringRef name) {
  static constexpr llvm::StringRef kNames[] = {
      "async",   "Schedule", "Submit",   "Post",     "PostTask",
      "Enqueue", "Spawn",    "Defer",    "RunLater", "RunAsync",
      "Execute", "AddTask",  "schedule", "submit",   "post",
      "enqueue", "spawn",    "execute",  "detach"};
  for (llvm::StringRef candidate : kNames) {
    if (name == candidate) return true;
  }
  // An asynchronous operation's completion runs after the call returns, on
  // whatever thread completes it: ReadAsync, SendAsync, Asio's async_read.
  return name.contains("Async") || name.startswith("async_") ||
         name.endswith("_async");
}

const clang::ValueDecl* NamedVariable(const clang::Expr* expr,
                                      bool through_members) {
  while (expr != nullptr) {
    expr = expr->IgnoreParenCasts();
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr))
      return ref->getDecl();
    if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(expr)) {
      if (unary->getOpcode() != clang::UO_AddrOf &&
          unary->getOpcode() != clang::UO_Deref) {
        return nullptr;
      }
      expr = unary->getSubExpr();
    } else if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(expr);
               member != nullptr && through_members) {
      expr = member->getBase();
    } else if (const auto* call = llvm::dyn_cast<clang::CallExpr>(expr)) {
      // std::move(x) and std::forward<T>(x) name x.
      const clang::FunctionDecl* callee = call->getDirectCallee();
      if (callee == nullptr || !callee->isInStdNamespace() ||
          !callee->getDeclName().isIdentifier() || call->getNumArgs() != 1 ||
          (callee->getName() != "forward" && callee->getName() != "move")) {
        return nullptr;
      }
      expr = call->getArg(0);
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

bool IsReachedFrom(const clang::Expr* expr, const clang::VarDecl* var) {
  return var != nullptr && NamedVariable(expr, /*through_members=*/true) == var;
}

}  // namespace lockstep::lint
