// Stand-in for Qt's qthreadpool.h.
#ifndef QTHREADPOOL_H
#define QTHREADPOOL_H

#include <functional>
#include <thread>

class QThreadPool {
public:
  static QThreadPool *globalInstance() {
    static QThreadPool pool;
    return &pool;
  }
  // Runs the function on one of the pool's threads.
  void start(std::function<void()> functionToRun, int priority = 0) {
    (void)priority;
    std::thread(std::move(functionToRun)).detach();
  }
  bool waitForDone(int msecs = -1) {
    (void)msecs;
    return true;
  }
};

#endif
