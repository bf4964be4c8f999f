#include "lint/checks/thread_events.h"

#include <string>
#include <vector>

namespace lockstep::lint {

bool IsJoinCall(const clang::CXXMemberCallExpr* call) {
  const clang::CXXMethodDecl* method = call->getMethodDecl();
  if (method == nullptr || !method->getDeclName().isIdentifier()) return false;
  llvm::StringRef name = method->getName();
  if (name == "join" || name == "Join") return true;
  if (name != "get" && name != "wait") return false;
  std::string record = method->getParent()->getQualifiedNameAsString();
  return record == "std::future" || record == "std::shared_future";
}

std::vector<clang::SourceLocation> JoinLocations(
    const clang::FunctionDecl* function) {
  std::vector<clang::SourceLocation> joins;
  ForEachStmt(function->getBody(), [&](const clang::Stmt* stmt) {
    const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(stmt);
    if (call != nullptr && IsJoinCall(call))
      joins.push_back(call->getBeginLoc());
  });
  return joins;
}

}  // namespace lockstep::lint
