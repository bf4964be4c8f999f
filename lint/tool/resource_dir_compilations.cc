#include "lint/tool/resource_dir_compilations.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "lockstep/clang_resource_dir.h"

namespace lockstep::lint {

std::vector<clang::tooling::CompileCommand>
ResourceDirCompilations::getCompileCommands(llvm::StringRef file) const {
  std::vector<clang::tooling::CompileCommand> commands =
      inner_.getCompileCommands(file);
  for (auto& command : commands) command = Adjust(std::move(command));
  return commands;
}

std::vector<clang::tooling::CompileCommand>
ResourceDirCompilations::getAllCompileCommands() const {
  std::vector<clang::tooling::CompileCommand> commands =
      inner_.getAllCompileCommands();
  for (auto& command : commands) command = Adjust(std::move(command));
  return commands;
}

clang::tooling::CompileCommand ResourceDirCompilations::Adjust(
    clang::tooling::CompileCommand command) const {
  if (resource_dir_.empty() || command.CommandLine.empty()) return command;
  for (const std::string& arg : command.CommandLine) {
    if (llvm::StringRef(arg).startswith("-resource-dir")) return command;
  }
  command.CommandLine.insert(command.CommandLine.begin() + 1,
                             "-resource-dir=" + resource_dir_);
  return command;
}

std::string FindClangResourceDir() {
  if (llvm::sys::fs::is_directory(LOCKSTEP_CLANG_RESOURCE_DIR "/include")) {
    return LOCKSTEP_CLANG_RESOURCE_DIR;
  }
  return "";
}

}  // namespace lockstep::lint
