// Licensed to the Apache Software Foundation (ASF) under one
// or more contributor license agreements.

#include "mock/kudu_locks.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kudu {
namespace cfile {

// Scratch buffers for block decompression. Every decoder thread gets its own
// arena, so the common path takes no lock.
class ScratchArena {
 public:
  explicit ScratchArena(size_t block_size) : block_size_(block_size) {}
  uint8_t* Allocate(size_t n) {
    if (used_ + n > buffer_.size()) buffer_.resize(std::max(block_size_, used_ + n));
    uint8_t* out = buffer_.data() + used_;
    used_ += n;
    return out;
  }
  void Reset() { used_ = 0; }

 private:
  const size_t block_size_;
  std::vector<uint8_t> buffer_;
  size_t used_ = 0;
};

namespace {
thread_local ScratchArena* tls_arena = nullptr;
}  // namespace

ScratchArena* ThreadScratchArena() {
  if (tls_arena == nullptr) {
    tls_arena = new ScratchArena(256 * 1024);
  }
  return tls_arena;
}

// Counts decoded blocks per codec; shared by every decoder thread.
class CodecStats {
 public:
  void RecordDecode(const std::string& codec, int64_t bytes) {
    std::lock_guard<simple_spinlock> l(lock_);
    EnsureTableLocked();
    for (auto& entry : *table_) {
      if (entry.first == codec) {
        entry.second += bytes;
        return;
      }
    }
    table_->emplace_back(codec, bytes);
  }

  int64_t BytesFor(const std::string& codec) {
    std::lock_guard<simple_spinlock> l(lock_);
    EnsureTableLocked();
    for (const auto& entry : *table_) {
      if (entry.first == codec) return entry.second;
    }
    return 0;
  }

 private:
  void EnsureTableLocked() {
    DCHECK(lock_.is_locked());
    if (!table_) {
      table_.reset(new std::vector<std::pair<std::string, int64_t>>());
    }
  }

  simple_spinlock lock_;
  std::unique_ptr<std::vector<std::pair<std::string, int64_t>>> table_;
};

size_t DecodeBlock(CodecStats* stats, const std::string& codec, size_t compressed) {
  ScratchArena* arena = ThreadScratchArena();
  arena->Reset();
  uint8_t* out = arena->Allocate(compressed * 3);
  out[0] = 0;
  stats->RecordDecode(codec, static_cast<int64_t>(compressed));
  return compressed * 3;
}

}  // namespace cfile
}  // namespace kudu
