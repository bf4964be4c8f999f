// Stand-in for a backup tool's progress and compression interfaces. Declarations only.
#ifndef BATCH7_MOCK_BACKUP_IO_H_
#define BATCH7_MOCK_BACKUP_IO_H_

#include <cstddef>
#include <string>

namespace backup {

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void Report(size_t done, size_t total) = 0;
};

bool CompressFile(const std::string& path);

}  // namespace backup

#endif  // BATCH7_MOCK_BACKUP_IO_H_
