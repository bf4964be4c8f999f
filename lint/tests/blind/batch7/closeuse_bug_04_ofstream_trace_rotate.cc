// CSV trace writer of a load generator: request threads append one row per
// completed request; the controller rotates the file every N minutes and
// finishes it at the end of the run.

#include <cstdint>
#include <fstream>
#include <mutex>
#include <string>

#include "mock/loadgen_row.h"

namespace loadgen {

class CsvTraceWriter {
 public:
  bool Open(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    out_.open(path, std::ios::out | std::ios::trunc);
    return out_.is_open();
  }

  void Append(const RequestRow& row) {
    out_ << row.start_us << ',' << row.latency_us << ',' << row.status << '\n';  // EXPECT: concurrency-use-after-close
  }

  bool Rotate(const std::string& next_path) {
    std::lock_guard<std::mutex> lock(mu_);
    out_.close();
    out_.open(next_path, std::ios::out | std::ios::trunc);
    ++rotations_;
    return out_.is_open();
  }

  void Finish() {
    std::lock_guard<std::mutex> lock(mu_);
    out_.close();
  }

  int rotations() {
    std::lock_guard<std::mutex> lock(mu_);
    return rotations_;
  }

 private:
  std::mutex mu_;
  std::ofstream out_;
  int rotations_ = 0;
};

}  // namespace loadgen
