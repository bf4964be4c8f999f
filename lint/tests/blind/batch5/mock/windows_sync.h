// Declarations of the Win32 synchronization and handle APIs used by the
// service code, implemented on the standard library for the POSIX build.
#pragma once

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <shared_mutex>

typedef int BOOL;
typedef unsigned long DWORD;
typedef void* HANDLE;
typedef void* LPVOID;
#define TRUE 1
#define FALSE 0
#define INFINITE 0xFFFFFFFFul
#define INVALID_HANDLE_VALUE (reinterpret_cast<HANDLE>(-1))
#define WINAPI

typedef struct _RTL_CRITICAL_SECTION {
  std::recursive_mutex* Impl;
} CRITICAL_SECTION, *LPCRITICAL_SECTION;

inline void InitializeCriticalSection(LPCRITICAL_SECTION cs) {
  cs->Impl = new std::recursive_mutex();
}
inline void DeleteCriticalSection(LPCRITICAL_SECTION cs) {
  delete cs->Impl;
  cs->Impl = nullptr;
}
inline void EnterCriticalSection(LPCRITICAL_SECTION cs) { cs->Impl->lock(); }
inline BOOL TryEnterCriticalSection(LPCRITICAL_SECTION cs) {
  return cs->Impl->try_lock() ? TRUE : FALSE;
}
inline void LeaveCriticalSection(LPCRITICAL_SECTION cs) { cs->Impl->unlock(); }

typedef struct _RTL_SRWLOCK {
  std::shared_mutex* Ptr;
} SRWLOCK, *PSRWLOCK;

inline void InitializeSRWLock(PSRWLOCK lock) { lock->Ptr = new std::shared_mutex(); }
inline void AcquireSRWLockExclusive(PSRWLOCK lock) { lock->Ptr->lock(); }
inline void ReleaseSRWLockExclusive(PSRWLOCK lock) { lock->Ptr->unlock(); }
inline void AcquireSRWLockShared(PSRWLOCK lock) { lock->Ptr->lock_shared(); }
inline void ReleaseSRWLockShared(PSRWLOCK lock) { lock->Ptr->unlock_shared(); }

inline HANDLE CreateFileA(const char* name, DWORD /*access*/, DWORD /*share*/) {
  FILE* f = std::fopen(name, "a+b");
  return f ? static_cast<HANDLE>(f) : INVALID_HANDLE_VALUE;
}
inline BOOL WriteFile(HANDLE h, const void* data, DWORD size, DWORD* written) {
  size_t n = std::fwrite(data, 1, size, static_cast<FILE*>(h));
  if (written) *written = static_cast<DWORD>(n);
  return n == size ? TRUE : FALSE;
}
inline BOOL FlushFileBuffers(HANDLE h) {
  return std::fflush(static_cast<FILE*>(h)) == 0 ? TRUE : FALSE;
}
inline BOOL CloseHandle(HANDLE h) {
  return std::fclose(static_cast<FILE*>(h)) == 0 ? TRUE : FALSE;
}
inline DWORD GetLastError() { return 0; }
#define GENERIC_WRITE 0x40000000ul
#define FILE_SHARE_READ 0x00000001ul
