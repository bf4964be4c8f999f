// Segment builder that joins its helper on every path: the early-exit loop
// falls through to the join, a catch (...) joins and rethrows, and a second
// helper is moved into the caller's vector instead of being joined here.
#include <functional>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace segments {

inline bool BuildSegments(int first, int last, const std::function<bool(int)>& build) {
  std::thread helper([&build, first] { build(first); });
  bool ok = true;
  for (int i = first + 1; i < last && ok; ++i) ok = build(i);
  if (helper.joinable()) helper.join();
  return ok;
}

inline void BuildOrThrow(int first, int last, const std::function<bool(int)>& build) {
  std::thread helper([&build, first] { build(first); });
  try {
    for (int i = first + 1; i < last; ++i) {
      if (!build(i)) throw std::runtime_error("segment failed");
    }
  } catch (...) {
    helper.join();
    throw;
  }
  helper.join();
}

inline void StartBackgroundCompaction(std::vector<std::thread>* owner, std::function<void()> compact) {
  std::thread compactor(std::move(compact));
  owner->push_back(std::move(compactor));
}

inline std::thread StartVerifier(std::function<void()> verify) {
  std::thread verifier(std::move(verify));
  return verifier;
}

}  // namespace segments
