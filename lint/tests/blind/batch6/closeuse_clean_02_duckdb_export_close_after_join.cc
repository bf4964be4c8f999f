// DuckDB-style parallel CSV export: worker threads format row groups and
// write them through the shared file handle under the write lock; the
// exporter closes the handle only after every worker has been joined.
#include "mock/duckdb_common.h"

namespace duckdb {

class RowGroup {
 public:
  string FormatCSV() const;
};

class ParallelCSVExporter {
 public:
  ParallelCSVExporter(FileSystem& fs, string path) : fs(fs), path(move(path)) {}

  idx_t Export(const vector<RowGroup>& row_groups, idx_t threads) {
    handle = fs.OpenFile(path, FileSystem::FILE_FLAGS_WRITE | FileSystem::FILE_FLAGS_FILE_CREATE);
    atomic<idx_t> next{0};
    vector<thread> workers;
    for (idx_t t = 0; t < threads; t++) {
      workers.emplace_back([this, &row_groups, &next] { WriteRowGroups(row_groups, next); });
    }
    for (auto& worker : workers) worker.join();

    handle->Sync();
    handle->Close();
    handle.reset();
    return written;
  }

 private:
  void WriteRowGroups(const vector<RowGroup>& row_groups, atomic<idx_t>& next) {
    for (;;) {
      idx_t index = next.fetch_add(1);
      if (index >= row_groups.size()) return;
      string csv = row_groups[index].FormatCSV();
      lock_guard<mutex> guard(write_lock);
      handle->Write(csv.data(), csv.size());
      written += csv.size();
    }
  }

  FileSystem& fs;
  const string path;
  mutex write_lock;
  unique_ptr<FileHandle> handle;
  idx_t written = 0;
};

}  // namespace duckdb
