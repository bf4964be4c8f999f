#include "lint/testing/lint_runner.h"

#include <algorithm>
#include <memory>
#include <set>
#include <sstream>

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "lint/tool/resource_dir_compilations.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kInputPath[] = "/lockstep_test/input.cc";

int LineOfOffset(const std::string& code, unsigned offset) {
  offset = std::min<unsigned>(offset, code.size());
  return 1 + std::count(code.begin(), code.begin() + offset, '\n');
}

int ColumnOfOffset(const std::string& code, unsigned offset) {
  offset = std::min<unsigned>(offset, code.size());
  size_t line_start = code.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start =
      (line_start == std::string::npos || offset == 0) ? 0 : line_start + 1;
  return 1 + static_cast<int>(offset - line_start);
}

}  // namespace

std::vector<Finding> RunLint(
    const std::string& code, const std::string& checks,
    const std::vector<std::string>& extra_args,
    const std::map<std::string, std::string>& check_options) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> file_system(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
  llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> memory(
      new llvm::vfs::InMemoryFileSystem);
  memory->addFile(kInputPath, 0, llvm::MemoryBuffer::getMemBufferCopy(code));
  file_system->pushOverlay(memory);

  std::vector<std::string> args = {"-std=c++17", "-Wno-unused-value"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  clang::tooling::FixedCompilationDatabase fixed("/", args);
  ResourceDirCompilations compilations(fixed, FindClangResourceDir());

  clang::tidy::ClangTidyOptions options =
      clang::tidy::ClangTidyOptions::getDefaults();
  options.Checks = "-*," + checks;
  options.HeaderFilterRegex = ".*";
  for (const auto& [name, value] : check_options)
    options.CheckOptions[name] =
        clang::tidy::ClangTidyOptions::ClangTidyValue(value);
  clang::tidy::ClangTidyContext context(
      std::make_unique<clang::tidy::DefaultOptionsProvider>(
          clang::tidy::ClangTidyGlobalOptions(), options),
      /*AllowEnablingAnalyzerAlphaCheckers=*/false);
  std::vector<clang::tidy::ClangTidyError> errors = clang::tidy::runClangTidy(
      context, compilations, {kInputPath}, file_system, /*ApplyAnyFix=*/false);

  std::vector<Finding> findings;
  for (const clang::tidy::ClangTidyError& error : errors) {
    Finding finding;
    finding.check = error.DiagnosticName;
    finding.message = error.Message.Message;
    if (error.Message.FilePath == kInputPath) {
      finding.line = LineOfOffset(code, error.Message.FileOffset);
      finding.column = ColumnOfOffset(code, error.Message.FileOffset);
    }
    for (const auto& note : error.Notes) {
      finding.notes.push_back(Note{
          note.FilePath == kInputPath ? LineOfOffset(code, note.FileOffset) : 0,
          note.Message});
    }
    findings.push_back(std::move(finding));
  }
  std::stable_sort(
      findings.begin(), findings.end(),
      [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return findings;
}

std::vector<Finding> ThreadSafetyWarningsTheLintMisses(
    const std::string& code, const std::vector<std::string>& extra_args) {
  std::vector<std::string> args = {"-Wthread-safety", "-Wthread-safety-beta"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::vector<Finding> findings =
      RunLint(code, "concurrency-*,clang-diagnostic-thread-safety*", args,
              {{"concurrency-unguarded-field.ReportClangDisagreements", "true"},
               {"concurrency-lock-balance.ReportClangDisagreements", "true"}});
  std::set<int> lint_lines;
  for (const Finding& finding : findings) {
    if (llvm::StringRef(finding.check).startswith("concurrency-"))
      lint_lines.insert(finding.line);
  }
  // A line the author silenced with NOLINT is theirs to keep quiet.
  std::vector<std::string> lines = {""};
  std::istringstream in(code);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  auto silenced = [&](int line) {
    auto has = [&](int n, const char* marker) {
      return n > 0 && n < static_cast<int>(lines.size()) &&
             lines[n].find(marker) != std::string::npos;
    };
    return has(line, "NOLINT") || has(line - 1, "NOLINTNEXTLINE");
  };
  std::vector<Finding> missed;
  for (const Finding& finding : findings) {
    if (llvm::StringRef(finding.check).startswith("clang-diagnostic-") &&
        lint_lines.count(finding.line) == 0 && !silenced(finding.line)) {
      missed.push_back(finding);
    }
  }
  return missed;
}

std::vector<int> MarkedLines(const std::string& code) {
  std::vector<int> lines;
  std::istringstream in(code);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find("// WARN") != std::string::npos) lines.push_back(number);
  }
  return lines;
}

std::vector<int> LinesOf(const std::vector<Finding>& findings) {
  std::vector<int> lines;
  for (const Finding& finding : findings) lines.push_back(finding.line);
  return lines;
}

std::string Describe(const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const Finding& finding : findings) {
    out << "  line " << finding.line << ":" << finding.column << ": "
        << finding.message << " [" << finding.check << "]\n";
    for (const Note& note : finding.notes) {
      out << "    note line " << note.line << ": " << note.message << "\n";
    }
  }
  return out.str();
}

}  // namespace lockstep::lint::testing
