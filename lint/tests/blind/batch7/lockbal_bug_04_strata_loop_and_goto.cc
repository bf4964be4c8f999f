// Manifest writer of the Strata storage engine: version edits are queued
// under the writer's mutex and written out by the manifest thread.
// Strata builds with -Wthread-safety; its mutex is a clang capability.

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>

#include "mock/strata_sync.h"

namespace strata {

struct VersionEdit {
  uint64_t seq;
  std::string encoded;
  bool is_snapshot;
};

int OpenManifest(const std::string& path);

class ManifestWriter {
 public:
  void Enqueue(VersionEdit edit) {
    MutexLock l(&mu_);
    queue_.push_back(std::move(edit));
  }

  // Drops queued edits that a newer snapshot made obsolete. The mutex is
  // taken per edit so that Enqueue() is not blocked for the whole scan.
  void DropObsolete(const std::deque<uint64_t>& obsolete_seqs) {
    for (uint64_t seq : obsolete_seqs) {  // EXPECT: concurrency-lock-balance
      mu_.Lock();
      auto it = std::find_if(queue_.begin(), queue_.end(),
                             [seq](const VersionEdit& edit) { return edit.seq == seq; });
      if (it == queue_.end()) {
        continue;
      }
      queue_.erase(it);
      ++dropped_;
      mu_.Unlock();
    }
  }

  bool OpenOrReuse(const std::string& path) {
    int fd;
    mu_.Lock();
    if (manifest_fd_ >= 0) {
      goto done;
    }
    fd = OpenManifest(path);
    if (fd < 0) {
      goto fail;
    }
    manifest_fd_ = fd;
  done:
    mu_.Unlock();
    return true;
  fail:
    return false;
  }  // EXPECT: concurrency-lock-balance

 private:
  Mutex mu_;
  std::deque<VersionEdit> queue_ GUARDED_BY(mu_);
  int manifest_fd_ GUARDED_BY(mu_) = -1;
  int dropped_ GUARDED_BY(mu_) = 0;
};

}  // namespace strata
