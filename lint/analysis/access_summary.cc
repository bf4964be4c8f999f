#include "lint/analysis/access_summary.h"

#include <string>
#include <utility>
#include <vector>

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace lockstep::lint {
namespace {

constexpr llvm::StringLiteral kHeader = "# lockstep access summary v1";

}  // namespace

AccessSummary& AccessSummary::Global() {
  static AccessSummary* const summary = new AccessSummary();
  return *summary;
}

void AccessSummary::Record(SummarizedAccess access) {
  if (recording_) recorded_.push_back(std::move(access));
}

void AccessSummary::ImportRecorded() {
  for (SummarizedAccess& access : recorded_) Import(std::move(access));
  recorded_.clear();
}

void AccessSummary::Import(SummarizedAccess access) {
  if (!imported_keys_.insert(access.field + "\t" + access.location).second)
    return;
  std::string field = access.field;
  imported_[field].push_back(std::move(access));
}

const std::vector<SummarizedAccess>* AccessSummary::Imported(
    const std::string& field) const {
  auto it = imported_.find(field);
  return it == imported_.end() ? nullptr : &it->second;
}

// One access per line, tab-separated: field, location, function, "w" or "r",
// then one column per held lock, "key=x" (exclusive) or "key=s" (shared).
bool AccessSummary::Save(const std::string& path, std::string* error) const {
  std::error_code code;
  llvm::raw_fd_ostream out(path, code);
  if (code) {
    *error = "cannot write '" + path + "': " + code.message();
    return false;
  }
  out << kHeader << "\n";
  for (const SummarizedAccess& access : recorded_) {
    out << access.field << "\t" << access.location << "\t" << access.function
        << "\t" << (access.is_write ? "w" : "r");
    for (const auto& [key, exclusive] : access.held.held()) {
      out << "\t" << key << "=" << (exclusive ? "x" : "s");
    }
    out << "\n";
  }
  out.close();
  if (out.has_error()) {
    *error = "cannot write '" + path + "': " + out.error().message();
    return false;
  }
  return true;
}

bool AccessSummary::Load(const std::string& path, std::string* error) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    *error =
        "cannot read summary '" + path + "': " + buffer.getError().message();
    return false;
  }
  llvm::SmallVector<llvm::StringRef, 0> lines;
  (*buffer)->getBuffer().split(lines, '\n', -1, /*KeepEmpty=*/false);
  if (lines.empty() || lines.front() != kHeader) {
    *error = "'" + path + "' is not a lockstep access summary (expected '" +
             kHeader.str() + "' on its first line)";
    return false;
  }
  std::vector<SummarizedAccess> parsed;
  for (size_t i = 1; i < lines.size(); ++i) {
    llvm::SmallVector<llvm::StringRef, 8> columns;
    lines[i].split(columns, '\t');
    auto bad = [&](const std::string& why) {
      *error = path + ":" + std::to_string(i + 1) + ": " + why;
      return false;
    };
    if (columns.size() < 4)
      return bad("expected at least 4 tab-separated columns");
    if (columns[3] != "w" && columns[3] != "r")
      return bad("the 4th column must be 'w' or 'r'");
    if (columns[0].empty() || columns[1].empty())
      return bad("empty field name or location");
    SummarizedAccess access;
    access.field = columns[0].str();
    access.location = columns[1].str();
    access.function = columns[2].str();
    access.is_write = columns[3] == "w";
    for (size_t c = 4; c < columns.size(); ++c) {
      auto [key, mode] = columns[c].rsplit('=');
      if (key.empty() || (mode != "x" && mode != "s"))
        return bad("a held lock must be written 'key=x' or 'key=s'");
      access.held.Acquire(key.str(), mode == "x");
    }
    parsed.push_back(std::move(access));
  }
  // Only a file that parsed whole is imported: nothing half-read.
  for (SummarizedAccess& access : parsed) Import(std::move(access));
  return true;
}

}  // namespace lockstep::lint
