// A Node.js-style inspector I/O bridge: the inspector thread hands messages
// to the main event loop through a mutex-protected queue and a uv_async_t.
// Everything else lives on the event loop thread and needs no lock.
#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "node_mutex.h"
#include "uv.h"

namespace node {
namespace inspector {

enum class TransportAction { kSendMessage, kKill, kStop };

struct Message {
  TransportAction action;
  int session_id;
  std::string text;
};

class MainThreadBridge {
 public:
  explicit MainThreadBridge(uv_loop_t* loop) : loop_(loop) {
    async_.data = this;
    uv_async_init(loop_, &async_, OnAsync);
  }

  // Inspector thread.
  void Post(Message message) {
    {
      Mutex::ScopedLock scoped_lock(lock_);
      incoming_.push_back(std::move(message));
    }
    uv_async_send(&async_);
  }

  // Event loop thread, from the async callback.
  void DispatchMessages() {
    std::deque<Message> batch;
    {
      Mutex::ScopedLock scoped_lock(lock_);
      batch.swap(incoming_);
      ++dispatch_rounds_;
      if (batch.size() > max_batch_) max_batch_ = batch.size();
    }
    for (Message& m : batch) {
      switch (m.action) {
        case TransportAction::kSendMessage:
          Deliver(m.session_id, m.text);
          break;
        case TransportAction::kKill:
          sessions_open_ = 0;
          break;
        case TransportAction::kStop:
          stopped_ = true;
          break;
      }
    }
  }

  // Event loop thread.
  void OpenSession(int id) {
    if (stopped_) return;
    ++sessions_open_;
    delivered_.emplace_back(id, "");
  }

  // Event loop thread.
  std::string Summary() const {
    return std::to_string(dispatch_rounds_) + " rounds, max batch " + std::to_string(max_batch_) +
           ", " + std::to_string(sessions_open_) + " sessions";
  }

 private:
  static void OnAsync(uv_async_t* handle) {
    static_cast<MainThreadBridge*>(handle->data)->DispatchMessages();
  }

  void Deliver(int session_id, const std::string& text) {
    delivered_.emplace_back(session_id, text);
    if (delivered_.size() > 1024) delivered_.erase(delivered_.begin());
  }

  uv_loop_t* const loop_;
  uv_async_t async_;

  Mutex lock_;
  std::deque<Message> incoming_;  // guarded by lock_

  // Statistics and session state: only accessed on the event loop thread.
  uint64_t dispatch_rounds_ = 0;  // only accessed on the event loop thread
  size_t max_batch_ = 0;          // only accessed on the event loop thread
  int sessions_open_ = 0;
  bool stopped_ = false;
  std::vector<std::pair<int, std::string>> delivered_;
};

}  // namespace inspector
}  // namespace node
