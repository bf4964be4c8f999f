// A spill-file writer for a query engine: a writer thread drains row batches
// to a temporary spill file. Stop() joins the thread before closing the
// file, and the destructor closes anything left.
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace query {

// Spill files are private to one query; nothing else opens them while the
// writer is running.

struct RowBatch {
  std::vector<int64_t> values;
};

class SpillWriter {
 public:
  explicit SpillWriter(std::FILE* file) : file_(file) {}

  ~SpillWriter() {
    Stop();
    if (file_ != nullptr) std::fclose(file_);
  }

  void Start() { writer_ = std::thread(&SpillWriter::WriterLoop, this); }

  void Submit(RowBatch batch) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back(std::move(batch));
    cv_.notify_one();
  }

  // Flushes everything submitted, stops the writer and closes the file.
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopped_) return;
      stopped_ = true;
    }
    cv_.notify_all();
    if (writer_.joinable()) writer_.join();
    if (file_ != nullptr) {
      std::fflush(file_);
      std::fclose(file_);
      file_ = nullptr;
    }
  }

  uint64_t rows_written() {
    std::lock_guard<std::mutex> lock(mu_);
    return rows_written_;
  }

 private:
  void WriterLoop() {
    for (;;) {
      RowBatch batch;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopped_ || !pending_.empty(); });
        if (pending_.empty()) return;
        batch = std::move(pending_.front());
        pending_.pop_front();
      }
      const size_t n = std::fwrite(batch.values.data(), sizeof(int64_t), batch.values.size(), file_);
      std::lock_guard<std::mutex> lock(mu_);
      rows_written_ += n;
    }
  }

  std::FILE* file_;  // used by the writer thread until Stop() has joined it
  std::thread writer_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<RowBatch> pending_;
  bool stopped_ = false;
  uint64_t rows_written_ = 0;
};

// Reads a spill file back in fixed-size batches.
std::vector<RowBatch> ReadSpill(std::FILE* f, size_t rows_per_batch) {
  std::vector<RowBatch> out;
  std::rewind(f);
  for (;;) {
    RowBatch b;
    b.values.resize(rows_per_batch);
    const size_t n = std::fread(b.values.data(), sizeof(int64_t), rows_per_batch, f);
    if (n == 0) break;
    b.values.resize(n);
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace query
