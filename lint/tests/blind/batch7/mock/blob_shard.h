// Stand-in for a blob store's shard descriptor and checksum helper. Declarations only.
#ifndef BATCH7_MOCK_BLOB_SHARD_H_
#define BATCH7_MOCK_BLOB_SHARD_H_

#include <cstdint>
#include <string>

namespace blobstore {

struct Shard {
  std::string path;
  uint32_t expected_crc;
};

uint32_t ComputeCrc32c(const std::string& path);

}  // namespace blobstore

#endif  // BATCH7_MOCK_BLOB_SHARD_H_
