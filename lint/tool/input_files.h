// The files named on the command line, checked before any is parsed: each
// must exist, be readable and have a compile command, or (a header) be
// included by a source that has one. A file that fails is reported with the
// reason and the others are still analysed.
#ifndef LOCKSTEP_LINT_TOOL_INPUT_FILES_H_
#define LOCKSTEP_LINT_TOOL_INPUT_FILES_H_

#include <optional>
#include <string>

#include "clang/Tooling/CompilationDatabase.h"

namespace lockstep::lint {

struct LintInput {
  std::string path;        // absolute, without . and ..
  std::string compile_as;  // a header's including source, else empty
  std::string spelling;    // how compile_as includes the header
  // The file clang parses for this input.
  const std::string& unit() const {
    return compile_as.empty() ? path : compile_as;
  }
};

// The input `input` names, or nullopt with `reason` saying why it cannot be
// analysed (it names the file as given).
std::optional<LintInput> ResolveInput(
    const std::string& input,
    const clang::tooling::CompilationDatabase& compilations,
    std::string* reason);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_INPUT_FILES_H_
