// Stand-in for Qt's qthread.h.
#ifndef QTHREAD_H
#define QTHREAD_H

#include <atomic>
#include <climits>
#include <thread>

class QObject {
public:
  explicit QObject(QObject *parent = nullptr) : m_parent(parent) {}
  virtual ~QObject() = default;
  QObject *parent() const { return m_parent; }

private:
  QObject *m_parent;
};

class QThread : public QObject {
public:
  explicit QThread(QObject *parent = nullptr) : QObject(parent) {}
  ~QThread() override {
    if (m_thread.joinable())
      m_thread.join();
  }

  void start() {
    m_running = true;
    m_thread = std::thread([this] {
      run();
      m_running = false;
    });
  }
  bool wait(unsigned long time = ULONG_MAX) {
    (void)time;
    if (m_thread.joinable())
      m_thread.join();
    return true;
  }
  void quit() { m_quit = true; }
  void requestInterruption() { m_interrupt = true; }
  bool isInterruptionRequested() const { return m_interrupt; }
  bool isRunning() const { return m_running; }
  static void msleep(unsigned long ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  }

protected:
  virtual void run() {}

private:
  std::thread m_thread;
  std::atomic<bool> m_running{false};
  std::atomic<bool> m_quit{false};
  std::atomic<bool> m_interrupt{false};
};

#endif
