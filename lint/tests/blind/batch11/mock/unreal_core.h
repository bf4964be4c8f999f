// Minimal stand-ins for Unreal Engine's HAL threading primitives
// (FCriticalSection, FScopeLock, FRWLock, TAtomic, FRunnable).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

typedef int32_t int32;
typedef uint32_t uint32;
typedef int64_t int64;
typedef uint64_t uint64;
typedef char TCHAR;

using FString = std::string;
template <typename T>
using TArray = std::vector<T>;
template <typename K, typename V>
using TMap = std::unordered_map<K, V>;

template <typename T>
inline T&& MoveTemp(T& Value) {
  return static_cast<T&&>(Value);
}

// Recursive on every platform, as in the engine.
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
  explicit FScopeLock(FCriticalSection* InSynchObject) : SynchObject(InSynchObject) {
    SynchObject->Lock();
  }
  ~FScopeLock() { SynchObject->Unlock(); }

  FScopeLock(const FScopeLock&) = delete;
  FScopeLock& operator=(const FScopeLock&) = delete;

 private:
  FCriticalSection* SynchObject;
};

class FRWLock {
 public:
  void ReadLock() { Mutex.lock_shared(); }
  void ReadUnlock() { Mutex.unlock_shared(); }
  void WriteLock() { Mutex.lock(); }
  void WriteUnlock() { Mutex.unlock(); }

 private:
  std::shared_mutex Mutex;
};

enum FRWScopeLockType { SLT_ReadOnly = 0, SLT_Write };

class FRWScopeLock {
 public:
  FRWScopeLock(FRWLock& InLockObject, FRWScopeLockType InLockType)
      : LockObject(InLockObject), LockType(InLockType) {
    if (LockType != SLT_ReadOnly) {
      LockObject.WriteLock();
    } else {
      LockObject.ReadLock();
    }
  }
  ~FRWScopeLock() {
    if (LockType == SLT_ReadOnly) {
      LockObject.ReadUnlock();
    } else {
      LockObject.WriteUnlock();
    }
  }

 private:
  FRWLock& LockObject;
  FRWScopeLockType LockType;
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

// The engine's TAtomic is a thin wrapper over the platform atomics.
template <typename T>
class TAtomic : public std::atomic<T> {
 public:
  TAtomic() : std::atomic<T>(T()) {}
  explicit TAtomic(T Value) : std::atomic<T>(Value) {}
  using std::atomic<T>::operator=;
};

class FRunnable {
 public:
  virtual ~FRunnable() = default;
  virtual bool Init() { return true; }
  virtual uint32 Run() = 0;
  virtual void Stop() {}
  virtual void Exit() {}
};
