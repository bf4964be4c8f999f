// Seastar style smp (stand-in). Each shard is one reactor thread; work reaches another
// shard only as a message (submit_to), so shard-local state needs no locks.
#ifndef SEASTAR_CORE_SMP_HH
#define SEASTAR_CORE_SMP_HH

#include <functional>

#include "seastar/core/future.hh"

namespace seastar {

using shard_id = unsigned;

shard_id this_shard_id() noexcept;

class smp {
 public:
  static unsigned count;

  // Runs func on shard t and returns its result to the calling shard.
  template <typename Func>
  static auto submit_to(shard_id t, Func&& func) -> decltype(func()) {
    (void)t;
    return func();
  }
};

}  // namespace seastar

#endif  // SEASTAR_CORE_SMP_HH
