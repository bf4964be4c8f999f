// FontCache.cpp
//
// Glyph metrics cache shared by the text layout threads. Lookups take the
// SRW lock shared; inserting a face takes it exclusive.

#include "win/windows.h"

#include <cstdint>
#include <map>
#include <string>

namespace text {

struct GlyphMetrics {
  float advance = 0.0f;
  float bearingX = 0.0f;
  float bearingY = 0.0f;
};

class FontCache {
 public:
  FontCache() { InitializeSRWLock(&m_lock); }

  // Returns a copy: the layout thread keeps it after the lock is released.
  GlyphMetrics Lookup(const std::wstring& face, uint32_t glyph) {
    AcquireSRWLockShared(&m_lock);
    GlyphMetrics result;
    auto faceIt = m_faces.find(face);
    if (faceIt != m_faces.end()) {
      auto it = faceIt->second.find(glyph);
      if (it != faceIt->second.end()) result = it->second;
    }
    ReleaseSRWLockShared(&m_lock);
    return result;
  }

  void Insert(const std::wstring& face, uint32_t glyph, const GlyphMetrics& m) {
    AcquireSRWLockExclusive(&m_lock);
    m_faces[face][glyph] = m;
    ++m_entries;
    ReleaseSRWLockExclusive(&m_lock);
  }

  void EvictFace(const std::wstring& face) {
    AcquireSRWLockExclusive(&m_lock);
    auto it = m_faces.find(face);
    if (it != m_faces.end()) {
      m_entries -= it->second.size();
      m_faces.erase(it);
    }
    ReleaseSRWLockExclusive(&m_lock);
  }

  size_t Entries() {
    AcquireSRWLockShared(&m_lock);
    const size_t n = m_entries;
    ReleaseSRWLockShared(&m_lock);
    return n;
  }

  static FontCache& Instance();

 private:
  SRWLOCK m_lock;
  std::map<std::wstring, std::map<uint32_t, GlyphMetrics>> m_faces;
  size_t m_entries = 0;
};

static INIT_ONCE g_fontCacheOnce = INIT_ONCE_STATIC_INIT;
static FontCache* g_fontCache;

static BOOL WINAPI CreateFontCache(PINIT_ONCE, PVOID, PVOID*) {
  g_fontCache = new FontCache();
  return TRUE;
}

FontCache& FontCache::Instance() {
  InitOnceExecuteOnce(&g_fontCacheOnce, CreateFontCache, nullptr, nullptr);
  return *g_fontCache;
}

}  // namespace text
