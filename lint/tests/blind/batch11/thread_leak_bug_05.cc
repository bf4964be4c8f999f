// Completion finisher in the style of Ceph's Finisher: contexts are queued
// by any thread and completed in order by the finisher thread. The
// destructor joins the thread without telling it to stop.
#include <deque>
#include <thread>
#include <utility>

#include "ceph_common.h"

class SimpleFinisher : public Finisher {
 public:
  SimpleFinisher() : finisher_thread([this] { finisher_thread_entry(); }) {}

  ~SimpleFinisher() override {
    finisher_thread.join();  // EXPECT: concurrency-thread-leak
  }

  void queue(Context* c, int r = 0) override {
    std::lock_guard l{finisher_lock};
    finisher_queue.emplace_back(c, r);
    finisher_cond.notify_all();
  }

  void wait_for_empty() {
    std::unique_lock ul{finisher_lock};
    finisher_empty_cond.wait(ul, [this] { return finisher_queue.empty() && !finisher_running; });
  }

 private:
  void finisher_thread_entry() {
    std::unique_lock ul{finisher_lock};
    while (!finisher_stop) {
      finisher_cond.wait(ul, [this] { return finisher_stop || !finisher_queue.empty(); });
      while (!finisher_queue.empty()) {
        std::deque<std::pair<Context*, int>> ls;
        ls.swap(finisher_queue);
        finisher_running = true;
        ul.unlock();
        for (auto& [c, r] : ls) c->complete(r);
        ul.lock();
        finisher_running = false;
      }
      finisher_empty_cond.notify_all();
    }
  }

  ceph::mutex finisher_lock = ceph::make_mutex("SimpleFinisher::finisher_lock");
  ceph::condition_variable finisher_cond;
  ceph::condition_variable finisher_empty_cond;
  bool finisher_stop = false;
  bool finisher_running = false;
  std::deque<std::pair<Context*, int>> finisher_queue;
  std::thread finisher_thread;
};
