#include "lint/tool/one_finding_per_line.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

namespace lockstep::lint {
namespace {

// The checks that report a field touched by two threads without a common
// lock, from the most specific: a lazy initialisation or a use of a closed
// resource names the consequence; an unguarded access names the lock; a
// closure's capture is the fallback for fields that no lock guards.
int RaceRank(llvm::StringRef check) {
  if (check == "concurrency-lazy-init-race" ||
      check == "concurrency-use-after-close") {
    return 3;
  }
  if (check == "concurrency-unguarded-field") return 2;
  if (check == "concurrency-closure-captures-mutable") return 1;
  return 0;
}

// The 1-based line of `offset` in `path`, or 0 when the file cannot be read.
class LineFinder {
 public:
  unsigned LineOf(const std::string& path, unsigned offset) {
    auto it = files_.find(path);
    if (it == files_.end()) {
      llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
          llvm::MemoryBuffer::getFile(path);
      it = files_.emplace(path, file ? std::move(*file) : nullptr).first;
    }
    if (it->second == nullptr) return 0;
    llvm::StringRef text = it->second->getBuffer();
    if (offset > text.size()) return 0;
    return 1 + static_cast<unsigned>(text.take_front(offset).count('\n'));
  }

 private:
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> files_;
};

}  // namespace

void KeepOneFindingPerLine(std::vector<clang::tidy::ClangTidyError>& errors) {
  LineFinder lines;
  // The highest rank reported on each line.
  std::map<std::pair<std::string, unsigned>, int> best;
  auto line_of = [&](const clang::tidy::ClangTidyError& error) {
    return std::make_pair(
        error.Message.FilePath,
        lines.LineOf(error.Message.FilePath, error.Message.FileOffset));
  };
  for (const clang::tidy::ClangTidyError& error : errors) {
    int rank = RaceRank(error.DiagnosticName);
    if (rank == 0) continue;
    auto place = line_of(error);
    if (place.second == 0) continue;
    int& known = best[place];
    known = std::max(known, rank);
  }
  errors.erase(std::remove_if(errors.begin(), errors.end(),
                              [&](const clang::tidy::ClangTidyError& error) {
                                int rank = RaceRank(error.DiagnosticName);
                                if (rank == 0) return false;
                                auto place = line_of(error);
                                auto it = best.find(place);
                                return place.second > 0 && it != best.end() &&
                                       it->second > rank;
                              }),
               errors.end());
}

}  // namespace lockstep::lint
