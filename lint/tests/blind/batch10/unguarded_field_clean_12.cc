// Thumbnail metadata cache for the photo browser. Loader threads fill it;
// the view reads it with QReadLocker. The view's scroll state is confined to
// the GUI thread and needs no lock.
#include <map>
#include <string>
#include <vector>

#include "qt_core.h"

namespace gallery {

enum class Orientation { Normal, Rotate90, Rotate180, Rotate270 };

struct PhotoMeta {
  QString camera;
  int width = 0;
  int height = 0;
  Orientation orientation = Orientation::Normal;
};

class MetadataCache {
 public:
  bool lookup(const QString& path, PhotoMeta* out) const {
    QReadLocker locker(&lock_);
    auto it = entries_.find(path);
    if (it == entries_.end()) return false;
    *out = it->second;
    return true;
  }

  void store(const QString& path, const PhotoMeta& meta) {
    QWriteLocker locker(&lock_);
    entries_[path] = meta;
    ++version_;
  }

  void evict(const std::vector<QString>& paths) {
    QWriteLocker locker(&lock_);
    for (const QString& p : paths) entries_.erase(p);
    ++version_;
  }

  int version() const {
    QReadLocker locker(&lock_);
    return version_;
  }

 private:
  mutable QReadWriteLock lock_;
  std::map<QString, PhotoMeta> entries_;
  int version_ = 0;
};

class GalleryView {
 public:
  explicit GalleryView(const MetadataCache* cache) : cache_(cache) {}

  // GUI thread only.
  void scrollTo(int row) {
    firstVisibleRow_ = row;
    if (cache_->version() != seenVersion_) {
      seenVersion_ = cache_->version();
      relayout();
    }
  }

  // GUI thread only.
  QString captionFor(const QString& path) const {
    PhotoMeta meta;
    if (!cache_->lookup(path, &meta)) return path;
    return path + " (" + meta.camera + ", " + std::to_string(meta.width) + "x" +
           std::to_string(meta.height) + ")";
  }

 private:
  void relayout() {
    ++layoutPasses_;
    qDebug() << "relayout from row " << firstVisibleRow_;
  }

  const MetadataCache* const cache_;
  // Confined to the GUI thread.
  int firstVisibleRow_ = 0;
  // Confined to the GUI thread.
  int seenVersion_ = -1;
  // Confined to the GUI thread.
  int layoutPasses_ = 0;
};

}  // namespace gallery
