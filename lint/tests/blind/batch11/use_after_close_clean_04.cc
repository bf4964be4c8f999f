// Macro recorder output in the style of LibreOffice's basic IDE: the
// stream is written, rotated and closed only while holding the mutex; the
// destructor closes it without the lock.
#include <fstream>
#include <string>

#include "osl_mutex.h"

namespace basctl {

class MacroRecorderLog : public cppu::BaseMutex {
 public:
  explicit MacroRecorderLog(std::string aPath) : m_aPath(std::move(aPath)) {
    m_aStream.open(m_aPath, std::ios::app);
  }

  ~MacroRecorderLog() {
    if (m_aStream.is_open()) m_aStream.close();
  }

  void record(const std::string& rStatement) {
    osl::MutexGuard aGuard(m_aMutex);
    if (!m_aStream.is_open()) return;
    m_aStream << rStatement << '\n';
    ++m_nStatements;
  }

  void rotate() {
    osl::MutexGuard aGuard(m_aMutex);
    m_aStream.close();
    m_aStream.open(m_aPath + ".new", std::ios::trunc);
    m_nStatements = 0;
  }

  void stopRecording() {
    osl::MutexGuard aGuard(m_aMutex);
    m_aStream.flush();
    m_aStream.close();
  }

  int getStatementCount() const {
    osl::MutexGuard aGuard(m_aMutex);
    return m_nStatements;
  }

  const std::string& getPath() const { return m_aPath; }

 private:
  const std::string m_aPath;
  std::ofstream m_aStream;
  int m_nStatements = 0;
};

}  // namespace basctl
