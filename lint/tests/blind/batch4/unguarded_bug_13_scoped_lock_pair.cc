// Groups small mutations into log records. Producers append to the pending
// batch; the committer thread moves it into the log.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kv {

struct Mutation {
  std::string key;
  std::string value;
  size_t size() const { return key.size() + value.size(); }
};

class WriteBatcher {
 public:
  static constexpr size_t kCommitBytes = 1 << 20;
  static constexpr size_t kCommitCount = 4096;

  void Add(Mutation m);
  void Commit();
  bool ShouldCommit() const;
  uint64_t committed_sequence();
  void CommitLoop(const std::atomic<bool>& stop);

 private:
  std::mutex pending_mu_;
  std::mutex log_mu_;
  std::vector<Mutation> pending_;
  size_t pending_bytes_ = 0;
  std::vector<std::string> log_;
  uint64_t committed_seq_ = 0;
};

void WriteBatcher::Add(Mutation m) {
  std::lock_guard<std::mutex> lock(pending_mu_);
  pending_bytes_ += m.size();
  pending_.push_back(std::move(m));
}

void WriteBatcher::Commit() {
  std::scoped_lock lock(pending_mu_, log_mu_);
  for (const Mutation& m : pending_) {
    log_.push_back(m.key + "=" + m.value);
  }
  committed_seq_ += pending_.size();
  pending_.clear();
  pending_bytes_ = 0;
}

bool WriteBatcher::ShouldCommit() const {
  return pending_bytes_ >= kCommitBytes || pending_.size() >= kCommitCount;  // EXPECT: concurrency-unguarded-field
}

uint64_t WriteBatcher::committed_sequence() {
  std::lock_guard<std::mutex> lock(log_mu_);
  return committed_seq_;
}

void WriteBatcher::CommitLoop(const std::atomic<bool>& stop) {
  while (!stop.load(std::memory_order_acquire)) {
    if (ShouldCommit()) {
      Commit();
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  Commit();
}

}  // namespace kv
