// Write-ahead log of a database instance. Commits append to the log under
// the WAL lock; a background checkpoint may delete the log and start a new
// one; the flusher thread syncs the log to disk periodically.

#include "duckdb/common/common.hpp"
#include "duckdb/common/file_system.hpp"

namespace duckdb {

class WriteAheadLog {
public:
	WriteAheadLog(FileSystem &fs, string path) : fs(fs), wal_path(std::move(path)) {
	}

	void Initialize() {
		lock_guard<mutex> guard(wal_lock);
		handle = fs.OpenFile(wal_path, FileOpenFlags::APPEND);
	}

	void WriteEntry(data_ptr_t data, idx_t size) {
		lock_guard<mutex> guard(wal_lock);
		if (!handle) {
			throw InternalException("WAL is not initialized");
		}
		handle->Write(data, size);
		unflushed_bytes += size;
	}

	// Flusher thread, every few hundred milliseconds.
	void Flush() {
		if (unflushed_bytes.load() == 0) {
			return;
		}
		handle->Sync(); // EXPECT: concurrency-use-after-close
		unflushed_bytes = 0;
	}

	// Checkpoint: the database file now contains everything in the log.
	void Delete() {
		lock_guard<mutex> guard(wal_lock);
		if (!handle) {
			return;
		}
		handle->Close();
		handle.reset();
		fs.RemoveFile(wal_path);
		unflushed_bytes = 0;
	}

	idx_t GetWALSize() {
		lock_guard<mutex> guard(wal_lock);
		return handle ? handle->GetFileSize() : 0;
	}

private:
	FileSystem &fs;
	const string wal_path;
	mutex wal_lock;
	unique_ptr<FileHandle> handle;
	atomic<idx_t> unflushed_bytes {0};
};

class CheckpointManager {
public:
	explicit CheckpointManager(WriteAheadLog &wal) : wal(wal) {
	}

	void Checkpoint() {
		WriteDatabaseFile();
		wal.Delete();
		wal.Initialize();
	}

private:
	void WriteDatabaseFile();

	WriteAheadLog &wal;
};

} // namespace duckdb
