// Obsolete-file collection of a storage engine. The candidate list is
// sorted and filtered with lambdas that run in place under the lock; the
// directory sync runs on a helper thread that only uses the FileSystem
// service (synchronized by its implementations) and values it captured.

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "mock/env_fs.h"

namespace storage {

class ObsoleteFileCollector {
 public:
  ObsoleteFileCollector(FileSystem* fs, std::string db_dir) : fs_(fs), db_dir_(std::move(db_dir)) {}

  void MarkObsolete(std::string name, uint64_t number) {
    std::lock_guard<std::mutex> lock(mu_);
    candidates_.push_back(Candidate{std::move(name), number});
  }

  // Deletes every candidate older than `min_live_number`.
  size_t Collect(uint64_t min_live_number) {
    std::vector<Candidate> doomed;
    {
      std::unique_lock<std::mutex> lock(mu_);
      purge_cv_.wait(lock, [this] { return pins_ == 0; });
      std::sort(candidates_.begin(), candidates_.end(),
                [](const Candidate& a, const Candidate& b) { return a.number < b.number; });
      auto live = std::partition(candidates_.begin(), candidates_.end(),
                                 [min_live_number](const Candidate& c) { return c.number < min_live_number; });
      doomed.assign(candidates_.begin(), live);
      candidates_.erase(candidates_.begin(), live);
      collected_ += doomed.size();
    }

    FileSystem& fs = *fs_;
    const std::string dir = db_dir_;
    for (const Candidate& c : doomed) fs.DeleteFile(dir + "/" + c.name);
    std::thread syncer([&fs, dir] { fs.SyncDir(dir); });
    syncer.join();
    return doomed.size();
  }

  void Pin() {
    std::lock_guard<std::mutex> lock(mu_);
    ++pins_;
  }

  void Unpin() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      --pins_;
    }
    purge_cv_.notify_all();
  }

 private:
  struct Candidate {
    std::string name;
    uint64_t number;
  };

  FileSystem* const fs_;
  const std::string db_dir_;
  std::mutex mu_;
  std::condition_variable purge_cv_;
  std::vector<Candidate> candidates_;
  int pins_ = 0;
  uint64_t collected_ = 0;
};

}  // namespace storage
