// Background merge bookkeeping for a MergeTree-like table engine: merge
// threads register and finish merges; the system table reads the totals.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "tsa_mutex.h"

namespace DB {

enum class MergeType { Regular, TTLDelete, TTLRecompress };

struct MergeEntry {
  std::string result_part;
  MergeType type = MergeType::Regular;
  uint64_t bytes_to_merge = 0;
  uint64_t bytes_done = 0;
};

class BackgroundMergeStats {
 public:
  explicit BackgroundMergeStats(std::string table) : table_name(std::move(table)) {}

  void onMergeStarted(uint64_t id, MergeEntry entry) {
    TSALockGuard lock(mutex);
    if (merges.count(id))
      throw Exception(ErrorCodes::LOGICAL_ERROR, "merge " + std::to_string(id) + " already registered");
    merges.emplace(id, std::move(entry));
  }

  void onProgress(uint64_t id, uint64_t bytes) {
    TSALockGuard lock(mutex);
    auto it = merges.find(id);
    if (it != merges.end())
      it->second.bytes_done = bytes;
  }

  void onMergeFinished(uint64_t id, bool success) {
    {
      TSALockGuard lock(mutex);
      auto it = merges.find(id);
      if (it == merges.end())
        return;
      finished_bytes += it->second.bytes_to_merge;
      if (!success)
        ++failed_merges;
      merges.erase(it);
    }
    const uint64_t remaining = totalRemainingBytes();  // EXPECT: concurrency-unguarded-field
    LOG_INFO(table_name, "Merge " << id << " finished, " << remaining << " bytes still merging");
  }

  size_t activeMerges() const {
    TSALockGuard lock(mutex);
    return merges.size();
  }

  uint64_t failedMerges() const {
    TSALockGuard lock(mutex);
    return failed_merges;
  }

 private:
  uint64_t totalRemainingBytes() const TSA_REQUIRES(mutex) {
    uint64_t total = 0;
    for (const auto & [id, entry] : merges)
      total += entry.bytes_to_merge - entry.bytes_done;
    return total;
  }

  const std::string table_name;
  mutable TSAMutex mutex;
  std::map<uint64_t, MergeEntry> merges TSA_GUARDED_BY(mutex);
  uint64_t finished_bytes TSA_GUARDED_BY(mutex) = 0;
  uint64_t failed_merges TSA_GUARDED_BY(mutex) = 0;
};

class SystemMergesSource {
 public:
  explicit SystemMergesSource(const BackgroundMergeStats & stats_) : stats(stats_) {}

  std::string row() const
  {
    return "active=" + std::to_string(stats.activeMerges()) + " failed=" + std::to_string(stats.failedMerges());
  }

 private:
  const BackgroundMergeStats & stats;
};

}
