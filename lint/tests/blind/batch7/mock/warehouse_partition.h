// Stand-in for an analytics warehouse's partition export interfaces. Declarations only.
#ifndef BATCH7_MOCK_WAREHOUSE_PARTITION_H_
#define BATCH7_MOCK_WAREHOUSE_PARTITION_H_

#include <cstdint>
#include <string>

namespace warehouse {

struct Partition {
  std::string name;
  uint64_t row_count;
};

class PartitionExporter {
 public:
  virtual ~PartitionExporter() = default;
  virtual bool Write(const Partition& partition) = 0;
};

bool VerifyChecksums(const Partition& partition);

}  // namespace warehouse

#endif  // BATCH7_MOCK_WAREHOUSE_PARTITION_H_
