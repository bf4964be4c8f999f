// concurrency-lint: lockstep's concurrency checks with clang-tidy's command
// line and behaviour.
//
//   concurrency-lint [options] FILE... [-- COMPILER FLAGS]
//   concurrency-lint -p BUILD_DIR FILE...
//
// It reads .clang-tidy files, honours NOLINT / NOLINTNEXTLINE(check), and
// by default enables only lockstep's checks. Exit status: 0 when every file
// was analysed (findings are warnings), 1 when a file could not be analysed
// (missing, unreadable, no compile command, does not compile) or when a
// finding is promoted by --warnings-as-errors.
#include <unistd.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "lint/analysis/access_summary.h"
#include "lint/module/check_names.h"
#include "lint/tool/one_finding_per_line.h"
#include "lint/tool/resource_dir_compilations.h"
#include "lint/tool/sarif_writer.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace {

namespace cl = llvm::cl;
using clang::tidy::ClangTidyOptions;

cl::OptionCategory kCategory("concurrency-lint options");

// cl::desc keeps a StringRef, so the text must outlive the option.
const std::string* const kChecksHelp = new std::string(
    std::string("Comma-separated globs of checks to enable (prefix '-' to "
                "disable),\nadded after the default and .clang-tidy settings. "
                "The default\nenables lockstep's checks: ") +
    lockstep::lint::kDefaultChecks);
cl::opt<std::string> kChecks("checks", cl::desc(*kChecksHelp), cl::init(""),
                             cl::cat(kCategory));
cl::opt<std::string> kWarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Checks whose findings are errors (make the exit status 1)."),
    cl::init(""), cl::cat(kCategory));
cl::opt<std::string> kHeaderFilter(
    "header-filter",
    cl::desc("Regex of headers whose findings are shown. Default: all project\n"
             "headers (system headers and third_party/ never are)."),
    cl::init(""), cl::cat(kCategory));
cl::opt<bool> kSystemHeaders("system-headers",
                             cl::desc("Also show findings in system headers."),
                             cl::init(false), cl::cat(kCategory));
cl::opt<std::string> kConfig(
    "config",
    cl::desc("Configuration in YAML/JSON, like a .clang-tidy file's contents;\n"
             "when given, .clang-tidy files are not read."),
    cl::init(""), cl::cat(kCategory));
cl::opt<bool> kFix("fix", cl::desc("Apply suggested fixes."), cl::init(false),
                   cl::cat(kCategory));
cl::opt<bool> kFixErrors(
    "fix-errors", cl::desc("Apply fixes even when compiler errors occurred."),
    cl::init(false), cl::cat(kCategory));
cl::opt<std::string> kExportFixes(
    "export-fixes",
    cl::desc("YAML file to store suggested fixes in (clang-apply-replacements\n"
             "format)."),
    cl::value_desc("filename"), cl::cat(kCategory));
cl::opt<bool> kListChecks("list-checks",
                          cl::desc("List the enabled checks and exit."),
                          cl::init(false), cl::cat(kCategory));
cl::opt<std::string> kFormat(
    "format",
    cl::desc("Output format: 'text' (clang-tidy's, the default) or 'sarif'\n"
             "(SARIF 2.1.0 on standard output; the text goes to standard\n"
             "error)."),
    cl::init("text"), cl::cat(kCategory));
cl::opt<bool> kSuggestAnnotations(
    "suggest-annotations",
    cl::desc("Report fields whose inferred guard every access holds, with a\n"
             "fix-it adding ABSL_GUARDED_BY (or the file's GUARDED_BY\n"
             "spelling); with --fix, inferred rules become annotations that\n"
             "clang's -Wthread-safety enforces."),
    cl::init(false), cl::cat(kCategory));
cl::opt<std::string> kExportSummary(
    "export-summary",
    cl::desc("Write the files' accesses to header-declared fields to this\n"
             "file and report nothing (the first half of a merged run)."),
    cl::value_desc("filename"), cl::init(""), cl::cat(kCategory));
cl::list<std::string> kImportSummaries(
    "import-summaries",
    cl::desc("Summaries written by --export-summary for the other files of\n"
             "the run; their accesses count when a guard is inferred."),
    cl::value_desc("filename,..."), cl::CommaSeparated, cl::cat(kCategory));
cl::opt<bool> kPerFile(
    "per-file",
    cl::desc("With several files, judge each on its own instead of merging\n"
             "the accesses of all of them first."),
    cl::init(false), cl::cat(kCategory));
cl::opt<bool> kQuiet("quiet", cl::desc("Do not print statistics."),
                     cl::init(false), cl::cat(kCategory));

void PrintError(const llvm::Twine& message) {
  llvm::errs() << "concurrency-lint: error: " << message << "\n";
}

