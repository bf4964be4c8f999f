// Ceph-style logging: a flusher thread writes queued entries to the log
// file under m_flush_mutex, and logrotate's SIGHUP handler thread reopens
// the file under the same mutex. dump_recent(), run by the crash handler
// thread, writes the recent-entries ring to the file under the queue mutex
// only.
#include <fcntl.h>
#include <unistd.h>

#include <deque>
#include <string>
#include <thread>

#include "mock/ceph_mutex.h"

namespace ceph {
namespace logging {

class Log {
 public:
  explicit Log(std::string path) : m_log_file(std::move(path)) {}
  ~Log() {
    stop();
    if (m_fd >= 0) ::close(m_fd);
  }

  void start() {
    reopen_log_file();
    m_flush_thread = std::thread([this] { entry(); });
  }

  void stop() {
    {
      std::lock_guard l{m_queue_mutex};
      m_stop = true;
    }
    m_cond_flusher.notify_all();
    if (m_flush_thread.joinable()) m_flush_thread.join();
  }

  void submit_entry(std::string e) {
    std::lock_guard l{m_queue_mutex};
    m_recent.push_back(e);
    if (m_recent.size() > 10000) m_recent.pop_front();
    m_new.push_back(std::move(e));
    m_cond_flusher.notify_one();
  }

  void reopen_log_file() {
    std::lock_guard l{m_flush_mutex};
    if (m_fd >= 0) ::close(m_fd);
    m_fd = ::open(m_log_file.c_str(), O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0644);
  }

  // Crash handler thread: dump the last entries, even if they were flushed.
  void dump_recent() {
    std::lock_guard l{m_queue_mutex};
    for (const std::string& e : m_recent) {
      ssize_t r = ::write(m_fd, e.data(), e.size());  // EXPECT: concurrency-use-after-close
      (void)r;
    }
  }

 private:
  void entry() {
    std::unique_lock l{m_queue_mutex};
    while (!m_stop || !m_new.empty()) {
      if (m_new.empty()) {
        m_cond_flusher.wait(l);
        continue;
      }
      std::deque<std::string> batch;
      batch.swap(m_new);
      l.unlock();
      _flush(batch);
      l.lock();
    }
  }

  void _flush(const std::deque<std::string>& batch) {
    std::lock_guard l{m_flush_mutex};
    for (const std::string& e : batch) {
      if (::write(m_fd, e.data(), e.size()) < 0) break;
    }
  }

  const std::string m_log_file;
  ceph::mutex m_queue_mutex = ceph::make_mutex("Log::m_queue_mutex");
  ceph::mutex m_flush_mutex = ceph::make_mutex("Log::m_flush_mutex");
  ceph::condition_variable m_cond_flusher;
  std::deque<std::string> m_new;
  std::deque<std::string> m_recent;
  bool m_stop = false;
  int m_fd = -1;
  std::thread m_flush_thread;
};

}  // namespace logging
}  // namespace ceph
