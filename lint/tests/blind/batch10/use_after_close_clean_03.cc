// Trace writer for the WebKit-style performance tracer: tracing calls test an
// atomic "tracing" flag without the lock (cheap when tracing is off) and test
// the file again under the lock before writing. Closing waits until in-flight
// jobs have drained.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "wtf_lock.h"

namespace WebKit {

enum class TracePhase : char { Begin = 'B', End = 'E', Instant = 'i' };

class TraceFile {
 public:
  explicit TraceFile(WTF::String path) : m_path(std::move(path)) { }
  void append(const WTF::String& line) { m_bytes += line.size(); }
  void close() { m_closed = true; }
  uint64_t bytes() const { return m_bytes; }

 private:
  WTF::String m_path;
  uint64_t m_bytes { 0 };
  bool m_closed { false };
};

class PerformanceTracer {
 public:
  void start(const WTF::String& path)
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_file)
      m_file = std::make_unique<TraceFile>(path);
    m_tracing.store(true, std::memory_order_release);
  }

  void trace(const char* name, TracePhase phase, uint64_t timestamp)
  {
    if (m_tracing.load(std::memory_order_acquire)) {
      std::lock_guard<std::mutex> lock(m_mutex);
      if (m_file)
        m_file->append(format(name, phase, timestamp));
    }
  }

  // Asynchronous writes from the compositor thread hold a "job" while they
  // run; stop() waits for them before closing.
  bool beginJob()
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_file)
      return false;
    ++m_activeJobs;
    return true;
  }

  void endJob()
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (--m_activeJobs == 0)
      m_drained.notify_all();
  }

  void stop()
  {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_tracing.store(false, std::memory_order_release);
    m_drained.wait(lock, [this] { return m_activeJobs == 0; });
    if (!m_file)
      return;
    m_file->close();
    m_file.reset();
  }

 private:
  static WTF::String format(const char* name, TracePhase phase, uint64_t timestamp)
  {
    return WTF::String("{\"name\":\"") + name + "\",\"ph\":\"" + static_cast<char>(phase)
        + "\",\"ts\":" + std::to_string(timestamp) + "}";
  }

  std::mutex m_mutex;
  std::condition_variable m_drained;
  std::atomic<bool> m_tracing { false };
  std::unique_ptr<TraceFile> m_file;
  unsigned m_activeJobs { 0 };
};

class TraceScope {
 public:
  TraceScope(PerformanceTracer& tracer, const char* name, uint64_t now)
      : m_tracer(tracer), m_name(name), m_start(now)
  {
    m_tracer.trace(m_name, TracePhase::Begin, m_start);
  }
  ~TraceScope() { m_tracer.trace(m_name, TracePhase::End, m_start + 1); }

 private:
  PerformanceTracer& m_tracer;
  const char* m_name;
  uint64_t m_start;
};

} // namespace WebKit
