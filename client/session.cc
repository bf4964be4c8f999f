#include "client/session.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "client/progress_slots.h"

namespace lockstep::client {
namespace {

constexpr char kRunfilesEngine[] =
    "lockstep/server_bridge/server/lockstep-engine";

// The directory for the engine's log: .lockstep/ under the test's temporary
// directory when Bazel gives one, else under the working directory.
std::string LogDirectory() {
  const char* test_tmpdir = std::getenv("TEST_TMPDIR");
  std::filesystem::path base = test_tmpdir != nullptr ? test_tmpdir : ".";
  return (base / ".lockstep").string();
}

}  // namespace

absl::StatusOr<std::string> FindEngineBinary() {
  if (const char* path = std::getenv("LOCKSTEP_ENGINE");
      path != nullptr && *path != '\0') {
    return std::string(path);
  }
  std::vector<std::string> candidates;
  if (const char* srcdir = std::getenv("TEST_SRCDIR")) {
    candidates.push_back(absl::StrCat(srcdir, "/", kRunfilesEngine));
  }
  std::error_code error;
  std::filesystem::path self =
      std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error)
    candidates.push_back(
        absl::StrCat(self.string(), ".runfiles/", kRunfilesEngine));
  for (const std::string& candidate : candidates) {
    if (access(candidate.c_str(), F_OK) == 0) return candidate;
  }
  return absl::NotFoundError(
      "cannot find the lockstep engine: depend on //server_bridge:engine from "
      "the test "
      "(so Bazel puts it in the runfiles), or set Settings::engine_path or "
      "LOCKSTEP_ENGINE");
}

Session& Session::Global() {
  // Never destroyed (threads may outlive main); the engine is stopped at exit
  // instead. Were the process killed, the engine still exits on its own when
  // its socket's other end closes.
  static Session* session = [] {
    auto* created = new Session();
    std::atexit([] { Global().Shutdown(); });
    return created;
  }();
  return *session;
}

Session::~Session() { Shutdown(); }

void Session::Shutdown() {
  // In a forked child the connection is the parent's: leave it alone.
  if (getpid() != owner_pid_) return;
  absl::MutexLock lock(&mu_);
  if (process_ != nullptr && client_fd_ >= 0 &&
      !process_->exit()->HasExited()) {
    // End the stream for the engine even while tests still hold the
    // connection (exit() called by a body): it sees its client go, records
    // the case in flight, if any, and exits by itself.
    shutdown(client_fd_, SHUT_RDWR);
    process_->exit()->MessageWithin(absl::Seconds(2));
  }
  connection_.reset();
  process_.reset();
  client_fd_ = -1;
}

absl::StatusOr<std::shared_ptr<Connection>> Session::Connect(
    const std::string& engine_path, absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  bool same_binary = engine_path.empty() || engine_path == binary_;
  if (connection_ != nullptr && !connection_->broken() && process_ != nullptr &&
      !process_->exit()->HasExited() && same_binary) {
    return connection_;
  }
  // Dead or never started: start afresh. Tests still holding the old
  // connection fail with the old engine's exit message.
  connection_.reset();
  process_.reset();
  client_fd_ = -1;
  std::string binary = engine_path;
  if (binary.empty()) {
    absl::StatusOr<std::string> found = FindEngineBinary();
    if (!found.ok()) return found.status();
    binary = *std::move(found);
  }
  std::error_code error;
  std::filesystem::create_directories(LogDirectory(), error);
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("cannot create the log directory ", LogDirectory(), ": ",
                     error.message()));
  }
  std::string log_path = absl::StrCat(LogDirectory(), "/engine-", getpid(), "-",
                                      ++starts_, ".log");
  // The page on which this process's tests mark their cases: the engine
  // reads it to record a crash.
  const protocol::ProgressPage* page = ProgressSlots::Global().page();
  absl::StatusOr<std::unique_ptr<EngineProcess>> process =
      EngineProcess::Start(binary, log_path, page != nullptr ? page->fd() : -1);
  if (!process.ok()) return process.status();
  std::shared_ptr<const ProcessExit> exit = (*process)->exit();
  int fd = (*process)->TakeClientFd();
  client_fd_ = fd;
  absl::StatusOr<std::unique_ptr<Connection>> connection =
      Connection::Open(fd, exit, timeout);
  if (!connection.ok()) {
    // An engine that exits at once says why in its exit message (which the
    // connection error often already quotes).
    std::string message = exit->MessageWithin(absl::Milliseconds(500));
    std::string error(connection.status().message());
    if (!message.empty() && error.find(message) == std::string::npos) {
      absl::StrAppend(&error, " (", message, ")");
    }
    return absl::UnavailableError(
        absl::StrCat("cannot start the lockstep engine: ", error));
  }
  process_ = *std::move(process);
  connection_ = std::shared_ptr<Connection>(*std::move(connection));
  return connection_;
}

pid_t Session::engine_pid() const {
  absl::MutexLock lock(&mu_);
  return process_ != nullptr ? process_->pid() : -1;
}

}  // namespace lockstep::client
