// Indexes a photo library in the background. The view creates one indexer
// per opened library and deletes it when the library is closed.

#include <deque>
#include <thread>
#include <vector>

#include "mock/qt_mutex.h"

struct PhotoInfo {
  QString path;
  int width = 0;
  int height = 0;
};

bool readPhotoInfo(const QString& path, PhotoInfo* info);

class LibraryIndexer {
 public:
  explicit LibraryIndexer(QString root) : m_root(std::move(root)) {}

  ~LibraryIndexer() {
    QMutexLocker locker(&m_mutex);
    m_abort = true;
    m_queue.clear();
    m_condition.wakeAll();
  }

  void start() { m_thread = std::thread([this] { run(); }); }

  void enqueue(const QString& path) {
    QMutexLocker locker(&m_mutex);
    m_queue.push_back(path);
    m_condition.wakeOne();
  }

  std::vector<PhotoInfo> results() {
    QMutexLocker locker(&m_mutex);
    return m_results;
  }

 private:
  void run() {
    QMutexLocker locker(&m_mutex);
    while (!m_abort) {
      if (m_queue.empty()) {
        m_condition.wait(&m_mutex);
        continue;
      }
      QString path = m_queue.front();
      m_queue.pop_front();
      locker.unlock();
      PhotoInfo info;
      const bool ok = readPhotoInfo(m_root + "/" + path, &info);
      locker.relock();
      if (ok) m_results.push_back(info);
    }
  }

  const QString m_root;
  QMutex m_mutex;
  QWaitCondition m_condition;
  std::deque<QString> m_queue;
  std::vector<PhotoInfo> m_results;
  bool m_abort = false;
  std::thread m_thread;  // EXPECT: concurrency-thread-leak
};
