// Client call object: the deadline timer thread invokes a stored callback
// that builds the error message from peer_, while Redirect() (called by the
// retry policy on another thread) rewrites peer_ under mu_. The callback
// holds no lock.
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <utility>

namespace rpc {

class ClientCall {
 public:
  ClientCall(std::string method, std::string peer)
      : method_(std::move(method)), peer_(std::move(peer)) {}

  void Start() {
    started_at_ = std::chrono::steady_clock::now();
    deadline_message_ = [this] {
      return "deadline exceeded calling " + method_ + " on " + peer_;
    };  // EXPECT: concurrency-closure-captures-mutable
  }

  // Retry policy: the server answered with a redirect.
  void Redirect(std::string new_peer) {
    std::lock_guard<std::mutex> lock(mu_);
    peer_ = std::move(new_peer);
    ++redirects_;
  }

  // Invoked by the deadline timer thread.
  std::string OnDeadline() const {
    return deadline_message_ ? deadline_message_() : "deadline exceeded";
  }

  int redirects() {
    std::lock_guard<std::mutex> lock(mu_);
    return redirects_;
  }

 private:
  const std::string method_;
  std::string peer_;
  std::chrono::steady_clock::time_point started_at_;
  std::function<std::string()> deadline_message_;
  std::mutex mu_;
  int redirects_ = 0;
};

}  // namespace rpc
