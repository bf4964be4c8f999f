// Mock of the Win32 synchronization API shape (synchapi.h), declared at
// global scope like the real header. Declarations only.
#pragma once
#include <cstdint>

typedef unsigned long DWORD;
typedef int BOOL;
typedef void* HANDLE;
typedef void* PVOID;
#define TRUE 1
#define FALSE 0
#define INFINITE 0xFFFFFFFFul
#define WINAPI

typedef struct _RTL_CRITICAL_SECTION {
  void* DebugInfo;
  long LockCount;
  long RecursionCount;
  HANDLE OwningThread;
  HANDLE LockSemaphore;
  uintptr_t SpinCount;
} CRITICAL_SECTION, *LPCRITICAL_SECTION;

typedef struct _RTL_SRWLOCK {
  PVOID Ptr;
} SRWLOCK, *PSRWLOCK;
#define SRWLOCK_INIT {0}

typedef struct _RTL_CONDITION_VARIABLE {
  PVOID Ptr;
} CONDITION_VARIABLE, *PCONDITION_VARIABLE;

extern "C" {
void WINAPI InitializeCriticalSection(LPCRITICAL_SECTION cs);
void WINAPI DeleteCriticalSection(LPCRITICAL_SECTION cs);
void WINAPI EnterCriticalSection(LPCRITICAL_SECTION cs);
void WINAPI LeaveCriticalSection(LPCRITICAL_SECTION cs);
BOOL WINAPI TryEnterCriticalSection(LPCRITICAL_SECTION cs);

void WINAPI InitializeSRWLock(PSRWLOCK lock);
void WINAPI AcquireSRWLockExclusive(PSRWLOCK lock);
void WINAPI ReleaseSRWLockExclusive(PSRWLOCK lock);
void WINAPI AcquireSRWLockShared(PSRWLOCK lock);
void WINAPI ReleaseSRWLockShared(PSRWLOCK lock);

void WINAPI InitializeConditionVariable(PCONDITION_VARIABLE cv);
BOOL WINAPI SleepConditionVariableCS(PCONDITION_VARIABLE cv,
                                     LPCRITICAL_SECTION cs, DWORD ms);
void WINAPI WakeConditionVariable(PCONDITION_VARIABLE cv);
void WINAPI WakeAllConditionVariable(PCONDITION_VARIABLE cv);

DWORD WINAPI GetLastError(void);
DWORD WINAPI GetCurrentThreadId(void);
void WINAPI OutputDebugStringA(const char* s);
void WINAPI Sleep(DWORD ms);
}
