#include <mutex>

class Broken {
 public:
  void Add( {
    std::lock_guard<std::mutex> lock(mu_)
    ++count_
  }
 private:
  std::mutex mu_;
  int count_ = 0
