#include "lint/tool/flags.h"

#include <string>

#include "lint/module/check_names.h"

namespace lockstep::lint::flags {

namespace cl = llvm::cl;

cl::OptionCategory kCategory("concurrency-lint options");

namespace {

// cl::desc keeps a StringRef, so the text must outlive the option.
const std::string* const kChecksHelp = new std::string(
    std::string("Comma-separated globs of checks to enable (prefix '-' to "
                "disable),\nadded after the default and .clang-tidy settings. "
                "The default\nenables lockstep's checks: ") +
    kDefaultChecks);

}  // namespace

const char kOverview[] =
    "Finds concurrency bugs with lockstep's seven checks:\n"
    "  concurrency-unguarded-field          a field accessed without the "
    "mutex that\n"
    "                                       guards it (declared or "
    "inferred)\n"
    "  concurrency-lazy-init-race           initialisation on first use "
    "without\n"
    "                                       synchronization\n"
    "  concurrency-closure-captures-mutable a closure run elsewhere touching "
    "state\n"
    "                                       others mutate with no common "
    "lock\n"
    "  concurrency-use-after-close          a resource closed in one method, "
    "used in\n"
    "                                       another, no common lock\n"
    "  concurrency-thread-leak              a std::thread destroyed "
    "unjoined, leaked\n"
    "                                       or never stopped\n"
    "  concurrency-lock-balance             locks taken twice, released "
    "unheld, held\n"
    "                                       on some paths (clang's analysis)\n"
    "  concurrency-process-global-in-test   setenv, chdir, signals, fixed "
    "paths or\n"
    "                                       ports in tests and threads\n"
    "\n"
    "With several files (FILE... or -p DIR FILE..., -j N in parallel) a "
    "class\n"
    "spread over several .cc files is judged on all of its accesses. The\n"
    "clang-tidy plugin (//lint:plugin) runs one process per file and finds\n"
    "nothing across files: use this tool, or the Bazel aspect\n"
    "(//lint:aspect.bzl), for whole-class views. Docs: lint/docs/README.md\n";

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
cl::opt<std::string> kLineFilter(
    "line-filter",
    cl::desc("Report only findings on these lines, as clang-tidy's JSON:\n"
             "  [{\"name\":\"file.cc\",\"lines\":[[9,9],[12,20]]},"
             "{\"name\":\"file.h\"}]\n"
             "A file with no \"lines\" is reported whole; files not named\n"
             "report nothing (clang-tidy-diff passes a change's lines)."),
    cl::init(""), cl::cat(kCategory));
cl::opt<std::string> kConfig(
    "config",
    cl::desc("Configuration in YAML/JSON, like a .clang-tidy file's contents;\n"
             "when given, .clang-tidy files are not read."),
    cl::init(""), cl::cat(kCategory));
cl::opt<std::string> kConfigFile(
    "config-file",
    cl::desc("Read the configuration from this file (a .clang-tidy file's\n"
             "format) instead of looking for .clang-tidy files. Cannot be\n"
             "combined with --config."),
    cl::value_desc("filename"), cl::init(""), cl::cat(kCategory));
cl::opt<bool> kDumpConfig(
    "dump-config",
    cl::desc("Print the configuration that applies to the first file (or\n"
             "the current directory), with every check option, and exit."),
    cl::init(false), cl::cat(kCategory));
cl::opt<bool> kExplainConfig(
    "explain-config",
    cl::desc("For each enabled check, print where it was enabled (the\n"
             "default, a .clang-tidy file, --checks or --config) and exit."),
    cl::init(false), cl::cat(kCategory));
cl::opt<bool> kUseColor(
    "use-color",
    cl::desc("Colour the text report (by default only on a terminal);\n"
             "--use-color=false turns it off."),
    cl::init(false), cl::cat(kCategory));
cl::opt<bool> kFix("fix", cl::desc("Apply suggested fixes."), cl::init(false),
                   cl::cat(kCategory));
cl::opt<bool> kFixErrors(
    "fix-errors", cl::desc("Apply fixes even when compiler errors occurred."),
    cl::init(false), cl::cat(kCategory));
cl::opt<std::string> kExportFixes(
    "export-fixes",
    cl::desc("YAML file to store the findings and their fixes in\n"
             "(clang-apply-replacements format)."),
    cl::value_desc("filename"), cl::cat(kCategory));
cl::opt<bool> kListChecks("list-checks",
                          cl::desc("List the enabled checks and exit."),
                          cl::init(false), cl::cat(kCategory));
cl::opt<bool> kQuiet("quiet",
                     cl::desc("Do not print statistics or notes on dropped "
                              "compiler flags."),
                     cl::init(false), cl::cat(kCategory));

cl::opt<std::string> kFormat(
    "format",
    cl::desc("Output format: 'text' (clang-tidy's, the default) or 'sarif'\n"
             "(SARIF 2.1.0 on standard output; the text goes to standard\n"
             "error)."),
    cl::init("text"), cl::cat(kCategory));
cl::opt<std::string> kSarifSourceRoot(
    "sarif-srcroot",
    cl::desc("Directory that SARIF paths are relative to (the uriBaseId\n"
             "%SRCROOT%). Default: the current directory."),
    cl::value_desc("directory"), cl::init(""), cl::cat(kCategory));
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
cl::opt<unsigned> kJobs(
    "j",
    cl::desc("Lint the files in N processes at once (default 1). The\n"
             "findings are the same as with one: every file is summarized\n"
             "first, then each is checked against all the summaries."),
    cl::value_desc("N"), cl::init(1), cl::cat(kCategory));

}  // namespace lockstep::lint::flags
