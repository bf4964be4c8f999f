// A pool of reusable connections with a background reaper thread.
#ifndef LOCKSTEP_EXAMPLES_CONNECTION_POOL_CONNECTION_POOL_H_
#define LOCKSTEP_EXAMPLES_CONNECTION_POOL_CONNECTION_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace examples {

struct Connection {
  std::string peer;
  int fd = -1;
};

class ConnectionPool {
 public:
  ConnectionPool(std::string peer, size_t max_idle);
  ~ConnectionPool();

  std::unique_ptr<Connection> Acquire();
  void Release(std::unique_ptr<Connection> connection);
  // Waits until a connection is idle or the pool closes.
  bool WaitForIdle();
  const std::vector<std::unique_ptr<Connection>>& idle() const;
  long created() const { return created_.load(std::memory_order_relaxed); }
  void Close();

 private:
  void ReapLoop();

  const std::string peer_;
  const size_t max_idle_;
  mutable std::mutex mu_;
  std::condition_variable idle_changed_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mu_
  bool closed_ = false;                            // guarded by mu_
  int reaped_ = 0;                                 // guarded by mu_
  std::atomic<long> created_{0};
  std::thread reaper_;
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_CONNECTION_POOL_CONNECTION_POOL_H_
