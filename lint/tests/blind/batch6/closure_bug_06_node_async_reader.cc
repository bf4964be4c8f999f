// Node.js-style file reader: a read is started with ReadAsync and its
// completion runs later on the libuv threadpool's completion path. The
// completion updates the read offset that Rewind() resets from the main
// thread, with no lock on either side.
#include <cstdint>
#include <functional>
#include <string>

#include "mock/node_mutex.h"

namespace node {

class AsyncFile {
 public:
  virtual ~AsyncFile() = default;
  // `done` runs on a threadpool thread when the read finishes.
  virtual void ReadAsync(int64_t offset, size_t length,
                         std::function<void(int status, std::string data)> done) = 0;
};

class LineReader {
 public:
  explicit LineReader(AsyncFile* file) : file_(file) {}

  void ReadNextChunk() {
    file_->ReadAsync(offset_, 64 * 1024, [this](int status, std::string data) {
      if (status < 0) return;
      offset_ += static_cast<int64_t>(data.size());  // EXPECT: concurrency-closure-captures-mutable
      Mutex::ScopedLock lock(chunks_mutex_);
      pending_ += data;
      ++chunks_;
    });
  }

  // Main thread: start again from the top.
  void Rewind() { offset_ = 0; }

  std::string TakePending() {
    Mutex::ScopedLock lock(chunks_mutex_);
    std::string out;
    out.swap(pending_);
    return out;
  }

  uint64_t chunks() {
    Mutex::ScopedLock lock(chunks_mutex_);
    return chunks_;
  }

 private:
  AsyncFile* const file_;
  int64_t offset_ = 0;
  Mutex chunks_mutex_;
  std::string pending_;
  uint64_t chunks_ = 0;
};

}  // namespace node
