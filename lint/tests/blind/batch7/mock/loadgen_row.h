// Stand-in for a load generator's per-request result row. Declarations only.
#ifndef BATCH7_MOCK_LOADGEN_ROW_H_
#define BATCH7_MOCK_LOADGEN_ROW_H_

#include <cstdint>

namespace loadgen {

struct RequestRow {
  int64_t start_us;
  int64_t latency_us;
  int status;
};

}  // namespace loadgen

#endif  // BATCH7_MOCK_LOADGEN_ROW_H_
