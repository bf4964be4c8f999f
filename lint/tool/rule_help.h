// What SARIF says about each rule (a check): short and full descriptions,
// help text and the page that documents it, so that code-scanning UIs can
// explain a finding without the reader leaving the alert.
#ifndef LOCKSTEP_LINT_TOOL_RULE_HELP_H_
#define LOCKSTEP_LINT_TOOL_RULE_HELP_H_

#include <string>

#include "lint/tool/sarif_writer.h"

namespace lockstep::lint {

// The rule for `check`: lockstep's own checks are described in full;
// upstream clang-tidy checks and clang-diagnostic-* link to LLVM's pages.
SarifRule RuleFor(const std::string& check);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_RULE_HELP_H_
