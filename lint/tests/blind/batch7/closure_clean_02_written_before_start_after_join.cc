// Two-way parallel checksum of a replication batch. The job object is
// reused batch after batch: its fields are set before the helper thread is
// created and reset only after it has been joined, so the helper never races
// with a write.

#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

#include "mock/block_store.h"

namespace blockstore {

class BatchChecksum {
 public:
  uint32_t Compute(const std::vector<Block>& blocks) {
    blocks_ = &blocks;
    seed_ = SeedFor(blocks);
    split_ = blocks.size() / 2;

    std::thread helper([this] { first_half_ = Crc32cRange(*blocks_, 0, split_, seed_); });
    const uint32_t second_half = Crc32cRange(*blocks_, split_, blocks_->size(), seed_);
    helper.join();

    const uint32_t result = Crc32cCombine(first_half_, second_half, blocks.size() - split_);
    ++batches_;
    first_half_ = 0;
    blocks_ = nullptr;
    return result;
  }

  uint64_t batches() const { return batches_; }

 private:
  const std::vector<Block>* blocks_ = nullptr;
  uint32_t seed_ = 0;
  size_t split_ = 0;
  uint32_t first_half_ = 0;
  uint64_t batches_ = 0;
};

}  // namespace blockstore
