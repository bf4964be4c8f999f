#include "lint/analysis/tests/parsed_code.h"

#include <memory>
#include <string>
#include <vector>

#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Tooling/Tooling.h"
#include "lint/analysis/expression_context.h"
#include "lint/tool/resource_dir_compilations.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kPrelude[] =
    "#include <atomic>\n"
    "#include <condition_variable>\n"
    "#include <functional>\n"
    "#include <future>\n"
    "#include <memory>\n"
    "#include <mutex>\n"
    "#include <string>\n"
    "#include <thread>\n"
    "#include <vector>\n";

}  // namespace

ParsedCode::ParsedCode(const std::string& code) {
  std::vector<std::string> args = {"-std=c++17", "-Wno-unused-value"};
  std::string resource_dir = FindClangResourceDir();
  if (!resource_dir.empty()) args.push_back("-resource-dir=" + resource_dir);
  unit_ = clang::tooling::buildASTFromCodeWithArgs(std::string(kPrelude) + code,
                                                   args, "input.cc");
}

ParsedCode::~ParsedCode() = default;

clang::ASTContext& ParsedCode::context() const {
  return unit_->getASTContext();
}

unsigned ParsedCode::errors() const {
  if (unit_ == nullptr) return 1;
  return unit_->getDiagnostics().getNumErrors();
}

const clang::FunctionDecl* ParsedCode::Function(const std::string& name) const {
  using namespace clang::ast_matchers;  // NOLINT(build/namespaces)
  auto found =
      match(functionDecl(hasName(name), isDefinition(), unless(isImplicit()))
                .bind("f"),
            context());
  if (found.empty()) return nullptr;
  return found.front().getNodeAs<clang::FunctionDecl>("f");
}

const clang::FieldDecl* ParsedCode::Field(const std::string& name) const {
  using namespace clang::ast_matchers;  // NOLINT(build/namespaces)
  auto found = match(fieldDecl(hasName(name)).bind("f"), context());
  if (found.empty()) return nullptr;
  return found.front().getNodeAs<clang::FieldDecl>("f");
}

std::vector<const clang::MemberExpr*> ParsedCode::Uses(
    const clang::FunctionDecl* function, const std::string& field) const {
  std::vector<const clang::MemberExpr*> uses;
  ForEachStmt(function->getBody(), [&](const clang::Stmt* stmt) {
    const auto* member = llvm::dyn_cast<clang::MemberExpr>(stmt);
    if (member != nullptr &&
        member->getMemberDecl()->getDeclName().isIdentifier() &&
        member->getMemberDecl()->getName() == field) {
      uses.push_back(member);
    }
  });
  return uses;
}

std::vector<const clang::DeclRefExpr*> ParsedCode::Refs(
    const clang::FunctionDecl* function, const std::string& var) const {
  std::vector<const clang::DeclRefExpr*> refs;
  ForEachStmt(function->getBody(), [&](const clang::Stmt* stmt) {
    const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt);
    if (ref != nullptr && ref->getDecl()->getDeclName().isIdentifier() &&
        ref->getDecl()->getName() == var) {
      refs.push_back(ref);
    }
  });
  return refs;
}

std::vector<const clang::LambdaExpr*> ParsedCode::Lambdas(
    const clang::FunctionDecl* function) const {
  std::vector<const clang::LambdaExpr*> lambdas;
  ForEachStmt(function->getBody(), [&](const clang::Stmt* stmt) {
    if (const auto* lambda = llvm::dyn_cast<clang::LambdaExpr>(stmt))
      lambdas.push_back(lambda);
  });
  return lambdas;
}

}  // namespace lockstep::lint::testing
