// A misbehaving engine gives each affected test a clear error: no crash, no
// hang.
#include <unistd.h>

#include <string>

#include "client/lockstep.h"
#include "gtest/gtest.h"

namespace lockstep {
namespace {

// A link to the fake engine whose name selects how it misbehaves.
std::string FakeEngine(const std::string& mode) {
  std::string target =
      std::string(getenv("TEST_SRCDIR")) + "/lockstep/client/tests/fake_engine";
  std::string link = std::string(::testing::TempDir()) + "/fake-" + mode;
  unlink(link.c_str());
  EXPECT_EQ(symlink(target.c_str(), link.c_str()), 0);
  return link;
}

Result CheckWith(const std::string& mode) {
  Settings settings;
  settings.engine_path = FakeEngine(mode);
  settings.engine_timeout_seconds = 1;
  settings.database = std::nullopt;
  return Check(
      "against " + mode, [](TestCase& tc) { tc.Draw(gen::Booleans()); },
      settings);
}

TEST(MisbehavingEngineTest, WrongProtocolVersion) {
  Result result = CheckWith("wrong_version");
  EXPECT_FALSE(result.passed);
  EXPECT_NE(result.error.find(
                "refused the handshake: version_mismatch: this engine speaks "
                "protocol versions 7 to 7"),
            std::string::npos)
      << result.error;
}

TEST(MisbehavingEngineTest, MalformedDirective) {
  Result result = CheckWith("malformed");
  EXPECT_FALSE(result.passed);
  EXPECT_NE(result.error.find(
                "malformed directive: choice 0: integer 50 is outside [0, 10]"),
            std::string::npos)
      << result.error;
}

TEST(MisbehavingEngineTest, RepliesOnAnUnknownChannel) {
  Result result = CheckWith("unknown_channel");
  EXPECT_FALSE(result.passed);
  // Unlike silence, the error says what the engine did send.
  EXPECT_NE(result.error.find("sent nothing on channel 1 for 1s; it sent 1 "
                              "packet(s) on channels never opened (the last "
                              "on channel 7)"),
            std::string::npos)
      << result.error;
}

TEST(MisbehavingEngineTest, SilencePastTheTimeout) {
  Result result = CheckWith("silent");
  EXPECT_FALSE(result.passed);
  EXPECT_NE(result.error.find("sent nothing on channel 1 for 1s"),
            std::string::npos)
      << result.error;
  EXPECT_EQ(result.error.find("never opened"), std::string::npos)
      << result.error;
}

TEST(MisbehavingEngineTest, PacketWithoutABody) {
  Result result = CheckWith("no_body");
  EXPECT_FALSE(result.passed);
  EXPECT_NE(result.error.find("unexpected packet"), std::string::npos)
      << result.error;
}

}  // namespace
}  // namespace lockstep
