// Download queue for the update checker. A worker thread pulls jobs and
// performs the network transfer with the queue unlocked.

#include <deque>
#include <functional>
#include <utility>

#include "mock/qt_mutex.h"

struct DownloadJob {
  QString url;
  QString destination;
  int attempts = 0;
};

bool performTransfer(const QString& url, const QString& destination);

class DownloadQueue {
 public:
  void enqueue(DownloadJob job) {
    QMutexLocker locker(&m_mutex);
    m_jobs.push_back(std::move(job));
    m_cond.wakeOne();
  }

  void stop() {
    QMutexLocker locker(&m_mutex);
    m_stopped = true;
    m_cond.wakeAll();
  }

  int completed() {
    QMutexLocker locker(&m_mutex);
    return m_completed;
  }

  int failed() {
    QMutexLocker locker(&m_mutex);
    return m_failed;
  }

  // Body of the worker thread.
  void processJobs() {
    QMutexLocker locker(&m_mutex);
    while (!m_stopped) {
      if (m_jobs.empty()) {
        m_cond.wait(&m_mutex);
        continue;
      }
      DownloadJob job = std::move(m_jobs.front());
      m_jobs.pop_front();

      locker.unlock();
      ++job.attempts;
      const bool ok = performTransfer(job.url, job.destination);
      const bool retry = !ok && job.attempts < 3;
      locker.relock();

      if (ok) {
        ++m_completed;
      } else if (retry) {
        m_jobs.push_back(std::move(job));
      } else {
        ++m_failed;
      }
    }
  }

 private:
  QMutex m_mutex;
  QWaitCondition m_cond;
  std::deque<DownloadJob> m_jobs;
  bool m_stopped = false;
  int m_completed = 0;
  int m_failed = 0;
};
