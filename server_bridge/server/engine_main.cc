// lockstep-engine: the property-testing engine subprocess.
//
//   lockstep-engine --fd=N                 serve the client on an inherited,
//                                          already-connected socket; exit when
//                                          the client's end closes
//   lockstep-engine --unix_socket=PATH     listen on a Unix socket, for
//                                          debugging by hand
//
// No TCP port is ever opened. The log goes to stderr.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/server_posix.h"
#include "server_bridge/protocol/progress_page.h"
#include "server_bridge/server/engine_service.h"
#include "server_bridge/server/log.h"

ABSL_FLAG(int, progress_fd, -1,
          "an inherited descriptor of the client's progress page "
          "(PROTOCOL.md, \"Crash records\")");
ABSL_FLAG(int, fd, -1,
          "an inherited, connected Unix socket to serve one client on");
ABSL_FLAG(std::string, unix_socket, "",
          "a Unix socket path to listen on (debugging)");
ABSL_FLAG(int, max_running_tests, 64, "concurrent tests per connection");

namespace {

// Larger than any sane test case; protocol-level limits come first.
constexpr int kMaxMessageBytes = 64 << 20;

int Fail(const std::string& message) {
  lockstep::server::Log("error: " + message);
  return 2;
}

// Waits until the peer of `fd` hangs up (or `stop` is notified).
void WaitForHangup(int fd, absl::Notification* stop) {
  while (!stop->HasBeenNotified()) {
    pollfd watch{fd, POLLRDHUP, 0};
    int ready = poll(&watch, 1, 200);
    if (ready < 0 && errno != EINTR) return;
    if (ready > 0 &&
        (watch.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)))
      return;
  }
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  signal(SIGPIPE, SIG_IGN);
  int fd = absl::GetFlag(FLAGS_fd);
  std::string socket_path = absl::GetFlag(FLAGS_unix_socket);
  if ((fd >= 0) == !socket_path.empty()) {
    return Fail("give exactly one of --fd=N or --unix_socket=PATH");
  }
  if (socket_path.size() > 107) {
    return Fail(
        "--unix_socket path is longer than 107 bytes, the limit for Unix "
        "socket paths");
  }
  if (absl::GetFlag(FLAGS_max_running_tests) < 1) {
    return Fail("--max_running_tests must be at least 1");
  }
  lockstep::server::ConnectionLimits limits;
  limits.max_running_tests = absl::GetFlag(FLAGS_max_running_tests);
  // The client's progress page, kept for the whole process: crash records
  // read it after the client is gone.
  std::optional<lockstep::protocol::ProgressPage> progress;
  if (int progress_fd = absl::GetFlag(FLAGS_progress_fd); progress_fd >= 0) {
    absl::StatusOr<lockstep::protocol::ProgressPage> page =
        lockstep::protocol::ProgressPage::Map(progress_fd);
    if (!page.ok()) return Fail(std::string(page.status().message()));
    progress.emplace(*std::move(page));
    limits.progress = &*progress;
  }

  absl::Notification stream_ended;
  lockstep::server::EngineService service(limits, [&stream_ended, fd] {
    if (fd >= 0 && !stream_ended.HasBeenNotified()) stream_ended.Notify();
  });
  grpc::ServerBuilder builder;
  builder.RegisterService(&service);
  builder.SetMaxReceiveMessageSize(kMaxMessageBytes);
  builder.SetMaxSendMessageSize(kMaxMessageBytes);
  if (!socket_path.empty()) {
    builder.AddListeningPort("unix:" + socket_path,
                             grpc::InsecureServerCredentials());
  }
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr) return Fail("cannot start the gRPC server");

  if (!socket_path.empty()) {
    lockstep::server::Log("listening on unix:" + socket_path);
    server->Wait();
    return 0;
  }

  int flags = fcntl(fd, F_GETFL);
  if (flags < 0)
    return Fail(absl::StrCat("--fd=", fd, " is not an open descriptor"));
  int type = 0;
  socklen_t length = sizeof type;
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0) {
    return Fail(absl::StrCat("--fd=", fd, " is not a socket"));
  }
  // gRPC reads until EAGAIN: the descriptor must not block.
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  // A duplicate to watch for the client hanging up; gRPC owns `fd`.
  int watch_fd = dup(fd);
  grpc::AddInsecureChannelFromFd(server.get(), fd);
  lockstep::server::Log(absl::StrCat("serving on fd ", fd));

  absl::Notification stop_watching;
  std::thread watcher([&] {
    WaitForHangup(watch_fd, &stop_watching);
    if (!stream_ended.HasBeenNotified()) stream_ended.Notify();
  });
  stream_ended.WaitForNotification();
  lockstep::server::Log("client gone; shutting down");
  stop_watching.Notify();
  watcher.join();
  close(watch_fd);
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  return 0;
}
