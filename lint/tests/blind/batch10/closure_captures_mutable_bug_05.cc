// Media library scanner for the Qt music player: a scan runs on the global
// thread pool through QtConcurrent::run while the preferences dialog may
// change the library root.
#include <string>
#include <vector>

#include "qt_core.h"

namespace music {

enum class ScanResult { Complete, Cancelled, RootMissing };

struct TrackFile {
  QString path;
  qint64 sizeBytes = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual std::vector<TrackFile> list(const QString& root) = 0;
};

class LibraryScanner {
 public:
  explicit LibraryScanner(FileSystem* fs) : fs_(fs) {}

  // Preferences dialog (GUI thread).
  void setRoot(const QString& root) {
    root_ = root;
    qDebug() << "library root set to " << root;
  }

  QFuture<void> rescan() {
    return QtConcurrent::run([this] {
      std::vector<TrackFile> files = fs_->list(root_);  // EXPECT: concurrency-closure-captures-mutable
      QMutexLocker locker(&mutex_);
      tracks_ = std::move(files);
      ++scans_;
    });
  }

  size_t trackCount() {
    QMutexLocker locker(&mutex_);
    return tracks_.size();
  }

  int scans() {
    QMutexLocker locker(&mutex_);
    return scans_;
  }

 private:
  FileSystem* const fs_;
  QString root_;
  QMutex mutex_;
  std::vector<TrackFile> tracks_;
  int scans_ = 0;
};

class LocalFileSystem : public FileSystem {
 public:
  std::vector<TrackFile> list(const QString& root) override {
    if (root.empty()) return {};
    return {TrackFile{root + "/01.flac", 31000000}, TrackFile{root + "/02.flac", 28000000}};
  }
};

ScanResult summarize(LibraryScanner& scanner, const QString& root) {
  if (root.empty()) return ScanResult::RootMissing;
  scanner.setRoot(root);
  QFuture<void> f = scanner.rescan();
  f.waitForFinished();
  return scanner.trackCount() > 0 ? ScanResult::Complete : ScanResult::Cancelled;
}


const char* scanResultName(ScanResult r) {
  switch (r) {
    case ScanResult::Complete: return "complete";
    case ScanResult::Cancelled: return "cancelled";
    case ScanResult::RootMissing: return "root missing";
  }
  return "?";
}

}  // namespace music