std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> MakeOptionsProvider(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> file_system) {
  clang::tidy::ClangTidyGlobalOptions global;
  ClangTidyOptions defaults = ClangTidyOptions::getDefaults();
  defaults.Checks = lockstep::lint::kDefaultChecks;
  defaults.HeaderFilterRegex = ".*";
  defaults.SystemHeaders = false;
  defaults.WarningsAsErrors = "";

  ClangTidyOptions overrides;
  if (kChecks.getNumOccurrences() > 0) overrides.Checks = kChecks;
  if (kWarningsAsErrors.getNumOccurrences() > 0) {
    overrides.WarningsAsErrors = kWarningsAsErrors;
  }
  if (kHeaderFilter.getNumOccurrences() > 0)
    overrides.HeaderFilterRegex = kHeaderFilter;
  if (kSystemHeaders.getNumOccurrences() > 0)
    overrides.SystemHeaders = kSystemHeaders;
  if (kSuggestAnnotations) {
    overrides.CheckOptions["concurrency-unguarded-field.SuggestAnnotations"] =
        clang::tidy::ClangTidyOptions::ClangTidyValue("true");
  }

  if (kConfig.getNumOccurrences() > 0) {
    llvm::ErrorOr<ClangTidyOptions> parsed = clang::tidy::parseConfiguration(
        llvm::MemoryBufferRef(kConfig, "--config"));
    if (!parsed) {
      PrintError("invalid --config: " + parsed.getError().message());
      return nullptr;
    }
    return std::make_unique<clang::tidy::ConfigOptionsProvider>(
        std::move(global), std::move(defaults), std::move(*parsed),
        std::move(overrides));
  }
  return std::make_unique<clang::tidy::FileOptionsProvider>(
      std::move(global), std::move(defaults), std::move(overrides),
      file_system);
}

