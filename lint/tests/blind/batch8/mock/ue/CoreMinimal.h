// Stand-in for the slice of Unreal Engine's Core module used here:
// integer typedefs, FString as std::string, the HAL critical sections,
// FScopeLock, FRWLock and the FRunnable/FRunnableThread interfaces.
#pragma once

#include <pthread.h>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

typedef int32_t int32;
typedef uint32_t uint32;
typedef int64_t int64;
typedef uint64_t uint64;
typedef uint8_t uint8;
typedef std::string FString;

#define TEXT(x) x
#define check(expr) do { } while (0)
#define ensure(expr) (!!(expr))
#define UE_LOG(Category, Verbosity, Format, ...) do { } while (0)

/** POSIX critical section (FPThreadsCriticalSection). */
class FPThreadsCriticalSection {
  pthread_mutex_t Mutex;

public:
  FPThreadsCriticalSection() {
    pthread_mutexattr_t Attr;
    pthread_mutexattr_init(&Attr);
    pthread_mutexattr_settype(&Attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&Mutex, &Attr);
    pthread_mutexattr_destroy(&Attr);
  }
  ~FPThreadsCriticalSection() { pthread_mutex_destroy(&Mutex); }

  void Lock() { pthread_mutex_lock(&Mutex); }
  bool TryLock() { return pthread_mutex_trylock(&Mutex) == 0; }
  void Unlock() { pthread_mutex_unlock(&Mutex); }

private:
  FPThreadsCriticalSection(const FPThreadsCriticalSection &);
  FPThreadsCriticalSection &operator=(const FPThreadsCriticalSection &);
};
typedef FPThreadsCriticalSection FCriticalSection;

/** POSIX reader/writer lock (FPThreadsRWLock). */
class FPThreadsRWLock {
  pthread_rwlock_t Mutex;

public:
  FPThreadsRWLock() { pthread_rwlock_init(&Mutex, nullptr); }
  ~FPThreadsRWLock() { pthread_rwlock_destroy(&Mutex); }
  void ReadLock() { pthread_rwlock_rdlock(&Mutex); }
  void WriteLock() { pthread_rwlock_wrlock(&Mutex); }
  void ReadUnlock() { pthread_rwlock_unlock(&Mutex); }
  void WriteUnlock() { pthread_rwlock_unlock(&Mutex); }
};
typedef FPThreadsRWLock FRWLock;

/** Implements a scope lock. */
class FScopeLock {
public:
  explicit FScopeLock(FCriticalSection *InSynchObject) : SynchObject(InSynchObject) {
    check(SynchObject);
    SynchObject->Lock();
  }
  ~FScopeLock() { Unlock(); }

  void Unlock() {
    if (SynchObject) {
      SynchObject->Unlock();
      SynchObject = nullptr;
    }
  }

private:
  FScopeLock();
  FScopeLock(const FScopeLock &InScopeLock);
  FScopeLock &operator=(FScopeLock &InScopeLock) { return *this; }

  FCriticalSection *SynchObject;
};

/** Releases the critical section for the lifetime of the object. */
class FScopeUnlock {
public:
  explicit FScopeUnlock(FCriticalSection *InSynchObject) : SynchObject(InSynchObject) {
    if (SynchObject)
      SynchObject->Unlock();
  }
  ~FScopeUnlock() {
    if (SynchObject)
      SynchObject->Lock();
  }

private:
  FCriticalSection *SynchObject;
};

class FReadScopeLock {
public:
  explicit FReadScopeLock(FRWLock &InLock) : Lock(InLock) { Lock.ReadLock(); }
  ~FReadScopeLock() { Lock.ReadUnlock(); }

private:
  FRWLock &Lock;
};

class FWriteScopeLock {
public:
  explicit FWriteScopeLock(FRWLock &InLock) : Lock(InLock) { Lock.WriteLock(); }
  ~FWriteScopeLock() { Lock.WriteUnlock(); }

private:
  FRWLock &Lock;
};

/** Interface for "runnable" objects. */
class FRunnable {
public:
  virtual bool Init() { return true; }
  virtual uint32 Run() = 0;
  virtual void Stop() {}
  virtual void Exit() {}
  virtual ~FRunnable() {}
};

class FEvent {
public:
  virtual ~FEvent() {}
  virtual void Trigger() = 0;
  virtual bool Wait(uint32 WaitTime = 0xffffffff) = 0;
};

class FPlatformProcess {
public:
  static void Sleep(float Seconds) {
    std::this_thread::sleep_for(std::chrono::duration<float>(Seconds));
  }
};

/** Wraps an OS thread running an FRunnable. */
class FRunnableThread {
public:
  static FRunnableThread *Create(FRunnable *InRunnable, const char *ThreadName) {
    (void)ThreadName;
    FRunnableThread *Thread = new FRunnableThread;
    Thread->Runnable = InRunnable;
    Thread->Worker = std::thread([InRunnable] {
      if (InRunnable->Init())
        InRunnable->Run();
      InRunnable->Exit();
    });
    return Thread;
  }
  virtual ~FRunnableThread() {
    if (Worker.joinable())
      Worker.join();
  }
  void WaitForCompletion() {
    if (Worker.joinable())
      Worker.join();
  }
  void Kill(bool bShouldWait = true) {
    if (Runnable)
      Runnable->Stop();
    if (bShouldWait)
      WaitForCompletion();
  }

private:
  FRunnable *Runnable = nullptr;
  std::thread Worker;
};

/** A small stand-in for the task graph's AsyncTask(). */
enum class ENamedThreads { AnyThread, GameThread, AnyBackgroundThreadNormalTask };
void AsyncTask(ENamedThreads Thread, std::function<void()> Function);
