// Stand-in for DuckDB's duckdb/common/mutex.h, unique_ptr.hpp, typedefs and
// the client-context lock (main/client_context.hpp). Unannotated, as DuckDB
// is: duckdb::mutex is std::mutex, locks are lock_guard<mutex>.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace duckdb {

using std::atomic;
using std::condition_variable;
using std::lock_guard;
using std::make_shared;
using std::move;
using std::mutex;
using std::shared_ptr;
using std::string;
using std::thread;
using std::unique_lock;
using std::unordered_map;
using std::vector;

template <class T>
using unique_ptr = std::unique_ptr<T>;

template <class T, class... Args>
unique_ptr<T> make_uniq(Args&&... args) {
  return unique_ptr<T>(new T(std::forward<Args>(args)...));
}

typedef uint64_t idx_t;
constexpr idx_t DConstants_INVALID_INDEX = idx_t(-1);

class InternalException : public std::runtime_error {
 public:
  explicit InternalException(const string& msg) : std::runtime_error(msg) {}
};
class IOException : public std::runtime_error {
 public:
  explicit IOException(const string& msg) : std::runtime_error(msg) {}
};
class OutOfMemoryException : public std::runtime_error {
 public:
  explicit OutOfMemoryException(const string& msg) : std::runtime_error(msg) {}
};

#define D_ASSERT(cond) ((void)(cond))

// Held for the duration of a query; functions that need it take it by
// reference to prove the caller holds the context lock.
struct ClientContextLock {
  explicit ClientContextLock(mutex& context_lock) : client_guard(context_lock) {}
  ~ClientContextLock() {}

 private:
  lock_guard<mutex> client_guard;
};

class FileHandle {
 public:
  virtual ~FileHandle() = default;
  virtual int64_t Write(const void* buffer, idx_t nr_bytes) = 0;
  virtual int64_t Read(void* buffer, idx_t nr_bytes) = 0;
  virtual void Sync() = 0;
  virtual idx_t GetFileSize() = 0;
  virtual void Close() = 0;
  const string path;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual unique_ptr<FileHandle> OpenFile(const string& path, uint8_t flags) = 0;
  virtual void RemoveFile(const string& path) = 0;
  static constexpr uint8_t FILE_FLAGS_WRITE = 1 << 1;
  static constexpr uint8_t FILE_FLAGS_FILE_CREATE = 1 << 3;
};

class Task {
 public:
  virtual ~Task() = default;
  virtual void Execute() = 0;
};

// Runs tasks on DuckDB's worker threads.
class TaskScheduler {
 public:
  void ScheduleTask(shared_ptr<Task> task);
  idx_t NumberOfThreads();
};

}  // namespace duckdb
