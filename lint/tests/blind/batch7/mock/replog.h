// Stand-in for a replicated log's replica interface. Declarations only.
#ifndef BATCH7_MOCK_REPLOG_H_
#define BATCH7_MOCK_REPLOG_H_

#include <string>

namespace replog {

struct ReplicaLag {
  std::string replica;
  unsigned long long from_index;
};

void FetchAndApply(const std::string& replica, unsigned long long from_index);

}  // namespace replog

#endif  // BATCH7_MOCK_REPLOG_H_
