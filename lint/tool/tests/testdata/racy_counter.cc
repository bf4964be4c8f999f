#include <mutex>

class RacyCounter {
 public:
  void Add() {
    std::lock_guard<std::mutex> lock(mu_);
    ++count_;
  }
  void Reset() {
    std::lock_guard<std::mutex> lock(mu_);
    count_ = 0;
  }
  int Peek() const { return count_; }
  int* Lazy() {
    if (!lazy_) lazy_ = new int(0);
    return lazy_;
  }

 private:
  mutable std::mutex mu_;
  int count_ = 0;
  int* lazy_ = nullptr;
};
