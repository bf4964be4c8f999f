#include "lint/analysis/field_documentation.h"

#include <string>

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"

namespace lockstep::lint {
namespace {

// The comment text on the lines around `field`: the rest of its own line
// and the run of comment-only lines directly above it.
std::string CommentsAround(const clang::FieldDecl* field) {
  const clang::SourceManager& sources =
      field->getASTContext().getSourceManager();
  clang::SourceLocation location =
      sources.getExpansionLoc(field->getLocation());
  bool invalid = false;
  llvm::StringRef buffer =
      sources.getBufferData(sources.getFileID(location), &invalid);
  if (invalid) return "";
  unsigned offset = sources.getFileOffset(location);
  if (offset > buffer.size()) return "";

  size_t line_start = buffer.rfind('\n', offset);
  line_start = line_start == llvm::StringRef::npos ? 0 : line_start + 1;
  size_t line_end = buffer.find('\n', offset);
  if (line_end == llvm::StringRef::npos) line_end = buffer.size();
  std::string text = buffer.slice(line_start, line_end).str();

  size_t cursor = line_start;
  for (int lines = 0; cursor > 0 && lines < 8; ++lines) {
    size_t previous_end = cursor - 1;  // the '\n' ending the previous line
    size_t previous_start =
        buffer.rfind('\n', previous_end == 0 ? 0 : previous_end - 1);
    previous_start =
        previous_start == llvm::StringRef::npos ? 0 : previous_start + 1;
    llvm::StringRef line = buffer.slice(previous_start, previous_end).trim();
    if (!line.startswith("//") && !line.startswith("*") &&
        !line.startswith("/*")) {
      break;
    }
    text += "\n" + line.str();
    cursor = previous_start;
  }
  return text;
}

// The comment part of CommentsAround: from the first comment marker on.
std::string CommentPart(const std::string& comments) {
  size_t comment = comments.find("//");
  if (comment == std::string::npos) comment = comments.find("/*");
  return comment == std::string::npos ? "" : comments.substr(comment);
}

}  // namespace

std::string DocumentedGuard(const clang::FieldDecl* field) {
  static const llvm::Regex kGuard(
      "(guarded|protected|locked) by:? *['`]?([A-Za-z_][A-Za-z0-9_]*)|"
      "GUARDED_BY\\(([A-Za-z_][A-Za-z0-9_]*)\\)",
      llvm::Regex::IgnoreCase);
  llvm::SmallVector<llvm::StringRef, 4> groups;
  std::string comment = CommentPart(CommentsAround(field));
  if (!kGuard.match(comment, &groups)) return "";
  return (groups[2].empty() ? groups[3] : groups[2]).str();
}

bool IsDocumentedThreadConfined(const clang::FieldDecl* field) {
  static const llvm::Regex kConfined(
      "(owned by|only (accessed|touched|used|read|written|modified)|"
      "thread[- ]confined|confined to|single[- ]threaded|not shared)",
      llvm::Regex::IgnoreCase);
  std::string comment = CommentPart(CommentsAround(field));
  return !comment.empty() && kConfined.match(comment);
}

}  // namespace lockstep::lint
