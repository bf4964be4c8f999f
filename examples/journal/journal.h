// An append-only journal file: writers append records under a lock, a
// background thread fsyncs it periodically, Close() ends it.
#ifndef LOCKSTEP_EXAMPLES_JOURNAL_JOURNAL_H_
#define LOCKSTEP_EXAMPLES_JOURNAL_JOURNAL_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "absl/status/status.h"

namespace examples {

class Journal {
 public:
  Journal() = default;
  ~Journal();

  absl::Status Open(const std::string& path);
  absl::Status Append(const std::string& record);
  // Starts fsyncing every `interval` on a background thread.
  void StartSyncing(std::chrono::milliseconds interval);
  void Close();

 private:
  void SyncLoop(std::chrono::milliseconds interval);

  std::mutex mu_;
  std::condition_variable closing_;
  int fd_ = -1;          // -1 once closed
  bool closed_ = false;  // guarded by mu_
  std::thread syncer_;
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_JOURNAL_JOURNAL_H_
