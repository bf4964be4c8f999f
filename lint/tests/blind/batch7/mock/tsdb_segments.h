// Stand-in for a time-series store's segment compaction. Declarations only.
#ifndef BATCH7_MOCK_TSDB_SEGMENTS_H_
#define BATCH7_MOCK_TSDB_SEGMENTS_H_

#include <string>

namespace tsdb {

// Rewrites the named segment without its deleted series; blocking.
bool CompactSegment(const std::string& name);

}  // namespace tsdb

#endif  // BATCH7_MOCK_TSDB_SEGMENTS_H_
