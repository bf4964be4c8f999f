// Archive step of a backup tool: one worker compresses the files while the
// calling thread reports progress to the UI until the worker is done.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

#include "mock/backup_io.h"

namespace backup {

namespace {

// Batches with more files than this go through the streaming archiver.
constexpr size_t kMaxBatchFiles = 100000;

std::vector<std::string> WithoutDuplicates(const std::vector<std::string>& files) {
  std::vector<std::string> unique;
  unique.reserve(files.size());
  for (const std::string& f : files) {
    bool seen = false;
    for (const std::string& u : unique) seen = seen || u == f;
    if (!seen) unique.push_back(f);
  }
  return unique;
}

}  // namespace

bool CompressAll(const std::vector<std::string>& files, ProgressSink* sink) {
  size_t compressed = 0;
  std::atomic<bool> finished{false};
  std::atomic<bool> ok{true};

  std::thread worker([&] {
    for (const std::string& path : files) {
      if (!CompressFile(path)) ok.store(false, std::memory_order_relaxed);
      ++compressed;  // EXPECT: concurrency-closure-captures-mutable
    }
    finished.store(true, std::memory_order_release);
  });

  while (!finished.load(std::memory_order_acquire)) {
    sink->Report(compressed, files.size());
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  worker.join();
  sink->Report(files.size(), files.size());
  return ok.load(std::memory_order_relaxed);
}

bool CompressBatch(const std::vector<std::string>& files, ProgressSink* sink) {
  if (files.size() > kMaxBatchFiles) return false;
  return CompressAll(WithoutDuplicates(files), sink);
}

}  // namespace backup
