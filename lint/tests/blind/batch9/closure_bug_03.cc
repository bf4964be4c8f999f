// A backup tool: copies a list of files to a destination on a helper thread
// while the calling thread reports progress to the UI.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace backup {

// Progress callbacks run on the caller's thread, roughly five times a second.

struct FileEntry {
  std::string source;
  std::string dest;
  uint64_t size;
};

struct CopyResult {
  uint64_t bytes = 0;
  size_t files = 0;
  size_t failures = 0;
};

using ProgressFn = std::function<void(uint64_t bytes_done, uint64_t bytes_total)>;

// Copies one file; returns bytes copied, or 0 on failure.
static uint64_t CopyOne(const FileEntry& f) {
  std::ifstream in(f.source, std::ios::binary);
  std::ofstream out(f.dest, std::ios::binary | std::ios::trunc);
  if (!in || !out) return 0;
  char buf[1 << 14];
  uint64_t copied = 0;
  while (in) {
    in.read(buf, sizeof(buf));
    const std::streamsize n = in.gcount();
    if (n <= 0) break;
    out.write(buf, n);
    copied += static_cast<uint64_t>(n);
  }
  return out ? copied : 0;
}

class BackupJob {
 public:
  explicit BackupJob(std::vector<FileEntry> files) : files_(std::move(files)) {
    for (const FileEntry& f : files_) total_bytes_ += f.size;
  }

  CopyResult Run(const ProgressFn& progress) {
    uint64_t bytes_copied = 0;
    size_t failures = 0;
    std::atomic<bool> done{false};

    std::thread copier([&] {
      for (const FileEntry& f : files_) {
        const uint64_t n = CopyOne(f);
        if (n == 0 && f.size != 0) ++failures;
        bytes_copied += n;  // EXPECT: concurrency-closure-captures-mutable
      }
      done.store(true, std::memory_order_release);
    });

    // Report progress every 200ms until the copier finishes.
    while (!done.load(std::memory_order_acquire)) {
      progress(bytes_copied, total_bytes_);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    copier.join();

    CopyResult result;
    result.bytes = bytes_copied;
    result.files = files_.size();
    result.failures = failures;
    progress(bytes_copied, total_bytes_);
    return result;
  }

 private:
  const std::vector<FileEntry> files_;
  uint64_t total_bytes_ = 0;
};

void PrintProgress(uint64_t done, uint64_t total) {
  const double pct = total == 0 ? 100.0 : 100.0 * static_cast<double>(done) / static_cast<double>(total);
  std::fprintf(stderr, "\rbackup: %5.1f%% (%llu / %llu bytes)", pct,
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
}

int RunBackup(const std::vector<FileEntry>& files) {
  BackupJob job(files);
  CopyResult r = job.Run(PrintProgress);
  std::fprintf(stderr, "\n%zu files, %zu failures\n", r.files, r.failures);
  return r.failures == 0 ? 0 : 1;
}

}  // namespace backup
