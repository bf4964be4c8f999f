#include "lint/analysis/translation_unit_analysis.h"

#include <optional>

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/field_documentation.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/struct_receiver.h"
#include "lint/analysis/thread_model.h"
#include "lint/analysis/user_code.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace lockstep::lint {
namespace {

class FunctionCollector : public UserCodeVisitor<FunctionCollector> {
 public:
  FunctionCollector(const clang::SourceManager& sources,
                    std::vector<const clang::FunctionDecl*>* functions,
                    bool* uses_threads)
      : UserCodeVisitor(sources),
        functions_(functions),
        uses_threads_(uses_threads) {}

  bool VisitFunctionDecl(clang::FunctionDecl* function) {
    if (!function->doesThisDeclarationHaveABody() ||
        function->isDependentContext() || function->isInvalidDecl() ||
        function->isImplicit()) {
      return true;
    }
    if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function)) {
      if (method->getParent()->isLambda()) return true;  // with its parent
    }
    if (!IsUserCode(sources(), function->getLocation())) return true;
    functions_->push_back(function);
    return true;
  }

  bool VisitRecordDecl(clang::RecordDecl* record) {
    if (*uses_threads_) return true;
    for (const clang::FieldDecl* field : record->fields()) {
      if (IsConcurrencyPrimitive(field->getType())) {
        *uses_threads_ = true;
        break;
      }
    }
    return true;
  }

  bool VisitVarDecl(clang::VarDecl* var) {
    if (!*uses_threads_ && IsConcurrencyPrimitive(var->getType())) {
      *uses_threads_ = true;
    }
    return true;
  }

 private:
  std::vector<const clang::FunctionDecl*>* functions_;
  bool* uses_threads_;
};

// The locks a function holds when it starts: those it REQUIRES, and those it
// RELEASEs (an unlock function starts with the lock held). An attribute
// without arguments on a method means the object itself.
Lockset RequiredLocks(const clang::FunctionDecl* function) {
  Lockset required;
  auto add = [&](const clang::Expr* arg, bool exclusive) {
    if (std::optional<LockName> lock = NameLockExpr(arg)) {
      required.Acquire(lock->key, exclusive);
    }
  };
  for (const auto* attr :
       function->specific_attrs<clang::RequiresCapabilityAttr>()) {
    for (const clang::Expr* arg : attr->args()) add(arg, !attr->isShared());
  }
  for (const auto* attr :
       function->specific_attrs<clang::ReleaseCapabilityAttr>()) {
    for (const clang::Expr* arg : attr->args()) add(arg, !attr->isShared());
    if (attr->args_size() == 0 && llvm::isa<clang::CXXMethodDecl>(function)) {
      required.Acquire("this", !attr->isShared());
    }
  }
  return required;
}

// The lock a method's name or comment says its caller holds
// (DocumentedRequiredLock): the lock it names, or the class's only one.
std::optional<std::string> DocumentedEntryLock(
    const clang::FunctionDecl* function) {
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
  if (method == nullptr) return std::nullopt;
  std::optional<std::string> documented = DocumentedRequiredLock(function);
  if (!documented) return std::nullopt;
  const clang::FieldDecl* named = nullptr;
  const clang::FieldDecl* only = nullptr;
  int locks = 0;
  for (const clang::FieldDecl* field : method->getParent()->fields()) {
    if (!IsLockableType(field->getType())) continue;
    ++locks;
    only = field;
    if (field->getName() == *documented) named = field;
  }
  if (named != nullptr) return ThisFieldKey(named);
  // "the mutex", "lock held": the class's only lock.
  if (IsGenericLockWord(*documented)) {
    if (locks != 1) return std::nullopt;
    return ThisFieldKey(only);
  }
  // A lock the class does not own ("REQUIRES: DB mutex held" in a class
  // the DB's code calls): held, under a name only its callers can check.
  return ExternalLockKey(*documented);
}

// A method whose callers are all visible here: not virtual, and not public
// A virtual method that neither it nor any method it overrides makes
// public: a hook of the template-method idiom (spdlog's base_sink::log
// locks the sink's mutex, then calls the protected sink_it_). Only members
// of the hierarchy can call it, so the calls seen here are its callers.
bool IsNonPublicHook(const clang::CXXMethodDecl* method) {
  if (method->getAccess() == clang::AS_public) return false;
  for (const clang::CXXMethodDecl* overridden : method->overridden_methods()) {
    if (!IsNonPublicHook(overridden)) return false;
  }
  return true;
}

