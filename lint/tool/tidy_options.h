// The checks and options that apply to a file, from lockstep's defaults,
// .clang-tidy files (or --config / --config-file) and the command line, in
// clang-tidy's order of precedence; and clang-tidy's ways of printing them
// (--dump-config, --explain-config).
#ifndef LOCKSTEP_LINT_TOOL_TIDY_OPTIONS_H_
#define LOCKSTEP_LINT_TOOL_TIDY_OPTIONS_H_

#include <memory>
#include <string>
#include <vector>

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace lockstep::lint {

// Builds the provider from the command line. `line_filter` replaces
// --line-filter when not null (a header analysed through a file that
// includes it reports on the header only). Prints the reason and returns null
// when --line-filter, --config or --config-file is invalid.
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> MakeOptionsProvider(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> file_system,
    const std::vector<clang::tidy::FileFilter>* line_filter = nullptr);

// The --line-filter entries, or an empty list (which filters nothing).
// Returns false, after printing why, when the JSON is malformed.
bool ParseLineFilterFlag(std::vector<clang::tidy::FileFilter>* filter);

// The checks enabled for `file`.
std::vector<std::string> EnabledChecks(
    clang::tidy::ClangTidyOptionsProvider& provider, const std::string& file);

// --dump-config: the effective configuration of `file` as YAML, with the
// enabled checks' options, as clang-tidy prints it.
std::string DumpConfig(clang::tidy::ClangTidyOptionsProvider& provider,
                       const std::string& file);

// --explain-config: one line per enabled check naming the source that
// enabled it.
std::string ExplainConfig(clang::tidy::ClangTidyOptionsProvider& provider,
                          const std::string& file);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_TIDY_OPTIONS_H_
