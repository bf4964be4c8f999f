// Stand-in for Qt's qwaitcondition.h.
#ifndef QWAITCONDITION_H
#define QWAITCONDITION_H

#include <climits>
#include <condition_variable>
#include "qmutex.h"

class QWaitCondition {
public:
  QWaitCondition() = default;
  bool wait(QMutex *lockedMutex, unsigned long time = ULONG_MAX) {
    (void)time;
    lockedMutex->unlock();
    std::unique_lock<std::mutex> l(m);
    cv.wait(l);
    l.unlock();
    lockedMutex->lock();
    return true;
  }
  void wakeOne() { cv.notify_one(); }
  void wakeAll() { cv.notify_all(); }
  void notify_one() { wakeOne(); }
  void notify_all() { wakeAll(); }

private:
  std::mutex m;
  std::condition_variable_any cv;
};

#endif
