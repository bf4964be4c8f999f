#include "lint/tool/tidy_options.h"

#include <utility>

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "lint/module/check_names.h"
#include "lint/tool/flags.h"
#include "lint/tool/print_error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace lockstep::lint {
namespace {

using clang::tidy::ClangTidyOptions;

ClangTidyOptions Defaults() {
  ClangTidyOptions defaults = ClangTidyOptions::getDefaults();
  defaults.Checks = kDefaultChecks;
  defaults.HeaderFilterRegex = ".*";
  defaults.SystemHeaders = false;
  defaults.WarningsAsErrors = "";
  return defaults;
}

ClangTidyOptions Overrides() {
  ClangTidyOptions overrides;
  if (flags::kChecks.getNumOccurrences() > 0) overrides.Checks = flags::kChecks;
  if (flags::kWarningsAsErrors.getNumOccurrences() > 0)
    overrides.WarningsAsErrors = flags::kWarningsAsErrors;
  if (flags::kHeaderFilter.getNumOccurrences() > 0)
    overrides.HeaderFilterRegex = flags::kHeaderFilter;
  if (flags::kSystemHeaders.getNumOccurrences() > 0)
    overrides.SystemHeaders = flags::kSystemHeaders;
  // Unset, clang decides by whether standard output is a terminal.
  if (flags::kUseColor.getNumOccurrences() > 0)
    overrides.UseColor = flags::kUseColor;
  if (flags::kSuggestAnnotations) {
    overrides.CheckOptions["concurrency-unguarded-field.SuggestAnnotations"] =
        ClangTidyOptions::ClangTidyValue("true");
  }
  return overrides;
}

// The text of --config or of the --config-file, if one was given.
bool ConfigText(std::string* text, std::string* source, bool* given) {
  *given = false;
  if (flags::kConfig.getNumOccurrences() > 0 &&
      flags::kConfigFile.getNumOccurrences() > 0) {
    PrintError("--config and --config-file cannot be combined");
    return false;
  }
  if (flags::kConfig.getNumOccurrences() > 0) {
    *text = flags::kConfig;
    *source = "--config";
    *given = true;
    return true;
  }
  if (flags::kConfigFile.getNumOccurrences() > 0) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> contents =
        llvm::MemoryBuffer::getFile(flags::kConfigFile);
    if (!contents) {
      PrintError("cannot read --config-file '" + flags::kConfigFile +
                 "': " + contents.getError().message());
      return false;
    }
    *text = (*contents)->getBuffer().str();
    *source = "--config-file '" + flags::kConfigFile + "'";
    *given = true;
  }
  return true;
}

}  // namespace

bool ParseLineFilterFlag(std::vector<clang::tidy::FileFilter>* filter) {
  filter->clear();
  if (flags::kLineFilter.empty()) return true;
  clang::tidy::ClangTidyGlobalOptions global;
  if (std::error_code error =
          clang::tidy::parseLineFilter(flags::kLineFilter, global)) {
    PrintError("invalid --line-filter: " + error.message() +
               " (expected JSON such as "
               "[{\"name\":\"file.cc\",\"lines\":[[1,3]]}])");
    return false;
  }
  *filter = std::move(global.LineFilter);
  return true;
}

std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> MakeOptionsProvider(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> file_system,
    const std::vector<clang::tidy::FileFilter>* line_filter) {
  clang::tidy::ClangTidyGlobalOptions global;
  if (line_filter != nullptr) {
    global.LineFilter = *line_filter;
  } else if (!ParseLineFilterFlag(&global.LineFilter)) {
    return nullptr;
  }
  std::string text;
  std::string source;
  bool given = false;
  if (!ConfigText(&text, &source, &given)) return nullptr;
  if (given) {
    llvm::ErrorOr<ClangTidyOptions> parsed =
        clang::tidy::parseConfiguration(llvm::MemoryBufferRef(text, source));
    if (!parsed) {
      PrintError("invalid " + source + ": " + parsed.getError().message());
      return nullptr;
    }
    return std::make_unique<clang::tidy::ConfigOptionsProvider>(
        std::move(global), Defaults(), std::move(*parsed), Overrides());
  }
  return std::make_unique<clang::tidy::FileOptionsProvider>(
      std::move(global), Defaults(), Overrides(), std::move(file_system));
}

std::vector<std::string> EnabledChecks(
    clang::tidy::ClangTidyOptionsProvider& provider, const std::string& file) {
  return clang::tidy::getCheckNames(
      provider.getOptions(file),
      /*AllowEnablingAnalyzerAlphaCheckers=*/false);
}

std::string DumpConfig(clang::tidy::ClangTidyOptionsProvider& provider,
                       const std::string& file) {
  ClangTidyOptions options = provider.getOptions(file);
  options.CheckOptions = clang::tidy::getCheckOptions(
      options, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
  return clang::tidy::configurationAsText(
      ClangTidyOptions::getDefaults().merge(options, 0));
}

std::string ExplainConfig(clang::tidy::ClangTidyOptionsProvider& provider,
                          const std::string& file) {
  std::vector<clang::tidy::ClangTidyOptionsProvider::OptionsSource> sources =
      provider.getRawOptions(file);
  std::string text;
  llvm::raw_string_ostream out(text);
  for (const std::string& check : EnabledChecks(provider, file)) {
    // The last source that mentions the check decides, as in clang-tidy.
    for (auto it = sources.rbegin(); it != sources.rend(); ++it) {
      if (it->first.Checks &&
          clang::tidy::GlobList(*it->first.Checks).contains(check)) {
        out << "'" << check << "' is enabled in the " << it->second << ".\n";
        break;
      }
    }
  }
  return out.str();
}

}  // namespace lockstep::lint
