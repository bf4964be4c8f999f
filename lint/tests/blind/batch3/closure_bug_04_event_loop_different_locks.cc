// Presence service: BroadcastAsync() posts a task to the event loop that
// walks sessions_ under broadcast_mu_, while AddSession() appends under
// sessions_mu_. Each side holds a lock, but not the same one.
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace presence {

class EventLoop {
 public:
  virtual ~EventLoop() = default;
  virtual void Post(std::function<void()> task) = 0;
};

struct Session {
  std::string user;
  int fd = -1;
  void Send(const std::string& msg) const { (void)msg; }
};

class PresenceService {
 public:
  explicit PresenceService(EventLoop* loop) : loop_(loop) {}

  void AddSession(Session session) {
    std::lock_guard<std::mutex> lock(sessions_mu_);
    sessions_.push_back(std::move(session));
  }

  void BroadcastAsync(std::string message) {
    loop_->Post([this, message] {
      std::lock_guard<std::mutex> lock(broadcast_mu_);
      for (const Session& s : sessions_)
        s.Send(message);  // EXPECT: concurrency-closure-captures-mutable
    });
  }

 private:
  EventLoop* const loop_;
  std::mutex sessions_mu_;
  std::mutex broadcast_mu_;
  std::vector<Session> sessions_;
};

}  // namespace presence
