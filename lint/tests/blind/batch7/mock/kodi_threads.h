// Stand-in for Kodi's xbmc/threads/CriticalSection.h, SingleLock.h,
// SharedSection.h, Event.h and the job manager reached through
// ServiceBroker. Kodi is not built with clang's thread-safety analysis:
// nothing here is annotated.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>

class CCriticalSection
{
public:
  CCriticalSection() = default;
  CCriticalSection(const CCriticalSection&) = delete;
  CCriticalSection& operator=(const CCriticalSection&) = delete;

  void lock()
  {
    m_mutex.lock();
    m_count.fetch_add(1, std::memory_order_relaxed);
  }
  bool try_lock()
  {
    if (!m_mutex.try_lock())
      return false;
    m_count.fetch_add(1, std::memory_order_relaxed);
    return true;
  }
  void unlock()
  {
    m_count.fetch_sub(1, std::memory_order_relaxed);
    m_mutex.unlock();
  }

  // Releases every recursion level the calling thread holds (less `leave`)
  // and returns how many it released, for restore().
  unsigned int exit(unsigned int leave = 0)
  {
    unsigned int count = m_count.load(std::memory_order_relaxed) - leave;
    for (unsigned int i = 0; i < count; i++)
      unlock();
    return count;
  }
  void restore(unsigned int count)
  {
    for (unsigned int i = 0; i < count; i++)
      lock();
  }

private:
  std::recursive_mutex m_mutex;
  std::atomic<unsigned int> m_count{0};
};

class CSingleLock
{
public:
  explicit CSingleLock(CCriticalSection& cs) : m_cs(cs), m_owned(true) { m_cs.lock(); }
  ~CSingleLock()
  {
    if (m_owned)
      m_cs.unlock();
  }
  CSingleLock(const CSingleLock&) = delete;
  CSingleLock& operator=(const CSingleLock&) = delete;

  void unlock()
  {
    m_cs.unlock();
    m_owned = false;
  }
  void lock()
  {
    m_cs.lock();
    m_owned = true;
  }

private:
  CCriticalSection& m_cs;
  bool m_owned;
};

// Leaves the critical section for the lifetime of the object and enters it
// again (to the same recursion depth) on destruction.
class CSingleExit
{
public:
  explicit CSingleExit(CCriticalSection& cs) : m_cs(cs), m_count(cs.exit()) {}
  ~CSingleExit() { m_cs.restore(m_count); }
  CSingleExit(const CSingleExit&) = delete;
  CSingleExit& operator=(const CSingleExit&) = delete;

private:
  CCriticalSection& m_cs;
  unsigned int m_count;
};

class CSharedSection
{
public:
  void lock() { m_mutex.lock(); }
  bool try_lock() { return m_mutex.try_lock(); }
  void unlock() { m_mutex.unlock(); }
  void lock_shared() { m_mutex.lock_shared(); }
  bool try_lock_shared() { return m_mutex.try_lock_shared(); }
  void unlock_shared() { m_mutex.unlock_shared(); }

private:
  std::shared_mutex m_mutex;
};

class CSharedLock
{
public:
  explicit CSharedLock(CSharedSection& cs) : m_cs(cs) { m_cs.lock_shared(); }
  ~CSharedLock() { m_cs.unlock_shared(); }
  CSharedLock(const CSharedLock&) = delete;
  CSharedLock& operator=(const CSharedLock&) = delete;

private:
  CSharedSection& m_cs;
};

class CExclusiveLock
{
public:
  explicit CExclusiveLock(CSharedSection& cs) : m_cs(cs) { m_cs.lock(); }
  ~CExclusiveLock() { m_cs.unlock(); }
  CExclusiveLock(const CExclusiveLock&) = delete;
  CExclusiveLock& operator=(const CExclusiveLock&) = delete;

private:
  CSharedSection& m_cs;
};

class CEvent
{
public:
  explicit CEvent(bool manualReset = false) : m_manualReset(manualReset) {}

  void Set()
  {
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_signaled = true;
    }
    m_cond.notify_all();
  }
  void Reset()
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_signaled = false;
  }
  void Wait()
  {
    std::unique_lock<std::mutex> lock(m_mutex);
    m_cond.wait(lock, [this] { return m_signaled; });
    if (!m_manualReset)
      m_signaled = false;
  }
  bool Wait(std::chrono::milliseconds timeout)
  {
    std::unique_lock<std::mutex> lock(m_mutex);
    if (!m_cond.wait_for(lock, timeout, [this] { return m_signaled; }))
      return false;
    if (!m_manualReset)
      m_signaled = false;
    return true;
  }

private:
  const bool m_manualReset;
  std::mutex m_mutex;
  std::condition_variable m_cond;
  bool m_signaled = false;
};

class CJobManager
{
public:
  enum class Priority { LOW_PAUSABLE, LOW, NORMAL, HIGH, CRITICAL };
  // Runs `job` on one of the job manager's worker threads.
  void Submit(std::function<void()> job, Priority priority = Priority::LOW);
};

class CServiceBroker
{
public:
  static std::shared_ptr<CJobManager> GetJobManager();
};

namespace KODI
{
namespace TIME
{
unsigned int SystemClockMillis();
} // namespace TIME
} // namespace KODI
