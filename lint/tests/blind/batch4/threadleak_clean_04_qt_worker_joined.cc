// Generates waveform previews for the audio editor's tracks.

#include <deque>
#include <map>
#include <thread>
#include <vector>

#include "mock/qt_mutex.h"

std::vector<float> computePeaks(const QString& audioFile, int buckets);

class WaveformGenerator {
 public:
  WaveformGenerator() { m_thread = std::thread(&WaveformGenerator::run, this); }

  ~WaveformGenerator() { shutdown(); }

  void shutdown() {
    {
      QMutexLocker locker(&m_mutex);
      m_quit = true;
      m_wake.wakeAll();
    }
    if (m_thread.joinable()) m_thread.join();
  }

  void request(const QString& file) {
    QMutexLocker locker(&m_mutex);
    m_requests.push_back(file);
    m_wake.wakeOne();
  }

  bool peaksFor(const QString& file, std::vector<float>* out) {
    QMutexLocker locker(&m_mutex);
    auto it = m_done.find(file);
    if (it == m_done.end()) return false;
    *out = it->second;
    return true;
  }

 private:
  void run() {
    QMutexLocker locker(&m_mutex);
    for (;;) {
      while (!m_quit && m_requests.empty()) m_wake.wait(&m_mutex);
      if (m_quit) return;
      QString file = m_requests.front();
      m_requests.pop_front();
      locker.unlock();
      std::vector<float> peaks = computePeaks(file, 512);
      locker.relock();
      m_done[file] = std::move(peaks);
    }
  }

  QMutex m_mutex;
  QWaitCondition m_wake;
  std::deque<QString> m_requests;
  std::map<QString, std::vector<float>> m_done;
  bool m_quit = false;
  std::thread m_thread;
};
