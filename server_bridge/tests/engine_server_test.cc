// lockstep-engine end to end: the real binary in a subprocess on a
// socketpair, driven through gRPC by a small test client.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <numeric>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/engine_process.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "server_bridge/engine/property_function.h"
#include "server_bridge/tests/engine_test_client.h"

namespace lockstep::server::testing {
namespace {

std::string EngineBinary() {
  return std::string(getenv("TEST_SRCDIR")) +
         "/lockstep/server_bridge/server/lockstep-engine";
}

class EngineServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_path_ =
        std::string(::testing::TempDir()) + "/engine-" +
        ::testing::UnitTest::GetInstance()->current_test_info()->name() +
        ".log";
    absl::StatusOr<std::unique_ptr<client::EngineProcess>> process =
        client::EngineProcess::Start(EngineBinary(), log_path_);
    ASSERT_TRUE(process.ok()) << process.status();
    process_ = *std::move(process);
    grpc_channel_ = ChannelToEngine(process_->TakeClientFd());
    client_ = std::make_unique<EngineTestClient>(grpc_channel_);
  }

  // Protocol 4, the only one the engine speaks.
  void Handshake() {
    std::optional<Packet> welcome = client_->Hello(1, 4);
    ASSERT_TRUE(welcome.has_value());
    ASSERT_TRUE(welcome->has_welcome()) << welcome->DebugString();
  }

  static engine::v1::Settings Derandomized() {
    engine::v1::Settings settings;
    settings.set_derandomize(true);
    settings.set_database(std::string(::testing::TempDir()) + "/examples");
    return settings;
  }

  std::string log_path_;
  std::unique_ptr<client::EngineProcess> process_;
  std::shared_ptr<grpc::Channel> grpc_channel_;
  std::unique_ptr<EngineTestClient> client_;
};

std::vector<int64_t> Integers(const engine::v1::Failure& failure) {
  std::vector<int64_t> values;
  for (const auto& choice : failure.choices()) {
    if (choice.has_integer()) values.push_back(choice.integer().value());
  }
  return values;
}

void SumExceeds(protocol::ChoiceSource& s, int64_t limit) {
  int64_t sum = 0;
  while (s.DrawBoolean(0.8)) {
    s.StartSpan("element");
    sum += s.DrawInteger(0, 10000);
    s.EndSpan();
  }
  if (sum > limit) throw protocol::CaseFailure("sum too large", "sum");
}

TEST_F(EngineServerTest, HandshakeAgreesOnTheHighestCommonVersion) {
  std::optional<Packet> welcome = client_->Hello(1, 5);
  ASSERT_TRUE(welcome.has_value());
  ASSERT_TRUE(welcome->has_welcome()) << welcome->DebugString();
  EXPECT_EQ(welcome->welcome().version(), 4u);
  EXPECT_EQ(welcome->welcome().engine(), "lockstep-engine");
}

TEST_F(EngineServerTest, OlderClientsAreRefusedWithAClearError) {
  std::optional<Packet> reply = client_->Hello(1, 3);
  ASSERT_TRUE(reply.has_value());
  ASSERT_TRUE(reply->has_error()) << reply->DebugString();
  EXPECT_EQ(reply->error().code(), "version_mismatch");
  EXPECT_EQ(reply->error().message(),
            "the client speaks protocol versions 1 to 3; this engine speaks 4 "
            "to 4 (version 4 added crash records and isolation: update the "
            "client)");
}

TEST_F(EngineServerTest, VersionMismatchNamesBothVersions) {
  std::optional<Packet> reply = client_->Hello(5, 6);
  ASSERT_TRUE(reply.has_value());
  ASSERT_TRUE(reply->has_error());
  EXPECT_EQ(reply->error().code(), "version_mismatch");
  EXPECT_EQ(
      reply->error().message(),
      "the client speaks protocol versions 5 to 6; this engine speaks 4 to 4");
}

TEST_F(EngineServerTest, PassingTestRunsAllCases) {
  Handshake();
  std::optional<engine::v1::TestReport> report = client_->RunTest(
      "passes", Derandomized(),
      [](protocol::ChoiceSource& s) { s.DrawInteger(0, 100); });
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->passed()) << report->DebugString();
  // 101 values: the engine steers to values not run yet.
  EXPECT_EQ(report->valid(), 100u);
  EXPECT_EQ(report->repeats(), 0u);
  EXPECT_TRUE(report->error().empty());
}

