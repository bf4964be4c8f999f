// Dart VM-style lazily allocated field table for a class: double-checked
// locking done right. The pointer is a std::atomic, loaded with acquire
// and published with release after the table is fully built, so a reader
// that sees it also sees its contents.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "mock/dart_lock.h"

namespace dart {

class FieldTable {
 public:
  explicit FieldTable(intptr_t capacity) : offsets_(static_cast<size_t>(capacity), -1) {}
  intptr_t OffsetOf(intptr_t field_id) const { return offsets_[static_cast<size_t>(field_id)]; }
  void SetOffset(intptr_t field_id, intptr_t offset) {
    offsets_[static_cast<size_t>(field_id)] = offset;
  }

 private:
  std::vector<intptr_t> offsets_;
};

class ClassInfo {
 public:
  explicit ClassInfo(intptr_t num_fields)
      : num_fields_(num_fields), mutex_("ClassInfo::mutex_") {}
  ~ClassInfo() { delete field_table_.load(std::memory_order_relaxed); }

  // Called from mutators and the background compiler.
  FieldTable* field_table() {
    FieldTable* table = field_table_.load(std::memory_order_acquire);
    if (table == nullptr) {
      MutexLocker ml(&mutex_);
      table = field_table_.load(std::memory_order_relaxed);
      if (table == nullptr) {
        table = new FieldTable(num_fields_);
        for (intptr_t i = 0; i < num_fields_; ++i) table->SetOffset(i, 8 + 8 * i);
        field_table_.store(table, std::memory_order_release);
        ++tables_built_;
      }
    }
    return table;
  }

  intptr_t tables_built() {
    MutexLocker ml(&mutex_);
    return tables_built_;
  }

 private:
  const intptr_t num_fields_;
  Mutex mutex_;
  std::atomic<FieldTable*> field_table_{nullptr};
  intptr_t tables_built_ = 0;
};

}  // namespace dart
