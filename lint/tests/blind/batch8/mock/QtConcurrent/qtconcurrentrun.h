// Stand-in for QtConcurrent::run.
#ifndef QTCONCURRENTRUN_H
#define QTCONCURRENTRUN_H

#include <functional>
#include <future>
#include <memory>

template <typename T> class QFuture {
public:
  QFuture() = default;
  explicit QFuture(std::shared_future<T> f) : m_f(std::move(f)) {}
  void waitForFinished() { if (m_f.valid()) m_f.wait(); }
  bool isFinished() const {
    return !m_f.valid() ||
           m_f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  }
  T result() const { return m_f.get(); }

private:
  std::shared_future<T> m_f;
};

namespace QtConcurrent {

// Runs the function in a separate thread taken from the global QThreadPool.
inline QFuture<void> run(std::function<void()> function) {
  return QFuture<void>(std::async(std::launch::async, std::move(function)).share());
}

} // namespace QtConcurrent

#endif
