#include "lint/analysis/user_code.h"

#include "llvm/ADT/StringRef.h"

namespace lockstep::lint {

bool IsUserCode(const clang::SourceManager& sources,
                clang::SourceLocation location) {
  if (location.isInvalid()) return false;
  location = sources.getExpansionLoc(location);
  if (sources.isInSystemHeader(location)) return false;
  llvm::StringRef file = sources.getFilename(location);
  return !file.contains("/third_party/") && !file.startswith("third_party/") &&
         !file.contains("/external/") && !file.startswith("external/");
}

}  // namespace lockstep::lint
