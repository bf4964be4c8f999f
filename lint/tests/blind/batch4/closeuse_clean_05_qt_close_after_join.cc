// Records a capture session to disk. The recording thread writes frames to
// the output stream; stop() joins it before closing the stream.

#include <atomic>
#include <cstdint>
#include <fstream>
#include <thread>
#include <vector>

#include "mock/qt_mutex.h"

struct Frame {
  qint64 timestampUs = 0;
  std::vector<char> data;
};

bool grabFrame(Frame* frame);

class CaptureRecorder {
 public:
  bool start(const QString& path) {
    if (m_thread.joinable()) return false;
    m_out.open(path, std::ios::binary | std::ios::trunc);
    if (!m_out.is_open()) return false;
    m_stop.store(false);
    m_thread = std::thread([this] { recordLoop(); });
    return true;
  }

  void stop() {
    m_stop.store(true);
    if (m_thread.joinable()) m_thread.join();
    m_out.close();
  }

  ~CaptureRecorder() { stop(); }

  qint64 framesWritten() {
    QMutexLocker locker(&m_statsMutex);
    return m_frames;
  }

 private:
  void recordLoop() {
    Frame frame;
    while (!m_stop.load()) {
      if (!grabFrame(&frame)) continue;
      m_out.write(frame.data.data(), static_cast<std::streamsize>(frame.data.size()));
      QMutexLocker locker(&m_statsMutex);
      ++m_frames;
    }
    m_out.flush();
  }

  std::ofstream m_out;
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
  QMutex m_statsMutex;
  qint64 m_frames = 0;
};
