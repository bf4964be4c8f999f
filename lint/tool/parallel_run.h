// -j N: lints many files in N subprocesses of the tool itself, with the same
// merged cross-file findings as a run in one process. Processes rather than
// threads because clang's parsing and lockstep's per-run summary are built
// for one translation unit at a time on one thread.
//
// Phase 1 runs `--export-summary` for every file; phase 2 checks every file
// with `--import-summaries` of all of them and `--export-fixes`, whose YAML
// holds every finding. The parent reads the findings back, sorts and
// deduplicates them as clang-tidy does within one process, and reports them
// once (text, SARIF, fixes) as a sequential run would.
#ifndef LOCKSTEP_LINT_TOOL_PARALLEL_RUN_H_
#define LOCKSTEP_LINT_TOOL_PARALLEL_RUN_H_

#include <string>
#include <vector>

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"

namespace lockstep::lint {

// One file of the run: the path the child is given (a source, or a header
// analysed through `compile_as`, the source that includes it).
struct ParallelInput {
  std::string path;
  std::string compile_as;
};

struct ParallelResult {
  // Every child's findings, sorted and deduplicated; IsWarningAsError unset.
  std::vector<clang::tidy::ClangTidyError> errors;
  // Inputs whose child crashed or wrote no findings file, with its output.
  std::vector<std::pair<std::string, std::string>> failed;
};

// Runs the inputs in `jobs` processes of `self` (this executable). The
// compile commands come from `compilations` (the command line's database,
// --extra-arg included) through a compile_commands.json in a temporary
// directory, so each child sees the same flags. `merge` false skips phase 1
// (--per-file). Returns false, with `error` set, when the temporary files
// cannot be written.
bool RunInParallel(const std::string& self,
                   const std::vector<ParallelInput>& inputs,
                   const clang::tooling::CompilationDatabase& compilations,
                   unsigned jobs, bool merge, ParallelResult* result,
                   std::string* error);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_PARALLEL_RUN_H_
