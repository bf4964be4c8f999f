// Minimal stand-in for DuckDB's duckdb/common/file_system.hpp.
#pragma once

#include "duckdb/common/common.hpp"

namespace duckdb {

class FileSystem;

enum class FileOpenFlags : uint8_t { READ = 1, WRITE = 2, CREATE = 4, APPEND = 8 };

class FileHandle {
public:
	FileHandle(FileSystem &file_system, string path) : file_system(file_system), path(std::move(path)) {
	}
	virtual ~FileHandle() = default;

	int64_t Read(void *buffer, idx_t nr_bytes);
	int64_t Write(void *buffer, idx_t nr_bytes);
	void Sync();
	void Truncate(int64_t new_size);
	idx_t GetFileSize();
	virtual void Close() = 0;

	const string &GetPath() const {
		return path;
	}

protected:
	FileSystem &file_system;

private:
	const string path;
};

class FileSystem {
public:
	virtual ~FileSystem() = default;
	virtual unique_ptr<FileHandle> OpenFile(const string &path, FileOpenFlags flags) = 0;
	virtual bool FileExists(const string &filename) = 0;
	virtual void RemoveFile(const string &filename) = 0;
	virtual string JoinPath(const string &a, const string &path) = 0;
};

} // namespace duckdb