TEST_F(EngineServerTest, GeneratesInBatches) {
  Handshake();
  int directives = 0;
  std::optional<engine::v1::TestReport> report = client_->RunTest(
      "batched", Derandomized(),
      [](protocol::ChoiceSource& s) { s.DrawInteger(0, 1000000); },
      &directives);
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->passed()) << report->DebugString();
  EXPECT_EQ(report->valid(), 100u);
  // The simplest case, then one batch of the other 99.
  EXPECT_EQ(directives, 2);
}

TEST_F(EngineServerTest, ReportsCarryStatistics) {
  Handshake();
  std::optional<engine::v1::TestReport> report = client_->RunTest(
      "statistics", Derandomized(), [](protocol::ChoiceSource& s) {
        // Eight cases, drawn again and again: repeats until exhausted.
        s.DrawInteger(0, 3);
        if (s.DrawBoolean(0.5)) throw protocol::CaseRejected{};
      });
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->passed()) << report->DebugString();
  EXPECT_EQ(report->valid(), 4u);
  EXPECT_EQ(report->invalid(), 4u);
  EXPECT_GT(report->repeats(), 0u);
  EXPECT_EQ(report->overruns(), 0u);
  EXPECT_EQ(report->replayed(), 0u);
  EXPECT_EQ(report->stop_reason(), "all 8 distinct inputs tried");
}

TEST_F(EngineServerTest, DrawHeavyRunsAreSummarizedAndStillCounted) {
  Handshake();
  int directives = 0;
  engine::v1::Settings settings = Derandomized();
  settings.set_test_cases(300);
  std::optional<engine::v1::TestReport> report = client_->RunTest(
      "heavy", settings,
      [](protocol::ChoiceSource& s) {
        for (int i = 0; i < 200; ++i) s.DrawInteger(0, 1000);
      },
      &directives);
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->passed()) << report->DebugString();
  EXPECT_EQ(report->valid(), 300u);
  EXPECT_EQ(directives, 2);
}

TEST_F(EngineServerTest, FailingTestIsShrunkToItsMinimum) {
  Handshake();
  std::optional<engine::v1::TestReport> report =
      client_->RunTest("sum", Derandomized(),
                       [](protocol::ChoiceSource& s) { SumExceeds(s, 1000); });
  ASSERT_TRUE(report.has_value());
  EXPECT_FALSE(report->passed());
  ASSERT_EQ(report->failures_size(), 1);
  EXPECT_EQ(Integers(report->failures(0)), std::vector<int64_t>{1001});
  EXPECT_EQ(report->failures(0).origin(), "sum");
  EXPECT_EQ(report->failures(0).message(), "sum too large");
  EXPECT_GT(report->shrink_calls(), 0u);
}

