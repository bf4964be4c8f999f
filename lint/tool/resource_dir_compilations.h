// A compilation database that adds clang's resource directory to every
// command, so that a libTooling binary installed outside the LLVM tree finds
// the builtin headers (stddef.h, ...).
#ifndef LOCKSTEP_LINT_TOOL_RESOURCE_DIR_COMPILATIONS_H_
#define LOCKSTEP_LINT_TOOL_RESOURCE_DIR_COMPILATIONS_H_

#include <string>
#include <vector>

#include "clang/Tooling/CompilationDatabase.h"

namespace lockstep::lint {

class ResourceDirCompilations : public clang::tooling::CompilationDatabase {
 public:
  ResourceDirCompilations(const clang::tooling::CompilationDatabase& inner,
                          std::string resource_dir)
      : inner_(inner), resource_dir_(std::move(resource_dir)) {}

  std::vector<clang::tooling::CompileCommand> getCompileCommands(
      llvm::StringRef file) const override;
  std::vector<std::string> getAllFiles() const override {
    return inner_.getAllFiles();
  }
  std::vector<clang::tooling::CompileCommand> getAllCompileCommands()
      const override;

 private:
  clang::tooling::CompileCommand Adjust(
      clang::tooling::CompileCommand command) const;

  const clang::tooling::CompilationDatabase& inner_;
  const std::string resource_dir_;
};

// The resource directory of the clang-14 this tool was built against, or
// empty when it is not installed.
std::string FindClangResourceDir();

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_RESOURCE_DIR_COMPILATIONS_H_
