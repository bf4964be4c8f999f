// Parallel checksum verification for the backup restorer: one helper thread
// verifies the index while the caller verifies the data chunks.
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "boost_thread.h"
#include "task_runner.h"

namespace restore {

enum class VerifyResult { kOk, kChecksumMismatch, kMissingChunk, kIoError };

struct Chunk {
  std::string id;
  uint32_t expected_crc = 0;
  std::vector<uint8_t> data;
};

uint32_t Crc32(const std::vector<uint8_t>& data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (uint8_t b : data) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

class RestoreVerifier {
 public:
  explicit RestoreVerifier(std::function<bool(const std::string&)> index_check)
      : index_check_(std::move(index_check)) {}

  VerifyResult Verify(const std::string& index_path, const std::vector<Chunk>& chunks) {
    bool index_ok = false;
    std::thread index_thread([this, &index_path, &index_ok] {
      index_ok = index_check_(index_path);
    });  // EXPECT: concurrency-thread-leak
    for (const Chunk& c : chunks) {
      if (c.data.empty()) {
        runtime::Log("ERROR") << "chunk " << c.id << " missing";
        return VerifyResult::kMissingChunk;
      }
      if (Crc32(c.data) != c.expected_crc) {
        runtime::Log("ERROR") << "chunk " << c.id << " checksum mismatch";
        index_thread.join();
        return VerifyResult::kChecksumMismatch;
      }
    }
    index_thread.join();
    return index_ok ? VerifyResult::kOk : VerifyResult::kIoError;
  }

  uint64_t verified() {
    boost::lock_guard<boost::mutex> lock(mu_);
    return verified_;
  }

  void CountVerified(uint64_t n) {
    boost::lock_guard<boost::mutex> lock(mu_);
    verified_ += n;
  }

 private:
  std::function<bool(const std::string&)> index_check_;
  boost::mutex mu_;
  uint64_t verified_ = 0;
};

const char* VerifyResultName(VerifyResult r) {
  switch (r) {
    case VerifyResult::kOk: return "ok";
    case VerifyResult::kChecksumMismatch: return "checksum mismatch";
    case VerifyResult::kMissingChunk: return "missing chunk";
    case VerifyResult::kIoError: return "io error";
  }
  return "?";
}

}  // namespace restore
