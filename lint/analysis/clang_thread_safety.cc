#include "lint/analysis/clang_thread_safety.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/ThreadSafety.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "lint/analysis/user_code.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace lockstep::lint {
namespace {

using clang::SourceLocation;
using Warning = ClangThreadSafetyWarning;
namespace ts = clang::threadSafety;

std::string Quoted(llvm::StringRef name) { return "'" + name.str() + "'"; }

// Collects what clang's analysis reports, worded as clang words it (see
// warn_variable_requires_lock and its neighbours in clang's diagnostics).
class Collector : public ts::ThreadSafetyHandler {
 public:
  explicit Collector(std::vector<Warning>* warnings) : warnings_(warnings) {}

  void enterFunction(const clang::FunctionDecl* function) override {
    function_ = function;
  }

  void handleInvalidLockExp(llvm::StringRef, SourceLocation location) override {
    Add(Warning::Kind::kLockBalance, location,
        "cannot resolve lock expression");
  }

  void handleUnmatchedUnlock(llvm::StringRef kind, Name lock,
                             SourceLocation location,
                             SourceLocation previous_unlock) override {
    Warning& w = Add(
        Warning::Kind::kLockBalance, location,
        "releasing " + kind.str() + " " + Quoted(lock) + " that was not held");
    w.capability = lock.str();
    Note(w, previous_unlock, kind.str() + " released here");
  }

  void handleIncorrectUnlockKind(llvm::StringRef kind, Name lock,
                                 ts::LockKind expected, ts::LockKind received,
                                 SourceLocation locked,
                                 SourceLocation unlocked) override {
    Warning& w =
        Add(Warning::Kind::kLockBalance, unlocked,
            "releasing " + kind.str() + " " + Quoted(lock) + " using " +
                AccessName(received) + " access, expected " +
                AccessName(expected) + " access");
    w.capability = lock.str();
    Note(w, locked, kind.str() + " acquired here");
  }

  void handleDoubleLock(llvm::StringRef kind, Name lock, SourceLocation locked,
                        SourceLocation again) override {
    Warning& w = Add(Warning::Kind::kLockBalance, again,
                     "acquiring " + kind.str() + " " + Quoted(lock) +
                         " that is already held");
    w.capability = lock.str();
    Note(w, locked, kind.str() + " acquired here");
  }

  void handleMutexHeldEndOfScope(llvm::StringRef kind, Name lock,
                                 SourceLocation locked,
                                 SourceLocation end_of_scope,
                                 ts::LockErrorKind error) override {
    std::string what = kind.str() + " " + Quoted(lock);
    std::string message;
    switch (error) {
      case ts::LEK_LockedSomeLoopIterations:
        message = "expecting " + what + " to be held at start of each loop";
        break;
      case ts::LEK_LockedSomePredecessors:
        message = what + " is not held on every path through here";
        break;
      case ts::LEK_LockedAtEndOfFunction:
        message = what + " is still held at the end of function";
        break;
      case ts::LEK_NotLockedAtEndOfFunction:
        message = "expecting " + what + " to be held at the end of function";
        break;
    }
    if (end_of_scope.isInvalid() && function_ != nullptr)
      end_of_scope = function_->getEndLoc();
    Warning& w = Add(Warning::Kind::kLockBalance, end_of_scope, message);
    w.capability = lock.str();
    Note(w, locked, kind.str() + " acquired here");
  }

  void handleExclusiveAndShared(llvm::StringRef kind, Name lock,
                                SourceLocation first,
                                SourceLocation second) override {
    Warning& w = Add(Warning::Kind::kLockBalance, first,
                     kind.str() + " " + Quoted(lock) +
                         " is acquired exclusively and shared in the same "
                         "scope");
    w.capability = lock.str();
    Note(w, second,
         "the other acquisition of " + kind.str() + " " + Quoted(lock) +
             " is here");
  }

