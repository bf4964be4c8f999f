#include "lint/tool/sarif_writer.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace lockstep::lint {
namespace {

// file:// URI of an absolute path, with characters outside RFC 3986's
// unreserved set and '/' percent-encoded.
std::string FileUri(const std::string& path) {
  std::string uri = "file://";
  for (unsigned char c : path) {
    if (llvm::isAlnum(c) || c == '/' || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += "%" + llvm::utohexstr(c, /*LowerCase=*/false, /*Width=*/2);
    }
  }
  return uri;
}

// Turns byte offsets into 1-based lines and columns, reading each file once.
class LineIndex {
 public:
  // Returns false when the file cannot be read.
  bool Locate(const std::string& path, unsigned offset, int* line,
              int* column) {
    auto [it, inserted] = files_.try_emplace(path);
    if (inserted) {
      llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
          llvm::MemoryBuffer::getFile(path);
      if (buffer) it->second = std::move(*buffer);
    }
    if (it->second == nullptr) return false;
    llvm::StringRef text = it->second->getBuffer();
    if (offset > text.size()) return false;
    llvm::StringRef before = text.take_front(offset);
    *line = static_cast<int>(before.count('\n')) + 1;
    size_t line_start = before.rfind('\n');
    *column = static_cast<int>(
        line_start == llvm::StringRef::npos ? offset + 1 : offset - line_start);
    return true;
  }

 private:
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> files_;
};

llvm::json::Object PhysicalLocation(const clang::tooling::DiagnosticMessage& m,
                                    LineIndex& lines) {
  llvm::json::Object artifact{{"uri", FileUri(m.FilePath)}};
  llvm::json::Object physical{{"artifactLocation", std::move(artifact)}};
  int line = 0;
  int column = 0;
  if (lines.Locate(m.FilePath, m.FileOffset, &line, &column)) {
    physical["region"] =
        llvm::json::Object{{"startLine", line}, {"startColumn", column}};
  }
  return physical;
}

const char* Level(const clang::tidy::ClangTidyError& error) {
  if (error.DiagLevel == clang::tooling::Diagnostic::Error ||
      error.IsWarningAsError) {
    return "error";
  }
  if (error.DiagLevel == clang::tooling::Diagnostic::Remark) return "note";
  return "warning";
}

llvm::json::Array Fixes(const clang::tooling::DiagnosticMessage& message) {
  llvm::json::Array fixes;
  for (const auto& file : message.Fix) {
    llvm::json::Array replacements;
    for (const clang::tooling::Replacement& replacement : file.getValue()) {
      replacements.push_back(llvm::json::Object{
          {"deletedRegion",
           llvm::json::Object{{"byteOffset", replacement.getOffset()},
                              {"byteLength", replacement.getLength()}}},
          {"insertedContent",
           llvm::json::Object{{"text", replacement.getReplacementText()}}}});
    }
    if (replacements.empty()) continue;
    llvm::json::Array changes;
    changes.push_back(llvm::json::Object{
        {"artifactLocation",
         llvm::json::Object{{"uri", FileUri(file.getKey().str())}}},
        {"replacements", std::move(replacements)}});
    fixes.push_back(llvm::json::Object{
        {"description", llvm::json::Object{{"text", message.Message}}},
        {"artifactChanges", std::move(changes)}});
  }
  return fixes;
}

}  // namespace

llvm::json::Value SarifLog(
    const std::vector<SarifRule>& rules,
    const std::vector<clang::tidy::ClangTidyError>& errors,
    bool execution_successful) {
  std::vector<SarifRule> all_rules = rules;
  std::map<std::string, int> rule_index;
  for (size_t i = 0; i < all_rules.size(); ++i)
    rule_index[all_rules[i].id] = static_cast<int>(i);

  LineIndex lines;
  llvm::json::Array results;
  for (const clang::tidy::ClangTidyError& error : errors) {
    // Compiler diagnostics get a rule of their own on first sight.
    if (rule_index.count(error.DiagnosticName) == 0) {
      rule_index[error.DiagnosticName] = static_cast<int>(all_rules.size());
      all_rules.push_back({error.DiagnosticName, "A compiler diagnostic."});
    }
    llvm::json::Object result{
        {"ruleId", error.DiagnosticName},
        {"ruleIndex", rule_index[error.DiagnosticName]},
        {"level", Level(error)},
        {"message", llvm::json::Object{{"text", error.Message.Message}}},
    };
    if (!error.Message.FilePath.empty()) {
      llvm::json::Array locations;
      locations.push_back(llvm::json::Object{
          {"physicalLocation", PhysicalLocation(error.Message, lines)}});
      result["locations"] = std::move(locations);
    }
    llvm::json::Array related;
    int id = 0;
    for (const clang::tooling::DiagnosticMessage& note : error.Notes) {
      llvm::json::Object location{
          {"id", id++},
          {"message", llvm::json::Object{{"text", note.Message}}}};
      if (!note.FilePath.empty())
        location["physicalLocation"] = PhysicalLocation(note, lines);
      related.push_back(std::move(location));
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    llvm::json::Array fixes = Fixes(error.Message);
    if (!fixes.empty()) result["fixes"] = std::move(fixes);
    results.push_back(std::move(result));
  }

  llvm::json::Array rule_objects;
  for (const SarifRule& rule : all_rules) {
    rule_objects.push_back(llvm::json::Object{
        {"id", rule.id},
        {"shortDescription", llvm::json::Object{{"text", rule.description}}}});
  }
  llvm::json::Object driver{{"name", "concurrency-lint"},
                            {"rules", std::move(rule_objects)}};
  llvm::json::Array invocations;
  invocations.push_back(
      llvm::json::Object{{"executionSuccessful", execution_successful}});
  llvm::json::Array runs;
  runs.push_back(llvm::json::Object{
      {"tool", llvm::json::Object{{"driver", std::move(driver)}}},
      {"invocations", std::move(invocations)},
      {"results", std::move(results)}});
  return llvm::json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", std::move(runs)}};
}

}  // namespace lockstep::lint
