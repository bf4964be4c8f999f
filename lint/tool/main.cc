// concurrency-lint: lockstep's concurrency checks with clang-tidy's command
// line and behaviour, so that clang-tidy's tooling (run-clang-tidy,
// clang-tidy-diff) can drive it in clang-tidy's place.
//
//   concurrency-lint [options] FILE... [-- COMPILER FLAGS]
//   concurrency-lint -p BUILD_DIR [-j N] FILE...
//
// It reads .clang-tidy files, honours NOLINT / NOLINTNEXTLINE(check), and
// by default enables only lockstep's checks. Exit status: 0 when every file
// was analysed (findings are warnings), 1 when a file could not be analysed
// (missing, unreadable, no compile command, does not compile), when no check
// is enabled, or when a finding is promoted by --warnings-as-errors.
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "lint/analysis/access_summary.h"
#include "lint/tool/finding_order.h"
#include "lint/tool/flags.h"
#include "lint/tool/gcc_flags.h"
#include "lint/tool/input_files.h"
#include "lint/tool/one_finding_per_line.h"
#include "lint/tool/parallel_run.h"
#include "lint/tool/print_error.h"
#include "lint/tool/resource_dir_compilations.h"
#include "lint/tool/rule_help.h"
#include "lint/tool/sarif_writer.h"
#include "lint/tool/tidy_options.h"
#include "lint/tool/version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace {

namespace cl = llvm::cl;
namespace flags = lockstep::lint::flags;
using clang::tidy::ClangTidyError;
using lockstep::lint::PrintError;

// The directory given with -p, if any. CommonOptionsParser quietly runs
// without flags when it cannot load that database; an explicit -p that does
// not load is an error here.
std::optional<std::string> BuildPathArgument(int argc, const char** argv) {
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg(argv[i]);
    if (arg == "--") break;
    if ((arg == "-p" || arg == "--p") && i + 1 < argc)
      return std::string(argv[i + 1]);
    if (arg.consume_front("-p=") || arg.consume_front("--p=")) return arg.str();
  }
  return std::nullopt;
}

std::string CurrentDirectory() {
  llvm::SmallString<256> cwd;
  llvm::sys::fs::current_path(cwd);
  return std::string(cwd);
}

// Runs `print` with standard output sent to standard error, so that
// clang-tidy's text report does not mix into a machine-readable one.
template <typename Print>
void WithStdoutOnStderr(const Print& print) {
  llvm::outs().flush();
  int saved = dup(STDOUT_FILENO);
  dup2(STDERR_FILENO, STDOUT_FILENO);
  print();
  llvm::outs().flush();
  dup2(saved, STDOUT_FILENO);
  close(saved);
}

// The files to parse, each once, in order.
std::vector<std::string> Unique(const std::vector<std::string>& files) {
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const std::string& file : files) {
    if (seen.insert(file).second) unique.push_back(file);
  }
  return unique;
}

// The line filter of a run over sources that stand in for headers: the
// headers only, on the lines --line-filter gives them (all lines if none).
// clang names a header by its include directory and the include's
// spelling, so the spelling is the name matched (as a suffix).
std::vector<clang::tidy::FileFilter> HeaderLineFilter(
    const std::vector<lockstep::lint::LintInput>& headers) {
  std::vector<clang::tidy::FileFilter> user;
  lockstep::lint::ParseLineFilterFlag(&user);
  std::vector<clang::tidy::FileFilter> filter;
  for (const lockstep::lint::LintInput& header : headers) {
    bool named = false;
    for (const clang::tidy::FileFilter& entry : user) {
      if (llvm::StringRef(header.path).endswith(entry.Name)) {
        filter.push_back({header.spelling, entry.LineRanges});
        named = true;
      }
    }
    if (!named && user.empty()) filter.push_back({header.spelling, {}});
  }
  // An empty filter would report everything: name a file that is no input.
  if (filter.empty()) filter.push_back({"\n", {{0, 0}}});
  return filter;
}

void PrintVersion(llvm::raw_ostream& out) {
  out << "concurrency-lint " << lockstep::lint::kLintVersion
      << " (lockstep; clang-tidy " LLVM_VERSION_STRING " libraries)\n";
}

