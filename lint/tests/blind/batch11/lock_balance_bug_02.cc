// Index builder that merges sorted runs into the in-memory segment. The
// segment lock is taken per run so that readers can interleave.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common_mutex.h"

namespace search {

struct Posting {
  uint32_t doc_id;
  uint32_t freq;
};

struct Run {
  std::string term;
  std::vector<Posting> postings;
  bool tombstoned = false;
};

class SegmentBuilder {
 public:
  void MergeRuns(const std::vector<Run>& runs) {
    for (const Run& run : runs) {  // EXPECT: concurrency-lock-balance
      mu_.Lock();
      if (run.tombstoned) {
        ++skipped_runs_;
        continue;
      }
      std::vector<Posting>& list = terms_[run.term];
      list.insert(list.end(), run.postings.begin(), run.postings.end());
      ++merged_runs_;
      mu_.Unlock();
    }
  }

  size_t NumTerms() {
    util::MutexLock lock(&mu_);
    return terms_.size();
  }

  uint64_t MergedRuns() {
    util::MutexLock lock(&mu_);
    return merged_runs_ + skipped_runs_;
  }

 private:
  util::Mutex mu_;
  std::map<std::string, std::vector<Posting>> terms_;
  uint64_t merged_runs_ = 0;
  uint64_t skipped_runs_ = 0;
};

}  // namespace search
