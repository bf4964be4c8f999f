#include "lint/analysis/field_documentation.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"

namespace lockstep::lint {
namespace {

// A comment line without its markers: "// text", "/* text */", " * text".
llvm::StringRef CommentText(llvm::StringRef line) {
  line = line.trim();
  if (line.consume_front("/*")) {
    line.consume_front("*");
  } else if (line.startswith("//")) {
    line = line.ltrim('/');
  } else {
    line.consume_front("*");
  }
  line.consume_back("*/");
  return line.trim();
}

// The comment that documents `decl`, in source order: the run of
// comment-only lines directly above the line of `location` (up to eight),
// then the comment on that line itself. Markers are removed and the lines
// joined with spaces, so that a sentence reads the same however it wraps.
std::string DocumentingComment(const clang::Decl* decl,
                               clang::SourceLocation location) {
  const clang::SourceManager& sources =
      decl->getASTContext().getSourceManager();
  location = sources.getExpansionLoc(location);
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
  llvm::StringRef own_line = buffer.slice(line_start, line_end);
  size_t own_comment = std::min(own_line.find("//"), own_line.find("/*"));

  std::vector<llvm::StringRef> above;  // nearest first
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
    above.push_back(CommentText(line));
    cursor = previous_start;
  }
  std::string text;
  for (auto line = above.rbegin(); line != above.rend(); ++line) {
    if (line->empty()) continue;
    if (!text.empty()) text += ' ';
    text += line->str();
  }
  if (own_comment != llvm::StringRef::npos) {
    llvm::StringRef comment = CommentText(own_line.substr(own_comment));
    if (!comment.empty()) {
      if (!text.empty()) text += ' ';
      text += comment.str();
    }
  }
  return text;
}

}  // namespace

bool IsGenericLockWord(llvm::StringRef word) {
  std::string lower = word.lower();
  for (llvm::StringRef generic :
       {"",      "the",  "a",    "an",    "this",   "its",
        "our",   "same", "that", "any",   "no",     "own",
        "mutex", "lock", "mu",   "mu_",   "mutex_", "lock_",
        "locks", "is",   "be",   "being", "object", "class"}) {
    if (lower == generic) return true;
  }
  return false;
}

std::string DocumentedGuard(const clang::FieldDecl* field) {
  static const llvm::Regex kGuard(
      "(guarded|protected|locked) by:? *['`]?([A-Za-z_][A-Za-z0-9_]*)|"
      "GUARDED_BY\\(([A-Za-z_][A-Za-z0-9_]*)\\)",
      llvm::Regex::IgnoreCase);
  llvm::SmallVector<llvm::StringRef, 4> groups;
  std::string comment = DocumentingComment(field, field->getLocation());
  if (!kGuard.match(comment, &groups)) return "";
  return (groups[2].empty() ? groups[3] : groups[2]).str();
}

bool IsDocumentedThreadConfined(const clang::FieldDecl* field) {
  // "Only used" confines a field when it says where or by whom ("only used
  // by the write thread", "only modified during recovery"), not what for
  // ("only used for dynamically adjusting max_total_wal_size") or with what
  // held ("only accessed while holding mu_").
  static const llvm::Regex kConfined(
      "(owned by|only (accessed|touched|used|read|written|modified) (in|on|"
      "by|from|within|during|inside|at|before|after|through|via)[^a-z]|"
      "(accessed|touched|used|read|written|modified|updated) only (in|on|by|"
      "from)|(^|[^a-z_])(access|read|writ|updat|modif|used|touch)[^.;]* "
      "without (any )?"
      "(locks?|locking|mutex|synchronization)|"
      "thread[- ]confined|confined to|single[- ]threaded|not shared)",
      llvm::Regex::IgnoreCase);
  std::string comment = DocumentingComment(field, field->getLocation());
  return !comment.empty() && kConfined.match(comment);
}

std::optional<std::string> DocumentedRequiredLock(
    const clang::FunctionDecl* function) {
  // The conventions of LevelDB, RocksDB, Chromium, spdlog and others: the
  // name says the caller holds the lock (FooLocked, foo_locked, FooNoLock,
  // FooWithLockHeld, FooUnlocked: "does not lock"), or the comment does
  // ("REQUIRES: mutex_ held", "must be called with mu_ held", "caller holds
  // the lock", "Prerequisite: DB mutex held").
  static const llvm::Regex kName(
      "(Locked|_locked|LockHeld|_lock_held|NoLock|_nolock|Unlocked|_unlocked)"
      "$");
  static const llvm::Regex kComment(
      "(REQUIRES|requires|prerequisite)[: ][^.]*(held|lock)|"
      "caller (must )?holds?|"
      "(called|invoked|run) (only )?(with|while|when) [^.]*(held|locked)|"
      "(mutex|lock|mu_?)[A-Za-z_]* (is |must be |should be )?held",
      llvm::Regex::IgnoreCase);
  static const llvm::Regex kNamedLock(
      "(REQUIRES|hold|holding|with|while|when)[: "
      "]+['`]?([A-Za-z_][A-Za-z0-9_]*)"
      "['`]? (is |must be |should be )?(held|locked)",
      llvm::Regex::IgnoreCase);
  // A lock named by what owns it, not by a member: "REQUIRES: DB mutex
  // held", "Prerequisite: table lock held".
  static const llvm::Regex kOwnedLock(
      "([A-Za-z_][A-Za-z0-9_]*) (mutex|lock) (is |must be |should be )?"
      "(held|locked)",
      llvm::Regex::IgnoreCase);
  bool documented = function->getDeclName().isIdentifier() &&
                    kName.match(function->getName());
  std::string named;
  for (const clang::FunctionDecl* redecl : function->redecls()) {
    std::string comment = DocumentingComment(redecl, redecl->getBeginLoc());
    if (comment.empty() || !kComment.match(comment)) continue;
    documented = true;
    llvm::SmallVector<llvm::StringRef, 4> groups;
    if (kNamedLock.match(comment, &groups)) named = groups[2].str();
    if (IsGenericLockWord(named) && kOwnedLock.match(comment, &groups) &&
        !IsGenericLockWord(groups[1])) {
      named = groups[1].str() + " " + groups[2].lower();
    }
  }
  if (!documented) return std::nullopt;
  return named;
}

}  // namespace lockstep::lint
