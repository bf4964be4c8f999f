#include "client/concurrent/scenario_shape.h"

#include "absl/strings/str_cat.h"

namespace lockstep::concurrent {
namespace {

absl::Status InRange(const char* name, uint32_t value, uint32_t min,
                     uint32_t max) {
  if (value >= min && value <= max) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("ScenarioShape: ", name, " is ", value,
                   "; it must be between ", min, " and ", max));
}

}  // namespace

absl::Status ScenarioShape::Validate() const {
  for (absl::Status status :
       {InRange("threads", threads, 1, 64),
        InRange("ops_per_thread", ops_per_thread, 1, 100),
        InRange("prefix", prefix, 0, 100), InRange("suffix", suffix, 0, 100),
        InRange("repeats", repeats, 1, 100000)}) {
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace lockstep::concurrent
