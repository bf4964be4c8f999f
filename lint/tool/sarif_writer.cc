#include "lint/tool/sarif_writer.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lint/tool/version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"

namespace lockstep::lint {
namespace {

constexpr char kSourceRootId[] = "%SRCROOT%";

// `path` with characters outside RFC 3986's unreserved set and '/'
// percent-encoded.
std::string EncodePath(llvm::StringRef path) {
  std::string uri;
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
    llvm::StringRef text;
    if (!Text(path, &text) || offset > text.size()) return false;
    llvm::StringRef before = text.take_front(offset);
    *line = static_cast<int>(before.count('\n')) + 1;
    size_t line_start = before.rfind('\n');
    *column = static_cast<int>(
        line_start == llvm::StringRef::npos ? offset + 1 : offset - line_start);
    return true;
  }

  // The text of the line holding `offset`, or empty.
  llvm::StringRef LineAt(const std::string& path, unsigned offset) {
    llvm::StringRef text;
    if (!Text(path, &text) || offset > text.size()) return "";
    size_t start = text.take_front(offset).rfind('\n');
    start = start == llvm::StringRef::npos ? 0 : start + 1;
    return text.drop_front(start).take_until([](char c) { return c == '\n'; });
  }

 private:
  bool Text(const std::string& path, llvm::StringRef* text) {
    auto [it, inserted] = files_.try_emplace(path);
    if (inserted) {
      llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
          llvm::MemoryBuffer::getFile(path);
      if (buffer) it->second = std::move(*buffer);
    }
    if (it->second == nullptr) return false;
    *text = it->second->getBuffer();
    return true;
  }

  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> files_;
};

// clang names a file as the compile command did, relative to its
// directory when the command used a relative path.
std::string AbsolutePath(llvm::StringRef path, llvm::StringRef build_dir) {
  llvm::SmallString<256> absolute(path);
  if (!llvm::sys::path::is_absolute(absolute) && !build_dir.empty()) {
    absolute = build_dir;
    llvm::sys::path::append(absolute, path);
  }
  llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);
  return std::string(absolute);
}

// `error` with every path absolute.
clang::tidy::ClangTidyError WithAbsolutePaths(
    const clang::tidy::ClangTidyError& error) {
  clang::tidy::ClangTidyError copy = error;
  auto fix = [&](clang::tooling::DiagnosticMessage& message) {
    if (message.FilePath.empty()) return;
    message.FilePath = AbsolutePath(message.FilePath, error.BuildDirectory);
    llvm::StringMap<clang::tooling::Replacements> replacements;
    for (auto& file : message.Fix) {
      replacements[AbsolutePath(file.getKey(), error.BuildDirectory)] =
          file.getValue();
    }
    message.Fix = std::move(replacements);
  };
  fix(copy.Message);
  for (clang::tooling::DiagnosticMessage& note : copy.Notes) fix(note);
  return copy;
}

class Writer {
 public:
  explicit Writer(const std::string& source_root) : root_(source_root) {
    if (!root_.empty() && root_.back() != '/') root_ += '/';
  }

  // An artifactLocation: relative to %SRCROOT% when the file is under it.
  llvm::json::Object Artifact(llvm::StringRef path) const {
    if (!root_.empty() && path.startswith(root_)) {
      return llvm::json::Object{
          {"uri", EncodePath(path.drop_front(root_.size()))},
          {"uriBaseId", kSourceRootId}};
    }
    return llvm::json::Object{{"uri", "file://" + EncodePath(path)}};
  }

  std::string Relative(llvm::StringRef path) const {
    return !root_.empty() && path.startswith(root_)
               ? path.drop_front(root_.size()).str()
               : path.str();
  }

  llvm::json::Object Physical(const clang::tooling::DiagnosticMessage& m) {
    llvm::json::Object physical{{"artifactLocation", Artifact(m.FilePath)}};
    int line = 0;
    int column = 0;
    if (lines_.Locate(m.FilePath, m.FileOffset, &line, &column)) {
      physical["region"] =
          llvm::json::Object{{"startLine", line}, {"startColumn", column}};
    }
    return physical;
  }

