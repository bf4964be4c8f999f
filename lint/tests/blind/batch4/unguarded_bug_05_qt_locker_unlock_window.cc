// Thumbnail cache shared by the gallery view and its preload workers.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "mock/qt_mutex.h"

struct Thumbnail {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> pixels;
};

std::shared_ptr<const Thumbnail> decodeThumbnail(const QString& path);

class ThumbnailCache {
 public:
  explicit ThumbnailCache(size_t maxBytes) : m_maxBytes(maxBytes) {}

  std::shared_ptr<const Thumbnail> thumbnail(const QString& path);

  struct Stats {
    qint64 hits = 0;
    qint64 misses = 0;
    qint64 failures = 0;
  };
  Stats stats();
  void resetStats();

 private:
  void evictLocked();

  const size_t m_maxBytes;
  QMutex m_mutex;
  std::map<QString, std::shared_ptr<const Thumbnail>> m_cache;
  size_t m_bytes = 0;
  qint64 m_hits = 0;
  qint64 m_misses = 0;
  qint64 m_failures = 0;
};

std::shared_ptr<const Thumbnail> ThumbnailCache::thumbnail(const QString& path) {
  QMutexLocker locker(&m_mutex);
  auto it = m_cache.find(path);
  if (it != m_cache.end()) {
    ++m_hits;
    return it->second;
  }
  ++m_misses;

  // Decoding is slow; let other lookups through meanwhile.
  locker.unlock();
  std::shared_ptr<const Thumbnail> thumb = decodeThumbnail(path);
  if (!thumb) {
    ++m_failures;  // EXPECT: concurrency-unguarded-field
    return nullptr;
  }
  locker.relock();

  auto inserted = m_cache.emplace(path, thumb);
  if (inserted.second) {
    m_bytes += thumb->pixels.size();
    if (m_bytes > m_maxBytes) evictLocked();
  }
  return inserted.first->second;
}

void ThumbnailCache::evictLocked() {
  while (m_bytes > m_maxBytes && !m_cache.empty()) {
    auto victim = m_cache.begin();
    m_bytes -= victim->second->pixels.size();
    m_cache.erase(victim);
  }
}

ThumbnailCache::Stats ThumbnailCache::stats() {
  QMutexLocker locker(&m_mutex);
  Stats s;
  s.hits = m_hits;
  s.misses = m_misses;
  s.failures = m_failures;
  return s;
}

void ThumbnailCache::resetStats() {
  QMutexLocker locker(&m_mutex);
  m_hits = 0;
  m_misses = 0;
  m_failures = 0;
}
