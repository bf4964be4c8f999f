// Minimal stand-in for the Unreal Engine core threading types
// (HAL/CriticalSection.h, Misc/ScopeLock.h, Misc/ScopeRWLock.h,
// HAL/Runnable.h, HAL/RunnableThread.h).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

typedef int32_t int32;
typedef uint32_t uint32;
typedef int64_t int64;
typedef uint64_t uint64;
typedef uint8_t uint8;
typedef char TCHAR;
#define TEXT(x) x
#define check(expr) ((void)(expr))
#define ensure(expr) (!!(expr))

using FString = std::string;

template <typename T>
class TArray {
 public:
  int32 Num() const { return static_cast<int32>(Data.size()); }
  int32 Add(const T& Item) {
    Data.push_back(Item);
    return Num() - 1;
  }
  int32 Add(T&& Item) {
    Data.push_back(std::move(Item));
    return Num() - 1;
  }
  void Empty() { Data.clear(); }
  void Reset() { Data.clear(); }
  bool IsEmpty() const { return Data.empty(); }
  void RemoveAt(int32 Index) { Data.erase(Data.begin() + Index); }
  T& operator[](int32 Index) { return Data[Index]; }
  const T& operator[](int32 Index) const { return Data[Index]; }
  T* GetData() { return Data.data(); }
  T& Last() { return Data.back(); }
  T Pop() {
    T Item = std::move(Data.back());
    Data.pop_back();
    return Item;
  }
  typename std::vector<T>::iterator begin() { return Data.begin(); }
  typename std::vector<T>::iterator end() { return Data.end(); }
  typename std::vector<T>::const_iterator begin() const { return Data.begin(); }
  typename std::vector<T>::const_iterator end() const { return Data.end(); }

 private:
  std::vector<T> Data;
};

class FCriticalSection {
 public:
  FCriticalSection() = default;
  FCriticalSection(const FCriticalSection&) = delete;
  FCriticalSection& operator=(const FCriticalSection&) = delete;
  void Lock() { Mutex.lock(); }
  bool TryLock() { return Mutex.try_lock(); }
  void Unlock() { Mutex.unlock(); }

 private:
  std::recursive_mutex Mutex;
};

class FScopeLock {
 public:
  explicit FScopeLock(FCriticalSection* InSynchObject)
      : SynchObject(InSynchObject) {
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
  FScopeLock(const FScopeLock&) = delete;
  FScopeLock& operator=(const FScopeLock&) = delete;
  FCriticalSection* SynchObject;
};

class FRWLock {
 public:
  void ReadLock() { Mutex.lock_shared(); }
  void WriteLock() { Mutex.lock(); }
  void ReadUnlock() { Mutex.unlock_shared(); }
  void WriteUnlock() { Mutex.unlock(); }

 private:
  std::shared_mutex Mutex;
};

class FReadScopeLock {
 public:
  explicit FReadScopeLock(FRWLock& InLock) : Lock(InLock) { Lock.ReadLock(); }
  ~FReadScopeLock() { Lock.ReadUnlock(); }

 private:
  FRWLock& Lock;
};

class FWriteScopeLock {
 public:
  explicit FWriteScopeLock(FRWLock& InLock) : Lock(InLock) { Lock.WriteLock(); }
  ~FWriteScopeLock() { Lock.WriteUnlock(); }

 private:
  FRWLock& Lock;
};

struct FPlatformProcess {
  static void Sleep(float Seconds) {
    std::this_thread::sleep_for(std::chrono::duration<float>(Seconds));
  }
};

class FEvent {
 public:
  void Trigger() {
    std::lock_guard<std::mutex> Guard(Mutex);
    bTriggered = true;
    Cond.notify_all();
  }
  void Reset() {
    std::lock_guard<std::mutex> Guard(Mutex);
    bTriggered = false;
  }
  bool Wait(uint32 WaitTimeMs) {
    std::unique_lock<std::mutex> Guard(Mutex);
    return Cond.wait_for(Guard, std::chrono::milliseconds(WaitTimeMs),
                         [this] { return bTriggered; });
  }

 private:
  std::mutex Mutex;
  std::condition_variable Cond;
  bool bTriggered = false;
};

class FRunnable {
 public:
  virtual ~FRunnable() {}
  virtual bool Init() { return true; }
  virtual uint32 Run() = 0;
  virtual void Stop() {}
  virtual void Exit() {}
};

class FRunnableThread {
 public:
  static FRunnableThread* Create(FRunnable* InRunnable, const TCHAR* ThreadName) {
    FRunnableThread* NewThread = new FRunnableThread(InRunnable, ThreadName);
    NewThread->Start();
    return NewThread;
  }

  virtual ~FRunnableThread() { Kill(true); }

  void WaitForCompletion() {
    if (Thread.joinable()) Thread.join();
  }

  bool Kill(bool bShouldWait = true) {
    if (Runnable) Runnable->Stop();
    if (bShouldWait) {
      WaitForCompletion();
    } else if (Thread.joinable()) {
      Thread.detach();
    }
    return true;
  }

  const FString& GetThreadName() const { return ThreadName; }

 private:
  FRunnableThread(FRunnable* InRunnable, const TCHAR* InThreadName)
      : Runnable(InRunnable), ThreadName(InThreadName) {}

  void Start() {
    Thread = std::thread([Target = Runnable] {
      if (Target->Init()) Target->Run();
      Target->Exit();
    });
  }

  FRunnable* Runnable;
  FString ThreadName;
  std::thread Thread;
};
