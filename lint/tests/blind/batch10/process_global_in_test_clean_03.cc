// Tests for the settings overlay: the project's own config::setenv writes to
// a settings map (not the process environment); streams are imbued with a
// locale instead of changing the global one; a worker thread blocks signals
// for itself only; the server listens on a unix: address.
#include <pthread.h>
#include <signal.h>

#include <locale>
#include <map>
#include <sstream>
#include <string>
#include <thread>

#include "grpcpp_server.h"
#include "gtest.h"

namespace config {

using Settings = std::map<std::string, std::string>;

// Project-local overlay; shadows nothing in the C library.
void setenv(Settings& s, const std::string& key, const std::string& value) { s[key] = value; }
void unsetenv(Settings& s, const std::string& key) { s.erase(key); }

std::string Get(const Settings& s, const std::string& key, const std::string& def) {
  auto it = s.find(key);
  return it == s.end() ? def : it->second;
}

std::string FormatRate(double rate, const std::locale& loc) {
  std::ostringstream out;
  out.imbue(loc);
  out << rate << "/s";
  return out.str();
}

}  // namespace config

namespace {

TEST(SettingsOverlayTest, OverridesAndRemovesKeys) {
  config::Settings s;
  config::setenv(s, "threads", "8");
  EXPECT_EQ(config::Get(s, "threads", "4"), std::string("8"));
  config::unsetenv(s, "threads");
  EXPECT_EQ(config::Get(s, "threads", "4"), std::string("4"));
}

TEST(SettingsOverlayTest, FormatsWithAnImbuedLocale) {
  EXPECT_EQ(config::FormatRate(2.5, std::locale::classic()), std::string("2.5/s"));
}

TEST(SettingsOverlayTest, WorkerBlocksSignalsForItself) {
  bool blocked = false;
  std::thread worker([&blocked] {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    blocked = pthread_sigmask(SIG_BLOCK, &set, nullptr) == 0;
  });
  worker.join();
  EXPECT_TRUE(blocked);
}

TEST(SettingsOverlayTest, ServesOnAUnixSocket) {
  grpc::ServerBuilder builder;
  const std::string address = "unix:" + ::testing::TempDir() + "settings_overlay_test.sock";
  builder.AddListeningPort(address, grpc::InsecureServerCredentials());
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_TRUE(server != nullptr);
  server->Shutdown();
}


TEST(SettingsOverlayTest, DefaultsForMissingKeys) {
  config::Settings s;
  EXPECT_EQ(config::Get(s, "queue_depth", "128"), std::string("128"));
}

}  // namespace
