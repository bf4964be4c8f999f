#include "examples/supervisor/supervisor.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

extern char** environ;

namespace examples {

Supervisor::Supervisor(std::vector<std::string> argv)
    : argv_(std::move(argv)) {}

Supervisor::~Supervisor() {
  Stop();
  if (monitor_.joinable()) monitor_.join();
}

absl::Status Supervisor::Start() {
  std::vector<char*> args;
  for (const std::string& arg : argv_)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int error =
      posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ);
  if (error != 0) {
    return absl::InternalError(
        absl::StrCat("cannot start ", argv_[0], ": errno ", error));
  }
  {
    absl::MutexLock lock(&mu_);
    pid_ = pid;
    ++restarts_;
  }
  monitor_ = std::thread([this, pid] {
    Monitor(pid);
    // BUG: pid_ is guarded by mu_, but this lambda runs on the monitor thread
    // and clears it without the lock while running() reads it.
    pid_ = -1;
  });
  return absl::OkStatus();
}

void Supervisor::Monitor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  {
    absl::MutexLock lock(&mu_);
    last_status_ = status;
  }
  // Computed here, before Notify(): waiters read it only afterwards.
  exit_message_ = DescribeExit(status);
  exited_.Notify();
}

std::string Supervisor::DescribeExit(int status) const {
  if (WIFEXITED(status))
    return absl::StrCat(argv_[0], " exited with ", WEXITSTATUS(status));
  if (WIFSIGNALED(status))
    return absl::StrCat(argv_[0], " killed by signal ", WTERMSIG(status));
  return absl::StrCat(argv_[0], " ended with status ", status);
}

std::string Supervisor::WaitForExit() {
  exited_.WaitForNotification();
  return exit_message_;
}

int Supervisor::restarts() const {
  absl::MutexLock lock(&mu_);
  return restarts_;
}

bool Supervisor::running() const {
  absl::MutexLock lock(&mu_);
  return pid_ > 0;
}

void Supervisor::Stop() {
  if (stopping_.exchange(true)) return;
  absl::MutexLock lock(&mu_);
  if (pid_ > 0) kill(pid_, SIGTERM);
}

}  // namespace examples
