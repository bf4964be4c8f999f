// CSV metrics exporter: the exporter thread appends rows to out_ while
// Finish(), called by the flag-flip that disables exporting, closes the
// stream. The mutex protects only the column list.
#include <atomic>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

namespace exporter {

class CsvExporter {
 public:
  explicit CsvExporter(const std::string& path) : out_(path, std::ios::app) {}

  void AddColumn(const std::string& name) {
    std::lock_guard<std::mutex> lock(mu_);
    columns_.push_back(name);
  }

  // Runs on the exporter thread.
  void WriteRow(int64_t timestamp, const std::vector<double>& values) {
    std::string row = std::to_string(timestamp);
    for (double v : values) row += "," + std::to_string(v);
    out_ << row << '\n';  // EXPECT: concurrency-use-after-close
    rows_.fetch_add(1, std::memory_order_relaxed);
  }

  void Finish() {
    finished_.store(true);
    out_.close();
  }

 private:
  std::ofstream out_;
  std::mutex mu_;
  std::vector<std::string> columns_;
  std::atomic<int64_t> rows_{0};
  std::atomic<bool> finished_{false};
};

}  // namespace exporter
