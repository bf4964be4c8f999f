// A header named on the command line with -p has no compile command of its
// own: compile_commands.json lists sources. clang's interpolation would parse
// the header alone with a neighbour's flags, where the code around it (the
// includes before it, the macros it expects) is missing. Instead the header
// is analysed through a source of the database that includes it, reporting
// on the header only.
#ifndef LOCKSTEP_LINT_TOOL_INCLUDING_SOURCE_H_
#define LOCKSTEP_LINT_TOOL_INCLUDING_SOURCE_H_

#include <optional>
#include <string>

#include "clang/Tooling/CompilationDatabase.h"

namespace lockstep::lint {

// True for the file names C and C++ headers have (.h, .hh, .hpp, .hxx, .inc,
// .ipp, ...).
bool IsHeaderFileName(llvm::StringRef path);

struct IncludingSource {
  std::string source;    // absolute path of the source
  std::string spelling;  // how it names the header: "queue/work_queue.h"
};

// A source with a compile command in `compilations` whose text has an
// #include naming `header` (an absolute path): the include's spelling must be
// a suffix of that path. clang names the header by the include directory
// joined with the spelling, so the spelling is what a line filter can match.
// Candidates are tried nearest first, as clangd ranks them: the same stem
// (foo.h -> foo.cc), then the longest shared directory prefix. Only direct
// includes are found.
std::optional<IncludingSource> FindIncludingSource(
    const std::string& header,
    const clang::tooling::CompilationDatabase& compilations);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_INCLUDING_SOURCE_H_
