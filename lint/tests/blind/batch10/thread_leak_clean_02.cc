// Crawler fetch pool: fetchers run on std::jthread (which joins when it is
// destroyed), and ad-hoc helper threads are handed to the pool that owns and
// joins them.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace crawler {

enum class FetchResult { kOk, kTimeout, kNotFound, kBlocked };

class ThreadOwner {
 public:
  ~ThreadOwner() {
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  void Adopt(std::thread t) {
    std::lock_guard<std::mutex> lock(mu_);
    threads_.push_back(std::move(t));
  }

 private:
  std::mutex mu_;
  std::vector<std::thread> threads_;
};

class BlockList {
 public:
  void Add(std::string prefix) {
    std::lock_guard<std::mutex> lock(mu_);
    prefixes_.push_back(std::move(prefix));
  }
  bool Blocks(const std::string& url) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const std::string& b : prefixes_) {
      if (url.rfind(b, 0) == 0) return true;
    }
    return false;
  }

 private:
  std::mutex mu_;
  std::vector<std::string> prefixes_;
};

class FetchPool {
 public:
  explicit FetchPool(int fetchers) {
    for (int i = 0; i < fetchers; ++i) {
      fetchers_.emplace_back([this](std::stop_token stop) { FetchLoop(stop); });
    }
  }

  void Enqueue(std::string url) {
    std::lock_guard<std::mutex> lock(mu_);
    frontier_.push_back(std::move(url));
  }

  // Robots.txt refresh runs on its own thread; the owner joins it later.
  void RefreshRobotsAsync(ThreadOwner& owner, std::string host) {
    std::thread refresher([list = blocklist_, host = std::move(host)] {
      list->Add(host + "/private");
    });
    owner.Adopt(std::move(refresher));
  }

  int fetched() const { return fetched_.load(); }

 private:
  void FetchLoop(std::stop_token stop) {
    while (!stop.stop_requested()) {
      std::string url;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (!frontier_.empty()) {
          url = std::move(frontier_.back());
          frontier_.pop_back();
        }
      }
      if (url.empty()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      if (Fetch(url) == FetchResult::kOk) fetched_.fetch_add(1);
    }
  }

  FetchResult Fetch(const std::string& url) {
    if (blocklist_->Blocks(url)) return FetchResult::kBlocked;
    return url.size() > 2048 ? FetchResult::kNotFound : FetchResult::kOk;
  }

  std::mutex mu_;
  std::vector<std::string> frontier_;
  const std::shared_ptr<BlockList> blocklist_ = std::make_shared<BlockList>();
  std::atomic<int> fetched_{0};
  std::vector<std::jthread> fetchers_;  // declared last: joined first
};

}  // namespace crawler
