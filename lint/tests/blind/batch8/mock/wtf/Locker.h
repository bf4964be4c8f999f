// Stand-in for WebKit's wtf/Locker.h.
#pragma once

#include <wtf/ThreadSafetyAnalysis.h>

namespace WTF {

enum NoLockingNecessaryTag { NoLockingNecessary };
enum AdoptLockTag { AdoptLock };

class AbstractLocker {
public:
  AbstractLocker(const AbstractLocker &) = delete;
  AbstractLocker &operator=(const AbstractLocker &) = delete;

  void assertIsHolding() const {}

protected:
  AbstractLocker() {}
};

template <typename T> class Locker;

} // namespace WTF

using WTF::AbstractLocker;
using WTF::Locker;
using WTF::NoLockingNecessary;