// Adds `method` and each method it overrides, at any depth, to `out`.
void AddOverriddenMethods(
    const clang::CXXMethodDecl* method,
    llvm::SmallVectorImpl<const clang::FunctionDecl*>* out) {
  for (const clang::CXXMethodDecl* overridden : method->overridden_methods()) {
    out->push_back(overridden->getCanonicalDecl());
    AddOverriddenMethods(overridden, out);
  }
}

// or of a class no other file can name: a private nested class defined in
// this file (RocksDB's `ThreadPoolImpl::Impl`, which the header declares
// only as `struct Impl;`) or one in an anonymous namespace. A public class
// defined in a .cc file is not enough: a snippet stands for code others use.
bool IsPrivateHelper(const clang::FunctionDecl* function,
                     const clang::SourceManager& sources) {
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
  // C's private methods: a `static` function of this file working on a
  // struct (StructReceiver).
  if (method == nullptr) {
    return StructReceiver(function) != nullptr &&
           !function->isExternallyVisible() &&
           sources.isInMainFile(
               sources.getExpansionLoc(function->getLocation()));
  }
  if (method->isStatic()) return false;
  if (method->isVirtual()) return IsNonPublicHook(method);
  if (llvm::isa<clang::CXXConstructorDecl>(method) ||
      llvm::isa<clang::CXXDestructorDecl>(method)) {
    return false;
  }
  if (method->hasAttr<clang::RequiresCapabilityAttr>()) return false;
  if (method->getAccess() != clang::AS_public) return true;
  const clang::CXXRecordDecl* record = method->getParent()->getDefinition();
  if (record == nullptr ||
      !sources.isInMainFile(sources.getExpansionLoc(record->getLocation()))) {
    return false;
  }
  if (record->isInAnonymousNamespace()) return true;
  const clang::AccessSpecifier nested = record->getCanonicalDecl()->getAccess();
  return nested == clang::AS_private || nested == clang::AS_protected;
}

// Methods named other than in a call (`&Impl::BGThread` handed to a thread,
// `std::bind(&C::Run, this)`): they also run from wherever the pointer goes.
llvm::DenseSet<const clang::FunctionDecl*> MethodsTakenByAddress(
    const std::vector<const clang::FunctionDecl*>& functions) {
  llvm::DenseSet<const clang::FunctionDecl*> taken;
  for (const clang::FunctionDecl* function : functions) {
    ForEachStmt(function->getBody(), [&](const clang::Stmt* stmt) {
      const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt);
      if (ref == nullptr) return;
      const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(ref->getDecl());
      if (method != nullptr && !method->isStatic())
        taken.insert(method->getCanonicalDecl());
    });
  }
  return taken;
}

// True when namespace `outer` (or an inline namespace in it, such as
// absl::debian3) declares `name`.
bool NamespaceDeclares(clang::ASTContext& context, llvm::StringRef outer,
                       llvm::StringRef name) {
  clang::DeclarationName outer_name(&context.Idents.get(outer));
  clang::DeclarationName inner_name(&context.Idents.get(name));
  for (const clang::NamedDecl* found :
       context.getTranslationUnitDecl()->lookup(outer_name)) {
    const auto* ns = llvm::dyn_cast<clang::NamespaceDecl>(found);
    if (ns == nullptr) continue;
    if (!ns->lookup(inner_name).empty()) return true;
    for (const clang::Decl* member : ns->decls()) {
      const auto* inline_ns = llvm::dyn_cast<clang::NamespaceDecl>(member);
      if (inline_ns != nullptr && inline_ns->isInline() &&
          !inline_ns->lookup(inner_name).empty()) {
        return true;
      }
    }
  }
  return false;
}

bool DeclaresThreadsOrLocks(clang::ASTContext& context) {
  return NamespaceDeclares(context, "std", "thread") ||
         NamespaceDeclares(context, "std", "mutex") ||
         NamespaceDeclares(context, "std", "async") ||
         NamespaceDeclares(context, "absl", "Mutex");
}

struct HelperFacts {
  std::optional<Lockset> held_at_every_call;
  bool only_called_during_init = true;
};

}  // namespace

