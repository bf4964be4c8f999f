// An actor runtime: Send() may be called from any thread; the actor's
// mailbox is drained by one executor task at a time (scheduled_ ensures at
// most one is in flight), so the actor's own state needs no lock.
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>

class Executor {
 public:
  virtual ~Executor() = default;
  virtual void Submit(std::function<void()> task) = 0;
};

struct Message {
  std::string from;
  int64_t amount;
};

class AccountActor {
 public:
  explicit AccountActor(Executor* executor) : executor_(executor) {}

  void Send(Message m) {
    bool schedule = false;
    {
      std::lock_guard<std::mutex> lock(mailbox_mu_);
      mailbox_.push_back(std::move(m));
      if (!scheduled_) {
        scheduled_ = true;
        schedule = true;
      }
    }
    if (schedule) executor_->Submit([this] { Drain(); });
  }

  // Load-shedding in the RPC front end looks at the backlog.
  size_t backlog() const {
    return mailbox_.size();  // EXPECT: concurrency-unguarded-field
  }

  uint64_t processed() const {
    return processed_;  // EXPECT: concurrency-unguarded-field
  }

  void ResetStats() {
    std::lock_guard<std::mutex> lock(mailbox_mu_);
    processed_ = 0;
  }

 private:
  void Drain() {
    std::deque<Message> batch;
    {
      std::lock_guard<std::mutex> lock(mailbox_mu_);
      batch.swap(mailbox_);
    }
    for (const Message& m : batch) Handle(m);
    {
      std::lock_guard<std::mutex> lock(mailbox_mu_);
      processed_ += batch.size();
      if (mailbox_.empty()) {
        scheduled_ = false;
        return;
      }
    }
    executor_->Submit([this] { Drain(); });
  }

  // Only accessed on the actor's drain task.
  void Handle(const Message& m) {
    balance_ += m.amount;
    last_sender_ = m.from;
  }

  Executor* const executor_;
  mutable std::mutex mailbox_mu_;
  std::deque<Message> mailbox_;
  bool scheduled_ = false;
  uint64_t processed_ = 0;
  int64_t balance_ = 0;      // Only accessed on the actor's drain task.
  std::string last_sender_;  // Only accessed on the actor's drain task.
};
