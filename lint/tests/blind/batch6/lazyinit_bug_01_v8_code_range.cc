// V8-style isolate group: isolates created on different threads share one
// code range, reserved the first time an isolate asks for it. The group's
// mutex protects the list of isolates, but not the lazy reservation.
#include <cstddef>
#include <memory>
#include <vector>

#include "mock/v8_platform.h"

namespace v8 {
namespace internal {

class CodeRange {
 public:
  explicit CodeRange(size_t size) : size_(size) {}
  size_t size() const { return size_; }

 private:
  size_t size_;
};

class IsolateForGroup;

class IsolateGroup {
 public:
  static constexpr size_t kDefaultCodeRangeSize = 128u << 20;

  // Called from Isolate::Init, which embedders run on their own threads.
  CodeRange* EnsureCodeRange(size_t requested_size) {
    if (!code_range_) {  // EXPECT: concurrency-lazy-init-race
      size_t size = requested_size != 0 ? requested_size : kDefaultCodeRangeSize;
      code_range_ = std::make_shared<CodeRange>(size);
    }
    return code_range_.get();
  }

  void AddIsolate(IsolateForGroup* isolate) {
    base::MutexGuard guard(&mutex_);
    isolates_.push_back(isolate);
  }

  void RemoveIsolate(IsolateForGroup* isolate) {
    base::MutexGuard guard(&mutex_);
    for (auto it = isolates_.begin(); it != isolates_.end(); ++it) {
      if (*it == isolate) {
        isolates_.erase(it);
        break;
      }
    }
  }

  size_t isolate_count() {
    base::MutexGuard guard(&mutex_);
    return isolates_.size();
  }

 private:
  base::Mutex mutex_;
  std::vector<IsolateForGroup*> isolates_;
  std::shared_ptr<CodeRange> code_range_;
};

class IsolateForGroup {
 public:
  explicit IsolateForGroup(IsolateGroup* group) : group_(group) {}
  void Init(size_t code_range_size) {
    group_->AddIsolate(this);
    code_range_ = group_->EnsureCodeRange(code_range_size);
  }

 private:
  IsolateGroup* group_;
  CodeRange* code_range_ = nullptr;
};

}  // namespace internal
}  // namespace v8
