#include "lint/analysis/thread_model.h"

#include <string>
#include <vector>

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_model.h"

namespace lockstep::lint {

bool IsThreadType(clang::QualType type) {
  return IsRecordNamed(type, {"std::thread", "std::jthread"});
}

bool IsStdThread(clang::QualType type) {
  if (!IsThreadType(type)) return false;
  const clang::CXXRecordDecl* record =
      type.getNonReferenceType()->getAsCXXRecordDecl();
  return record != nullptr && record->getName() == "thread";
}

bool IsStdThreadObject(const clang::Expr* object) {
  if (object == nullptr) return false;
  clang::QualType type = object->getType();
  if (type->isPointerType()) type = type->getPointeeType();
  return !type.isNull() && IsStdThread(type);
}

namespace {

// The type a holder holds: its `value_type` (containers, std::optional) or
// its `element_type` (smart pointers). Null for other types.
clang::QualType HeldType(const clang::CXXRecordDecl* record) {
  if (record == nullptr) return {};
  for (const char* member_name : {"value_type", "element_type"}) {
    for (const clang::NamedDecl* member :
         record->lookup(&record->getASTContext().Idents.get(member_name))) {
      if (const auto* alias = llvm::dyn_cast<clang::TypedefNameDecl>(member))
        return alias->getUnderlyingType();
    }
  }
  return {};
}

// The type a call constructs in place from its arguments: the element of a
// container's emplace_back/emplace_front or the T of
// std::make_unique<T>/std::make_shared<T>. Null for other calls.
clang::QualType ConstructedInPlace(const clang::CallExpr* call) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (callee == nullptr || !callee->getDeclName().isIdentifier()) return {};
  llvm::StringRef name = callee->getName();
  if (name == "emplace_back" || name == "emplace_front") {
    const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
    return method == nullptr ? clang::QualType()
                             : HeldType(method->getParent());
  }
  if ((name == "make_unique" || name == "make_shared") &&
      callee->isInStdNamespace()) {
    const clang::TemplateArgumentList* args =
        callee->getTemplateSpecializationArgs();
    if (args != nullptr && args->size() > 0 &&
        args->get(0).getKind() == clang::TemplateArgument::Type) {
      return args->get(0).getAsType();
    }
  }
  return {};
}

}  // namespace

bool HoldsThreads(clang::QualType type) {
  if (IsStdThread(type)) return true;
  clang::QualType held = HeldType(type->getAsCXXRecordDecl());
  return !held.isNull() && IsStdThread(held);
}

bool IsConcurrencyPrimitive(clang::QualType type) {
  return IsSynchronizationType(type) || IsThreadType(type);
}

const clang::Expr* ThreadStartCallable(const clang::Expr* expr) {
  if (expr == nullptr) return nullptr;
  expr = StripWrappers(expr);
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(expr)) {
    if (!IsThreadType(construct->getType()) || construct->getNumArgs() == 0 ||
        construct->getConstructor()->isCopyOrMoveConstructor()) {
      return nullptr;
    }
    return construct->getArg(0);
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(expr)) {
    // threads.emplace_back(callable, ...) starts a thread as
    // std::thread(callable, ...) does; emplace_back(std::move(t)) does not.
    clang::QualType constructed = ConstructedInPlace(call);
    if (!constructed.isNull()) {
      if (!IsThreadType(constructed) || call->getNumArgs() == 0 ||
          IsThreadType(call->getArg(0)->getType())) {
        return nullptr;
      }
      return call->getArg(0);
    }
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee == nullptr || !callee->isInStdNamespace() ||
        !callee->getDeclName().isIdentifier() || callee->getName() != "async" ||
        call->getNumArgs() == 0) {
      return nullptr;
    }
    const clang::Expr* first = StripWrappers(call->getArg(0));
    const auto* policy_type = first->getType()->getAsTagDecl();
    if (policy_type != nullptr && policy_type->getName() == "launch") {
      return call->getNumArgs() > 1 ? call->getArg(1) : nullptr;
    }
    return call->getArg(0);
  }
  return nullptr;
}

const clang::FunctionDecl* CallableFunction(const clang::Expr* callable) {
  callable = StripWrappers(callable);
  if (callable == nullptr) return nullptr;
  if (const auto* lambda = llvm::dyn_cast<clang::LambdaExpr>(callable)) {
    return lambda->getCallOperator();
  }
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(callable)) {
    if (unary->getOpcode() == clang::UO_AddrOf)
      callable = StripWrappers(unary->getSubExpr());
  }
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(callable);
  if (ref == nullptr) return nullptr;
  if (const auto* function =
          llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl())) {
    const clang::FunctionDecl* definition = nullptr;
    if (function->hasBody(definition)) return definition;
    return nullptr;
  }
  if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl())) {
    if (var->hasLocalStorage() && var->getInit() != nullptr &&
        !var->getType()->isReferenceType()) {
      if (const auto* lambda =
              llvm::dyn_cast<clang::LambdaExpr>(StripWrappers(var->getInit())))
        return lambda->getCallOperator();
    }
  }
  return nullptr;
}

bool IsPlatformJoinCall(const clang::Stmt* stmt) {
  const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt);
  if (call == nullptr || llvm::isa<clang::CXXMemberCallExpr>(call))
    return false;
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (callee == nullptr || !callee->getDeclName().isIdentifier() ||
      llvm::isa<clang::CXXMethodDecl>(callee)) {
    return false;
  }
  llvm::StringRef name = callee->getName();
  return name == "pthread_join" || name == "thrd_join" ||
         name == "uv_thread_join" || name == "g_thread_join" ||
         name == "apr_thread_join" || name == "PR_JoinThread";
}

