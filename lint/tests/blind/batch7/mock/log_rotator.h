// Stand-in for a logging library's rotating file sink (the code under test
// in the log rotation tests). Declarations only.
#ifndef BATCH7_MOCK_LOG_ROTATOR_H_
#define BATCH7_MOCK_LOG_ROTATOR_H_

#include <ctime>
#include <string>
#include <vector>

namespace logkit {

struct RotationPolicy {
  bool at_local_midnight = true;
  size_t max_bytes = 0;
  int keep_files = 7;
};

class LogRotator {
 public:
  LogRotator(std::string directory, std::string base_name, RotationPolicy policy);
  // Returns the path written to.
  std::string Write(const std::string& line, time_t now);
  std::vector<std::string> ListFiles() const;
};

}  // namespace logkit

#endif  // BATCH7_MOCK_LOG_ROTATOR_H_
