#include "lint/checks/thread_leak_check.h"

#include <optional>
#include <utility>
#include <vector>

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "lint/analysis/thread_model.h"
#include "lint/analysis/user_code.h"
#include "lint/checks/thread_leak/common.h"
#include "lint/checks/thread_leak/detached_endless_loops.h"
#include "lint/checks/thread_leak/member_threads.h"
#include "lint/checks/thread_leak/unjoined_local_threads.h"
#include "lint/checks/thread_leak/unwoken_waits.h"

namespace lockstep::lint {
namespace {

constexpr char kUnjoinedLocalThreads[] = "UnjoinedLocalThreads";
constexpr char kDetachedEndlessLoops[] = "DetachedEndlessLoops";
constexpr char kUnjoinedMemberThreads[] = "UnjoinedMemberThreads";
constexpr char kUnwokenWaits[] = "UnwokenWaits";

// Collects the user-code declarations the check looks at.
class Collector : public UserCodeVisitor<Collector> {
 public:
  explicit Collector(const clang::SourceManager& sources)
      : UserCodeVisitor(sources) {}

  bool VisitVarDecl(clang::VarDecl* var) {
    if (var->hasLocalStorage() && !llvm::isa<clang::ParmVarDecl>(var) &&
        !var->getDeclContext()->isDependentContext() &&
        IsStdThread(var->getType()) && !var->getType()->isReferenceType()) {
      local_threads.push_back(var);
    }
    return true;
  }

  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
    if (thread_leak::NameIs(call->getMethodDecl(), {"detach"}) &&
        IsStdThreadObject(call->getImplicitObjectArgument()) &&
        !call->isValueDependent() &&
        IsUserCode(sources(), call->getExprLoc())) {
      detaches.push_back({call, innermost_function()});
    }
    return true;
  }

  bool VisitCXXRecordDecl(clang::CXXRecordDecl* record) {
    if (record->isThisDeclarationADefinition() && !record->isLambda() &&
        !record->isDependentContext() &&
        !llvm::isa<clang::ClassTemplateSpecializationDecl>(record)) {
      records.push_back(record);
    }
    return true;
  }

  std::vector<const clang::VarDecl*> local_threads;
  // Each detach, with the innermost function or lambda it is in.
  std::vector<
      std::pair<const clang::CXXMemberCallExpr*, const clang::FunctionDecl*>>
      detaches;
  std::vector<const clang::CXXRecordDecl*> records;
};

}  // namespace

ThreadLeakCheck::ThreadLeakCheck(llvm::StringRef name,
                                 clang::tidy::ClangTidyContext* context)
    : TranslationUnitCheck(name, context),
      unjoined_local_threads_(BoolOption(kUnjoinedLocalThreads, true)),
      detached_endless_loops_(BoolOption(kDetachedEndlessLoops, true)),
      unjoined_member_threads_(BoolOption(kUnjoinedMemberThreads, true)),
      unwoken_waits_(BoolOption(kUnwokenWaits, true)) {}

void ThreadLeakCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap& options) {
  for (const auto& [name, value] :
       {std::make_pair(kUnjoinedLocalThreads, unjoined_local_threads_),
        std::make_pair(kDetachedEndlessLoops, detached_endless_loops_),
        std::make_pair(kUnjoinedMemberThreads, unjoined_member_threads_),
        std::make_pair(kUnwokenWaits, unwoken_waits_)}) {
    Options.store(options, name, value ? "true" : "false");
  }
}

void ThreadLeakCheck::CheckTranslationUnit(TranslationUnitIndex& index) {
  Collector collector(index.sources());
  collector.TraverseDecl(index.context().getTranslationUnitDecl());
  if (unjoined_local_threads_) {
    for (const clang::VarDecl* var : collector.local_threads)
      thread_leak::ReportUnjoinedLocalThread(var, index, *this);
  }
  if (detached_endless_loops_) {
    for (const auto& [detach, function] : collector.detaches)
      thread_leak::ReportDetachedEndlessLoop(detach, function, index, *this);
  }
  if (!unjoined_member_threads_ && !unwoken_waits_) return;
  for (const clang::CXXRecordDecl* record : collector.records) {
    std::optional<thread_leak::MemberThreads> threads =
        thread_leak::FindMemberThreads(record, index.sources());
    if (!threads) continue;
    if (unjoined_member_threads_)
      thread_leak::ReportUnjoinedMemberThreads(*threads, *this);
    if (unwoken_waits_) thread_leak::ReportUnwokenWaits(*threads, *this);
  }
}

}  // namespace lockstep::lint
