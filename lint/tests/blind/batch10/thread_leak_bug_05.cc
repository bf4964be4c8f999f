// Outbound e-mail queue for the notification service: a sender thread waits
// for messages and hands them to the SMTP relay.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace notify {

enum class DeliveryStatus { kSent, kDeferred, kBounced };

struct Email {
  std::string to;
  std::string subject;
  std::string body;
  int attempts = 0;
};

class SmtpRelay {
 public:
  virtual ~SmtpRelay() = default;
  virtual DeliveryStatus Deliver(const Email& e) = 0;
};

class MailQueue {
 public:
  explicit MailQueue(SmtpRelay* relay) : relay_(relay), sender_([this] { SenderLoop(); }) {}

  ~MailQueue() {
    // Let the sender finish what is queued, then wait for it.
    sender_.join();  // EXPECT: concurrency-thread-leak
  }

  void Send(Email e) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(std::move(e));
    cv_.notify_one();
  }

  uint64_t sent() {
    std::lock_guard<std::mutex> lock(mu_);
    return sent_;
  }

  size_t pending() {
    std::lock_guard<std::mutex> lock(mu_);
    return queue_.size();
  }

 private:
  void SenderLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return shutting_down_ || !queue_.empty(); });
      if (queue_.empty()) return;
      Email e = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      DeliveryStatus status = relay_->Deliver(e);
      lock.lock();
      if (status == DeliveryStatus::kSent) {
        ++sent_;
      } else if (status == DeliveryStatus::kDeferred && ++e.attempts < kMaxAttempts) {
        queue_.push_back(std::move(e));
      }
    }
  }

  static constexpr int kMaxAttempts = 3;

  SmtpRelay* const relay_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Email> queue_;
  uint64_t sent_ = 0;
  bool shutting_down_ = false;  // read by the sender's wait predicate
  std::thread sender_;
};

}  // namespace notify
