#include "lint/tool/parallel_run.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "clang/Tooling/DiagnosticsYaml.h"
#include "lint/tool/finding_order.h"
#include "lint/tool/flags.h"
#include "llvm/ADT/Optional.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

namespace lockstep::lint {
namespace {

struct Child {
  std::vector<std::string> args;  // args[0] is the program
  std::string output;             // standard output and error go here
  int status = -1;                // exit status; -1 when it did not exit
};

// Runs every child, at most `jobs` at a time. Each child is its own process,
// so nothing here is shared with another thread.
void RunAll(const std::string& program, std::vector<Child>& children,
            unsigned jobs) {
  std::map<pid_t, size_t> running;
  size_t next = 0;
  while (next < children.size() || !running.empty()) {
    while (next < children.size() && running.size() < std::max(1u, jobs)) {
      Child& child = children[next];
      std::vector<llvm::StringRef> args(child.args.begin(), child.args.end());
      llvm::Optional<llvm::StringRef> redirects[] = {
          llvm::StringRef(""), llvm::StringRef(child.output),
          llvm::StringRef(child.output)};
      std::string message;
      bool failed = false;
      llvm::sys::ProcessInfo process = llvm::sys::ExecuteNoWait(
          program, args, llvm::None, redirects, 0, &message, &failed);
      if (failed) {
        std::error_code ignored;
        llvm::raw_fd_ostream out(child.output, ignored);
        out << "cannot start " << program << ": " << message << "\n";
      } else {
        running[process.Pid] = next;
      }
      ++next;
    }
    if (running.empty()) continue;
    int status = 0;
    pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break;  // no children left to wait for
    }
    auto it = running.find(pid);
    if (it == running.end()) continue;
    if (WIFEXITED(status)) children[it->second].status = WEXITSTATUS(status);
    running.erase(it);
  }
}

// The command-line options every child inherits: clang-tidy's configuration
// options, so that each file sees the checks and filters the parent sees.
std::vector<std::string> CommonArgs(const std::string& self,
                                    const std::string& database_dir) {
  std::vector<std::string> args = {self, "-p=" + database_dir, "--quiet"};
  auto forward = [&](const llvm::cl::opt<std::string>& flag, const char* name) {
    if (flag.getNumOccurrences() > 0)
      args.push_back(std::string("--") + name + "=" + flag.getValue());
  };
  forward(flags::kWarningsAsErrors, "warnings-as-errors");
  forward(flags::kHeaderFilter, "header-filter");
  forward(flags::kLineFilter, "line-filter");
  forward(flags::kConfig, "config");
  forward(flags::kConfigFile, "config-file");
  if (flags::kSystemHeaders.getNumOccurrences() > 0)
    args.push_back(std::string("--system-headers=") +
                   (flags::kSystemHeaders ? "true" : "false"));
  if (flags::kSuggestAnnotations) args.push_back("--suggest-annotations");
  return args;
}

// A compile_commands.json holding the command of every input, or of the
// source a header is analysed through.
bool WriteDatabase(const std::string& dir,
                   const std::vector<ParallelInput>& inputs,
                   const clang::tooling::CompilationDatabase& compilations,
                   std::string* error) {
  llvm::json::Array entries;
  std::set<std::string> written;
  for (const ParallelInput& input : inputs) {
    const std::string& file =
        input.compile_as.empty() ? input.path : input.compile_as;
    if (!written.insert(file).second) continue;
    for (const clang::tooling::CompileCommand& command :
         compilations.getCompileCommands(file)) {
      llvm::SmallString<256> directory(command.Directory);
      llvm::sys::fs::make_absolute(directory);
      llvm::json::Array arguments;
      for (const std::string& arg : command.CommandLine)
        arguments.push_back(arg);
      entries.push_back(
          llvm::json::Object{{"directory", std::string(directory)},
                             {"file", file},
                             {"arguments", std::move(arguments)}});
    }
  }
  std::string path = dir + "/compile_commands.json";
  std::error_code code;
  llvm::raw_fd_ostream out(path, code);
  if (code) {
    *error = "cannot write '" + path + "': " + code.message();
    return false;
  }
  out << llvm::json::Value(std::move(entries));
  return true;
}

std::string ReadOutput(const std::string& path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> text =
      llvm::MemoryBuffer::getFile(path);
  return text ? (*text)->getBuffer().str() : std::string();
}

// The findings a child exported, or false when it wrote none.
bool ReadFindings(const std::string& path,
                  std::vector<clang::tidy::ClangTidyError>* errors) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> text =
      llvm::MemoryBuffer::getFile(path);
  if (!text) return false;
  clang::tooling::TranslationUnitDiagnostics diagnostics;
  llvm::yaml::Input yaml((*text)->getBuffer());
  yaml >> diagnostics;
  if (yaml.error()) return false;
  for (const clang::tooling::Diagnostic& diagnostic : diagnostics.Diagnostics) {
    clang::tidy::ClangTidyError error(
        diagnostic.DiagnosticName, diagnostic.DiagLevel,
        diagnostic.BuildDirectory, /*IsWarningAsError=*/false);
    static_cast<clang::tooling::Diagnostic&>(error) = diagnostic;
    errors->push_back(std::move(error));
  }
  return true;
}

}  // namespace

