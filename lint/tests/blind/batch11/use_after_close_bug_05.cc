// Recovery journal writer in the style of LibreOffice's document recovery:
// the autosave timer appends entries, the document's close() closes the
// journal. The writer checks the file before taking the mutex.
#include <cstdio>
#include <string>

#include "osl_mutex.h"

namespace svx {

class RecoveryJournal {
 public:
  bool open(const std::string& rPath) {
    osl::MutexGuard aGuard(m_aMutex);
    m_pFile = std::fopen(rPath.c_str(), "a");
    return m_pFile != nullptr;
  }

  // Autosave timer.
  void appendEntry(const std::string& rDocURL, long nTimestamp) {
    if (!m_pFile) return;  // EXPECT: concurrency-use-after-close
    osl::MutexGuard aGuard(m_aMutex);
    std::fprintf(m_pFile, "%ld %s\n", nTimestamp, rDocURL.c_str());
    ++m_nEntries;
  }

  void close() {
    osl::MutexGuard aGuard(m_aMutex);
    if (m_pFile) {
      std::fclose(m_pFile);
      m_pFile = nullptr;
    }
  }

  int getEntryCount() const {
    osl::MutexGuard aGuard(m_aMutex);
    return m_nEntries;
  }

 private:
  mutable osl::Mutex m_aMutex;
  FILE* m_pFile = nullptr;
  int m_nEntries = 0;
};

}  // namespace svx
