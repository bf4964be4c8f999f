// How settings resolve: env > test > profile > defaults, and every bad
// environment value is an error that names its variable. The environment is
// a fake passed to Resolve: tests never change the process's environment.
#include "client/settings.h"

#include <map>
#include <optional>
#include <string>

#include "client/environment.h"
#include "client/profiles.h"
#include "client/reproduce.h"
#include "gtest/gtest.h"

namespace lockstep {
namespace {

Environment Fake(std::map<std::string, std::string> variables) {
  return [variables](const char* name) -> std::optional<std::string> {
    auto found = variables.find(name);
    if (found == variables.end()) return std::nullopt;
    return found->second;
  };
}

ResolvedSettings ResolveOk(const Settings& test,
                           std::map<std::string, std::string> env) {
  absl::StatusOr<ResolvedSettings> resolved = Resolve(test, Fake(env));
  EXPECT_TRUE(resolved.ok()) << resolved.status();
  return resolved.ok() ? *resolved : ResolvedSettings();
}

TEST(SettingsTest, DefaultsWithNothingSet) {
  ResolvedSettings s = ResolveOk(Settings(), {});
  EXPECT_EQ(s.profile, "dev");
  EXPECT_EQ(s.test_cases, 100u);
  EXPECT_FALSE(s.seed.has_value());
  EXPECT_FALSE(s.derandomize);
  EXPECT_EQ(s.database, ".lockstep/examples");
  EXPECT_EQ(s.verbosity, 0);
  EXPECT_TRUE(s.from_environment.empty());
}

TEST(SettingsTest, EnvironmentOverTestOverProfileOverDefaults) {
  RegisterProfile("settings_test_layers",
                  Settings().TestCases(500).MaxShrinkCalls(7).Verbosity(1));
  Settings test = Settings().TestCases(50).Seed(3);
  // The profile alone sets what the test leaves unset.
  ResolvedSettings s =
      ResolveOk(test, {{"LOCKSTEP_PROFILE", "settings_test_layers"}});
  EXPECT_EQ(s.test_cases, 50u);  // the test's, over the profile's 500
  EXPECT_EQ(s.max_shrink_calls, 7u);
  EXPECT_EQ(s.verbosity, 1);
  EXPECT_EQ(s.seed, 3u);
  // The environment over both.
  s = ResolveOk(test, {{"LOCKSTEP_PROFILE", "settings_test_layers"},
                       {"LOCKSTEP_TEST_CASES", "9"},
                       {"LOCKSTEP_SEED", "18446744073709551615"},
                       {"LOCKSTEP_VERBOSITY", "2"}});
  EXPECT_EQ(s.test_cases, 9u);
  EXPECT_EQ(s.seed, 18446744073709551615u);
  EXPECT_EQ(s.verbosity, 2);
  EXPECT_EQ(s.max_shrink_calls, 7u);
  EXPECT_EQ(s.from_environment, (std::vector<std::string>{
                                    "LOCKSTEP_SEED", "LOCKSTEP_TEST_CASES",
                                    "LOCKSTEP_VERBOSITY", "LOCKSTEP_PROFILE"}));
}

TEST(SettingsTest, BuiltInProfiles) {
  EXPECT_TRUE(ResolveOk(Settings(), {{"CI", "true"}}).derandomize);
  EXPECT_EQ(ResolveOk(Settings(), {{"CI", "true"}}).profile, "ci");
  // The test's own setting still wins over the ci profile's.
  EXPECT_FALSE(
      ResolveOk(Settings().Derandomize(false), {{"CI", "1"}}).derandomize);
  ResolvedSettings thorough =
      ResolveOk(Settings(), {{"LOCKSTEP_PROFILE", "thorough"}});
  EXPECT_EQ(thorough.test_cases, 1000u);
  EXPECT_GT(thorough.max_shrink_calls, 5000u);
  EXPECT_EQ(
      ResolveOk(Settings(), {{"LOCKSTEP_PROFILE", "dev"}, {"CI", "1"}}).profile,
      "dev");
}

TEST(SettingsTest, UnknownProfileIsAnErrorListingTheKnownOnes) {
  absl::StatusOr<ResolvedSettings> s =
      Resolve(Settings(), Fake({{"LOCKSTEP_PROFILE", "nightyl"}}));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("LOCKSTEP_PROFILE='nightyl' names no "
                                      "profile"),
            std::string::npos)
      << s.status();
  EXPECT_NE(s.status().message().find("ci, dev"), std::string::npos)
      << s.status();
}

TEST(SettingsTest, BadEnvironmentValuesAreErrorsNamingTheVariable) {
  const std::map<std::string, std::string> bad[] = {
      {{"LOCKSTEP_TEST_CASES", "abc"}},
      {{"LOCKSTEP_TEST_CASES", "0"}},
      {{"LOCKSTEP_TEST_CASES", "-5"}},
      {{"LOCKSTEP_TEST_CASES", "1e3"}},
      {{"LOCKSTEP_SEED", "-1"}},
      {{"LOCKSTEP_SEED", "0x10"}},
      {{"LOCKSTEP_SEED", ""}},
      {{"LOCKSTEP_VERBOSITY", "3"}},
      {{"LOCKSTEP_VERBOSITY", "loud"}},
      {{"LOCKSTEP_DERANDOMIZE", "maybe"}},
      {{"LOCKSTEP_DATABASE", ""}},
      {{"LOCKSTEP_ISOLATE", "maybe"}},
      {{"LOCKSTEP_CASE_DEADLINE", "0"}},
      {{"LOCKSTEP_CASE_DEADLINE", "-2s"}},
      {{"LOCKSTEP_CASE_DEADLINE", "soon"}},
      {{"LOCKSTEP_CASE_DEADLINE", "inf"}},
      {{"LOCKSTEP_CASE_DEADLINE", ""}},
  };
  for (const auto& env : bad) {
    const auto& [name, value] = *env.begin();
    absl::StatusOr<ResolvedSettings> s = Resolve(Settings(), Fake(env));
    ASSERT_FALSE(s.ok()) << name << "=" << value;
    EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(s.status().message().find(name + "='" + value + "'"),
              std::string::npos)
        << s.status();
  }
}

TEST(SettingsTest, IsolateFromTheEnvironmentOverTheTest) {
  EXPECT_FALSE(ResolveOk(Settings(), {}).isolate);
  EXPECT_TRUE(ResolveOk(Settings(), {{"LOCKSTEP_ISOLATE", "1"}}).isolate);
  EXPECT_FALSE(
      ResolveOk(Settings().Isolate(), {{"LOCKSTEP_ISOLATE", "no"}}).isolate);
  EXPECT_TRUE(ResolveOk(Settings().Isolate(), {}).isolate);
}

TEST(SettingsTest, CaseDeadlineFromTheEnvironmentOverTestOverProfile) {
  EXPECT_EQ(ResolveOk(Settings(), {}).case_deadline, absl::Seconds(10));
  RegisterProfile("settings_test_deadline",
                  Settings().CaseDeadline(absl::Seconds(30)));
  const std::map<std::string, std::string> profile = {
      {"LOCKSTEP_PROFILE", "settings_test_deadline"}};
  EXPECT_EQ(ResolveOk(Settings(), profile).case_deadline, absl::Seconds(30));
  Settings test = Settings().CaseDeadline(absl::Seconds(3));
  EXPECT_EQ(ResolveOk(test, profile).case_deadline, absl::Seconds(3));
  std::map<std::string, std::string> env = profile;
  env["LOCKSTEP_CASE_DEADLINE"] = "500ms";
  ResolvedSettings s = ResolveOk(test, env);
  EXPECT_EQ(s.case_deadline, absl::Milliseconds(500));
  // Named in the reproduce command's environment.
  EXPECT_EQ(
      s.from_environment,
      (std::vector<std::string>{"LOCKSTEP_PROFILE", "LOCKSTEP_CASE_DEADLINE"}));
  // Plain seconds, and absl's compound durations.
  EXPECT_EQ(ResolveOk(test, {{"LOCKSTEP_CASE_DEADLINE", "2"}}).case_deadline,
            absl::Seconds(2));
  EXPECT_EQ(ResolveOk(test, {{"LOCKSTEP_CASE_DEADLINE", "0.25"}}).case_deadline,
            absl::Milliseconds(250));
  EXPECT_EQ(
      ResolveOk(test, {{"LOCKSTEP_CASE_DEADLINE", "1m30s"}}).case_deadline,
      absl::Seconds(90));
}

TEST(SettingsTest, DatabaseOffDirectoryAndTheBazelDefault) {
  EXPECT_FALSE(ResolveOk(Settings().NoDatabase(), {}).database.has_value());
  EXPECT_FALSE(ResolveOk(Settings(), {{"LOCKSTEP_DATABASE", "off"}})
                   .database.has_value());
  EXPECT_EQ(ResolveOk(Settings().NoDatabase(), {{"LOCKSTEP_DATABASE", "/db"}})
                .database,
            "/db");
  // Under bazel test, among the test's outputs rather than the runfiles.
  EXPECT_EQ(
      ResolveOk(Settings(), {{"TEST_UNDECLARED_OUTPUTS_DIR", "/out"}}).database,
      "/out/lockstep-examples");
  EXPECT_TRUE(
      ResolveOk(Settings(), {{"LOCKSTEP_DERANDOMIZE", "yes"}}).derandomize);
}

TEST(SettingsTest, OnlyTheTestsOwnExamplesRun) {
  RegisterProfile("settings_test_examples", Settings().Example(1));
  ResolvedSettings s =
      ResolveOk(Settings().Example(2).Example(3),
                {{"LOCKSTEP_PROFILE", "settings_test_examples"}});
  ASSERT_EQ(s.examples.size(), 2u);
  EXPECT_EQ(s.examples[0].Get<int>(0, "", 1), 2);
}

TEST(ReproduceTest, ShellAndBazelCommandsCarryTheSeedAndTheEnvironment) {
  std::map<std::string, std::string> env = {
      {"TEST_TARGET", "//pkg/sub:my_test"},
      {"LOCKSTEP_TEST_CASES", "2000"},
      {"LOCKSTEP_SEED", "1"},
      {"LOCKSTEP_DATABASE", "/home/me/.cache/lockstep"}};
  ResolvedSettings s = ResolveOk(Settings(), env);
  std::string commands = ReproduceCommands(77, "Suite.Name", s, Fake(env));
  EXPECT_NE(commands.find("  reproduce: LOCKSTEP_TEST_CASES=2000 "
                          "LOCKSTEP_DATABASE=/home/me/.cache/lockstep "
                          "LOCKSTEP_SEED=77 bazel-bin/pkg/sub/my_test "
                          "--gtest_filter=Suite.Name\n"),
            std::string::npos)
      << commands;
  EXPECT_NE(
      commands.find("  with bazel: bazel test //pkg/sub:my_test "
                    "--test_env=LOCKSTEP_TEST_CASES=2000 "
                    "--test_env=LOCKSTEP_DATABASE=/home/me/.cache/lockstep "
                    "--test_env=LOCKSTEP_SEED=77 "
                    "--test_filter=Suite.Name\n"),
      std::string::npos)
      << commands;
  // An absolute database outside bazel's directories is kept: no advice.
  EXPECT_EQ(commands.find("does not keep"), std::string::npos) << commands;
}

TEST(ReproduceTest, UnderBazelAThrowawayDatabaseComesWithAdvice) {
  std::map<std::string, std::string> env = {
      {"TEST_TARGET", "//pkg:t"}, {"TEST_UNDECLARED_OUTPUTS_DIR", "/o"}};
  std::string commands =
      ReproduceCommands(5, "S.N", ResolveOk(Settings(), env), Fake(env));
  EXPECT_NE(commands.find("saved in /o/lockstep-examples, which bazel does "
                          "not keep"),
            std::string::npos)
      << commands;
  EXPECT_NE(commands.find("--test_env=LOCKSTEP_DATABASE="), std::string::npos);
}

TEST(ReproduceTest, OutsideBazelTheShellFormOnly) {
  std::map<std::string, std::string> env = {{"CI", "1"}};
  std::string commands =
      ReproduceCommands(5, "S.N", ResolveOk(Settings(), env), Fake(env));
  // The ci profile was chosen by CI; a rerun elsewhere names it.
  EXPECT_NE(commands.find("reproduce: LOCKSTEP_PROFILE=ci LOCKSTEP_SEED=5 "),
            std::string::npos)
      << commands;
  EXPECT_NE(commands.find(" --gtest_filter=S.N\n"), std::string::npos);
  EXPECT_EQ(commands.find("bazel test"), std::string::npos) << commands;
}

}  // namespace
}  // namespace lockstep
