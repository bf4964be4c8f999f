// Print spooler job queue for the Windows service build.

#include "mock/windows_sync.h"

#include <deque>
#include <string>

namespace spooler {

struct PrintJob {
  DWORD id;
  std::wstring document;
  DWORD pages;
};

class JobQueue {
 public:
  JobQueue() {
    InitializeCriticalSection(&m_cs);
    m_nextId = 1;
    m_totalPages = 0;
  }

  ~JobQueue() { DeleteCriticalSection(&m_cs); }

  DWORD Submit(const std::wstring& document, DWORD pages) {
    EnterCriticalSection(&m_cs);
    PrintJob job{m_nextId++, document, pages};
    m_jobs.push_back(job);
    m_totalPages += pages;
    LeaveCriticalSection(&m_cs);
    return job.id;
  }

  BOOL Cancel(DWORD id) {
    BOOL found = FALSE;
    EnterCriticalSection(&m_cs);
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
      if (it->id == id) {
        m_totalPages -= it->pages;
        m_jobs.erase(it);
        found = TRUE;
        break;
      }
    }
    LeaveCriticalSection(&m_cs);
    return found;
  }

  // Called by the spooler worker; returns FALSE when the queue is drained.
  BOOL TakeNext(PrintJob* out) {
    EnterCriticalSection(&m_cs);
    if (m_jobs.empty()) {
      LeaveCriticalSection(&m_cs);
      return FALSE;
    }
    *out = m_jobs.front();
    m_jobs.pop_front();
    LeaveCriticalSection(&m_cs);
    m_totalPages -= out->pages;  // EXPECT: concurrency-unguarded-field
    return TRUE;
  }

  DWORD PendingPages() {
    EnterCriticalSection(&m_cs);
    DWORD pages = m_totalPages;
    LeaveCriticalSection(&m_cs);
    return pages;
  }

 private:
  CRITICAL_SECTION m_cs;
  std::deque<PrintJob> m_jobs;
  DWORD m_nextId;
  DWORD m_totalPages;
};

}  // namespace spooler
