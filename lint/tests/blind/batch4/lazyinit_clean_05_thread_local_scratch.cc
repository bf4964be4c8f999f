// Compression helpers for the storage engine's flush threads. Each thread
// keeps its own scratch buffer and codec context.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

namespace storage {

struct CodecContext {
  std::vector<uint8_t> dictionary;
  uint64_t blocks = 0;
};

static CodecContext* ThreadCodec() {
  thread_local CodecContext* ctx = nullptr;
  if (ctx == nullptr) {
    ctx = new CodecContext();
    ctx->dictionary.resize(4096);
  }
  return ctx;
}

static std::vector<uint8_t>& ThreadScratch(size_t min_size) {
  thread_local std::vector<uint8_t> scratch;
  if (scratch.size() < min_size) scratch.resize(min_size);
  return scratch;
}

class BlockCompressor {
 public:
  size_t Compress(const uint8_t* in, size_t n, std::vector<uint8_t>* out) {
    CodecContext* ctx = ThreadCodec();
    std::vector<uint8_t>& scratch = ThreadScratch(n + 16);
    std::memcpy(scratch.data(), in, n);
    ++ctx->blocks;
    out->assign(scratch.begin(), scratch.begin() + n);
    std::lock_guard<std::mutex> lock(mu_);
    total_in_ += n;
    return n;
  }

  uint64_t total_in() {
    std::lock_guard<std::mutex> lock(mu_);
    return total_in_;
  }

 private:
  std::mutex mu_;
  uint64_t total_in_ = 0;
};

void CompressAll(BlockCompressor& compressor,
                 const std::vector<std::vector<uint8_t>>& blocks) {
  std::vector<std::thread> workers;
  for (size_t t = 0; t < 4; ++t) {
    workers.emplace_back([&compressor, &blocks, t] {
      std::vector<uint8_t> out;
      for (size_t i = t; i < blocks.size(); i += 4) {
        compressor.Compress(blocks[i].data(), blocks[i].size(), &out);
      }
    });
  }
  for (std::thread& w : workers) w.join();
}

}  // namespace storage
