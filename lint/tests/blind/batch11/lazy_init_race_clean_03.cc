// Font fallback cache in the style of LibreOffice's vcl: the shared
// fallback list is built on first use while holding the mutex, the
// per-thread shaping buffer is a thread_local.
#include <memory>
#include <string>
#include <vector>

#include "osl_mutex.h"

namespace vcl {

struct ShapingBuffer {
  std::vector<unsigned> aGlyphs;
};

class FontFallbackCache : public cppu::BaseMutex {
 public:
  std::string getFallback(const std::string& rFamily, size_t nLevel) {
    osl::MutexGuard aGuard(m_aMutex);
    if (!m_pFallbacks) {
      m_pFallbacks = std::make_unique<std::vector<std::string>>(buildFallbacks(rFamily));
    }
    ensureIndexLocked();
    return nLevel < m_pFallbacks->size() ? (*m_pFallbacks)[nLevel] : std::string();
  }

  void invalidate() {
    osl::MutexGuard aGuard(m_aMutex);
    m_pFallbacks.reset();
    m_pIndex.reset();
  }

  static ShapingBuffer& threadShapingBuffer() {
    thread_local ShapingBuffer* pBuffer = nullptr;
    if (!pBuffer) pBuffer = new ShapingBuffer;
    return *pBuffer;
  }

 private:
  // Called only from getFallback(), with m_aMutex held.
  void ensureIndexLocked() {
    if (!m_pIndex) {
      m_pIndex = std::make_unique<std::vector<size_t>>(m_pFallbacks->size());
    }
  }

  static std::vector<std::string> buildFallbacks(const std::string& rFamily) {
    return {rFamily, "DejaVu Sans", "Noto Sans", "Liberation Sans"};
  }

  std::unique_ptr<std::vector<std::string>> m_pFallbacks;
  std::unique_ptr<std::vector<size_t>> m_pIndex;
};

}  // namespace vcl
