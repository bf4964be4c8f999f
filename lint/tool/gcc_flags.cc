#include "lint/tool/gcc_flags.h"

#include "clang/Driver/Options.h"
#include "llvm/Option/Arg.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"

namespace lockstep::lint {

std::vector<std::string> DropUnknownDriverArgs(
    const std::vector<std::string>& command_line,
    std::set<std::string>* dropped) {
  if (command_line.size() < 2) return command_line;
  std::vector<const char*> args;
  for (size_t i = 1; i < command_line.size(); ++i)
    args.push_back(command_line[i].c_str());
  unsigned missing_index = 0;
  unsigned missing_count = 0;
  // The GCC-compatible driver's view: what `clang++ ARGS` would accept.
  namespace options = clang::driver::options;
  llvm::opt::InputArgList parsed = clang::driver::getDriverOptTable().ParseArgs(
      args, missing_index, missing_count, /*FlagsToInclude=*/0,
      /*FlagsToExclude=*/options::NoDriverOption | options::CLOption |
          options::FlangOnlyOption);
  std::set<unsigned> unknown;
  for (const llvm::opt::Arg* arg : parsed.filtered(options::OPT_UNKNOWN))
    unknown.insert(arg->getIndex());
  if (unknown.empty()) return command_line;
  std::vector<std::string> kept = {command_line[0]};
  for (unsigned i = 0; i < args.size(); ++i) {
    if (unknown.count(i) > 0) {
      if (dropped != nullptr) dropped->insert(args[i]);
    } else {
      kept.push_back(args[i]);
    }
  }
  return kept;
}

std::vector<clang::tooling::CompileCommand>
ClangKnownArgsCompilations::getCompileCommands(llvm::StringRef file) const {
  std::vector<clang::tooling::CompileCommand> commands =
      inner_.getCompileCommands(file);
  for (auto& command : commands)
    command.CommandLine = DropUnknownDriverArgs(command.CommandLine, &dropped_);
  return commands;
}

std::vector<clang::tooling::CompileCommand>
ClangKnownArgsCompilations::getAllCompileCommands() const {
  std::vector<clang::tooling::CompileCommand> commands =
      inner_.getAllCompileCommands();
  for (auto& command : commands)
    command.CommandLine = DropUnknownDriverArgs(command.CommandLine, &dropped_);
  return commands;
}

}  // namespace lockstep::lint
