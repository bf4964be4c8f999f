// thumbnail_cache.cpp - generates image thumbnails on a worker thread. The
// file browser queues requests and polls for finished thumbnails.

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace browser {

class ThumbnailCache {
 public:
  ThumbnailCache() : worker_([this] { WorkerLoop(); }) {}

  ~ThumbnailCache() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      running_ = false;
    }
    worker_.join();  // EXPECT: concurrency-thread-leak
  }

  void Request(const std::string& path) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back(path);
    }
    cv_.notify_one();
  }

  bool Take(const std::string& path, std::vector<unsigned char>* out) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = done_.find(path);
    if (it == done_.end()) return false;
    out->swap(it->second);
    done_.erase(it);
    return true;
  }

 private:
  void WorkerLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (running_) {
      cv_.wait(lock, [this] { return stop_requested_ || !requests_.empty(); });
      if (stop_requested_) break;
      std::string path = requests_.front();
      requests_.pop_front();
      lock.unlock();
      std::vector<unsigned char> pixels = Render(path);
      lock.lock();
      done_[path] = std::move(pixels);
    }
  }

  static std::vector<unsigned char> Render(const std::string& path) {
    return std::vector<unsigned char>(path.size() * 16, 0x80);
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> requests_;
  std::map<std::string, std::vector<unsigned char>> done_;
  bool running_ = true;
  bool stop_requested_ = false;
  std::thread worker_;
};

}  // namespace browser
