// The version concurrency-lint reports (--version, SARIF's tool.driver) and
// where its documentation lives (SARIF rules' helpUri).
#ifndef LOCKSTEP_LINT_TOOL_VERSION_H_
#define LOCKSTEP_LINT_TOOL_VERSION_H_

namespace lockstep::lint {

// Semantic version: the minor number grows with each release of new checks
// or flags, the major one when a check is renamed or an output changes shape.
inline constexpr char kLintVersion[] = "0.4.0";

// Base of each check's page (lint/docs/<check>.md). A fork that publishes its
// docs elsewhere changes this one line.
inline constexpr char kDocsBaseUrl[] =
    "https://github.com/lockstep-dev/lockstep/blob/main/lint/docs/";

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_VERSION_H_
