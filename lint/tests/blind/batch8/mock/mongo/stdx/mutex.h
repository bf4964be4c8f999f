// Stand-in for mongo/stdx/mutex.h and mongo/platform/mutex.h.
#pragma once

#include <mutex>
#include <string>

namespace mongo {
namespace stdx {

using ::std::lock_guard;
using ::std::mutex;
using ::std::recursive_mutex;
using ::std::unique_lock;
using ::std::adopt_lock;
using ::std::defer_lock;
using ::std::try_to_lock;

}  // namespace stdx

namespace latch_detail {
// The Latch-backed Mutex mongo uses for MONGO_MAKE_LATCH.
class Mutex {
public:
    Mutex() = default;
    explicit Mutex(const char* name) : _name(name) {}
    ~Mutex() = default;

    void lock() { _mutex.lock(); }
    void unlock() { _mutex.unlock(); }
    bool try_lock() { return _mutex.try_lock(); }

    const char* getName() const { return _name; }

private:
    const char* _name = "AnonymousLatch";
    stdx::mutex _mutex;
};
}  // namespace latch_detail

using Mutex = latch_detail::Mutex;
#define MONGO_MAKE_LATCH(...) ::mongo::Mutex(__VA_ARGS__)

}  // namespace mongo
