// Real C++ parsed for the analysis layer's unit tests: a snippet compiled
// with the real standard library headers, and look-ups into its AST.
#ifndef LOCKSTEP_LINT_ANALYSIS_TESTS_PARSED_CODE_H_
#define LOCKSTEP_LINT_ANALYSIS_TESTS_PARSED_CODE_H_

#include <memory>
#include <string>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Frontend/ASTUnit.h"

namespace lockstep::lint::testing {

class ParsedCode {
 public:
  // Parses `code` as input.cc (C++17, after #includes of <atomic>,
  // <condition_variable>, <functional>, <future>, <memory>, <mutex>,
  // <string>, <thread> and <vector>). The snippet must compile without
  // errors: see errors().
  explicit ParsedCode(const std::string& code);
  ~ParsedCode();

  clang::ASTContext& context() const;
  // The number of errors the snippet compiled with.
  unsigned errors() const;

  // The definition of the function with this qualified name ("Cache::Get").
  const clang::FunctionDecl* Function(const std::string& name) const;
  // The field with this qualified name ("Cache::size_").
  const clang::FieldDecl* Field(const std::string& name) const;
  // The accesses to the field named `field` in `function`'s body (lambdas
  // included), in source order.
  std::vector<const clang::MemberExpr*> Uses(
      const clang::FunctionDecl* function, const std::string& field) const;
  // The references to the variable named `var` in `function`'s body, in
  // source order.
  std::vector<const clang::DeclRefExpr*> Refs(
      const clang::FunctionDecl* function, const std::string& var) const;
  // The lambdas in `function`'s body, in source order.
  std::vector<const clang::LambdaExpr*> Lambdas(
      const clang::FunctionDecl* function) const;

 private:
  std::unique_ptr<clang::ASTUnit> unit_;
};

}  // namespace lockstep::lint::testing

#endif  // LOCKSTEP_LINT_ANALYSIS_TESTS_PARSED_CODE_H_
