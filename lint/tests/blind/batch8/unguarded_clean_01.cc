//===- DiagnosticCounter.cpp - Per-category diagnostic statistics ---------===//
//
// Counts the diagnostics each frontend action emits, so that -print-stats
// can summarize them after a parallel build of several modules.
//
//===----------------------------------------------------------------------===//

#include "llvm/Support/Mutex.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <mutex>
#include <string>

namespace clang {

class DiagnosticCounter {
public:
  DiagnosticCounter(std::string ToolName, unsigned ErrorLimit)
      : ToolName(std::move(ToolName)), ErrorLimit(ErrorLimit) {}

  /// Returns false once the error limit has been reached.
  bool report(const std::string &Category, bool IsError) {
    std::lock_guard<llvm::sys::Mutex> Guard(Lock);
    ++Counts[Category];
    if (IsError)
      ++Errors;
    return !errorLimitReachedLocked();
  }

  void merge(const std::map<std::string, unsigned> &Other, unsigned OtherErrors) {
    std::lock_guard<llvm::sys::Mutex> Guard(Lock);
    for (const auto &KV : Other)
      Counts[KV.first] += KV.second;
    Errors += OtherErrors;
    if (errorLimitReachedLocked())
      LimitHit = true;
  }

  bool limitHit() {
    std::lock_guard<llvm::sys::Mutex> Guard(Lock);
    return LimitHit;
  }

  void print(llvm::raw_ostream &OS) {
    // ToolName and ErrorLimit are fixed at construction.
    OS << ToolName << ": error limit " << ErrorLimit << "\n";
    std::lock_guard<llvm::sys::Mutex> Guard(Lock);
    for (const auto &KV : Counts)
      OS << "  " << KV.first << ": " << KV.second << "\n";
    OS << "  errors: " << Errors << "\n";
  }

private:
  bool errorLimitReachedLocked() const {
    return ErrorLimit != 0 && Errors >= ErrorLimit;
  }

  const std::string ToolName;
  const unsigned ErrorLimit;
  llvm::sys::Mutex Lock;
  std::map<std::string, unsigned> Counts;
  unsigned Errors = 0;
  bool LimitHit = false;
};

} // namespace clang

bool reportWarning(clang::DiagnosticCounter &C, const std::string &Cat) {
  return C.report(Cat, /*IsError=*/false);
}
