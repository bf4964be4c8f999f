// ROS 2-style lifecycle of a bag-recording worker: Configure() sets the
// fields the worker thread uses before it starts the thread, the thread is
// the only code that touches its counters while it runs, and Finish()
// reads them only after join().
#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

#include "mock/rclcpp_lite.h"

bool WriteBagChunk(const std::string& path, int64_t chunk, size_t* bytes);

class BagWorker {
 public:
  ~BagWorker() { Finish(); }

  void Start(const std::string& path, int64_t chunks) {
    // Written before the thread is created: the thread start orders them.
    output_path_ = path;
    chunk_count_ = chunks;
    bytes_written_ = 0;
    stop_.store(false);
    thread_ = std::thread([this] {
      for (int64_t i = 0; i < chunk_count_ && !stop_.load(); ++i) {
        size_t bytes = 0;
        if (!WriteBagChunk(output_path_, i, &bytes)) break;
        bytes_written_ += bytes;
        ++chunks_written_;
      }
    });
  }

  // Returns the totals; the counters are read only after the join.
  std::string Finish() {
    stop_.store(true);
    if (!thread_.joinable()) return summary_;
    thread_.join();
    summary_ = output_path_ + ": " + std::to_string(chunks_written_) + " chunks, " +
               std::to_string(bytes_written_) + " bytes";
    chunks_written_ = 0;
    return summary_;
  }

 private:
  std::string output_path_;
  int64_t chunk_count_ = 0;
  size_t bytes_written_ = 0;
  int64_t chunks_written_ = 0;
  std::string summary_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

class RecorderNode : public rclcpp::Node {
 public:
  RecorderNode() : Node("recorder") {}
  void Record(const std::string& path) { worker_.Start(path, 100); }
  std::string Stop() { return worker_.Finish(); }

 private:
  BagWorker worker_;
};
