// Stand-in for a service agent's metrics types and collector client. Declarations only.
#ifndef BATCH7_MOCK_METRICS_SAMPLE_H_
#define BATCH7_MOCK_METRICS_SAMPLE_H_

#include <string>
#include <vector>

namespace agent {

struct Sample {
  std::string name;
  double value;
};

// Sends the batch to the collector at `endpoint`; blocking.
bool PushSamples(const std::string& endpoint, const std::vector<Sample>& samples);

}  // namespace agent

#endif  // BATCH7_MOCK_METRICS_SAMPLE_H_
