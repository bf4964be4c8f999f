// concurrency-lint's command line: clang-tidy's options (so that
// run-clang-tidy and clang-tidy-diff can drive the tool) and lockstep's own.
// They live in one place because the options provider, the parallel runner
// and main all read them.
#ifndef LOCKSTEP_LINT_TOOL_FLAGS_H_
#define LOCKSTEP_LINT_TOOL_FLAGS_H_

#include <string>

#include "llvm/Support/CommandLine.h"

namespace lockstep::lint::flags {

extern llvm::cl::OptionCategory kCategory;

// clang-tidy's options, with clang-tidy's names and meanings.
extern llvm::cl::opt<std::string> kChecks;
extern llvm::cl::opt<std::string> kWarningsAsErrors;
extern llvm::cl::opt<std::string> kHeaderFilter;
extern llvm::cl::opt<bool> kSystemHeaders;
extern llvm::cl::opt<std::string> kLineFilter;
extern llvm::cl::opt<std::string> kConfig;
extern llvm::cl::opt<std::string> kConfigFile;
extern llvm::cl::opt<bool> kDumpConfig;
extern llvm::cl::opt<bool> kExplainConfig;
extern llvm::cl::opt<bool> kUseColor;
extern llvm::cl::opt<bool> kFix;
extern llvm::cl::opt<bool> kFixErrors;
extern llvm::cl::opt<std::string> kExportFixes;
extern llvm::cl::opt<bool> kListChecks;
extern llvm::cl::opt<bool> kQuiet;

// lockstep's options.
extern llvm::cl::opt<std::string> kFormat;
extern llvm::cl::opt<std::string> kSarifSourceRoot;
extern llvm::cl::opt<bool> kSuggestAnnotations;
extern llvm::cl::opt<std::string> kExportSummary;
extern llvm::cl::list<std::string> kImportSummaries;
extern llvm::cl::opt<bool> kPerFile;
extern llvm::cl::opt<unsigned> kJobs;

// The overview that --help prints first.
extern const char kOverview[];

}  // namespace lockstep::lint::flags

#endif  // LOCKSTEP_LINT_TOOL_FLAGS_H_
