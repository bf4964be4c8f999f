// The engine subprocess: started on one end of a socketpair with its stderr
// in a log file, watched by a monitor thread that reaps it.
#ifndef LOCKSTEP_CLIENT_ENGINE_PROCESS_H_
#define LOCKSTEP_CLIENT_ENGINE_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "client/process_exit.h"

namespace lockstep::client {

class EngineProcess {
 public:
  // Starts `binary --fd=3`; the engine's stderr goes to `log_path`. Fails
  // with a clear message when the binary is missing or not executable. A
  // `progress_fd` of 0 or more is inherited as descriptor 4
  // (--progress_fd=4): the progress page (protocol/progress_page.h).
  static absl::StatusOr<std::unique_ptr<EngineProcess>> Start(
      const std::string& binary, const std::string& log_path,
      int progress_fd = -1);

  // Kills the engine if it still runs and joins the monitor.
  ~EngineProcess();

  pid_t pid() const { return pid_; }
  // The client's end of the socketpair; ownership passes to whoever takes it
  // (gRPC's channel), so it is returned once.
  int TakeClientFd();
  std::shared_ptr<const ProcessExit> exit() const { return exit_; }

  // Asks the engine to stop (SIGTERM), then kills it after `grace`.
  void Stop(absl::Duration grace);

 private:
  EngineProcess(pid_t pid, int client_fd, std::string log_path);
  void Monitor();

  const pid_t pid_;
  const std::string log_path_;
  int client_fd_;  // owned by the creating thread until TakeClientFd()
  const std::shared_ptr<ProcessExit> exit_ = std::make_shared<ProcessExit>();
  // The only caller of waitpid(pid_); joined in ~EngineProcess.
  std::thread monitor_;
};

// The last `max_bytes` of a file, at most `max_lines` lines, for crash
// messages; empty if it cannot be read.
std::string FileTail(const std::string& path, size_t max_bytes,
                     size_t max_lines);

}  // namespace lockstep::client

#endif  // LOCKSTEP_CLIENT_ENGINE_PROCESS_H_
