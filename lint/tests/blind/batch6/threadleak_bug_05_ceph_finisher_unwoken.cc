// Ceph-style finisher: completions are queued from any thread and run in
// order on the finisher thread, which sleeps on the condition variable until
// there is work or it is told to stop. The destructor clears the running
// flag, which the wait's predicate does not look at, and joins without a
// notify: an idle finisher thread never wakes up.
#include <deque>
#include <string>
#include <thread>

#include "mock/ceph_mutex.h"

class SimpleFinisher {
 public:
  explicit SimpleFinisher(std::string name) : thread_name(std::move(name)) {
    finisher_thread = std::thread([this] { finisher_thread_entry(); });
  }

  ~SimpleFinisher() {
    {
      std::lock_guard l{finisher_lock};
      finisher_running = false;
    }
    finisher_thread.join();  // EXPECT: concurrency-thread-leak
  }

  void queue(Context* c) {
    std::lock_guard l{finisher_lock};
    finisher_queue.push_back(c);
    finisher_cond.notify_one();
  }

  size_t queue_len() {
    std::lock_guard l{finisher_lock};
    return finisher_queue.size();
  }

 private:
  void finisher_thread_entry() {
    std::unique_lock l{finisher_lock};
    finisher_running = true;
    for (;;) {
      finisher_cond.wait(l, [this] { return finisher_stop || !finisher_queue.empty(); });
      if (finisher_stop && finisher_queue.empty()) break;
      std::deque<Context*> ls;
      ls.swap(finisher_queue);
      l.unlock();
      for (Context* c : ls) c->complete(0);
      l.lock();
    }
    finisher_running = false;
  }

  const std::string thread_name;
  ceph::mutex finisher_lock = ceph::make_mutex("SimpleFinisher::finisher_lock");
  ceph::condition_variable finisher_cond;
  bool finisher_stop = false;
  bool finisher_running = false;
  std::deque<Context*> finisher_queue;
  std::thread finisher_thread;
};
