// Compile commands written for GCC (Bazel's default toolchain on Linux, CMake
// with g++) carry flags that clang's driver rejects as unknown, and one such
// flag makes the whole file fail to parse. This database drops exactly the
// arguments clang's own driver option table does not know, so the list never
// goes stale; flags clang knows but ignores (-fno-tree-vrp, unknown -W
// warnings) are left for clang to ignore.
#ifndef LOCKSTEP_LINT_TOOL_GCC_FLAGS_H_
#define LOCKSTEP_LINT_TOOL_GCC_FLAGS_H_

#include <set>
#include <string>
#include <vector>

#include "clang/Tooling/CompilationDatabase.h"

namespace lockstep::lint {

// `command_line` without the arguments clang's driver reports as "unknown
// argument"; each dropped one is added to `dropped` when it is not null.
// command_line[0] is the compiler and is kept.
std::vector<std::string> DropUnknownDriverArgs(
    const std::vector<std::string>& command_line,
    std::set<std::string>* dropped);

// Applies DropUnknownDriverArgs to every command of `inner`.
class ClangKnownArgsCompilations : public clang::tooling::CompilationDatabase {
 public:
  explicit ClangKnownArgsCompilations(
      const clang::tooling::CompilationDatabase& inner)
      : inner_(inner) {}

  std::vector<clang::tooling::CompileCommand> getCompileCommands(
      llvm::StringRef file) const override;
  std::vector<std::string> getAllFiles() const override {
    return inner_.getAllFiles();
  }
  std::vector<clang::tooling::CompileCommand> getAllCompileCommands()
      const override;

  // Every argument dropped so far. Owned by the tool's main thread, the only
  // one that asks this database for commands.
  const std::set<std::string>& dropped() const { return dropped_; }

 private:
  const clang::tooling::CompilationDatabase& inner_;
  // Filled from const getters: the interface is const, the record is not
  // part of the database's value.
  mutable std::set<std::string> dropped_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_GCC_FLAGS_H_