  void handleNoMutexHeld(llvm::StringRef, const clang::NamedDecl* decl,
                         ts::ProtectedOperationKind operation,
                         ts::AccessKind access,
                         SourceLocation location) override {
    bool write = access == ts::AK_Written;
    std::string verb = write ? "writing" : "reading";
    std::string what = operation == ts::POK_VarDereference
                           ? " the value pointed to by "
                           : " variable ";
    Warning& w =
        Add(Warning::Kind::kAccess, location,
            verb + what + Quoted(decl->getName()) +
                " requires holding any mutex" + (write ? " exclusively" : ""));
    w.subject = decl;
    w.exclusive = write;
  }

  void handleMutexNotHeld(llvm::StringRef kind, const clang::NamedDecl* decl,
                          ts::ProtectedOperationKind operation, Name lock,
                          ts::LockKind lock_kind, SourceLocation location,
                          Name* possible_match) override {
    bool exclusive = lock_kind == ts::LK_Exclusive;
    std::string name = Quoted(decl->getName());
    std::string operation_text;
    Warning::Kind warning_kind = Warning::Kind::kAccess;
    switch (operation) {
      case ts::POK_VarAccess:
        operation_text = std::string(exclusive ? "writing" : "reading") +
                         " variable " + name;
        break;
      case ts::POK_VarDereference:
        operation_text = std::string(exclusive ? "writing" : "reading") +
                         " the value pointed to by " + name;
        break;
      case ts::POK_FunctionCall:
        operation_text = "calling function " + name;
        warning_kind = Warning::Kind::kCall;
        break;
      case ts::POK_PassByRef:
        operation_text = "passing variable " + name + " by reference";
        break;
      case ts::POK_PtPassByRef:
        operation_text =
            "passing the value that " + name + " points to by reference";
        break;
    }
    Warning& w = Add(warning_kind, location,
                     operation_text + " requires holding " + kind.str() + " " +
                         Quoted(lock) + (exclusive ? " exclusively" : ""));
    w.subject = decl;
    w.capability = lock.str();
    w.exclusive = exclusive;
    if (possible_match != nullptr)
      Note(w, location, "found near match " + Quoted(*possible_match));
  }

  void handleNegativeNotHeld(const clang::NamedDecl* decl, Name lock,
                             SourceLocation location) override {
    Warning& w = Add(Warning::Kind::kCall, location,
                     "calling function " + Quoted(decl->getName()) +
                         " requires negative capability " + Quoted(lock));
    w.subject = decl;
    w.capability = lock.str();
  }

  void handleFunExcludesLock(llvm::StringRef kind, Name function, Name lock,
                             SourceLocation location) override {
    Warning& w = Add(Warning::Kind::kLockBalance, location,
                     "cannot call function " + Quoted(function) + " while " +
                         kind.str() + " " + Quoted(lock) + " is held");
    w.capability = lock.str();
  }

  void handleLockAcquiredBefore(llvm::StringRef kind, Name first, Name second,
                                SourceLocation location) override {
    Warning& w = Add(Warning::Kind::kLockBalance, location,
                     kind.str() + " " + Quoted(first) +
                         " must be acquired before " + Quoted(second));
    w.capability = first.str();
  }

  void handleBeforeAfterCycle(Name first, SourceLocation location) override {
    Add(Warning::Kind::kLockBalance, location,
        "cycle in acquired_before/after dependencies, starting with " +
            Quoted(first));
  }

 private:
  static std::string AccessName(ts::LockKind kind) {
    return kind == ts::LK_Shared ? "shared" : "exclusive";
  }

  Warning& Add(Warning::Kind kind, SourceLocation location,
               std::string message) {
    if (location.isInvalid() && function_ != nullptr)
      location = function_->getLocation();
    Warning warning;
    warning.kind = kind;
    warning.location = location;
    warning.message = std::move(message);
    warning.function = function_;
    warnings_->push_back(std::move(warning));
    return warnings_->back();
  }

  static void Note(Warning& warning, SourceLocation location,
                   std::string message) {
    if (location.isValid())
      warning.notes.emplace_back(location, std::move(message));
  }

