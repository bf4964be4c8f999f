// Stand-in for a journal's metrics hooks. Declarations only.
#ifndef BATCH7_MOCK_JOURNAL_METRICS_H_
#define BATCH7_MOCK_JOURNAL_METRICS_H_

#include <cstdint>

namespace journal {

// Exports the latency of one fdatasync() to the metrics registry.
void RecordSyncLatencyUs(int64_t micros);

}  // namespace journal

#endif  // BATCH7_MOCK_JOURNAL_METRICS_H_
