// Stand-in for a batch scheduler's job description types. Declarations only.
#ifndef BATCH7_MOCK_JOB_TYPES_H_
#define BATCH7_MOCK_JOB_TYPES_H_

#include <cstdint>
#include <string>

namespace sched {

struct JobSpec {
  uint64_t id;
  int priority;
  int64_t deadline_ms;
  std::string command;
};

bool LaunchJob(const JobSpec& job);

}  // namespace sched

#endif  // BATCH7_MOCK_JOB_TYPES_H_
