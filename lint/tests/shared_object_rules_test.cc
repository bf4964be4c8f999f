// Rules about what counts as a write to shared state, which the closure and
// field checks share: per-thread slots of a container, calls on objects that
// synchronize themselves, and helpers documented to run with the caller's
// lock held.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

TEST(SharedObjectRules, EachThreadWritesItsOwnSlot) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Sum(const std::vector<int>& data, int workers) {
  std::vector<int> partial(workers);
  int shared_total = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&data, &partial, &shared_total, w] {
      int own = w;
      partial[w] = data[w];
      partial[own] += 1;
      partial[0] += 1;  // WARN
      shared_total += data[w];  // WARN
    });
  }
  for (std::thread& t : threads) t.join();
  return partial[0] + shared_total;
}
)code",
                             "concurrency-closure-captures-mutable");
}

TEST(SharedObjectRules, CallsOnAnObjectThatLocksItselfAreNotWrites) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class WorkQueue {
 public:
  void Push(int v) { std::lock_guard<std::mutex> l(mu_); items_.push_back(v); }
 private:
  std::mutex mu_;
  std::vector<int> items_;
};
class Tally {
 public:
  void Add(int v) { total_ += v; }
 private:
  int total_ = 0;
};
void Fill(WorkQueue& queue, Tally& tally) {
  std::vector<std::thread> producers;
  for (int p = 0; p < 4; ++p) {
    producers.emplace_back([&queue, &tally, p] {
      queue.Push(p);
      tally.Add(p);  // WARN
    });
  }
  for (std::thread& t : producers) t.join();
}
)code",
                             "concurrency-closure-captures-mutable");
}

TEST(SharedObjectRules, HelperDocumentedToRunWithTheLockHeld) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Logger {
 public:
  void Log(int n) {
    std::lock_guard<std::mutex> l(mu_);
    bytes_ += n;
    FlushLocked();
  }
  void Sync() {
    std::lock_guard<std::mutex> l(mu_);
    WriteOut();
  }
  int Bytes() {
    std::lock_guard<std::mutex> l(mu_);
    return bytes_;
  }
  void FlushLocked() { bytes_ = 0; }
  // REQUIRES: mu_ held.
  void WriteOut() { bytes_ = 1; }
  void Peek() { bytes_ = 2; }  // WARN
 private:
  std::mutex mu_;
  int bytes_ = 0;
};
)code",
                             "concurrency-unguarded-field");
}

// A non-const method whose body changes nothing of its object reads it: the
// directories are set once before the threads start, and the getters are not
// const only by omission. A getter that bumps a counter, or hands out a
// mutable reference, still writes.
TEST(SharedObjectRules, NonConstGetterThatChangesNothingReads) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Directory {
 public:
  int Fsync() { return ++syncs_; }
 private:
  int syncs_ = 0;
};
class Directories {
 public:
  void Set(std::unique_ptr<Directory> db, Directory* wal) {
    db_dir_ = std::move(db);
    wal_dir_ = wal;
  }
  Directory* GetDbDir() { return db_dir_.get(); }
  Directory* GetWalDir() { return wal_dir_ != nullptr ? wal_dir_ : GetDbDir(); }
  int* Lookups() { return &lookups_; }
  int& Hits() { return hits_; }
  void CountLookup() { ++lookups_; }
 private:
  std::unique_ptr<Directory> db_dir_;
  Directory* wal_dir_ = nullptr;
  int lookups_ = 0;
  int hits_ = 0;
};
class DB {
 public:
  DB() { directories_.Set(std::make_unique<Directory>(), nullptr); }
  void Flush() {
    std::lock_guard<std::mutex> l(mu_);
    directories_.GetDbDir()->Fsync();
    stats_.CountLookup();
  }
  void Compact() {
    std::lock_guard<std::mutex> l(mu_);
    directories_.GetWalDir()->Fsync();
    ++*stats_.Lookups();
  }
  void SyncWal() { directories_.GetWalDir()->Fsync(); }
  void SyncDb() { directories_.GetDbDir()->Fsync(); }
  void Count() { stats_.CountLookup(); }  // WARN
  void Hit() { ++stats_.Hits(); }  // WARN
 private:
  std::mutex mu_;
  Directories directories_;
  Directories stats_;
};
)code",
                             "concurrency-unguarded-field");
}

}  // namespace
}  // namespace lockstep::lint::testing