bool RunInParallel(const std::string& self,
                   const std::vector<ParallelInput>& inputs,
                   const clang::tooling::CompilationDatabase& compilations,
                   unsigned jobs, bool merge, ParallelResult* result,
                   std::string* error) {
  llvm::SmallString<128> dir;
  if (std::error_code code =
          llvm::sys::fs::createUniqueDirectory("concurrency-lint", dir)) {
    *error = "cannot create a temporary directory: " + code.message();
    return false;
  }
  std::string tmp(dir.str());
  if (!WriteDatabase(tmp, inputs, compilations, error)) return false;
  std::vector<std::string> common = CommonArgs(self, tmp);

  std::vector<std::string> summaries(flags::kImportSummaries.begin(),
                                     flags::kImportSummaries.end());
  if (merge) {
    std::vector<Child> phase1;
    for (size_t i = 0; i < inputs.size(); ++i) {
      Child child{common, tmp + "/summary" + std::to_string(i) + ".out"};
      // The summary needs only the check that records it.
      std::string checks = flags::kChecks.getNumOccurrences() > 0
                               ? flags::kChecks.getValue() + ","
                               : std::string();
      child.args.push_back("--checks=" + checks +
                           "-*,concurrency-unguarded-field");
      child.args.push_back("--export-summary=" + tmp + "/" + std::to_string(i) +
                           ".summary");
      child.args.push_back(inputs[i].path);
      phase1.push_back(std::move(child));
    }
    RunAll(self, phase1, jobs);
    // A file that does not compile still records what it parsed, as in a
    // sequential run; one whose child wrote nothing fails in phase 2.
    for (size_t i = 0; i < inputs.size(); ++i) {
      std::string summary = tmp + "/" + std::to_string(i) + ".summary";
      if (llvm::sys::fs::exists(summary)) summaries.push_back(summary);
    }
  }

  std::string joined;
  for (const std::string& summary : summaries)
    joined += (joined.empty() ? "" : ",") + summary;
  std::vector<Child> phase2;
  for (size_t i = 0; i < inputs.size(); ++i) {
    Child child{common, tmp + "/check" + std::to_string(i) + ".out"};
    if (flags::kChecks.getNumOccurrences() > 0)
      child.args.push_back("--checks=" + flags::kChecks.getValue());
    if (!joined.empty()) child.args.push_back("--import-summaries=" + joined);
    child.args.push_back("--export-fixes=" + tmp + "/" + std::to_string(i) +
                         ".yaml");
    child.args.push_back(inputs[i].path);
    phase2.push_back(std::move(child));
  }
  RunAll(self, phase2, jobs);

  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string findings = tmp + "/" + std::to_string(i) + ".yaml";
    // Exit 1 is a file that did not compile or a promoted finding, both in
    // the findings file; anything else is a crash.
    bool exited = phase2[i].status == 0 || phase2[i].status == 1;
    if (!exited || !ReadFindings(findings, &result->errors)) {
      result->failed.emplace_back(inputs[i].path, ReadOutput(phase2[i].output));
    }
  }
  SortAndDeduplicate(result->errors);
  llvm::sys::fs::remove_directories(tmp);
  return true;
}

}  // namespace lockstep::lint
