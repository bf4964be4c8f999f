// Fuchsia-style block device transaction: BeginTransaction() returns with
// the device lock held (TA_ACQ) and EndTransaction() releases it (TA_REL);
// callers pair them on every path, including the early-out on error.
#include <stddef.h>
#include <stdint.h>

#include <vector>

#include "mock/fbl_mutex.h"

typedef int32_t zx_status_t;
constexpr zx_status_t ZX_OK = 0;
constexpr zx_status_t ZX_ERR_OUT_OF_RANGE = -14;

class BlockDevice {
 public:
  explicit BlockDevice(size_t blocks) : blocks_(blocks, 0) {}

  void BeginTransaction() TA_ACQ(lock_) {
    lock_.Acquire();
    ++txn_depth_;
  }

  void EndTransaction() TA_REL(lock_) {
    --txn_depth_;
    if (txn_depth_ == 0) ++committed_;
    lock_.Release();
  }

  zx_status_t WriteBlocks(size_t first, const std::vector<uint64_t>& data) TA_EXCL(lock_) {
    BeginTransaction();
    if (first + data.size() > blocks_.size()) {
      EndTransaction();
      return ZX_ERR_OUT_OF_RANGE;
    }
    for (size_t i = 0; i < data.size(); ++i) blocks_[first + i] = data[i];
    EndTransaction();
    return ZX_OK;
  }

  uint64_t committed() TA_EXCL(lock_) {
    fbl::AutoLock guard(&lock_);
    return committed_;
  }

 private:
  fbl::Mutex lock_;
  std::vector<uint64_t> blocks_ TA_GUARDED(lock_);
  int txn_depth_ TA_GUARDED(lock_) = 0;
  uint64_t committed_ TA_GUARDED(lock_) = 0;
};
