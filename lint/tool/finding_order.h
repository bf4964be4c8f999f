// clang-tidy's order and identity of findings within one process
// (ClangTidyDiagnosticConsumer::take): sorted by file, offset, check and
// message, and a header's finding seen through two files reported once.
// Findings gathered from several runs are put in the same shape.
#ifndef LOCKSTEP_LINT_TOOL_FINDING_ORDER_H_
#define LOCKSTEP_LINT_TOOL_FINDING_ORDER_H_

#include <algorithm>
#include <tuple>
#include <vector>

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

namespace lockstep::lint {

inline auto FindingKey(const clang::tidy::ClangTidyError& error) {
  return std::tie(error.Message.FilePath, error.Message.FileOffset,
                  error.DiagnosticName, error.Message.Message);
}

inline void SortAndDeduplicate(
    std::vector<clang::tidy::ClangTidyError>& errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const auto& a, const auto& b) {
                     return FindingKey(a) < FindingKey(b);
                   });
  errors.erase(std::unique(errors.begin(), errors.end(),
                           [](const auto& a, const auto& b) {
                             return FindingKey(a) == FindingKey(b);
                           }),
               errors.end());
}

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_FINDING_ORDER_H_
