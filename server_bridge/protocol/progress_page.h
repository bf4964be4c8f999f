// The progress page (PROTOCOL.md, "Crash records"): a small shared memory
// file that the client creates, hands to the engine at start (--progress_fd)
// and writes as it runs cases, so that the engine knows which case was
// running when the client died. One store per case start and end: nothing
// travels on the stream.
//
// Layout, native 64-bit words (both ends run on one machine):
//   word 0  magic kProgressMagic
//   word 1  number of slots
//   word 2  the fatal signal the client caught (0: none; kSanitizerDeath:
//           a sanitizer's report), written by its handler just before the
//           process dies
//   word 3  unused (0)
//   then per slot (1-based on the wire, StartTest.progress_slot):
//     word 0  message_id of the directive being run
//     word 1  1 + index of its case running now (0: no case running)
//
// Every word is a lock-free std::atomic<uint64_t> in the shared mapping.
// The client stores with release order; the engine reads them with acquire
// order after the connection ended, when the client is gone.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_PROGRESS_PAGE_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_PROGRESS_PAGE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "absl/status/statusor.h"

namespace lockstep::protocol {

inline constexpr uint64_t kProgressMagic = 0x3130474f5250534cULL;  // LSPROG01
inline constexpr uint32_t kProgressSlots = 256;
// Recorded instead of a signal when a sanitizer's report ends the client.
inline constexpr int kSanitizerDeath = 256;

// What one slot said when the engine read it.
struct CaseInFlight {
  uint64_t directive_id = 0;
  uint32_t case_index = 0;  // within a batch; 0 for a single case
};

// A mapping of the page. Move-only; unmaps on destruction. Its atomics are
// the only shared state; the object itself is const after construction.
class ProgressPage {
 public:
  // A new page in an anonymous memory file (memfd), all zero but the
  // header; fd() (close-on-exec, 10 or above, so that it never collides with
  // the descriptors a child is given) is what to hand to the engine.
  static absl::StatusOr<ProgressPage> Create();
  // Maps the page of an inherited `fd` (the engine's side), checking its
  // header. Takes ownership of `fd`.
  static absl::StatusOr<ProgressPage> Map(int fd);

  ProgressPage(ProgressPage&& other) noexcept;
  ProgressPage& operator=(ProgressPage&&) = delete;
  ProgressPage(const ProgressPage&) = delete;
  ~ProgressPage();

  int fd() const { return fd_; }

  // Client side, slot 1..kProgressSlots: a case of the directive sent as
  // `directive_id` starts (index within its batch, 0 for a single case), or
  // none runs any more.
  void CaseStarts(uint32_t slot, uint64_t directive_id,
                  uint32_t case_index) const;
  void CaseEnds(uint32_t slot) const;
  // Async-signal-safe: a fatal signal is about to end the client. Only the
  // first one is kept.
  void RecordFatalSignal(int signal) const;

  // Engine side: the case running in `slot`, if any, and the fatal signal
  // recorded (0: none).
  std::optional<CaseInFlight> Running(uint32_t slot) const;
  int FatalSignal() const;

 private:
  ProgressPage(int fd, std::atomic<uint64_t>* words) : fd_(fd), words_(words) {}
  std::atomic<uint64_t>* SlotWords(uint32_t slot) const;

  int fd_;
  std::atomic<uint64_t>* words_;  // the mapping; null once moved from
};

size_t ProgressPageBytes();

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_PROGRESS_PAGE_H_
