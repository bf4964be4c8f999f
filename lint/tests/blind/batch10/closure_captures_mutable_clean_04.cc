// Compaction picker for an LSM store: the background task ranks candidate
// files with a comparator and waits with a predicate; both lambdas run in
// place under the lock the caller holds. The environment object it captures
// is a polymorphic service that synchronizes itself.
#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lsm {

enum class CompactionStyle { kLeveled, kUniversal, kFifo };

struct FileMeta {
  std::string name;
  uint64_t size = 0;
  int level = 0;
  uint64_t smallest_seq = 0;
};

class Env {
 public:
  virtual ~Env() = default;
  virtual uint64_t NowMicros() = 0;
  virtual void Log(const std::string& msg) = 0;
};

class CompactionPicker {
 public:
  CompactionPicker(Env* env, CompactionStyle style) : env_(env), style_(style) {}

  ~CompactionPicker() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      shutting_down_ = true;
    }
    cv_.notify_all();
    if (bg_.joinable()) bg_.join();
  }

  void Start() {
    Env* env = env_;
    bg_ = std::thread([this, env] { BackgroundLoop(env); });
  }

  void AddFile(FileMeta f) {
    std::lock_guard<std::mutex> lock(mu_);
    files_.push_back(std::move(f));
    cv_.notify_one();
  }

 private:
  void BackgroundLoop(Env* env) {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return shutting_down_ || files_.size() >= kTrigger; });
      if (shutting_down_) return;
      std::sort(files_.begin(), files_.end(), [this](const FileMeta& a, const FileMeta& b) {
        if (style_ == CompactionStyle::kFifo) return a.smallest_seq < b.smallest_seq;
        return a.size * (a.level + 1) > b.size * (b.level + 1);
      });
      std::vector<FileMeta> picked(files_.begin(), files_.begin() + kTrigger);
      files_.erase(files_.begin(), files_.begin() + kTrigger);
      ++picks_;
      lock.unlock();
      env->Log("picked " + std::to_string(picked.size()) + " files at " + std::to_string(env->NowMicros()));
      lock.lock();
    }
  }

  static constexpr size_t kTrigger = 4;

  Env* const env_;
  const CompactionStyle style_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<FileMeta> files_;
  bool shutting_down_ = false;
  uint64_t picks_ = 0;
  std::thread bg_;
};

}  // namespace lsm
