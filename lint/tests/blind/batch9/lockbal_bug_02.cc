// A collective-ops rendezvous in the style of TensorFlow's
// CollectiveRemoteAccess: incoming tensors are matched with pending
// receivers by key. The matcher walks the pending list with explicit
// lock()/unlock() calls so it can drop the lock while copying.
#include <cstdint>
#include <functional>
#include <list>
#include <string>
#include <utility>
#include <vector>

#include "tensorflow/core/lib/core/status.h"
#include "tensorflow/core/platform/logging.h"
#include "tensorflow/core/platform/mutex.h"

namespace tensorflow {

struct Tensor {
  std::vector<float> values;
};

using DoneCallback = std::function<void(const Status&)>;

struct PendingRecv {
  std::string key;
  Tensor* dst;
  DoneCallback done;
  bool cancelled = false;
};

class Rendezvous {
 public:
  void RecvAsync(const std::string& key, Tensor* dst, DoneCallback done) {
    mutex_lock l(mu_);
    pending_.push_back(PendingRecv{key, dst, std::move(done)});
  }

  // Delivers `value` to every pending receiver of `key`. The copies run
  // without the lock; the bookkeeping for each receiver takes it again.
  int Deliver(const std::string& key, const Tensor& value) {
    std::vector<PendingRecv> matched;
    {
      mutex_lock l(mu_);
      for (auto it = pending_.begin(); it != pending_.end();) {
        if (it->key == key) {
          matched.push_back(std::move(*it));
          it = pending_.erase(it);
        } else {
          ++it;
        }
      }
    }
    int delivered = 0;
    for (PendingRecv& recv : matched) {  // EXPECT: concurrency-lock-balance
      mu_.lock();
      if (cancelled_keys_.count(recv.key) > 0) {
        ++num_cancelled_;
        continue;
      }
      ++num_delivered_;
      mu_.unlock();
      *recv.dst = value;  // copy outside the lock
      recv.done(OkStatus());
      ++delivered;
    }
    VLOG(2) << "delivered " << key << " to " << delivered << " receivers";
    return delivered;
  }

  void Cancel(const std::string& key) {
    mutex_lock l(mu_);
    cancelled_keys_.push_back(key);
  }

  void CancelAll(const Status& reason) {
    std::list<PendingRecv> to_cancel;
    {
      mutex_lock l(mu_);
      to_cancel.swap(pending_);
    }
    for (PendingRecv& r : to_cancel) r.done(reason);
  }

  size_t NumPending() {
    mutex_lock l(mu_);
    return pending_.size();
  }

 private:
  mutex mu_;
  std::list<PendingRecv> pending_ TF_GUARDED_BY(mu_);
  struct KeyList : std::vector<std::string> {
    size_t count(const std::string& k) const {
      size_t n = 0;
      for (const std::string& s : *this) n += s == k;
      return n;
    }
  };
  KeyList cancelled_keys_ TF_GUARDED_BY(mu_);
  int64_t num_delivered_ TF_GUARDED_BY(mu_) = 0;
  int64_t num_cancelled_ TF_GUARDED_BY(mu_) = 0;
};

Status SendAndWait(Rendezvous* rendezvous, const std::string& key, const Tensor& t) {
  const int n = rendezvous->Deliver(key, t);
  if (n == 0) {
    LOG(WARNING) << "no receiver for " << key;
    return errors::NotFound("no pending receiver for " + key);
  }
  return OkStatus();
}

void BroadcastTo(Rendezvous* rendezvous, const std::vector<std::string>& keys, const Tensor& t) {
  for (const std::string& key : keys) {
    Status s = SendAndWait(rendezvous, key, t);
    if (!s.ok()) {
      VLOG(1) << s.message();
    }
  }
}

}  // namespace tensorflow
