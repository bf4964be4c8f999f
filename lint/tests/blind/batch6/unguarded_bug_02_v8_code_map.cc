// V8-style profiler code map: the isolate thread adds and moves code
// entries, the sampling profiler's symbolizer thread looks them up. Lookups
// take the shared mutex shared, mutations take it exclusively.
#include <cstdint>
#include <map>
#include <string>

#include "mock/v8_platform.h"

namespace v8 {
namespace internal {

using Address = uintptr_t;

class CodeEntry {
 public:
  explicit CodeEntry(std::string name) : name_(std::move(name)) {}
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

struct CodeEntryMapInfo {
  CodeEntry* entry;
  unsigned size;
};

class InstructionStreamMap {
 public:
  void AddCode(Address addr, CodeEntry* entry, unsigned size) {
    base::SharedMutexGuard<base::kExclusive> guard(&mutex_);
    ClearCodesInRange(addr, addr + size);
    code_map_.emplace(addr, CodeEntryMapInfo{entry, size});
    ++generation_;
  }

  void MoveCode(Address from, Address to) {
    if (from == to) return;
    base::SharedMutexGuard<base::kExclusive> guard(&mutex_);
    auto it = code_map_.find(from);
    if (it == code_map_.end()) return;
    CodeEntryMapInfo info = it->second;
    code_map_.erase(it);
    ClearCodesInRange(to, to + info.size);
    code_map_.emplace(to, info);
    ++generation_;
  }

  CodeEntry* FindEntry(Address addr, Address* out_instruction_start) {
    base::SharedMutexGuard<base::kShared> guard(&mutex_);
    auto it = code_map_.upper_bound(addr);
    if (it == code_map_.begin()) return nullptr;
    --it;
    Address start_address = it->first;
    Address end_address = start_address + it->second.size;
    if (addr >= end_address) return nullptr;
    if (out_instruction_start) *out_instruction_start = start_address;
    return it->second.entry;
  }

  // The symbolizer keeps the info of the frame it is resolving.
  const CodeEntryMapInfo* FindInfo(Address start) {
    base::SharedMutexGuard<base::kShared> guard(&mutex_);
    auto it = code_map_.find(start);
    if (it == code_map_.end()) return nullptr;
    return &it->second;  // EXPECT: concurrency-unguarded-field
  }

  // Reported in the profile's metadata.
  size_t size() const { return code_map_.size(); }  // EXPECT: concurrency-unguarded-field

  uint64_t generation() {
    base::SharedMutexGuard<base::kShared> guard(&mutex_);
    return generation_;
  }

 private:
  void ClearCodesInRange(Address start, Address end) {
    auto left = code_map_.upper_bound(start);
    if (left != code_map_.begin()) {
      --left;
      if (left->first + left->second.size <= start) ++left;
    }
    auto right = left;
    while (right != code_map_.end() && right->first < end) ++right;
    code_map_.erase(left, right);
  }

  std::map<Address, CodeEntryMapInfo> code_map_;
  uint64_t generation_ = 0;
  base::SharedMutex mutex_;
};

}  // namespace internal
}  // namespace v8
