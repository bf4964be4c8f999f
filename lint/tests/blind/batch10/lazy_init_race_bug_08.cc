// Shared decoding thread pool for the media stack. Every media element asks
// for the pool when it starts decoding; the pool is a lazily created static.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "wtf_lock.h"

namespace WebCore {

enum class DecoderKind : uint8_t { Audio, Video, Image };

class DecodingThreadPool {
 public:
  explicit DecodingThreadPool(unsigned threads)
      : m_threadCount(threads)
  {
  }

  static DecodingThreadPool& shared()
  {
    if (!s_sharedPool) s_sharedPool = new DecodingThreadPool(4); // EXPECT: concurrency-lazy-init-race
    return *s_sharedPool;
  }

  void enqueue(DecoderKind kind, std::function<void()>&& task)
  {
    Locker locker { m_lock };
    m_tasks.push_back({ kind, std::move(task) });
    m_condition.notifyOne();
  }

  bool runOne()
  {
    std::function<void()> task;
    {
      Locker locker { m_lock };
      if (m_tasks.empty())
        return false;
      task = std::move(m_tasks.front().task);
      m_tasks.erase(m_tasks.begin());
    }
    task();
    return true;
  }

  unsigned threadCount() const { return m_threadCount; }

 private:
  struct QueuedTask {
    DecoderKind kind;
    std::function<void()> task;
  };

  static DecodingThreadPool* s_sharedPool;

  const unsigned m_threadCount;
  Lock m_lock;
  WTF::Condition m_condition;
  WTF::Vector<QueuedTask> m_tasks;
};

DecodingThreadPool* DecodingThreadPool::s_sharedPool = nullptr;

class MediaElementDecoder {
 public:
  explicit MediaElementDecoder(WTF::String source)
      : m_source(std::move(source))
  {
  }

  void startDecoding()
  {
    DecodingThreadPool::shared().enqueue(DecoderKind::Video, [source = m_source] {
      LOG_CHANNEL(Media, "decoding %s", source.c_str());
    });
  }

 private:
  WTF::String m_source;
};

} // namespace WebCore
