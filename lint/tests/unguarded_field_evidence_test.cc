// What counts as evidence that a lock guards a field: a critical section
// for that field alone, a lock handed to a guard through a function that
// returns it, a virtual hook its base class calls under the lock, and
// comments that confine a field (or only say what it is for).
#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-unguarded-field";

TEST(UnguardedFieldEvidence, AWriteInASectionForTheFieldAloneIsEnough) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <deque>
class Backtracer {
 public:
  void Add(int m) {
    std::lock_guard<std::mutex> lock(mutex_);
    messages_.push_back(m);
  }
  int PopAll() {
    int sum = 0;
    while (!messages_.empty()) {  // WARN
      sum += messages_.front();  // WARN
      messages_.pop_front();  // WARN
    }
    return sum;
  }
  void SetLevel(int level) {
    std::lock_guard<std::mutex> lock(mutex_);
    level_ = level;
  }
  int Level() const { return level_; }  // WARN
 private:
  std::mutex mutex_;
  std::deque<int> messages_;
  int level_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldEvidence, ASectionTouchingSeveralFieldsIsNotEnough) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Stats {
 public:
  void Record(int v) {
    std::lock_guard<std::mutex> lock(mutex_);
    count_ += 1;
    last_ = v;
  }
  int Count() const { return count_; }
  int Last() const { return last_; }
 private:
  std::mutex mutex_;
  int count_ = 0;
  int last_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldEvidence, NotWhenAnotherAccessHoldsAnotherLock) {
  // Each side holds a lock, but not the same one: the closure check's case,
  // not a guess between the two locks.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Roster {
 public:
  void Add(int id) {
    std::lock_guard<std::mutex> lock(add_mu_);
    ids_.push_back(id);
  }
  int Size() {
    std::lock_guard<std::mutex> lock(read_mu_);
    return static_cast<int>(ids_.size());
  }
 private:
  std::mutex add_mu_;
  std::mutex read_mu_;
  std::vector<int> ids_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldEvidence, NotAFirstUseInitialisation) {
  // The double-checked pointer is concurrency-lazy-init-race's finding;
  // its reads after initialisation are not reported again here.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
struct Table { int Lookup(int k) const { return k; } };
class Service {
 public:
  int Get(int k) {
    EnsureTable();
    return table_->Lookup(k);
  }
  int First() {
    EnsureTable();
    return table_->Lookup(0);
  }
 private:
  void EnsureTable() {
    if (table_ == nullptr) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (table_ == nullptr) table_ = new Table;
    }
  }
  std::mutex mutex_;
  Table* table_ = nullptr;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldEvidence, AComputedPurposeConfinesNothing) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Budget {
 public:
  void Grow(long n) {
    std::lock_guard<std::mutex> lock(mutex_);
    limit_ += n;
    loop_ticks_ += 1;
  }
  void Shrink(long n) {
    std::lock_guard<std::mutex> lock(mutex_);
    limit_ -= n;
    loop_ticks_ += 1;
  }
  void Drop(long n) { limit_ -= n; }  // WARN
  void Tick() { loop_ticks_ += 1; }
 private:
  std::mutex mutex_;
  // only used for dynamically adjusting the write budget
  long limit_ = 0;
  // Only accessed on the io thread.
  long loop_ticks_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldEvidence, AGuardGivenItsLockThroughAFunctionReturningIt) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
inline absl::Mutex& CheckNotHeld(absl::Mutex& cs) ABSL_LOCK_RETURNED(cs) {
  return cs;
}
inline std::mutex& Same(std::mutex& cs) { return cs; }
#define LOCK(cs) absl::MutexLock guard(&CheckNotHeld(cs))
class Pool {
 public:
  void Add(int v) {
    LOCK(cs_);
    total_ += v;
    ++count_;
  }
  void Remove(int v) {
    LOCK(cs_);
    total_ -= v;
    --count_;
  }
  int Total() const { return total_; }  // WARN
 private:
  absl::Mutex cs_;
  int total_ = 0;
  int count_ = 0;
};
class Queue {
 public:
  void Push(int v) {
    std::lock_guard<std::mutex> guard(Same(mu_));
    items_.push_back(v);
    ++pushes_;
  }
  void Clear() {
    std::lock_guard<std::mutex> guard(Same(mu_));
    items_.clear();
    ++pushes_;
  }
  size_t Size() const { return items_.size(); }  // WARN
 private:
  std::mutex mu_;
  std::vector<int> items_;
  int pushes_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldEvidence, AVirtualHookRunsWithTheLockItsBaseTakes) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Sink {
 public:
  virtual ~Sink() = default;
  void Log(int n) {
    std::lock_guard<std::mutex> lock(mutex_);
    SinkIt(n);
  }
  void Flush() {
    std::lock_guard<std::mutex> lock(mutex_);
    FlushIt();
  }
 protected:
  virtual void SinkIt(int n) = 0;
  virtual void FlushIt() = 0;
  std::mutex mutex_;
};
class CountingSink : public Sink {
 public:
  long Size() { return size_; }  // WARN
 protected:
  void SinkIt(int n) override { size_ += n; }
  void FlushIt() override { size_ = 0; }
 private:
  long size_ = 0;
};
)code",
                             kCheck);
}

// A getter that takes the lock for this field alone and returns a reference
// into it (spdlog's `filename()` returning `file_helper_.filename()` from
// under its lock_guard) shows the lock is meant for the field, and hands
// its insides past it, even where no other access here shows the guard
// (the hooks that write it run under a base class's lock defined in
// another file). A copy returned, or a field nobody writes, is fine.
TEST(UnguardedFieldEvidence, ReferenceOutOfACriticalSectionOfItsOwn) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <mutex>
#include <string>
class FileHelper {
 public:
  void Write(const std::string& s) { size_ += s.size(); }
  const std::string& name() const { return name_; }
 private:
  std::string name_;
  size_t size_ = 0;
};
class Sink {
 public:
  virtual ~Sink() = default;
  void Log(const std::string& msg);
 protected:
  virtual void SinkIt(const std::string& msg) = 0;
  std::mutex mutex_;
};
class RotatingSink final : public Sink {
 public:
  const std::string& filename() {
    std::lock_guard<std::mutex> lock(mutex_);
    return file_.name();  // WARN
  }
  std::string filename_copy() {
    std::lock_guard<std::mutex> lock(mutex_);
    return file_.name();
  }
  const std::string& base() {
    std::lock_guard<std::mutex> lock(mutex_);
    return base_;
  }
 protected:
  void SinkIt(const std::string& msg) override { file_.Write(msg); }
 private:
  FileHelper file_;
  const std::string base_ = "log";
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
