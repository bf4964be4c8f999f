// A log compactor: Compact() prepares its inputs, starts a merge thread, and
// publishes the result only after joining it. The merge thread also keeps a
// scratch field that no other code touches.
#include <cstdint>
#include <iterator>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace logstore {

struct Segment {
  uint64_t first_seq;
  std::map<std::string, std::string> entries;
};

class Compactor {
 public:
  explicit Compactor(size_t max_output_entries) : max_output_entries_(max_output_entries) {}

  // Merges `inputs` (oldest first) into one segment. Blocking; only the
  // store's compaction thread calls it, one compaction at a time.
  Segment Compact(std::vector<Segment> inputs) {
    // Written before the merge thread starts: the thread start orders these.
    inputs_ = std::move(inputs);
    dropped_ = 0;
    Segment merged;

    std::thread merger([this, &merged] {
      scratch_keys_.clear();
      for (const Segment& s : inputs_) {
        for (const auto& [key, value] : s.entries) {
          scratch_keys_.push_back(key);
          merged.entries[key] = value;
        }
      }
      if (merged.entries.size() > max_output_entries_) {
        dropped_ = merged.entries.size() - max_output_entries_;
        auto it = merged.entries.begin();
        std::advance(it, static_cast<long>(max_output_entries_));
        merged.entries.erase(it, merged.entries.end());
      }
      merged.first_seq = inputs_.empty() ? 0 : inputs_.front().first_seq;
    });
    merger.join();

    // After the join: the merge thread is done with these.
    inputs_.clear();
    last_dropped_ = dropped_;
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++compactions_;
    }
    return merged;
  }

  uint64_t compactions() {
    std::lock_guard<std::mutex> lock(mu_);
    return compactions_;
  }

  size_t last_dropped() const { return last_dropped_; }

 private:
  const size_t max_output_entries_;
  std::vector<Segment> inputs_;
  size_t dropped_ = 0;
  size_t last_dropped_ = 0;
  std::vector<std::string> scratch_keys_;  // only the merge thread uses it

  std::mutex mu_;
  uint64_t compactions_ = 0;
};

// Picks runs of small adjacent segments to compact together.
std::vector<std::vector<size_t>> PickRuns(const std::vector<Segment>& segments, size_t small) {
  std::vector<std::vector<size_t>> runs;
  std::vector<size_t> current;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].entries.size() < small) {
      current.push_back(i);
      continue;
    }
    if (current.size() > 1) runs.push_back(current);
    current.clear();
  }
  if (current.size() > 1) runs.push_back(current);
  return runs;
}

// Drives one round: compacts every run and returns the merged segments.
std::vector<Segment> CompactRound(Compactor& compactor, const std::vector<Segment>& segments) {
  std::vector<Segment> out;
  for (const std::vector<size_t>& run : PickRuns(segments, 128)) {
    std::vector<Segment> inputs;
    inputs.reserve(run.size());
    for (size_t i : run) inputs.push_back(segments[i]);
    out.push_back(compactor.Compact(std::move(inputs)));
  }
  return out;
}

}  // namespace logstore
