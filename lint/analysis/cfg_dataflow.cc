#include "lint/analysis/cfg_dataflow.h"

#include <memory>

namespace lockstep::lint {

std::unique_ptr<clang::CFG> BuildAnalysisCfg(const clang::Decl* function,
                                             const clang::Stmt* body,
                                             clang::ASTContext& context) {
  clang::CFG::BuildOptions options;
  options.AddImplicitDtors = true;
  options.AddTemporaryDtors = false;
  options.AddInitializers = false;
  options.setAllAlwaysAdd();
  return clang::CFG::buildCFG(function, const_cast<clang::Stmt*>(body),
                              &context, options);
}

}  // namespace lockstep::lint
