// Stand-in for a storage engine's Env / FileSystem service interface; its
// implementations synchronize internally. Declarations only.
#ifndef BATCH7_MOCK_ENV_FS_H_
#define BATCH7_MOCK_ENV_FS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace storage {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual bool ListDir(const std::string& dir, std::vector<std::string>* names) = 0;
  virtual uint64_t FileSize(const std::string& path) = 0;
  virtual bool DeleteFile(const std::string& path) = 0;
  virtual bool SyncDir(const std::string& dir) = 0;
};

}  // namespace storage

#endif  // BATCH7_MOCK_ENV_FS_H_
