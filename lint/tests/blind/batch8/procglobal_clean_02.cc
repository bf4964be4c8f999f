// Tests for the feature-flag resolver. Flags come from a FlagSource, which
// in tests is an in-memory map; the binary's main() pins the process's own
// environment once, before any test or thread starts.

#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>
#include <map>
#include <string>

namespace flags {

class FlagSource {
 public:
  void setenv(const std::string& name, const std::string& value) { values_[name] = value; }
  void unsetenv(const std::string& name) { values_.erase(name); }
  const std::string* Get(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, std::string> values_;
};

bool IsEnabled(const FlagSource& source, const std::string& flag) {
  const std::string* v = source.Get("FLAG_" + flag);
  return v != nullptr && (*v == "1" || *v == "true");
}

}  // namespace flags

TEST(FeatureFlagTest, EnabledByTrue) {
  flags::FlagSource source;
  source.setenv("FLAG_NEW_UI", "true");
  EXPECT_TRUE(flags::IsEnabled(source, "NEW_UI"));
}

TEST(FeatureFlagTest, DisabledWhenUnset) {
  flags::FlagSource source;
  source.setenv("FLAG_NEW_UI", "1");
  source.unsetenv("FLAG_NEW_UI");
  EXPECT_FALSE(flags::IsEnabled(source, "NEW_UI"));
}

TEST(FeatureFlagTest, ReadsButNeverWritesTheRealEnvironment) {
  const char* lang = getenv("LANG");
  flags::FlagSource source;
  if (lang != nullptr) source.setenv("FLAG_LANG", lang);
  EXPECT_FALSE(flags::IsEnabled(source, "MISSING"));
}

int main(int argc, char** argv) {
  setenv("TZ", "UTC", 1);
  setlocale(LC_ALL, "C");
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
