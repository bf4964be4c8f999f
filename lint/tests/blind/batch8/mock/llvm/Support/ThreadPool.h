//===-- llvm/Support/ThreadPool.h - A ThreadPool implementation -*- C++ -*-===//
// Stand-in for the LLVM header.
#ifndef LLVM_SUPPORT_THREADPOOL_H
#define LLVM_SUPPORT_THREADPOOL_H

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace llvm {

class ThreadPool {
public:
  explicit ThreadPool(unsigned N = 4) {
    for (unsigned I = 0; I < N; ++I)
      Threads.emplace_back([this] { work(); });
  }

  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> LockGuard(QueueLock);
      EnableFlag = false;
    }
    QueueCondition.notify_all();
    for (auto &Worker : Threads)
      Worker.join();
  }

  /// Asynchronous submission of a task to the pool. The returned future can be
  /// used to wait for the task to finish and is *non-blocking* on destruction.
  std::shared_future<void> async(std::function<void()> Task) {
    auto Packaged = std::make_shared<std::packaged_task<void()>>(std::move(Task));
    std::shared_future<void> Future = Packaged->get_future().share();
    {
      std::lock_guard<std::mutex> LockGuard(QueueLock);
      Tasks.push_back([Packaged] { (*Packaged)(); });
    }
    QueueCondition.notify_one();
    return Future;
  }

  /// Blocking wait for all the threads to complete and the queue to be empty.
  void wait() {
    std::unique_lock<std::mutex> LockGuard(QueueLock);
    CompletionCondition.wait(LockGuard,
                             [&] { return !ActiveThreads && Tasks.empty(); });
  }

private:
  void work() {
    while (true) {
      std::function<void()> Task;
      {
        std::unique_lock<std::mutex> LockGuard(QueueLock);
        QueueCondition.wait(LockGuard,
                            [&] { return !EnableFlag || !Tasks.empty(); });
        if (!EnableFlag && Tasks.empty())
          return;
        ++ActiveThreads;
        Task = std::move(Tasks.front());
        Tasks.pop_front();
      }
      Task();
      {
        std::lock_guard<std::mutex> LockGuard(QueueLock);
        --ActiveThreads;
      }
      CompletionCondition.notify_all();
    }
  }

  std::vector<std::thread> Threads;
  std::deque<std::function<void()>> Tasks;
  std::mutex QueueLock;
  std::condition_variable QueueCondition;
  std::condition_variable CompletionCondition;
  unsigned ActiveThreads = 0;
  bool EnableFlag = true;
};

} // namespace llvm

#endif
