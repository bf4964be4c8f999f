#include "server_bridge/protocol/progress_page.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace lockstep::protocol {
namespace {

constexpr size_t kHeaderWords = 4;
constexpr size_t kWordsPerSlot = 2;
static_assert(std::atomic<uint64_t>::is_always_lock_free,
              "the progress page needs lock-free 64-bit atomics");

}  // namespace

size_t ProgressPageBytes() {
  return (kHeaderWords + kWordsPerSlot * kProgressSlots) * sizeof(uint64_t);
}

absl::StatusOr<ProgressPage> ProgressPage::Create() {
  int created = memfd_create("lockstep-progress", MFD_CLOEXEC);
  if (created < 0) {
    return absl::InternalError(
        absl::StrCat("memfd_create failed: ", std::strerror(errno)));
  }
  int fd = fcntl(created, F_DUPFD_CLOEXEC, 10);
  close(created);
  if (fd < 0) {
    return absl::InternalError(absl::StrCat(
        "cannot move the progress page's descriptor: ", std::strerror(errno)));
  }
  if (ftruncate(fd, static_cast<off_t>(ProgressPageBytes())) != 0) {
    int error = errno;
    close(fd);
    return absl::InternalError(
        absl::StrCat("cannot size the progress page: ", std::strerror(error)));
  }
  void* memory = mmap(nullptr, ProgressPageBytes(), PROT_READ | PROT_WRITE,
                      MAP_SHARED, fd, 0);
  if (memory == MAP_FAILED) {
    int error = errno;
    close(fd);
    return absl::InternalError(
        absl::StrCat("cannot map the progress page: ", std::strerror(error)));
  }
  auto* words = static_cast<std::atomic<uint64_t>*>(memory);
  words[1].store(kProgressSlots, std::memory_order_relaxed);
  words[0].store(kProgressMagic, std::memory_order_release);
  return ProgressPage(fd, words);
}

absl::StatusOr<ProgressPage> ProgressPage::Map(int fd) {
  struct stat info {};
  if (fstat(fd, &info) != 0 ||
      static_cast<size_t>(info.st_size) < ProgressPageBytes()) {
    close(fd);
    return absl::InvalidArgumentError(
        absl::StrCat("descriptor ", fd, " is not a progress page of ",
                     ProgressPageBytes(), " bytes"));
  }
  void* memory =
      mmap(nullptr, ProgressPageBytes(), PROT_READ, MAP_SHARED, fd, 0);
  if (memory == MAP_FAILED) {
    int error = errno;
    close(fd);
    return absl::InternalError(
        absl::StrCat("cannot map the progress page: ", std::strerror(error)));
  }
  auto* words = static_cast<std::atomic<uint64_t>*>(memory);
  if (words[0].load(std::memory_order_acquire) != kProgressMagic ||
      words[1].load(std::memory_order_relaxed) != kProgressSlots) {
    munmap(memory, ProgressPageBytes());
    close(fd);
    return absl::InvalidArgumentError(
        absl::StrCat("descriptor ", fd, " has no progress page header"));
  }
  return ProgressPage(fd, words);
}

ProgressPage::ProgressPage(ProgressPage&& other) noexcept
    : fd_(other.fd_), words_(other.words_) {
  other.fd_ = -1;
  other.words_ = nullptr;
}

ProgressPage::~ProgressPage() {
  if (words_ != nullptr) munmap(words_, ProgressPageBytes());
  if (fd_ >= 0) close(fd_);
}

std::atomic<uint64_t>* ProgressPage::SlotWords(uint32_t slot) const {
  if (slot == 0 || slot > kProgressSlots || words_ == nullptr) return nullptr;
  return words_ + kHeaderWords + kWordsPerSlot * (slot - 1);
}

void ProgressPage::CaseStarts(uint32_t slot, uint64_t directive_id,
                              uint32_t case_index) const {
  std::atomic<uint64_t>* words = SlotWords(slot);
  if (words == nullptr) return;
  words[0].store(directive_id, std::memory_order_relaxed);
  words[1].store(uint64_t{case_index} + 1, std::memory_order_release);
}

void ProgressPage::CaseEnds(uint32_t slot) const {
  std::atomic<uint64_t>* words = SlotWords(slot);
  if (words != nullptr) words[1].store(0, std::memory_order_release);
}

void ProgressPage::RecordFatalSignal(int signal) const {
  // The first signal is the cause: a sanitizer that reports a SIGSEGV and
  // then aborts must not make it a SIGABRT.
  if (words_ == nullptr) return;
  uint64_t none = 0;
  words_[2].compare_exchange_strong(none, static_cast<uint64_t>(signal),
                                    std::memory_order_acq_rel);
}

std::optional<CaseInFlight> ProgressPage::Running(uint32_t slot) const {
  std::atomic<uint64_t>* words = SlotWords(slot);
  if (words == nullptr) return std::nullopt;
  uint64_t running = words[1].load(std::memory_order_acquire);
  if (running == 0) return std::nullopt;
  return CaseInFlight{words[0].load(std::memory_order_relaxed),
                      static_cast<uint32_t>(running - 1)};
}

int ProgressPage::FatalSignal() const {
  return words_ == nullptr
             ? 0
             : static_cast<int>(words_[2].load(std::memory_order_acquire));
}

}  // namespace lockstep::protocol
