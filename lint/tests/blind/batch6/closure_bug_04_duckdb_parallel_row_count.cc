// DuckDB-style parallel row counting over the files of a glob: one thread
// per file, each adding its count into the same local by reference.
#include "mock/duckdb_common.h"

namespace duckdb {

idx_t CountRowsInFile(FileSystem& fs, const string& path) {
  auto handle = fs.OpenFile(path, 0);
  idx_t size = handle->GetFileSize();
  vector<char> buffer(size);
  handle->Read(buffer.data(), size);
  idx_t rows = 0;
  for (char c : buffer) rows += (c == '\n');
  return rows;
}

struct GlobScanResult {
  idx_t files = 0;
  idx_t rows = 0;
};

GlobScanResult CountRowsParallel(FileSystem& fs, const vector<string>& files) {
  GlobScanResult result;
  result.files = files.size();
  idx_t total_rows = 0;
  vector<thread> threads;
  threads.reserve(files.size());
  for (const string& file : files) {
    threads.emplace_back([&fs, &total_rows, file] {
      idx_t rows = CountRowsInFile(fs, file);
      total_rows += rows;  // EXPECT: concurrency-closure-captures-mutable
    });
  }
  for (auto& t : threads) t.join();
  result.rows = total_rows;
  return result;
}

class GlobScanner {
 public:
  explicit GlobScanner(FileSystem& fs) : fs(fs) {}

  GlobScanResult Scan(const vector<string>& files) {
    auto result = CountRowsParallel(fs, files);
    lock_guard<mutex> guard(lock);
    scans++;
    last_row_count = result.rows;
    return result;
  }

  idx_t LastRowCount() {
    lock_guard<mutex> guard(lock);
    return last_row_count;
  }

 private:
  FileSystem& fs;
  mutex lock;
  idx_t scans = 0;
  idx_t last_row_count = 0;
};

}  // namespace duckdb
