#include "server_bridge/tests/engine_test_client.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel_posix.h"
#include "server_bridge/engine/property_function.h"
#include "server_bridge/protocol/choice_proto.h"
#include "server_bridge/protocol/wire.h"

extern char** environ;

namespace lockstep::server::testing {

absl::StatusOr<std::unique_ptr<EngineProcess>> EngineProcess::Start(
    const std::string& binary, const std::string& log_path) {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    return absl::InternalError("socketpair failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 3);  // clears CLOEXEC on 3
  posix_spawn_file_actions_addopen(&actions, 2, log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  std::vector<std::string> args = {binary, "--fd=3"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  auto process = std::unique_ptr<EngineProcess>(new EngineProcess());
  int error = posix_spawn(&process->pid_, binary.c_str(), &actions, nullptr,
                          argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (error != 0) {
    close(fds[0]);
    return absl::InternalError(
        absl::StrCat("cannot start ", binary, ": errno ", error));
  }
  process->channel_ =
      grpc::CreateInsecureChannelFromFd("lockstep-engine", fds[0]);
  return process;
}

EngineProcess::~EngineProcess() {
  if (!reaped_ && pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::optional<int> EngineProcess::WaitForExit(absl::Duration timeout) {
  absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    int status = 0;
    pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      reaped_ = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return std::nullopt;
}

EngineTestClient::EngineTestClient(std::shared_ptr<grpc::Channel> channel) {
  auto stub = engine::v1::Engine::NewStub(channel);
  stream_ = stub->Connect(&context_);
  reader_ = std::thread([this] { ReadLoop(); });
}

EngineTestClient::~EngineTestClient() {
  Finish();
  context_.TryCancel();
  reader_.join();
}

void EngineTestClient::ReadLoop() {
  Packet packet;
  while (stream_->Read(&packet)) {
    absl::MutexLock lock(&mu_);
    inbox_[packet.channel()].push_back(packet);
    arrived_.SignalAll();
  }
  absl::MutexLock lock(&mu_);
  stream_ended_ = true;
  arrived_.SignalAll();
}

void EngineTestClient::Send(Packet packet) {
  absl::MutexLock lock(&write_mu_);
  if (writes_done_) return;
  if (packet.message_id() == 0) packet.set_message_id(next_id_++);
  stream_->Write(packet);
}

void EngineTestClient::Finish() {
  absl::MutexLock lock(&write_mu_);
  if (writes_done_) return;
  writes_done_ = true;
  stream_->WritesDone();
}

std::optional<Packet> EngineTestClient::Receive(uint32_t channel,
                                                absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  absl::Time deadline = absl::Now() + timeout;
  while (!stream_ended_ && inbox_[channel].empty() && absl::Now() < deadline) {
    arrived_.WaitWithDeadline(&mu_, deadline);
  }
  if (inbox_[channel].empty()) return std::nullopt;
  Packet packet = std::move(inbox_[channel].front());
  inbox_[channel].pop_front();
  return packet;
}

std::optional<Packet> EngineTestClient::Hello(uint32_t min_version,
                                              uint32_t max_version) {
  Packet hello;
  hello.mutable_hello()->set_min_version(min_version);
  hello.mutable_hello()->set_max_version(max_version);
  hello.mutable_hello()->set_client("engine_test_client");
  Send(hello);
  return Receive(0);
}

std::optional<engine::v1::TestReport> EngineTestClient::RunTest(
    const std::string& name, const engine::v1::Settings& settings,
    const std::function<void(protocol::ChoiceSource&)>& body, int* directives) {
  Packet start;
  start.set_message_id(0);
  start.mutable_start_test()->set_name(name);
  *start.mutable_start_test()->mutable_settings() = settings;
  // Control replies for concurrent tests can arrive in any order: match ours
  // by the message id it replies to.
  uint64_t start_id;
  {
    absl::MutexLock lock(&write_mu_);
    start_id = next_id_++;
  }
  start.set_message_id(start_id);
  Send(start);
  uint32_t channel = 0;
  absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (channel == 0 && absl::Now() < deadline) {
    absl::MutexLock lock(&mu_);
    auto& control = inbox_[0];
    for (auto it = control.begin(); it != control.end(); ++it) {
      if (it->reply_to() == start_id) {
        if (!it->has_test_started()) return std::nullopt;
        channel = it->test_started().channel();
        control.erase(it);
        break;
      }
    }
    if (channel == 0) {
      if (stream_ended_) return std::nullopt;
      arrived_.WaitWithDeadline(&mu_, deadline);
    }
  }
  if (channel == 0) return std::nullopt;

  engine::TestFunction run = engine::PropertyFunction(body);
  engine::BatchFunction run_batch = engine::PropertyBatchFunction(body);
  for (;;) {
    std::optional<Packet> packet = Receive(channel);
    if (!packet) return std::nullopt;
    if (packet->has_test_report()) {
      Packet close;
      close.set_channel(channel);
      close.mutable_close_channel();
      Send(close);
      return packet->test_report();
    }
    if (!packet->has_directive()) continue;  // errors are checked by callers
    absl::StatusOr<protocol::Directive> directive =
        protocol::DirectiveFromWire(packet->directive());
    if (!directive.ok()) return std::nullopt;
    if (directives != nullptr) ++*directives;
    Packet reply;
    reply.set_channel(channel);
    reply.set_reply_to(packet->message_id());
    if (directive->batch_size > 0) {
      for (const protocol::Outcome& outcome : run_batch(*directive)) {
        *reply.mutable_run_result()->add_runs() = protocol::ToWire(outcome);
      }
    } else {
      *reply.mutable_run_result() = protocol::ToWire(run(*directive));
    }
    Send(reply);
  }
}

}  // namespace lockstep::server::testing
