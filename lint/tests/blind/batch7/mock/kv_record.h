// Stand-in for an embedded key-value store's WAL record format. Declarations only.
#ifndef BATCH7_MOCK_KV_RECORD_H_
#define BATCH7_MOCK_KV_RECORD_H_

#include <cstdint>
#include <string>

namespace kvstore {

struct WalRecord {
  uint64_t sequence;
  std::string key;
  std::string value;
};

// Length-prefixed, checksummed encoding of one log record.
std::string EncodeWalRecord(const WalRecord& record);

}  // namespace kvstore

#endif  // BATCH7_MOCK_KV_RECORD_H_