// Checks that a file exists, is readable and has a real compile command;
// prints the reason and returns false otherwise.
bool IsAnalysable(const std::string& path, const std::string& absolute_path,
                  const clang::tooling::CompilationDatabase& compilations) {
  if (!llvm::sys::fs::exists(path)) {
    PrintError("cannot open '" + path + "': no such file");
    return false;
  }
  if (llvm::sys::fs::is_directory(path)) {
    PrintError("'" + path + "' is a directory, not a source file");
    return false;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> contents =
      llvm::MemoryBuffer::getFile(path);
  if (!contents) {
    PrintError("cannot read '" + path + "': " + contents.getError().message());
    return false;
  }
  std::vector<clang::tooling::CompileCommand> commands =
      compilations.getCompileCommands(absolute_path);
  if (commands.empty()) {
    PrintError("no compile command for '" + path +
               "' in the compilation database");
    return false;
  }
  if (!commands.front().Heuristic.empty()) {
    PrintError("no entry for '" + path +
               "' in compile_commands.json (clang would guess one: " +
               commands.front().Heuristic + "); regenerate the database");
    return false;
  }
  return true;
}

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

// The enabled checks as SARIF rules, described where lockstep knows them.
std::vector<lockstep::lint::SarifRule> EnabledRules(
    const ClangTidyOptions& options) {
  std::vector<lockstep::lint::SarifRule> rules;
  for (const std::string& name : clang::tidy::getCheckNames(
           options, /*AllowEnablingAnalyzerAlphaCheckers=*/false)) {
    std::string description = "A clang-tidy check.";
    for (const auto& known : lockstep::lint::kCheckDescriptions) {
      if (name == known.name) description = known.description;
    }
    rules.push_back({name, description});
  }
  return rules;
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

}  // namespace

int main(int argc, const char** argv) {
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
          argc, argv, kCategory, cl::ZeroOrMore,
          "Finds concurrency bugs: fields accessed without the mutex that "
          "guards "
          "them, unsynchronized lazy initialization.\n");
  if (!parser) {
    llvm::errs() << "concurrency-lint: " << llvm::toString(parser.takeError())
                 << "\n";
    return 1;
  }

  if (kFormat != "text" && kFormat != "sarif") {
    PrintError("unknown --format '" + kFormat + "' (expected text or sarif)");
    return 1;
  }
  bool sarif = kFormat == "sarif";

  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> file_system(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> options_provider =
      MakeOptionsProvider(file_system);
  if (options_provider == nullptr) return 1;

  const std::vector<std::string>& inputs = parser->getSourcePathList();

  if (kListChecks) {
    llvm::SmallString<256> cwd;
    llvm::sys::fs::current_path(cwd);
    std::string file =
        inputs.empty() ? std::string(cwd) + "/dummy.cc" : inputs.front();
    std::vector<std::string> names = clang::tidy::getCheckNames(
        options_provider->getOptions(file),
        /*AllowEnablingAnalyzerAlphaCheckers=*/false);
    llvm::outs() << "Enabled checks:\n";
    for (const std::string& name : names)
      llvm::outs() << "    " << name << "\n";
    return 0;
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
  lockstep::lint::ResourceDirCompilations compilations(
      parser->getCompilations(), resource_dir);

  bool input_failed = false;
  std::vector<std::string> analysable;
  for (const std::string& input : inputs) {
    // compile_commands.json entries are matched by absolute path.
    llvm::SmallString<256> absolute(input);
    llvm::sys::fs::make_absolute(absolute);
    llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);
    if (IsAnalysable(input, std::string(absolute), compilations)) {
      analysable.push_back(std::string(absolute));
    } else {
      input_failed = true;
    }
  }

  lockstep::lint::AccessSummary& summary =
      lockstep::lint::AccessSummary::Global();
  for (const std::string& path : kImportSummaries) {
    std::string error;
    if (!summary.Load(path, &error)) {
      PrintError(error);
      return 1;
    }
  }
  if (!kExportSummary.empty()) {
    // Summarize only: the diagnostics come from the run that imports it.
    summary.set_recording(true);
    clang::tidy::ClangTidyContext summary_context(
        std::move(options_provider),
        /*AllowEnablingAnalyzerAlphaCheckers=*/false);
    std::vector<clang::tidy::ClangTidyError> summary_errors;
    if (!analysable.empty()) {
      summary_errors = clang::tidy::runClangTidy(summary_context, compilations,
                                                 analysable, file_system,
                                                 /*ApplyAnyFix=*/false);
    }
    std::string error;
    if (!summary.Save(kExportSummary, &error)) {
      PrintError(error);
      return 1;
    }
    for (const clang::tidy::ClangTidyError& e : summary_errors) {
      if (e.DiagLevel == clang::tidy::ClangTidyError::Error) {
        PrintError("'" + e.Message.FilePath +
                   "' does not compile: " + e.Message.Message);
        return 1;
      }
    }
    return input_failed ? 1 : 0;
  }
  if (analysable.size() > 1 && !kPerFile) {
    // A first pass over every file collects the accesses to header-declared
    // fields, so that each file is judged on the whole class.
    summary.set_recording(true);
    std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> first_pass_options =
        MakeOptionsProvider(file_system);
    clang::tidy::ClangTidyContext first_pass(
        std::move(first_pass_options),
        /*AllowEnablingAnalyzerAlphaCheckers=*/false);
    clang::tidy::runClangTidy(first_pass, compilations, analysable, file_system,
                              /*ApplyAnyFix=*/false);
    summary.set_recording(false);
    summary.ImportRecorded();
  }

  std::vector<clang::tidy::ClangTidyError> errors;
  clang::tidy::ClangTidyContext context(
      std::move(options_provider),
      /*AllowEnablingAnalyzerAlphaCheckers=*/false);
  if (!analysable.empty()) {
    errors = clang::tidy::runClangTidy(context, compilations, analysable,
                                       file_system,
                                       /*ApplyAnyFix=*/kFix || kFixErrors);
  }
  lockstep::lint::KeepOneFindingPerLine(errors);
  bool compile_errors = false;
  for (const clang::tidy::ClangTidyError& error : errors) {
    if (error.DiagLevel == clang::tidy::ClangTidyError::Error)
      compile_errors = true;
  }
  clang::tidy::FixBehaviour fix_behaviour = clang::tidy::FB_NoFix;
  if (kFixErrors || (kFix && !compile_errors))
    fix_behaviour = clang::tidy::FB_Fix;
  unsigned warnings_as_errors = 0;
  auto report = [&] {
    clang::tidy::handleErrors(errors, context, fix_behaviour,
                              warnings_as_errors, file_system);
  };
  if (sarif) {
    WithStdoutOnStderr(report);
    std::string first = analysable.empty() ? "" : analysable.front();
    llvm::outs() << llvm::formatv(
        "{0:2}\n",
        lockstep::lint::SarifLog(
            EnabledRules(context.getOptionsForFile(first)), errors,
            /*execution_successful=*/!input_failed && !compile_errors));
    llvm::outs().flush();
  } else {
    report();
  }

  if (!kExportFixes.empty()) {
    std::error_code error;
    llvm::raw_fd_ostream out(kExportFixes, error, llvm::sys::fs::OF_None);
    if (error) {
      PrintError("cannot write '" + kExportFixes + "': " + error.message());
      return 1;
    }
    clang::tidy::exportReplacements(
        analysable.empty() ? "" : analysable.front(), errors, out);
  }

  if (!kQuiet) {
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
