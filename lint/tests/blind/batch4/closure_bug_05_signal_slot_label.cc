// Status bar text for the download manager. The manager emits progress
// from its transfer thread; the label prefix is changed from the UI.

#include <algorithm>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "mock/qt_mutex.h"

template <typename... Args>
class Signal {
 public:
  using Slot = std::function<void(Args...)>;

  int connect(Slot slot) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_slots.emplace_back(++m_nextId, std::move(slot));
    return m_nextId;
  }

  void disconnect(int id) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_slots.erase(std::remove_if(m_slots.begin(), m_slots.end(),
                                 [id](const auto& s) { return s.first == id; }),
                  m_slots.end());
  }

  void emit(Args... args) {
    std::vector<std::pair<int, Slot>> slots;
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      slots = m_slots;
    }
    for (auto& s : slots) s.second(args...);
  }

 private:
  std::mutex m_mutex;
  int m_nextId = 0;
  std::vector<std::pair<int, Slot>> m_slots;
};

class DownloadManager {
 public:
  Signal<int, qint64> progressChanged;  // percent, bytes/s
};

class StatusBarController {
 public:
  StatusBarController(DownloadManager& manager, QString prefix)
      : m_manager(manager), m_prefix(std::move(prefix)) {}

  ~StatusBarController() { m_manager.progressChanged.disconnect(m_connection); }

  void attach() {
    m_connection = m_manager.progressChanged.connect([this](int percent, qint64 rate) {
      QString text = m_prefix + ": " + std::to_string(percent) + "% (" + std::to_string(rate / 1024) + " KiB/s)";  // EXPECT: concurrency-closure-captures-mutable
      QMutexLocker locker(&m_textMutex);
      m_text = std::move(text);
    });
  }

  // Called from the UI when the user switches profiles.
  void setPrefix(QString prefix) { m_prefix = std::move(prefix); }

  QString text() {
    QMutexLocker locker(&m_textMutex);
    return m_text;
  }

 private:
  DownloadManager& m_manager;
  int m_connection = 0;
  QString m_prefix;
  QMutex m_textMutex;
  QString m_text;
};
