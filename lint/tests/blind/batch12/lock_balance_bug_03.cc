// Subscription fan-out of a pub/sub gateway built on gRPC's callback API.
// The publisher thread walks the subscribers and hands each one the batch;
// subscribers whose stream is congested are skipped for this round.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/sync.h>

namespace pubsub {

struct Message {
  std::string topic;
  std::string payload;
  uint64_t sequence = 0;
};

class Subscriber {
 public:
  virtual ~Subscriber() = default;
  virtual bool Congested() const = 0;
  virtual void Enqueue(const Message& m) = 0;
  virtual const std::string& Topic() const = 0;
};

class FanOut {
 public:
  void AddSubscriber(std::shared_ptr<Subscriber> s) {
    grpc::internal::MutexLock lock(&mu_);
    subscribers_.push_back(std::move(s));
  }

  // Publisher thread.
  size_t Publish(const std::vector<Message>& batch) {
    size_t delivered = 0;
    for (size_t i = 0; i < subscribers_snapshot_size(); ++i) {  // EXPECT: concurrency-lock-balance
      mu_.Lock();
      if (i >= subscribers_.size()) {
        mu_.Unlock();
        break;
      }
      std::shared_ptr<Subscriber> s = subscribers_[i];
      if (s->Congested()) {
        ++skipped_;
        continue;
      }
      mu_.Unlock();
      for (const Message& m : batch) {
        if (m.topic == s->Topic()) {
          s->Enqueue(m);
          ++delivered;
        }
      }
    }
    return delivered;
  }

  uint64_t skipped() {
    grpc::internal::MutexLock lock(&mu_);
    return skipped_;
  }

 private:
  size_t subscribers_snapshot_size() {
    grpc::internal::MutexLock lock(&mu_);
    return subscribers_.size();
  }

  grpc::internal::Mutex mu_;
  std::vector<std::shared_ptr<Subscriber>> subscribers_;
  uint64_t skipped_ = 0;
};

}  // namespace pubsub
