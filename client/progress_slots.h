// The process's progress page (protocol/progress_page.h) and its slots: one
// page per test process, made on first use and never freed (a Check may
// still mark its slot while another restarts the engine; the crash signal
// handlers write to it until the process ends), handed to every engine the
// process starts. Each running test holds one slot.
#ifndef LOCKSTEP_CLIENT_PROGRESS_SLOTS_H_
#define LOCKSTEP_CLIENT_PROGRESS_SLOTS_H_

#include <cstdint>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "server_bridge/protocol/progress_page.h"

namespace lockstep::client {

class ProgressSlots {
 public:
  // The process's (a function-local static: built once, thread-safely).
  // Making it creates the page and installs the crash signal recorder.
  static ProgressSlots& Global();

  // Null when the page could not be made (the engine then records no
  // crashes; tests still run).
  const protocol::ProgressPage* page() const { return page_; }
  // A free slot (1-based), or 0 when none is free or there is no page.
  uint32_t Acquire() ABSL_LOCKS_EXCLUDED(mu_);
  void Release(uint32_t slot) ABSL_LOCKS_EXCLUDED(mu_);

 private:
  ProgressSlots();

  const protocol::ProgressPage* const page_;  // const after construction
  absl::Mutex mu_;
  std::vector<bool> taken_ ABSL_GUARDED_BY(mu_);
};

}  // namespace lockstep::client

#endif  // LOCKSTEP_CLIENT_PROGRESS_SLOTS_H_
