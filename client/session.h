// The process's one engine: started on first use, restarted when it has
// died, cleaned up at exit. Every concurrent Check shares it.
#ifndef LOCKSTEP_CLIENT_SESSION_H_
#define LOCKSTEP_CLIENT_SESSION_H_

#include <unistd.h>

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "client/connection.h"
#include "client/engine_process.h"

namespace lockstep::client {

class Session {
 public:
  // The process-wide session (a function-local static: built once,
  // thread-safely).
  static Session& Global();

  Session() = default;
  ~Session();

  // The live connection, starting the engine first if there is none or the
  // old one died. `engine_path` empty means: find it (see FindEngineBinary);
  // a path other than the running engine's restarts it with that binary.
  absl::StatusOr<std::shared_ptr<Connection>> Connect(
      const std::string& engine_path, absl::Duration timeout)
      ABSL_LOCKS_EXCLUDED(mu_);

  // Stops the engine: the connection first (the engine sees its client go
  // and exits), then the process. A later Connect starts a new one.
  void Shutdown() ABSL_LOCKS_EXCLUDED(mu_);

  // The running engine's pid, or -1; for tests that kill it.
  pid_t engine_pid() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  mutable absl::Mutex mu_;  // serializes start, restart and cleanup
  std::unique_ptr<EngineProcess> process_ ABSL_GUARDED_BY(mu_);
  std::shared_ptr<Connection> connection_ ABSL_GUARDED_BY(mu_);
  std::string binary_ ABSL_GUARDED_BY(mu_);  // of the running engine
  // The connection's socket (owned by gRPC), to end the stream at shutdown
  // however many tests still hold the connection; -1 when none.
  int client_fd_ ABSL_GUARDED_BY(mu_) = -1;
  int starts_ ABSL_GUARDED_BY(mu_) = 0;
  // The process that made this session: a forked child (an isolated case)
  // that exits must not shut down its parent's engine connection.
  const pid_t owner_pid_ = getpid();
};

// Where the engine binary is: $LOCKSTEP_ENGINE if set, else the copy in the
// running test's Bazel runfiles, else next to this executable's runfiles.
absl::StatusOr<std::string> FindEngineBinary();

}  // namespace lockstep::client

#endif  // LOCKSTEP_CLIENT_SESSION_H_
