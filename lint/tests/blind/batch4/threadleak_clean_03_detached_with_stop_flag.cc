// Log shipper: a detached thread tails the local spool and uploads it.
// It polls a process-wide stop flag set by the shutdown hook.

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace shipper {

std::atomic<bool> g_shutdown_requested{false};

bool UploadSpoolChunk(const std::string& spool_dir);

void RequestShutdown() { g_shutdown_requested.store(true, std::memory_order_release); }

void StartShipper(const std::string& spool_dir) {
  std::thread([spool_dir] {
    while (!g_shutdown_requested.load(std::memory_order_acquire)) {
      if (!UploadSpoolChunk(spool_dir)) {
        std::this_thread::sleep_for(std::chrono::seconds(5));
      }
    }
  }).detach();
}

void StartCompactor(const std::string& spool_dir, int max_rounds) {
  std::thread compactor([spool_dir, max_rounds] {
    for (int round = 0; round < max_rounds; ++round) {
      if (g_shutdown_requested.load(std::memory_order_acquire)) break;
      std::this_thread::sleep_for(std::chrono::minutes(1));
    }
  });
  compactor.detach();
}

// Number of spool chunks waiting for upload; maintained by the spooler.
std::atomic<int> g_pending_chunks{0};

void StartBacklogUploader(const std::string& spool_dir) {
  std::thread uploader([spool_dir] {
    while (g_pending_chunks.load(std::memory_order_acquire) > 0) {
      if (!UploadSpoolChunk(spool_dir)) return;
    }
  });
  uploader.detach();
}

void StartOneShotFlush(const std::string& spool_dir) {
  std::thread([spool_dir] {
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (UploadSpoolChunk(spool_dir)) return;
      std::this_thread::sleep_for(std::chrono::seconds(1 << attempt));
    }
  }).detach();
}

}  // namespace shipper
