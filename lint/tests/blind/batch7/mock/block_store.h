// Stand-in for a replicated block store's block type and checksum helpers.
// Declarations only.
#ifndef BATCH7_MOCK_BLOCK_STORE_H_
#define BATCH7_MOCK_BLOCK_STORE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace blockstore {

struct Block {
  uint64_t id;
  std::vector<uint8_t> data;
};

uint32_t SeedFor(const std::vector<Block>& blocks);
uint32_t Crc32cRange(const std::vector<Block>& blocks, size_t begin, size_t end, uint32_t seed);
uint32_t Crc32cCombine(uint32_t first, uint32_t second, size_t second_len);

}  // namespace blockstore

#endif  // BATCH7_MOCK_BLOCK_STORE_H_
