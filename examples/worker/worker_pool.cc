#include "examples/worker/worker_pool.h"

#include <chrono>
#include <utility>

namespace examples {

WorkerPool::WorkerPool(size_t threads) {
  for (size_t i = 0; i < threads; ++i) {
    workers_.emplace_back([this] { Work(); });
  }
}

WorkerPool::~WorkerPool() { Stop(); }

bool WorkerPool::Submit(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return false;
    tasks_.push_back(std::move(task));
  }
  work_available_.notify_one();
  return true;
}

void WorkerPool::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_available_.notify_all();
  for (std::thread& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
}

void WorkerPool::Work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_available_.wait(lock,
                           [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping, and the queue is drained
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

Flusher::Flusher(Sink sink) : sink_(std::move(sink)) {}

// BUG: the destructor asks the flush thread to stop but never joins it; if
// the thread is still running, destroying thread_ calls std::terminate (and
// the thread would go on to use a destroyed Flusher).
Flusher::~Flusher() {
  stop_.store(true);
  records_ready_.notify_all();
}

void Flusher::Start() {
  thread_ = std::thread([this] { FlushLoop(); });
}

void Flusher::Append(std::string record) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back(std::move(record));
  }
  records_ready_.notify_one();
}

void Flusher::FlushLoop() {
  while (!stop_.load()) {
    std::vector<std::string> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      records_ready_.wait_for(lock, std::chrono::milliseconds(100), [this] {
        return stop_.load() || !pending_.empty();
      });
      batch.swap(pending_);
    }
    if (!batch.empty()) sink_(batch);
  }
}

void StartHeartbeat(std::function<void()> beat) {
  // BUG: the detached thread loops forever: nothing can stop it, it keeps
  // calling `beat` (and whatever it captured) while the process shuts down.
  std::thread([beat = std::move(beat)] {
    while (true) {
      beat();
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }).detach();
}

bool BuildSegments(int first, int last, const std::function<bool(int)>& build) {
  if (first >= last) return true;
  // The first segment is the largest; build it on a helper thread while this
  // thread builds the rest.
  std::thread helper([&build, first] { build(first); });
  for (int i = first + 1; i < last; ++i) {
    // BUG: returning here destroys `helper` while it is still joinable,
    // which calls std::terminate; join it before every return.
    if (!build(i)) return false;
  }
  helper.join();
  return true;
}

}  // namespace examples
