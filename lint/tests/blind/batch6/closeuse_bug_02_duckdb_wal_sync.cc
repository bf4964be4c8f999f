// DuckDB-style write-ahead log: commits append and the checkpointer syncs
// the log from its own thread; after a checkpoint the log is truncated by
// closing and deleting the file under the WAL lock. The periodic sync does
// not take that lock.
#include "mock/duckdb_common.h"

namespace duckdb {

class WriteAheadLog {
 public:
  WriteAheadLog(FileSystem& fs, string wal_path) : fs(fs), wal_path(move(wal_path)) {}

  void Initialize() {
    lock_guard<mutex> guard(wal_lock);
    writer = fs.OpenFile(wal_path, FileSystem::FILE_FLAGS_WRITE | FileSystem::FILE_FLAGS_FILE_CREATE);
  }

  void WriteEntry(const string& entry) {
    lock_guard<mutex> guard(wal_lock);
    if (!writer) throw InternalException("WAL is not initialized");
    writer->Write(entry.data(), entry.size());
    wal_size += entry.size();
  }

  // Background checkpoint thread, every few hundred milliseconds.
  void Flush() {
    writer->Sync();  // EXPECT: concurrency-use-after-close
    synced.store(true);
  }

  // After a successful checkpoint: the log is no longer needed.
  void Delete() {
    lock_guard<mutex> guard(wal_lock);
    if (!writer) return;
    writer->Close();
    writer.reset();
    fs.RemoveFile(wal_path);
    wal_size = 0;
  }

  idx_t GetWALSize() {
    lock_guard<mutex> guard(wal_lock);
    return wal_size;
  }

 private:
  FileSystem& fs;
  const string wal_path;
  mutex wal_lock;
  unique_ptr<FileHandle> writer;
  idx_t wal_size = 0;
  atomic<bool> synced{false};
};

}  // namespace duckdb
