// Partition export of an analytics warehouse: each partition's checksums are
// verified on a helper thread while the partition is written out.

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "mock/warehouse_partition.h"

namespace warehouse {

int ExportPartitions(const std::vector<Partition>& partitions, PartitionExporter* exporter) {
  int exported = 0;
  for (const Partition& partition : partitions) {
    std::thread verifier([&partition] { VerifyChecksums(partition); });  // EXPECT: concurrency-thread-leak
    if (partition.row_count == 0) {
      continue;  // nothing to export
    }
    if (exporter->Write(partition)) {
      ++exported;
    }
    verifier.join();
  }
  return exported;
}

// Serial variant for the single-core export workers.
int ExportPartitionsSerial(const std::vector<Partition>& partitions, PartitionExporter* exporter) {
  int exported = 0;
  for (const Partition& partition : partitions) {
    if (partition.row_count == 0 || !VerifyChecksums(partition)) {
      continue;
    }
    if (exporter->Write(partition)) {
      ++exported;
    }
  }
  return exported;
}

}  // namespace warehouse