TEST_F(EngineServerTest, SixteenConcurrentTestsOnOneConnection) {
  Handshake();
  std::vector<std::optional<engine::v1::TestReport>> reports(16);
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([this, i, &reports] {
      int64_t limit = 100 * (i + 1);
      reports[i] =
          client_->RunTest("concurrent " + std::to_string(i), Derandomized(),
                           [i, limit](protocol::ChoiceSource& s) {
                             if (i % 2 == 0) {
                               SumExceeds(s, limit);
                             } else {
                               s.DrawInteger(0, 10);
                             }
                           });
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < 16; ++i) {
    ASSERT_TRUE(reports[i].has_value()) << "test " << i;
    if (i % 2 == 0) {
      ASSERT_EQ(reports[i]->failures_size(), 1) << "test " << i;
      EXPECT_EQ(Integers(reports[i]->failures(0)),
                std::vector<int64_t>{100 * (i + 1) + 1})
          << "test " << i;
    } else {
      EXPECT_TRUE(reports[i]->passed()) << "test " << i;
    }
  }
}

TEST_F(EngineServerTest, StartBeforeHelloIsRefused) {
  Packet start;
  start.mutable_start_test()->set_name("early");
  client_->Send(start);
  std::optional<Packet> reply = client_->Receive(0);
  ASSERT_TRUE(reply.has_value());
  ASSERT_TRUE(reply->has_error());
  EXPECT_EQ(reply->error().code(), "handshake_required");
}

TEST_F(EngineServerTest, UnknownChannelGetsAnErrorAndTheServerGoesOn) {
  Handshake();
  Packet stray;
  stray.set_channel(99);
  stray.mutable_run_result()->set_status(engine::v1::STATUS_VALID);
  client_->Send(stray);
  std::optional<Packet> reply = client_->Receive(99);
  ASSERT_TRUE(reply.has_value());
  ASSERT_TRUE(reply->has_error());
  EXPECT_EQ(reply->error().code(), "unknown_channel");
  EXPECT_EQ(reply->error().message(), "no test is running on channel 99");

  Packet bogus_control;
  bogus_control.mutable_directive();
  client_->Send(bogus_control);
  std::optional<Packet> control = client_->Receive(0);
  ASSERT_TRUE(control.has_value());
  EXPECT_EQ(control->error().code(), "unexpected_packet");

  std::optional<engine::v1::TestReport> report =
      client_->RunTest("after errors", Derandomized(),
                       [](protocol::ChoiceSource& s) { s.DrawBoolean(0.5); });
  ASSERT_TRUE(report.has_value());
  EXPECT_TRUE(report->passed());
}

TEST_F(EngineServerTest, MalformedChoicesEndOnlyThatTest) {
  Handshake();
  // A raw test whose first result reports a choice outside its own bounds.
  Packet start;
  start.set_message_id(1000);
  start.mutable_start_test()->set_name("malformed");
  *start.mutable_start_test()->mutable_settings() = Derandomized();
  client_->Send(start);
  std::optional<Packet> started = client_->Receive(0);
  ASSERT_TRUE(started.has_value() && started->has_test_started());
  uint32_t channel = started->test_started().channel();
  std::optional<Packet> directive = client_->Receive(channel);
  ASSERT_TRUE(directive.has_value() && directive->has_directive());
  Packet bad;
  bad.set_channel(channel);
  bad.set_reply_to(directive->message_id());
  bad.mutable_run_result()->set_status(engine::v1::STATUS_VALID);
  auto* integer = bad.mutable_run_result()->add_choices()->mutable_integer();
  integer->set_value(50);
  integer->set_min(0);
  integer->set_max(10);
  client_->Send(bad);
  std::optional<Packet> error = client_->Receive(channel);
  ASSERT_TRUE(error.has_value());
  ASSERT_TRUE(error->has_error()) << error->DebugString();
  EXPECT_EQ(error->error().code(), "invalid_choice");
  EXPECT_EQ(error->error().message(),
            "choice 0: integer 50 is outside [0, 10]");
  std::optional<Packet> report = client_->Receive(channel);
  ASSERT_TRUE(report.has_value() && report->has_test_report());
  EXPECT_NE(report->test_report().error().find("malformed run result"),
            std::string::npos);

  // The connection still serves other tests.
  std::optional<engine::v1::TestReport> next =
      client_->RunTest("still fine", Derandomized(),
                       [](protocol::ChoiceSource& s) { s.DrawInteger(0, 5); });
  ASSERT_TRUE(next.has_value());
  EXPECT_TRUE(next->passed());
}

// Starts a raw test, answers its first directive (the simplest case) with a
// passing run of one integer, and returns the channel and the batch
// directive that follows.
std::pair<uint32_t, Packet> StartUntilFirstBatch(EngineTestClient& client,
                                                 uint64_t start_id) {
  Packet start;
  start.set_message_id(start_id);
  start.mutable_start_test()->set_name(absl::StrCat("batch ", start_id));
  start.mutable_start_test()->mutable_settings()->set_derandomize(true);
  start.mutable_start_test()->mutable_settings()->set_no_database(true);
  client.Send(start);
  std::optional<Packet> started = client.Receive(0);
  EXPECT_TRUE(started.has_value() && started->has_test_started());
  if (!started.has_value()) return {0, Packet()};
  uint32_t channel = started->test_started().channel();
  std::optional<Packet> simplest = client.Receive(channel);
  EXPECT_TRUE(simplest.has_value() && simplest->has_directive());
  if (!simplest.has_value()) return {channel, Packet()};
  Packet reply;
  reply.set_channel(channel);
  reply.set_reply_to(simplest->message_id());
  reply.mutable_run_result()->set_status(engine::v1::STATUS_VALID);
  // A wide range: a small one would be steered (smaller batches).
  reply.mutable_run_result()->add_choices()->mutable_integer()->set_max(
      1'000'000'000);
  client.Send(reply);
  std::optional<Packet> batch = client.Receive(channel);
  EXPECT_TRUE(batch.has_value() && batch->has_directive());
  if (!batch.has_value()) return {channel, Packet()};
  EXPECT_EQ(batch->directive().batch_size(), 99u);
  return {channel, *batch};
}

// Sends `result` in answer to `batch` and returns the engine's error.
std::string BatchError(EngineTestClient& client, uint32_t channel,
                       const Packet& batch, engine::v1::RunResult result) {
  Packet reply;
  reply.set_channel(channel);
  reply.set_reply_to(batch.message_id());
  *reply.mutable_run_result() = std::move(result);
  client.Send(reply);
  std::optional<Packet> error = client.Receive(channel);
  if (!error.has_value() || !error->has_error()) return "no error";
  EXPECT_EQ(error->error().code(), "invalid_choice");
  std::optional<Packet> report = client.Receive(channel);
  EXPECT_TRUE(report.has_value() && report->has_test_report() &&
              !report->test_report().error().empty());
  return error->error().message();
}

TEST_F(EngineServerTest, MalformedBatchAnswersAreRefused) {
  Handshake();
  {
    auto [channel, batch] = StartUntilFirstBatch(*client_, 4000);
    EXPECT_EQ(BatchError(*client_, channel, batch, engine::v1::RunResult()),
              "a batch of 99 cases was answered with 0 runs");
  }
  {
    auto [channel, batch] = StartUntilFirstBatch(*client_, 4001);
    engine::v1::RunResult result;
    for (int i = 0; i < 100; ++i) {
      result.add_runs()->set_status(engine::v1::STATUS_VALID);
    }
    EXPECT_EQ(BatchError(*client_, channel, batch, result),
              "a batch of 99 cases was answered with 100 runs");
  }
  {
    auto [channel, batch] = StartUntilFirstBatch(*client_, 4002);
    engine::v1::RunResult result;
    engine::v1::RunResult* run = result.add_runs();
    run->set_status(engine::v1::STATUS_INTERESTING);
    run->set_summarized(true);
    run->set_digest(7);
    EXPECT_EQ(BatchError(*client_, channel, batch, result),
              "run 0 of the batch: a summarized run must pass, be rejected "
              "or overrun, with no targets, choices or spans");
  }
  // The connection still serves other tests.
  std::optional<engine::v1::TestReport> next =
      client_->RunTest("after bad batches", Derandomized(),
                       [](protocol::ChoiceSource& s) { s.DrawInteger(0, 5); });
  ASSERT_TRUE(next.has_value());
  EXPECT_TRUE(next->passed());
}

TEST_F(EngineServerTest, ClientDisconnectMidTestEndsTheEngineCleanly) {
  Handshake();
  Packet start;
  start.set_message_id(2000);
  start.mutable_start_test()->set_name("abandoned");
  client_->Send(start);
  std::optional<Packet> started = client_->Receive(0);
  ASSERT_TRUE(started.has_value() && started->has_test_started());
  std::optional<Packet> directive =
      client_->Receive(started->test_started().channel());
  ASSERT_TRUE(directive.has_value() && directive->has_directive());
  // Walk away without answering: the client's end of the socket closes.
  client_.reset();
  grpc_channel_.reset();
  std::optional<client::ProcessExit::Facts> exit =
      process_->exit()->FactsWithin(absl::Seconds(20));
  ASSERT_TRUE(exit.has_value())
      << "the engine did not exit after the client left";
  EXPECT_EQ(exit->exit_code, 0)
      << process_->exit()->MessageWithin(absl::ZeroDuration());
}

TEST_F(EngineServerTest, OversizedRunResultIsRefused) {
  Handshake();
  Packet start;
  start.set_message_id(3000);
  start.mutable_start_test()->set_name("oversized");
  start.mutable_start_test()->mutable_settings()->set_max_choices(100);
  client_->Send(start);
  std::optional<Packet> started = client_->Receive(0);
  ASSERT_TRUE(started.has_value() && started->has_test_started());
  uint32_t channel = started->test_started().channel();
  std::optional<Packet> directive = client_->Receive(channel);
  ASSERT_TRUE(directive.has_value() && directive->has_directive());
  Packet big;
  big.set_channel(channel);
  big.set_reply_to(directive->message_id());
  big.mutable_run_result()->set_status(engine::v1::STATUS_VALID);
  for (int i = 0; i < 101; ++i) {
    big.mutable_run_result()->add_choices()->mutable_boolean()->set_p(0.5);
  }
  client_->Send(big);
  std::optional<Packet> error = client_->Receive(channel);
  ASSERT_TRUE(error.has_value() && error->has_error());
  EXPECT_EQ(error->error().code(), "invalid_choice");
  EXPECT_EQ(error->error().message(),
            "run result has 101 choices; the directive allowed 100");
}

// Runs `command` through the shell; its exit status and combined output.
std::pair<int, std::string> RunCommand(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, ""};
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
    output.append(buffer, n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

TEST(EngineBinaryTest, RejectsMissingOrConflictingFlags) {
  auto [status, output] = RunCommand(EngineBinary());
  EXPECT_EQ(status, 2);
  EXPECT_NE(output.find("give exactly one of --fd=N or --unix_socket=PATH"),
            std::string::npos)
      << output;
  std::tie(status, output) =
      RunCommand(EngineBinary() + " --fd=3 --unix_socket=/tmp/x");
  EXPECT_EQ(status, 2);
}

TEST(EngineBinaryTest, RejectsADescriptorThatIsNotASocket) {
  auto [status, output] = RunCommand(EngineBinary() + " --fd=0 < /dev/null");
  EXPECT_EQ(status, 2);
  EXPECT_NE(output.find("--fd=0 is not a socket"), std::string::npos) << output;
}

TEST(EngineBinaryTest, ServesOnAUnixSocketPathForDebugging) {
  // Unix socket paths are limited to 107 bytes; the test's own temporary
  // directory can be deeper than that, so make a short unique one.
  char directory[] = "/tmp/lockstep-engine-XXXXXX";
  ASSERT_NE(mkdtemp(directory), nullptr);
  std::string socket_path = std::string(directory) + "/engine.sock";
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::string binary = EngineBinary();
    std::string flag = "--unix_socket=" + socket_path;
    execl(binary.c_str(), binary.c_str(), flag.c_str(), nullptr);
    _exit(127);
  }
  for (int i = 0; i < 200 && access(socket_path.c_str(), F_OK) != 0; ++i) {
    absl::SleepFor(absl::Milliseconds(25));
  }
  {
    EngineTestClient client(grpc::CreateChannel(
        "unix:" + socket_path, grpc::InsecureChannelCredentials()));
    std::optional<Packet> welcome = client.Hello(4, 4);
    ASSERT_TRUE(welcome.has_value() && welcome->has_welcome());
    engine::v1::Settings settings;
    settings.set_derandomize(true);
    settings.set_no_database(true);
    std::optional<engine::v1::TestReport> report =
        client.RunTest("over a path", settings, [](protocol::ChoiceSource& s) {
          if (s.DrawInteger(0, 1000) > 99)
            throw protocol::CaseFailure("", "big");
        });
    ASSERT_TRUE(report.has_value());
    ASSERT_EQ(report->failures_size(), 1);
    EXPECT_EQ(Integers(report->failures(0)), std::vector<int64_t>{100});
  }
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  unlink(socket_path.c_str());
  rmdir(directory);
}

TEST(EngineBinaryTest, RejectsASocketPathThatIsTooLong) {
  auto [status, output] = RunCommand(EngineBinary() + " --unix_socket=/tmp/" +
                                     std::string(120, 'x'));
  EXPECT_EQ(status, 2);
  EXPECT_NE(output.find("longer than 107 bytes"), std::string::npos) << output;
}

}  // namespace
}  // namespace lockstep::server::testing
