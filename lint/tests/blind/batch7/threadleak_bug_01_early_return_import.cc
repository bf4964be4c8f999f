// Library import of a media center: thumbnails are generated on a helper
// thread while the scanner inserts the items in one transaction.

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "mock/media_db.h"

namespace medialib {

bool ImportItems(const std::vector<std::string>& paths, MediaDatabase* db) {
  std::atomic<bool> cancel{false};
  std::thread thumbnailer([&paths, &cancel] { GenerateThumbnails(paths, &cancel); });  // EXPECT: concurrency-thread-leak

  if (!db->BeginTransaction()) {
    return false;
  }
  for (const std::string& path : paths) {
    if (!db->InsertItem(path)) {
      db->RollbackTransaction();
      cancel.store(true);
      thumbnailer.join();
      return false;
    }
  }
  const bool committed = db->CommitTransaction();
  thumbnailer.join();
  return committed;
}

// Imports a scanned directory in chunks so that one bad file does not roll
// back the whole directory.
int ImportDirectory(const std::vector<std::string>& paths, MediaDatabase* db, size_t chunk) {
  int failed_chunks = 0;
  for (size_t begin = 0; begin < paths.size(); begin += chunk) {
    const size_t end = begin + chunk < paths.size() ? begin + chunk : paths.size();
    const std::vector<std::string> part(paths.begin() + begin, paths.begin() + end);
    if (!ImportItems(part, db)) {
      ++failed_chunks;
    }
  }
  return failed_chunks;
}

}  // namespace medialib
