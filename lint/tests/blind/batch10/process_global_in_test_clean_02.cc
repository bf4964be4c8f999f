// Tests for the proxy settings reader. Environment changes happen only in the
// test binary's main() before any test starts, and inside death tests, which
// GoogleTest runs in a child process.
#include <cstdlib>
#include <string>

#include "gtest.h"

namespace proxy {

struct ProxySettings {
  std::string http_proxy;
  std::string no_proxy;
};

ProxySettings ReadProxySettings() {
  ProxySettings s;
  if (const char* v = std::getenv("HTTP_PROXY")) s.http_proxy = v;
  if (const char* v = std::getenv("NO_PROXY")) s.no_proxy = v;
  return s;
}

ProxySettings ParseProxySettings(const std::string& http_proxy, const std::string& no_proxy) {
  return ProxySettings{http_proxy, no_proxy};
}

[[noreturn]] void AbortOnInvalidProxy() {
  const ProxySettings s = ReadProxySettings();
  if (s.http_proxy.find("://") == std::string::npos) std::abort();
  std::exit(0);
}

// A helper class of the test, not a fixture: its SetUp() is ordinary code.
class ProxyEnvironment {
 public:
  void SetUp() { saved_ = ReadProxySettings(); }
  const ProxySettings& saved() const { return saved_; }

 private:
  ProxySettings saved_;
};

TEST(ProxySettingsTest, ReadsTheEnvironmentSetInMain) {
  ProxySettings s = ReadProxySettings();
  EXPECT_EQ(s.http_proxy, std::string("http://proxy.test:3128"));
}

TEST(ProxySettingsTest, ParsesExplicitValues) {
  ProxySettings s = ParseProxySettings("http://other:8080", "localhost");
  EXPECT_EQ(s.no_proxy, std::string("localhost"));
}

TEST(ProxySettingsDeathTest, AbortsOnSchemelessProxy) {
  EXPECT_DEATH(
      {
        setenv("HTTP_PROXY", "proxy.test:3128", 1);
        AbortOnInvalidProxy();
      },
      "");
}

TEST(ProxySettingsTest, HelperSnapshotsTheEnvironment) {
  ProxyEnvironment env;
  env.SetUp();
  EXPECT_EQ(env.saved().no_proxy, std::string("localhost,127.0.0.1"));
}


TEST(ProxySettingsTest, EmptyValuesParse) {
  ProxySettings s = ParseProxySettings("", "");
  EXPECT_TRUE(s.http_proxy.empty());
  EXPECT_TRUE(s.no_proxy.empty());
}

}  // namespace proxy

int main(int argc, char** argv) {
  (void)argc;
  (void)argv;
  setenv("HTTP_PROXY", "http://proxy.test:3128", 1);
  setenv("NO_PROXY", "localhost,127.0.0.1", 1);
  return 0;
}
