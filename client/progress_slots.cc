#include "client/progress_slots.h"

#include <utility>

#include "client/crash_signals.h"

namespace lockstep::client {
namespace {

const protocol::ProgressPage* MakePage() {
  absl::StatusOr<protocol::ProgressPage> page =
      protocol::ProgressPage::Create();
  if (!page.ok()) return nullptr;
  return new protocol::ProgressPage(*std::move(page));
}

}  // namespace

ProgressSlots& ProgressSlots::Global() {
  static ProgressSlots* slots = new ProgressSlots();
  return *slots;
}

ProgressSlots::ProgressSlots()
    : page_(MakePage()), taken_(protocol::kProgressSlots, false) {
  if (page_ != nullptr) InstallCrashSignalRecorder(page_);
}

uint32_t ProgressSlots::Acquire() {
  if (page_ == nullptr) return 0;
  absl::MutexLock lock(&mu_);
  for (size_t i = 0; i < taken_.size(); ++i) {
    if (!taken_[i]) {
      taken_[i] = true;
      return static_cast<uint32_t>(i + 1);
    }
  }
  return 0;
}

void ProgressSlots::Release(uint32_t slot) {
  absl::MutexLock lock(&mu_);
  if (slot > 0 && slot <= taken_.size()) taken_[slot - 1] = false;
}

}  // namespace lockstep::client
