// Tests for the segment archiver, which packs closed log segments into
// archives on background threads.

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <clocale>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace archive {

// Packs the files of one directory. Runs on the archiver's worker threads.
class ArchiveWorker {
 public:
  explicit ArchiveWorker(std::string dir) : dir_(std::move(dir)) {}

  void Start() { thread_ = std::thread(&ArchiveWorker::Run, this); }
  void Join() {
    if (thread_.joinable()) thread_.join();
  }
  int packed() const { return packed_.load(); }

 private:
  void Run() {
    // The packer takes names relative to the segment directory.
    if (chdir(dir_.c_str()) != 0) return;  // EXPECT: concurrency-process-global-in-test
    for (int i = 0; i < 3; ++i) {
      char name[32];
      std::snprintf(name, sizeof(name), "segment-%d", i);
      if (access(name, F_OK) == 0) ++packed_;
    }
  }

  const std::string dir_;
  std::atomic<int> packed_{0};
  std::thread thread_;
};

std::string FormatRatio(double ratio) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", ratio);
  return buf;
}

TEST(ArchiveWorkerTest, MissingDirectoryPacksNothing) {
  ArchiveWorker worker(::testing::TempDir() + "archive-missing-dir");
  worker.Start();
  worker.Join();
  EXPECT_EQ(worker.packed(), 0);
}

TEST(ArchiveRatioTest, FormatsWithDotDecimalSeparatorOnEveryThread) {
  std::vector<std::thread> threads;
  std::vector<std::string> results(4);
  for (int i = 0; i < 4; ++i) {
    std::string* slot = &results[i];
    threads.emplace_back([i, slot] {
      setlocale(LC_NUMERIC, "C");  // EXPECT: concurrency-process-global-in-test
      *slot = FormatRatio(0.5 + i);
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(results[0], "0.50");
  EXPECT_EQ(results[3], "3.50");
}

}  // namespace archive
