// Stand-in for a media center's library database interface (music/video
// library scanner side). Declarations only.
#ifndef BATCH7_MOCK_MEDIA_DB_H_
#define BATCH7_MOCK_MEDIA_DB_H_

#include <atomic>
#include <string>
#include <vector>

namespace medialib {

class MediaDatabase {
 public:
  virtual ~MediaDatabase() = default;
  virtual bool BeginTransaction() = 0;
  virtual bool InsertItem(const std::string& path) = 0;
  virtual bool CommitTransaction() = 0;
  virtual void RollbackTransaction() = 0;
};

void GenerateThumbnails(const std::vector<std::string>& paths, const std::atomic<bool>* cancel);

}  // namespace medialib

#endif  // BATCH7_MOCK_MEDIA_DB_H_