// A dummy address inside this executable for getMainExecutable.
void Anchor() {}

}  // namespace

int main(int argc, const char** argv) {
  cl::SetVersionPrinter(PrintVersion);
  if (std::optional<std::string> build_path = BuildPathArgument(argc, argv)) {
    std::string error;
    if (clang::tooling::CompilationDatabase::autoDetectFromDirectory(
            *build_path, error) == nullptr) {
      PrintError("cannot load the compilation database in '" + *build_path +
                 "': " + error);
      return 1;
    }
  }
  llvm::Expected<clang::tooling::CommonOptionsParser> parser =
      clang::tooling::CommonOptionsParser::create(
          argc, argv, flags::kCategory, cl::ZeroOrMore, flags::kOverview);
  if (!parser) {
    // llvm::cl's messages already start with the program's name.
    std::string message = llvm::toString(parser.takeError());
    llvm::errs() << message
                 << (llvm::StringRef(message).endswith("\n") ? "" : "\n");
    return 1;
  }

  if (flags::kFormat != "text" && flags::kFormat != "sarif") {
    PrintError("unknown --format '" + flags::kFormat +
               "' (expected text or sarif)");
    return 1;
  }
  bool sarif = flags::kFormat == "sarif";

  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> file_system(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> options_provider =
      lockstep::lint::MakeOptionsProvider(file_system);
  if (options_provider == nullptr) return 1;

  const std::vector<std::string>& inputs = parser->getSourcePathList();
  // As in clang-tidy, the first file's configuration answers the questions
  // about configuration ("-" is run-clang-tidy's "no file").
  std::string config_file = CurrentDirectory() + "/dummy.cc";
  if (!inputs.empty() && inputs.front() != "-") {
    llvm::SmallString<256> absolute(inputs.front());
    llvm::sys::fs::make_absolute(absolute);
    config_file = std::string(absolute);
  }
  std::vector<std::string> enabled =
      lockstep::lint::EnabledChecks(*options_provider, config_file);
  if (flags::kListChecks) {
    if (enabled.empty()) {
      llvm::errs() << "Error: no checks enabled.\n";
      return 1;
    }
    llvm::outs() << "Enabled checks:\n";
    for (const std::string& name : enabled)
      llvm::outs() << "    " << name << "\n";
    return 0;
  }
  if (flags::kExplainConfig) {
    llvm::outs() << lockstep::lint::ExplainConfig(*options_provider,
                                                  config_file);
    return 0;
  }
  if (flags::kDumpConfig) {
    llvm::outs() << lockstep::lint::DumpConfig(*options_provider, config_file)
                 << "\n";
    return 0;
  }
  if (enabled.empty()) {
    llvm::errs() << "Error: no checks enabled.\n";
    return 1;
  }
  if (inputs.empty()) {
    PrintError(
        "no input files (usage: concurrency-lint [options] FILE... [-- "
        "FLAGS])");
    return 1;
  }

  std::string resource_dir = lockstep::lint::FindClangResourceDir();
  if (resource_dir.empty()) {
    PrintError("clang-14's builtin headers are missing; run tools/setup");
    return 1;
  }
  lockstep::lint::ClangKnownArgsCompilations known_args(
      parser->getCompilations());
  lockstep::lint::ResourceDirCompilations compilations(known_args,
                                                       resource_dir);

  std::vector<lockstep::lint::SarifNotification> notifications;
  std::vector<lockstep::lint::LintInput> analysable;
  for (const std::string& input : inputs) {
    std::string reason;
    std::optional<lockstep::lint::LintInput> resolved =
        lockstep::lint::ResolveInput(input, compilations, &reason);
    if (resolved) {
      analysable.push_back(*resolved);
    } else {
      PrintError(reason);
      llvm::SmallString<256> absolute(input);
      llvm::sys::fs::make_absolute(absolute);
      notifications.push_back({std::string(absolute), reason});
    }
  }
  bool input_failed = !notifications.empty();
  std::vector<std::string> sources;  // parsed for findings in themselves
  std::vector<lockstep::lint::LintInput> headers;  // through an includer
  std::vector<std::string> all_units;
  for (const lockstep::lint::LintInput& input : analysable) {
    if (input.compile_as.empty()) {
      sources.push_back(input.path);
    } else {
      headers.push_back(input);
    }
    all_units.push_back(input.unit());
  }
  all_units = Unique(all_units);
  std::vector<std::string> header_units;
  for (const lockstep::lint::LintInput& header : headers) {
    if (std::find(sources.begin(), sources.end(), header.compile_as) ==
        sources.end())
      header_units.push_back(header.compile_as);
  }
  header_units = Unique(header_units);

  lockstep::lint::AccessSummary& summary =
      lockstep::lint::AccessSummary::Global();
  for (const std::string& path : flags::kImportSummaries) {
    std::string error;
    if (!summary.Load(path, &error)) {
      PrintError(error);
      return 1;
    }
  }
  if (!flags::kExportSummary.empty()) {
    // Summarize only: the diagnostics come from the run that imports it.
    summary.set_recording(true);
    clang::tidy::ClangTidyContext summary_context(
        std::move(options_provider),
        /*AllowEnablingAnalyzerAlphaCheckers=*/false);
    std::vector<ClangTidyError> summary_errors;
    if (!all_units.empty()) {
      summary_errors = clang::tidy::runClangTidy(summary_context, compilations,
                                                 all_units, file_system,
                                                 /*ApplyAnyFix=*/false);
    }
    std::string error;
    if (!summary.Save(flags::kExportSummary, &error)) {
      PrintError(error);
      return 1;
    }
    for (const ClangTidyError& e : summary_errors) {
      if (e.DiagLevel == ClangTidyError::Error) {
        PrintError("'" + e.Message.FilePath +
                   "' does not compile: " + e.Message.Message);
        return 1;
      }
    }
    return input_failed ? 1 : 0;
  }

  std::vector<ClangTidyError> errors;
  clang::tidy::ClangTidyContext context(
      std::move(options_provider),
      /*AllowEnablingAnalyzerAlphaCheckers=*/false);
  bool parallel = flags::kJobs > 1 && analysable.size() > 1;
  if (parallel) {
    std::vector<lockstep::lint::ParallelInput> jobs;
    for (const lockstep::lint::LintInput& input : analysable)
      jobs.push_back({input.path, input.compile_as});
    std::string self = llvm::sys::fs::getMainExecutable(
        argv[0], reinterpret_cast<void*>(&Anchor));
    lockstep::lint::ParallelResult result;
    std::string error;
    if (!lockstep::lint::RunInParallel(self, jobs, parser->getCompilations(),
                                       flags::kJobs, !flags::kPerFile, &result,
                                       &error)) {
      PrintError(error);
      return 1;
    }
    errors = std::move(result.errors);
    for (const auto& [file, output] : result.failed) {
      PrintError("'" + file + "' could not be analysed:\n" + output);
      notifications.push_back({file,
                               "the lint's process for this file "
                               "failed"});
      input_failed = true;
    }
    // The children knew which findings their configuration promotes; so
    // does the parent, from the same .clang-tidy files.
    for (ClangTidyError& error : errors) {
      if (error.DiagLevel != ClangTidyError::Warning) continue;
      llvm::Optional<std::string> globs =
          context.getOptionsForFile(error.Message.FilePath).WarningsAsErrors;
      error.IsWarningAsError =
          globs && clang::tidy::GlobList(*globs).contains(error.DiagnosticName);
    }
  } else {
    if (all_units.size() > 1 && !flags::kPerFile) {
      // A first pass over every file collects the accesses to header-declared
      // fields, so that each file is judged on the whole class.
      summary.set_recording(true);
      clang::tidy::ClangTidyContext first_pass(
          lockstep::lint::MakeOptionsProvider(file_system),
          /*AllowEnablingAnalyzerAlphaCheckers=*/false);
      clang::tidy::runClangTidy(first_pass, compilations, all_units,
                                file_system, /*ApplyAnyFix=*/false);
      summary.set_recording(false);
      summary.ImportRecorded();
    }
    bool apply_fixes = flags::kFix || flags::kFixErrors;
    if (!sources.empty()) {
      errors = clang::tidy::runClangTidy(context, compilations, sources,
                                         file_system, apply_fixes);
    }
    if (!header_units.empty()) {
      std::vector<clang::tidy::FileFilter> filter = HeaderLineFilter(headers);
      clang::tidy::ClangTidyContext header_context(
          lockstep::lint::MakeOptionsProvider(file_system, &filter),
          /*AllowEnablingAnalyzerAlphaCheckers=*/false);
      for (ClangTidyError& error :
           clang::tidy::runClangTidy(header_context, compilations, header_units,
                                     file_system, apply_fixes))
        errors.push_back(std::move(error));
      lockstep::lint::SortAndDeduplicate(errors);
    }
  }
  lockstep::lint::KeepOneFindingPerLine(errors);
  bool compile_errors = false;
  std::set<std::string> broken_files;
  for (const ClangTidyError& error : errors) {
    if (error.DiagLevel != ClangTidyError::Error) continue;
    compile_errors = true;
    // One without a file (a rejected flag) becomes a notification by itself.
    if (!error.Message.FilePath.empty() &&
        broken_files.insert(error.Message.FilePath).second) {
      notifications.push_back(
          {error.Message.FilePath,
           "does not compile (" + error.Message.Message +
               "); its findings, and those of the files that include it, "
               "may be incomplete"});
    }
  }
  clang::tidy::FixBehaviour fix_behaviour = clang::tidy::FB_NoFix;
  if (flags::kFixErrors || (flags::kFix && !compile_errors))
    fix_behaviour = clang::tidy::FB_Fix;
  unsigned warnings_as_errors = 0;
  auto report = [&] {
    clang::tidy::handleErrors(errors, context, fix_behaviour,
                              warnings_as_errors, file_system);
  };
  if (sarif) {
    WithStdoutOnStderr(report);
    lockstep::lint::SarifRun run;
    for (const std::string& check : enabled)
      run.rules.push_back(lockstep::lint::RuleFor(check));
    llvm::SmallString<256> root(flags::kSarifSourceRoot.empty()
                                    ? CurrentDirectory()
                                    : flags::kSarifSourceRoot.getValue());
    llvm::sys::fs::make_absolute(root);
    llvm::sys::path::remove_dots(root, /*remove_dot_dot=*/true);
    run.source_root = std::string(root);
    run.notifications = notifications;
    run.execution_successful = !input_failed && !compile_errors;
    llvm::outs() << llvm::formatv("{0:2}\n",
                                  lockstep::lint::SarifLog(run, errors));
    llvm::outs().flush();
  } else {
    report();
  }

  if (!flags::kExportFixes.empty()) {
    std::error_code error;
    llvm::raw_fd_ostream out(flags::kExportFixes, error,
                             llvm::sys::fs::OF_None);
    if (error) {
      PrintError("cannot write '" + flags::kExportFixes +
                 "': " + error.message());
      return 1;
    }
    clang::tidy::exportReplacements(
        analysable.empty() ? "" : analysable.front().path, errors, out);
  }

  if (!flags::kQuiet) {
    if (!known_args.dropped().empty()) {
      lockstep::lint::PrintNote(
          "dropped compiler flags that clang does not know: " +
          llvm::join(known_args.dropped(), " "));
    }
    llvm::errs() << errors.size() << " finding(s) in " << analysable.size()
                 << " file(s) analysed";
    if (analysable.size() != inputs.size()) {
      llvm::errs() << ", " << inputs.size() - analysable.size()
                   << " file(s) skipped";
    }
    llvm::errs() << ".\n";
  }
  if (warnings_as_errors > 0) {
    llvm::errs() << warnings_as_errors << " warning(s) treated as error(s).\n";
    return 1;
  }
  if (compile_errors) {
    PrintError("some files did not compile; their findings may be incomplete");
    return 1;
  }
  return input_failed ? 1 : 0;
}