bool IsJoinCall(const clang::CXXMemberCallExpr* call) {
  const clang::CXXMethodDecl* method = call->getMethodDecl();
  if (method == nullptr || !method->getDeclName().isIdentifier()) return false;
  llvm::StringRef name = method->getName();
  if (name == "join" || name == "Join") return true;
  if (name != "get" && name != "wait") return false;
  std::string record = method->getParent()->getQualifiedNameAsString();
  return record == "std::future" || record == "std::shared_future";
}

namespace {

bool IsWaitName(const clang::NamedDecl* decl) {
  if (decl == nullptr || !decl->getDeclName().isIdentifier()) return false;
  llvm::StringRef name = decl->getName();
  return name.startswith("wait") || name.startswith("Wait") ||
         name == "TimedWait";
}

// True when `stmt` reads state of the object the method runs on: a member of
// `this`, or a call of one of its methods.
bool ReadsOwnState(const clang::Stmt* stmt) {
  bool reads = false;
  ForEachStmt(stmt, [&](const clang::Stmt* child) {
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(child)) {
      if (llvm::isa<clang::CXXThisExpr>(
              member->getBase()->IgnoreParenImpCasts())) {
        reads = true;
      }
    }
  });
  return reads;
}

// The end of a wait that drains the object's own work: a loop whose
// condition reads the object's state and whose body waits on a condition
// (`while (bg_scheduled_ > 0) bg_cv_.Wait();`), or a wait with a predicate
// that reads it (`cv_.wait(lock, [this] { return running_ == 0; })`). Like a
// join, it is a point after which the work it waited for is over.
bool IsDrainingWait(const clang::Stmt* stmt) {
  const clang::Stmt* body = nullptr;
  const clang::Expr* condition = nullptr;
  if (const auto* loop = llvm::dyn_cast<clang::WhileStmt>(stmt)) {
    body = loop->getBody();
    condition = loop->getCond();
  } else if (const auto* loop = llvm::dyn_cast<clang::DoStmt>(stmt)) {
    body = loop->getBody();
    condition = loop->getCond();
  } else if (const auto* call =
                 llvm::dyn_cast<clang::CXXMemberCallExpr>(stmt)) {
    if (!IsWaitName(call->getMethodDecl()) || call->getNumArgs() < 2)
      return false;
    const auto* predicate = llvm::dyn_cast<clang::LambdaExpr>(
        call->getArg(call->getNumArgs() - 1)->IgnoreImplicit());
    return predicate != nullptr && ReadsOwnState(predicate->getBody());
  }
  if (body == nullptr || condition == nullptr || !ReadsOwnState(condition))
    return false;
  // A loop that only waits: a worker's `while (!stop_) { wait; work; }`
  // writes as it works, and the point after it says nothing of others.
  bool waits = false;
  bool writes = false;
  ForEachStmt(body, [&](const clang::Stmt* child) {
    if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(child))
      waits |= IsWaitName(call->getMethodDecl());
    if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(child))
      writes |= binary->isAssignmentOp();
    if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(child))
      writes |= unary->isIncrementDecrementOp();
    if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(child))
      writes |= op->isAssignmentOp();
  });
  return waits && !writes;
}

}  // namespace

namespace {

// True for a block that leaves the function at its end (`{ t.join(); return
// false; }`): what it does orders nothing after it.
bool EndsByLeaving(const clang::CompoundStmt* block) {
  if (block == nullptr || block->body_empty()) return false;
  const clang::Stmt* last = block->body_back();
  if (const auto* cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(last))
    last = cleanups->getSubExpr();
  return llvm::isa<clang::ReturnStmt>(last) ||
         llvm::isa<clang::CXXThrowExpr>(last);
}

void CollectJoins(const clang::Stmt* stmt, const clang::CompoundStmt* block,
                  std::vector<clang::SourceLocation>* joins) {
  if (stmt == nullptr) return;
  const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(stmt);
  // A join on an early exit path (`if (failed) { t.join(); return; }`)
  // is not reached by the code after the block.
  bool on_exit_path = EndsByLeaving(block);
  if ((call != nullptr && IsJoinCall(call)) || IsPlatformJoinCall(stmt)) {
    if (!on_exit_path) joins->push_back(stmt->getBeginLoc());
  } else if (IsDrainingWait(stmt)) {
    if (!on_exit_path) joins->push_back(stmt->getBeginLoc());
  }
  const auto* inner = llvm::dyn_cast<clang::CompoundStmt>(stmt);
  for (const clang::Stmt* child : stmt->children())
    CollectJoins(child, inner != nullptr ? inner : block, joins);
}

}  // namespace

std::vector<clang::SourceLocation> JoinLocations(
    const clang::FunctionDecl* function) {
  std::vector<clang::SourceLocation> joins;
  // The body itself ends the function anyway: its own last return is no
  // early exit.
  const clang::Stmt* body = function->getBody();
  if (const auto* compound =
          llvm::dyn_cast_or_null<clang::CompoundStmt>(body)) {
    for (const clang::Stmt* child : compound->children())
      CollectJoins(child, nullptr, &joins);
  } else {
    CollectJoins(body, nullptr, &joins);
  }
  return joins;
}

}  // namespace lockstep::lint
