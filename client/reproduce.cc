#include "client/reproduce.h"

#include <errno.h>  // program_invocation_name

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "client/environment.h"

namespace lockstep {
namespace {

// A value as one shell word.
std::string Quote(const std::string& value) {
  if (!value.empty() &&
      value.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRST"
                              "UVWXYZ0123456789_-./:=+,@%") ==
          std::string::npos) {
    return value;
  }
  return absl::StrCat("'", absl::StrReplaceAll(value, {{"'", "'\\''"}}), "'");
}

}  // namespace

std::string ReproduceCommands(uint64_t seed, const std::string& test_name,
                              const ResolvedSettings& settings,
                              const Environment& environment) {
  // The seed, and the variables that changed the search besides it.
  std::vector<std::pair<std::string, std::string>> variables;
  for (const std::string& name : settings.from_environment) {
    if (name == kSeedVariable || name == kVerbosityVariable) continue;
    variables.emplace_back(name, environment(name.c_str()).value_or(""));
  }
  if (settings.profile != "dev" && !environment(kProfileVariable)) {
    // Chosen because CI is set; say so, for a rerun where it is not.
    variables.emplace_back(kProfileVariable, settings.profile);
  }
  variables.emplace_back(kSeedVariable, absl::StrCat(seed));

  std::string shell_env;
  std::string bazel_env;
  for (const auto& [name, value] : variables) {
    absl::StrAppend(&shell_env, name, "=", Quote(value), " ");
    absl::StrAppend(&bazel_env, " --test_env=", Quote(name + "=" + value));
  }
  std::optional<std::string> target = environment("TEST_TARGET");
  std::string binary = program_invocation_name;
  if (target && absl::StartsWith(*target, "//")) {
    // bazel-bin/<package>/<name>, from the workspace root.
    binary = absl::StrCat("bazel-bin/",
                          absl::StrReplaceAll(target->substr(2), {{":", "/"}}));
  }
  std::string out = absl::StrCat("  reproduce: ", shell_env, Quote(binary),
                                 " --gtest_filter=", Quote(test_name), "\n");
  if (target) {
    absl::StrAppend(&out, "  with bazel: bazel test ", *target, bazel_env,
                    " --test_filter=", Quote(test_name), "\n");
    // Relative paths are inside the runfiles tree; bazel empties its temp
    // and outputs directories before each run.
    bool database_kept =
        settings.database && absl::StartsWith(*settings.database, "/");
    for (const char* throwaway :
         {"TEST_TMPDIR", "TEST_UNDECLARED_OUTPUTS_DIR"}) {
      std::optional<std::string> dir = environment(throwaway);
      if (database_kept && dir && !dir->empty() &&
          absl::StartsWith(*settings.database, *dir)) {
        database_kept = false;
      }
    }
    if (settings.database && !database_kept) {
      absl::StrAppend(
          &out, "  the failure was saved in ", *settings.database,
          ", which bazel does not keep for the next run; to replay saved "
          "failures first on every run, add --test_env=LOCKSTEP_DATABASE=<an "
          "absolute directory> (client/README.md, \"Reproducing\")\n");
    }
  }
  return out;
}

}  // namespace lockstep
