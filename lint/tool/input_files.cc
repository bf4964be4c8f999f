#include "lint/tool/input_files.h"

#include <memory>
#include <vector>

#include "lint/tool/including_source.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace lockstep::lint {

std::optional<LintInput> ResolveInput(
    const std::string& input,
    const clang::tooling::CompilationDatabase& compilations,
    std::string* reason) {
  if (!llvm::sys::fs::exists(input)) {
    *reason = "cannot open '" + input + "': no such file";
    return std::nullopt;
  }
  if (llvm::sys::fs::is_directory(input)) {
    *reason = "'" + input + "' is a directory, not a source file";
    return std::nullopt;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> contents =
      llvm::MemoryBuffer::getFile(input);
  if (!contents) {
    *reason = "cannot read '" + input + "': " + contents.getError().message();
    return std::nullopt;
  }
  // compile_commands.json entries are matched by absolute path.
  llvm::SmallString<256> absolute(input);
  llvm::sys::fs::make_absolute(absolute);
  llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);
  LintInput resolved{std::string(absolute), "", ""};
  std::vector<clang::tooling::CompileCommand> commands =
      compilations.getCompileCommands(resolved.path);
  if (commands.empty()) {
    *reason =
        "no compile command for '" + input + "' in the compilation database";
    return std::nullopt;
  }
  if (commands.front().Heuristic.empty()) return resolved;
  if (IsHeaderFileName(resolved.path)) {
    if (std::optional<IncludingSource> including =
            FindIncludingSource(resolved.path, compilations)) {
      resolved.compile_as = including->source;
      resolved.spelling = including->spelling;
      return resolved;
    }
    *reason = "no source in compile_commands.json includes '" + input +
              "' (a header is analysed through a source that includes it)";
    return std::nullopt;
  }
  *reason = "no entry for '" + input +
            "' in compile_commands.json (clang would guess one: " +
            commands.front().Heuristic + "); regenerate the database";
  return std::nullopt;
}

}  // namespace lockstep::lint
