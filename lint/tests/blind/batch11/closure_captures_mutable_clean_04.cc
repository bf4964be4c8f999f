// Index rebuild job: the job's parameters are written before the worker
// thread is created and its results after the worker is joined, both in
// the function that owns the thread; the caller's local is captured by
// reference and read only after the join.
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace indexer {

class RebuildJob {
 public:
  uint64_t Run(const std::string& table, std::vector<std::string> columns) {
    table_ = table;
    columns_ = std::move(columns);
    status_ = "running";

    uint64_t keys_written = 0;
    std::thread worker([this, &keys_written] {
      for (const std::string& column : columns_) {
        keys_written += BuildColumnIndex(table_, column);
      }
      last_keys_written_ = keys_written;
    });
    worker.join();

    status_ = keys_written > 0 ? "done" : "empty";
    columns_.clear();
    ++runs_;
    return last_keys_written_ == keys_written ? keys_written : 0;
  }

  const std::string& status() const { return status_; }
  uint64_t runs() const { return runs_; }

 private:
  static uint64_t BuildColumnIndex(const std::string& table, const std::string& column) {
    return table.size() + column.size();
  }

  std::string table_;
  std::vector<std::string> columns_;
  std::string status_ = "idle";
  uint64_t last_keys_written_ = 0;
  uint64_t runs_ = 0;
};

}  // namespace indexer
