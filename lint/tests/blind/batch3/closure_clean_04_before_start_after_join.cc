// Bulk importer: Run() sets up its fields before starting the worker and
// reads and resets them only after join(); the worker's private scratch
// state is touched by nobody else.
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace importer {

class BulkImporter {
 public:
  size_t Run(std::vector<std::string> rows) {
    rows_ = std::move(rows);
    imported_ = 0;
    std::thread worker([this] {
      for (const std::string& row : rows_) {
        scratch_.assign(row);
        if (!scratch_.empty()) ++imported_;
      }
    });
    worker.join();
    const size_t n = imported_;
    rows_.clear();
    imported_ = 0;
    {
      std::lock_guard<std::mutex> lock(mu_);
      total_imported_ += n;
    }
    return n;
  }

  size_t total_imported() {
    std::lock_guard<std::mutex> lock(mu_);
    return total_imported_;
  }

 private:
  std::vector<std::string> rows_;
  size_t imported_ = 0;
  std::string scratch_;
  std::mutex mu_;
  size_t total_imported_ = 0;
};

}  // namespace importer
