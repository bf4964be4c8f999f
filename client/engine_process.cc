#include "client/engine_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

extern char** environ;

namespace lockstep::client {

std::string FileTail(const std::string& path, size_t max_bytes,
                     size_t max_lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  std::streamoff start = size > static_cast<std::streamoff>(max_bytes)
                             ? size - static_cast<std::streamoff>(max_bytes)
                             : 0;
  in.seekg(start);
  std::stringstream contents;
  contents << in.rdbuf();
  std::vector<std::string> lines = absl::StrSplit(contents.str(), '\n');
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  size_t first = lines.size() > max_lines ? lines.size() - max_lines : 0;
  std::string tail;
  for (size_t i = first; i < lines.size(); ++i)
    absl::StrAppend(&tail, lines[i], "\n");
  return tail;
}

absl::StatusOr<std::unique_ptr<EngineProcess>> EngineProcess::Start(
    const std::string& binary, const std::string& log_path, int progress_fd) {
  if (access(binary.c_str(), F_OK) != 0) {
    return absl::NotFoundError(
        absl::StrCat("the lockstep engine '", binary, "' does not exist"));
  }
  if (access(binary.c_str(), X_OK) != 0) {
    return absl::PermissionDeniedError(
        absl::StrCat("the lockstep engine '", binary, "' is not executable"));
  }
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    return absl::InternalError(
        absl::StrCat("socketpair failed: ", std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1],
                                   3);  // clears CLOEXEC on fd 3
  posix_spawn_file_actions_addopen(&actions, 2, log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  std::string fd_flag = "--fd=3";
  std::string progress_flag = "--progress_fd=4";
  std::vector<char*> argv = {const_cast<char*>(binary.c_str()), fd_flag.data()};
  if (progress_fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, progress_fd, 4);
    argv.push_back(progress_flag.data());
  }
  argv.push_back(nullptr);
  pid_t pid = -1;
  int error = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(),
                          environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (error != 0) {
    close(fds[0]);
    return absl::InternalError(
        absl::StrCat("cannot start the lockstep engine '", binary,
                     "': ", std::strerror(error)));
  }
  auto process =
      std::unique_ptr<EngineProcess>(new EngineProcess(pid, fds[0], log_path));
  return process;
}

EngineProcess::EngineProcess(pid_t pid, int client_fd, std::string log_path)
    : pid_(pid), log_path_(std::move(log_path)), client_fd_(client_fd) {
  monitor_ = std::thread([this] { Monitor(); });
}

EngineProcess::~EngineProcess() {
  Stop(absl::Seconds(2));
  monitor_.join();
  if (client_fd_ >= 0) close(client_fd_);
}

int EngineProcess::TakeClientFd() {
  int fd = client_fd_;
  client_fd_ = -1;
  return fd;
}

void EngineProcess::Monitor() {
  int status = 0;
  rusage usage{};
  while (wait4(pid_, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  ProcessExit::Facts facts;
  facts.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                      usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  facts.peak_rss_kib = usage.ru_maxrss;
  std::string how;
  if (WIFEXITED(status)) {
    facts.exit_code = WEXITSTATUS(status);
    how = absl::StrCat("exited with status ", WEXITSTATUS(status));
  } else if (WIFSIGNALED(status)) {
    facts.exit_code = 128 + WTERMSIG(status);
    how = absl::StrCat("was killed by signal ", WTERMSIG(status), " (",
                       strsignal(WTERMSIG(status)), ")");
  } else {
    facts.exit_code = -1;
    how = absl::StrCat("ended with wait status ", status);
  }
  // Computed here, where the process is known to be gone and the log
  // complete; published before the notification.
  std::string tail = FileTail(log_path_, 4096, 20);
  exit_->Publish(
      absl::StrCat("the lockstep engine (pid ", pid_, ") ", how, "; log ",
                   log_path_, tail.empty() ? " is empty" : " ends with:\n",
                   tail),
      facts);
}

void EngineProcess::Stop(absl::Duration grace) {
  if (exit_->HasExited()) return;
  kill(pid_, SIGTERM);
  if (exit_->MessageWithin(grace).empty() && !exit_->HasExited()) {
    kill(pid_, SIGKILL);
  }
}

}  // namespace lockstep::client
