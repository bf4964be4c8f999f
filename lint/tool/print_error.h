// The tool's one way of reporting an error of its own, so that every message
// names the program once.
#ifndef LOCKSTEP_LINT_TOOL_PRINT_ERROR_H_
#define LOCKSTEP_LINT_TOOL_PRINT_ERROR_H_

#include "llvm/ADT/Twine.h"
#include "llvm/Support/raw_ostream.h"

namespace lockstep::lint {

// "concurrency-lint: error: <message>" on standard error. `message` must not
// name the program itself (llvm::cl's errors do: print those as they are).
inline void PrintError(const llvm::Twine& message) {
  llvm::errs() << "concurrency-lint: error: " << message << "\n";
}

inline void PrintNote(const llvm::Twine& message) {
  llvm::errs() << "concurrency-lint: note: " << message << "\n";
}

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_PRINT_ERROR_H_