TranslationUnitAnalysis::TranslationUnitAnalysis(
    clang::ASTContext& context, ExpressionContexts* expressions) {
  FunctionCollector collector(context.getSourceManager(), &functions_,
                              &uses_threads_);
  collector.TraverseDecl(context.getTranslationUnitDecl());
  if (!uses_threads_) uses_threads_ = DeclaresThreadsOrLocks(context);

  ExpressionContexts own_expressions;
  FunctionAnalyzer analyzer(
      context, expressions != nullptr ? expressions : &own_expressions);
  llvm::DenseMap<const clang::FunctionDecl*, HelperFacts> helpers;
  llvm::DenseSet<const clang::FunctionDecl*> called_unlocked;
  const llvm::DenseSet<const clang::FunctionDecl*> taken_by_address =
      MethodsTakenByAddress(functions_);
  // Helpers calling helpers need a few rounds; each round can only add
  // entry locks derived from the previous one, so this settles quickly.
  for (int round = 0; round < 4; ++round) {
    results_ = AnalysisResults();
    for (const clang::FunctionDecl* function : functions_) {
      Lockset entry = RequiredLocks(function);
      // A helper documented to run with its class's lock held starts with
      // it, unless a call here shows a caller without it: then its accesses
      // are judged as they are.
      if (entry.empty() &&
          !called_unlocked.contains(function->getCanonicalDecl())) {
        if (std::optional<std::string> key = DocumentedEntryLock(function))
          entry.Acquire(*key, true);
      }
      FunctionContext function_context;
      function_context.named_function = function;
      function_context.init_only =
          llvm::isa<clang::CXXConstructorDecl>(function) ||
          llvm::isa<clang::CXXDestructorDecl>(function) ||
          SetsUpOrTearsDownReceiver(function, StructReceiver(function));
      function_context.no_analysis =
          function->hasAttr<clang::NoThreadSafetyAnalysisAttr>();
      auto helper = helpers.find(function->getCanonicalDecl());
      if (helper != helpers.end()) {
        if (helper->second.held_at_every_call) {
          for (const auto& [key, exclusive] :
               helper->second.held_at_every_call->held()) {
            entry.Acquire(key, exclusive);
          }
        }
        function_context.init_only |= helper->second.only_called_during_init;
      }
      analyzer.Analyze(function, entry, function_context, &results_);
    }

    llvm::DenseMap<const clang::FunctionDecl*, HelperFacts> next;
    llvm::DenseSet<const clang::FunctionDecl*> defined;
    for (const clang::FunctionDecl* function : functions_) {
      if (IsPrivateHelper(function, context.getSourceManager()) &&
          !taken_by_address.contains(function->getCanonicalDecl())) {
        defined.insert(function->getCanonicalDecl());
      }
    }
    // A call of a hook's base declaration runs one of its overrides.
    llvm::DenseMap<const clang::FunctionDecl*,
                   llvm::SmallVector<const clang::FunctionDecl*, 2>>
        overrides;
    for (const clang::FunctionDecl* helper : defined) {
      const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(helper);
      if (method == nullptr || !method->isVirtual()) continue;
      llvm::SmallVector<const clang::FunctionDecl*, 4> bases;
      AddOverriddenMethods(method, &bases);
      for (const clang::FunctionDecl* base : bases)
        overrides[base].push_back(helper);
    }
    for (const MethodCall& call : results_.calls) {
      llvm::SmallVector<const clang::FunctionDecl*, 2> targets;
      const clang::FunctionDecl* callee = call.callee->getCanonicalDecl();
      if (defined.contains(callee)) targets.push_back(callee);
      auto overriding = overrides.find(callee);
      if (overriding != overrides.end()) {
        targets.append(overriding->second.begin(), overriding->second.end());
      }
      for (const clang::FunctionDecl* target : targets) {
        if (call.on_this && call.context.named_function != nullptr &&
            call.context.named_function->getCanonicalDecl() == target) {
          continue;  // recursion says nothing about the outside callers
        }
        HelperFacts& facts = next[target];
        facts.only_called_during_init &= call.context.init_only;
        // Calls from constructors and destructors run before or after the
        // object is shared; they say nothing about the locks others hold.
        if (call.context.init_only) continue;
        // A call on another object holds that object's locks, if any, under
        // other names: it shows no lock of the callee's object held.
        Lockset held = call.on_this ? call.held : Lockset();
        if (!facts.held_at_every_call) {
          facts.held_at_every_call = held;
        } else {
          facts.held_at_every_call->IntersectWith(held);
        }
      }
    }
    llvm::DenseSet<const clang::FunctionDecl*> next_unlocked;
    for (const MethodCall& call : results_.calls) {
      if (call.context.init_only || !call.on_this) continue;
      std::optional<std::string> key = DocumentedEntryLock(call.callee);
      if (key && !call.held.Holds(*key))
        next_unlocked.insert(call.callee->getCanonicalDecl());
    }
    bool changed = next.size() != helpers.size() ||
                   next_unlocked.size() != called_unlocked.size();
    called_unlocked = std::move(next_unlocked);
    for (const auto& [callee, facts] : next) {
      auto old = helpers.find(callee);
      if (old == helpers.end() ||
          old->second.held_at_every_call != facts.held_at_every_call ||
          old->second.only_called_during_init !=
              facts.only_called_during_init) {
        changed = true;
      }
    }
    if (!changed) break;
    helpers = std::move(next);
  }
}

}  // namespace lockstep::lint