  std::vector<Warning>* warnings_;
  const clang::FunctionDecl* function_ = nullptr;
};

// The function definitions the compiler would analyse: those in user code
// with a body, lambdas' call operators among them, not in a dependent
// context (a template's pattern is analysed through its instantiations).
class AnalysedFunctions : public UserCodeVisitor<AnalysedFunctions> {
 public:
  explicit AnalysedFunctions(const clang::SourceManager& sources)
      : UserCodeVisitor(sources) {}

  bool VisitFunctionDecl(clang::FunctionDecl* function) {
    Add(function);
    return true;
  }
  bool VisitLambdaExpr(clang::LambdaExpr* lambda) {
    const clang::CXXMethodDecl* call_operator = lambda->getCallOperator();
    Add(call_operator);
    // A generic lambda's pattern is dependent; the compiler analyses the
    // instantiations its callers make (std::find_if's).
    if (const clang::FunctionTemplateDecl* generic =
            call_operator->getDescribedFunctionTemplate()) {
      for (const clang::FunctionDecl* instance : generic->specializations())
        Add(instance);
    }
    return true;
  }

  std::vector<const clang::FunctionDecl*> functions;

 private:
  void Add(const clang::FunctionDecl* function) {
    if (function == nullptr || !function->doesThisDeclarationHaveABody() ||
        function->isDependentContext() || function->isInvalidDecl()) {
      return;
    }
    if (seen_.insert(function).second) functions.push_back(function);
  }

  llvm::SmallPtrSet<const clang::FunctionDecl*, 32> seen_;
};

}  // namespace

std::vector<ClangThreadSafetyWarning> RunClangThreadSafety(
    clang::ASTContext& context) {
  AnalysedFunctions visitor(context.getSourceManager());
  visitor.TraverseDecl(context.getTranslationUnitDecl());

  // The CFG the compiler builds for its analysis-based warnings
  // (clang::sema::AnalysisBasedWarnings::IssueWarnings).
  clang::AnalysisDeclContextManager manager(context);
  clang::CFG::BuildOptions& options = manager.getCFGBuildOptions();
  options.PruneTriviallyFalseEdges = true;
  options.AddEHEdges = false;
  options.AddInitializers = true;
  options.AddImplicitDtors = true;
  options.AddTemporaryDtors = true;
  options.AddCXXNewAllocator = false;
  options.AddCXXDefaultInitExprInCtors = true;
  options.setAllAlwaysAdd();

  std::vector<ClangThreadSafetyWarning> warnings;
  Collector collector(&warnings);
  collector.setIssueBetaWarnings(true);
  ts::BeforeSet* before_set = nullptr;
  for (const clang::FunctionDecl* function : visitor.functions) {
    clang::AnalysisDeclContext* analysis = manager.getContext(function);
    ts::runThreadSafetyAnalysis(*analysis, collector, &before_set);
  }
  ts::threadSafetyCleanup(before_set);

  const clang::SourceManager& sources = context.getSourceManager();
  std::stable_sort(warnings.begin(), warnings.end(),
                   [&](const Warning& a, const Warning& b) {
                     return sources.isBeforeInTranslationUnit(a.location,
                                                              b.location);
                   });
  return warnings;
}