  // Identity of a finding that survives it moving to another line: the
  // check, the file, the line's text with its spacing normalized, and the
  // names the message quotes (field, function, lock) but not its counts or
  // line numbers. Equal findings in one file are told apart by occurrence.
  std::string Fingerprint(const clang::tidy::ClangTidyError& error) {
    std::string key =
        error.DiagnosticName + '\0' + Relative(error.Message.FilePath) + '\0';
    llvm::SmallVector<llvm::StringRef, 8> words;
    llvm::SplitString(
        lines_.LineAt(error.Message.FilePath, error.Message.FileOffset), words);
    key += llvm::join(words, " ") + '\0';
    llvm::StringRef message = error.Message.Message;
    while (true) {
      size_t open = message.find('\'');
      if (open == llvm::StringRef::npos) break;
      size_t close = message.find('\'', open + 1);
      if (close == llvm::StringRef::npos) break;
      key += message.slice(open + 1, close).str() + '\0';
      message = message.drop_front(close + 1);
    }
    std::array<uint8_t, 20> digest =
        llvm::SHA1::hash(llvm::arrayRefFromStringRef(key));
    std::string hash = llvm::toHex(digest, /*LowerCase=*/true).substr(0, 32);
    return hash + ":" + std::to_string(++occurrences_[hash]);
  }

 private:
  std::string root_;
  LineIndex lines_;
  std::map<std::string, int> occurrences_;
};

const char* Level(const clang::tidy::ClangTidyError& error) {
  if (error.DiagLevel == clang::tooling::Diagnostic::Error ||
      error.IsWarningAsError) {
    return "error";
  }
  if (error.DiagLevel == clang::tooling::Diagnostic::Remark) return "note";
  return "warning";
}

llvm::json::Array Fixes(const clang::tooling::DiagnosticMessage& message,
                        const Writer& writer) {
  llvm::json::Array fixes;
  for (const auto& file : message.Fix) {
    llvm::json::Array replacements;
    for (const clang::tooling::Replacement& replacement : file.getValue()) {
      replacements.push_back(llvm::json::Object{
          {"deletedRegion",
           llvm::json::Object{{"byteOffset", replacement.getOffset()},
                              {"byteLength", replacement.getLength()}}},
          {"insertedContent",
           llvm::json::Object{
               {"text", replacement.getReplacementText().str()}}}});
    }
    if (replacements.empty()) continue;
    llvm::json::Array changes;
    changes.push_back(
        llvm::json::Object{{"artifactLocation", writer.Artifact(file.getKey())},
                           {"replacements", std::move(replacements)}});
    fixes.push_back(llvm::json::Object{
        {"description", llvm::json::Object{{"text", message.Message}}},
        {"artifactChanges", std::move(changes)}});
  }
  return fixes;
}

llvm::json::Object RuleObject(const SarifRule& rule) {
  llvm::json::Object properties;
  if (!rule.tags.empty()) {
    llvm::json::Array tags;
    for (const std::string& tag : rule.tags) tags.push_back(tag);
    properties["tags"] = std::move(tags);
  }
  if (!rule.precision.empty()) properties["precision"] = rule.precision;
  properties["problem.severity"] = "warning";
  llvm::json::Object object{
      {"id", rule.id},
      {"name", rule.id},
      {"shortDescription",
       llvm::json::Object{{"text", rule.short_description}}},
      {"fullDescription",
       llvm::json::Object{{"text", rule.full_description.empty()
                                       ? rule.short_description
                                       : rule.full_description}}},
      {"help", llvm::json::Object{{"text", rule.help_text.empty()
                                               ? rule.short_description
                                               : rule.help_text}}},
      {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
      {"properties", std::move(properties)}};
  if (!rule.help_uri.empty()) object["helpUri"] = rule.help_uri;
  return object;
}

}  // namespace

