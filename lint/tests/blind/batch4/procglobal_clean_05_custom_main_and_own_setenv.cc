// Tests for the feature-flag resolver. The resolver reads flags through the
// project's Environment interface, so tests use an in-memory one; the one
// process-wide setting lives in main().

#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>
#include <map>
#include <string>

namespace flags {

class Environment {
 public:
  virtual ~Environment() = default;
  virtual const char* Get(const std::string& name) const = 0;
};

namespace testenv {

class FakeEnvironment : public Environment {
 public:
  const char* Get(const std::string& name) const override {
    auto it = values_.find(name);
    return it == values_.end() ? nullptr : it->second.c_str();
  }
  void setenv(const std::string& name, const std::string& value) { values_[name] = value; }
  void unsetenv(const std::string& name) { values_.erase(name); }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace testenv

bool FlagEnabled(const Environment& env, const std::string& flag) {
  const char* v = env.Get("FLAG_" + flag);
  return v != nullptr && std::string(v) == "on";
}

namespace {

TEST(FlagResolverTest, OnlyOnEnables) {
  testenv::FakeEnvironment env;
  env.setenv("FLAG_fast_path", "on");
  env.setenv("FLAG_slow_path", "yes");
  EXPECT_TRUE(FlagEnabled(env, "fast_path"));
  EXPECT_FALSE(FlagEnabled(env, "slow_path"));
  env.unsetenv("FLAG_fast_path");
  EXPECT_FALSE(FlagEnabled(env, "fast_path"));
}

}  // namespace
}  // namespace flags

int main(int argc, char** argv) {
  // Deterministic number formatting in failure messages, for every test.
  setlocale(LC_ALL, "C");
  setenv("TZ", "UTC", 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