namespace {

// True for a scoped guard that clang misreads: its constructor releases a
// capability and its destructor is annotated as acquiring one. clang takes
// the destructor's annotation to acquire the guard object itself, so every
// function that uses the guard gets balance warnings (not held at the start
// of a loop, released when not held) that say nothing about the code. The
// convention clang understands annotates the destructor RELEASE().
bool IsMisannotatedUnlockGuard(const clang::CXXRecordDecl* record) {
  if (record == nullptr || !record->hasAttr<clang::ScopedLockableAttr>())
    return false;
  const clang::CXXDestructorDecl* destructor = record->getDestructor();
  if (destructor == nullptr ||
      !destructor->hasAttr<clang::AcquireCapabilityAttr>()) {
    return false;
  }
  for (const clang::CXXConstructorDecl* constructor : record->ctors()) {
    if (constructor->hasAttr<clang::ReleaseCapabilityAttr>()) return true;
  }
  return false;
}

class MisannotatedGuardFinder
    : public clang::RecursiveASTVisitor<MisannotatedGuardFinder> {
 public:
  bool VisitCXXConstructExpr(clang::CXXConstructExpr* construct) {
    if (IsMisannotatedUnlockGuard(construct->getConstructor()->getParent()))
      found = true;
    return !found;
  }
  bool found = false;
};

bool UsesMisannotatedUnlockGuard(const clang::FunctionDecl* function) {
  if (function == nullptr || function->getBody() == nullptr) return false;
  MisannotatedGuardFinder finder;
  finder.TraverseStmt(function->getBody());
  return finder.found;
}

// The last identifier of a lock's name: "mu_" for clang's "this->mu_" or
// "other.mu_" and for the lint's key "this.Cache::mu_".
llvm::StringRef LastIdentifier(llvm::StringRef name) {
  size_t cut = name.find_last_of(".:>");
  return cut == llvm::StringRef::npos ? name : name.substr(cut + 1);
}

}  // namespace

std::vector<JudgedClangWarning> JudgeAgainstLockset(
    std::vector<ClangThreadSafetyWarning> warnings,
    const AnalysisResults& results) {
  // Where clang places an access or a call: a member's name, a variable's
  // reference.
  llvm::DenseMap<unsigned, const Lockset*> lockset_at_location;
  for (const auto& [statement, lockset] : results.lockset_at) {
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(statement)) {
      lockset_at_location[member->getMemberLoc().getRawEncoding()] = &lockset;
    } else if (const auto* reference =
                   llvm::dyn_cast<clang::DeclRefExpr>(statement)) {
      lockset_at_location[reference->getLocation().getRawEncoding()] = &lockset;
    }
  }
  llvm::DenseMap<unsigned, const FieldAccess*> access_at_location;
  for (const FieldAccess& access : results.accesses) {
    access_at_location[access.expr->getMemberLoc().getRawEncoding()] = &access;
  }
  std::vector<JudgedClangWarning> judged;
  std::set<const clang::FunctionDecl*> disputed_functions;
  for (ClangThreadSafetyWarning& warning : warnings) {
    JudgedClangWarning entry;
    if (warning.kind != ClangThreadSafetyWarning::Kind::kLockBalance &&
        !warning.capability.empty()) {
      auto found = lockset_at_location.find(warning.location.getRawEncoding());
      if (found != lockset_at_location.end()) {
        llvm::StringRef wanted = LastIdentifier(warning.capability);
        for (const auto& [key, exclusive] : found->second->held()) {
          if (LastIdentifier(key) == wanted &&
              (exclusive || !warning.exclusive)) {
            entry.lint_disagrees = true;
            entry.lint_reason = "the lint's lockset holds '" + key + "' here";
            disputed_functions.insert(warning.function);
            break;
          }
        }
      }
      auto access = access_at_location.find(warning.location.getRawEncoding());
      if (!entry.lint_disagrees && access != access_at_location.end() &&
          access->second->context.init_only) {
        entry.lint_disagrees = true;
        entry.lint_reason =
            "it runs only while the object is built or torn down";
      }
    }
    entry.warning = std::move(warning);
    judged.push_back(std::move(entry));
  }
  std::map<const clang::FunctionDecl*, bool> misreads_guard;
  for (JudgedClangWarning& entry : judged) {
    if (entry.warning.kind != ClangThreadSafetyWarning::Kind::kLockBalance)
      continue;
    const clang::FunctionDecl* function = entry.warning.function;
    auto [it, inserted] = misreads_guard.emplace(function, false);
    if (inserted) it->second = UsesMisannotatedUnlockGuard(function);
    if (it->second) {
      entry.lint_disagrees = true;
      entry.lint_reason =
          "the function uses an unlock guard whose destructor clang reads as "
          "acquiring the guard itself";
    } else if (disputed_functions.count(function) > 0) {
      entry.lint_disagrees = true;
      entry.lint_reason =
          "the lint disputes clang's lockset elsewhere in this function";
    }
  }
  return judged;
}

}  // namespace lockstep::lint