llvm::json::Value SarifLog(
    const SarifRun& run,
    const std::vector<clang::tidy::ClangTidyError>& errors) {
  std::vector<SarifRule> all_rules = run.rules;
  std::map<std::string, int> rule_index;
  for (size_t i = 0; i < all_rules.size(); ++i)
    rule_index[all_rules[i].id] = static_cast<int>(i);

  Writer writer(run.source_root);
  llvm::json::Array results;
  std::vector<SarifNotification> notes = run.notifications;
  for (const clang::tidy::ClangTidyError& relative_error : errors) {
    clang::tidy::ClangTidyError error = WithAbsolutePaths(relative_error);
    // Code scanning needs a location for every result: a diagnostic about
    // no file (an unknown compiler flag) is a notification instead.
    if (error.Message.FilePath.empty()) {
      notes.push_back(
          {"", error.DiagnosticName + ": " + error.Message.Message});
      continue;
    }
    // Compiler diagnostics get a rule of their own on first sight.
    if (rule_index.count(error.DiagnosticName) == 0) {
      rule_index[error.DiagnosticName] = static_cast<int>(all_rules.size());
      SarifRule rule;
      rule.id = error.DiagnosticName;
      rule.short_description = "A compiler diagnostic.";
      all_rules.push_back(rule);
    }
    llvm::json::Object result{
        {"ruleId", error.DiagnosticName},
        {"ruleIndex", rule_index[error.DiagnosticName]},
        {"level", Level(error)},
        {"message", llvm::json::Object{{"text", error.Message.Message}}},
    };
    llvm::json::Array locations;
    locations.push_back(llvm::json::Object{
        {"physicalLocation", writer.Physical(error.Message)}});
    result["locations"] = std::move(locations);
    result["partialFingerprints"] = llvm::json::Object{
        {"concurrencyLintFingerprint/v1", writer.Fingerprint(error)}};
    llvm::json::Array related;
    int id = 0;
    for (const clang::tooling::DiagnosticMessage& note : error.Notes) {
      llvm::json::Object location{
          {"id", id++},
          {"message", llvm::json::Object{{"text", note.Message}}}};
      if (!note.FilePath.empty())
        location["physicalLocation"] = writer.Physical(note);
      related.push_back(std::move(location));
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    llvm::json::Array fixes = Fixes(error.Message, writer);
    if (!fixes.empty()) result["fixes"] = std::move(fixes);
    results.push_back(std::move(result));
  }

  llvm::json::Array rule_objects;
  for (const SarifRule& rule : all_rules)
    rule_objects.push_back(RuleObject(rule));
  llvm::json::Object driver{
      {"name", "concurrency-lint"},
      {"version", kLintVersion},
      {"semanticVersion", kLintVersion},
      {"informationUri", std::string(kDocsBaseUrl) + "README.md"},
      {"rules", std::move(rule_objects)}};

  llvm::json::Array notifications;
  for (const SarifNotification& notification : notes) {
    llvm::json::Object object{
        {"level", "error"},
        {"message", llvm::json::Object{{"text", notification.message}}},
        {"descriptor", llvm::json::Object{{"id", "file-not-analysed"}}}};
    if (!notification.file.empty()) {
      llvm::json::Array locations;
      locations.push_back(llvm::json::Object{
          {"physicalLocation",
           llvm::json::Object{
               {"artifactLocation", writer.Artifact(notification.file)}}}});
      object["locations"] = std::move(locations);
    }
    notifications.push_back(std::move(object));
  }
  llvm::json::Object invocation{
      {"executionSuccessful", run.execution_successful}};
  if (!notifications.empty())
    invocation["toolExecutionNotifications"] = std::move(notifications);
  llvm::json::Array invocations;
  invocations.push_back(std::move(invocation));

  llvm::json::Object run_object{
      {"tool", llvm::json::Object{{"driver", std::move(driver)}}},
      {"invocations", std::move(invocations)},
      {"results", std::move(results)}};
  if (!run.source_root.empty()) {
    std::string root = run.source_root;
    if (root.back() != '/') root += '/';
    run_object["originalUriBaseIds"] = llvm::json::Object{
        {kSourceRootId,
         llvm::json::Object{{"uri", "file://" + EncodePath(root)}}}};
  }
  llvm::json::Array runs;
  runs.push_back(std::move(run_object));
  return llvm::json::Object{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", std::move(runs)}};
}

}  // namespace lockstep::lint
