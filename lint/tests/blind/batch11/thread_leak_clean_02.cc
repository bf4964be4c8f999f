// Lease renewer in the style of MongoDB's distributed lock pinger: the
// thread sleeps on a condition variable between renewals; the destructor
// sets the shutdown flag and notifies before joining.
#include <chrono>
#include <functional>
#include <string>

#include "mongo_stdx.h"

namespace mongo {

class LeaseRenewer {
public:
    LeaseRenewer(std::string lockName, std::function<bool(const std::string&)> renew)
        : _lockName(std::move(lockName)), _renew(std::move(renew)) {
        _thread = stdx::thread([this] { _renewLoop(); });
    }

    ~LeaseRenewer() {
        _stopAndJoin();
    }

    int renewals() const {
        stdx::lock_guard<Latch> lk(_mutex);
        return _renewals;
    }

    void renewNow() {
        stdx::lock_guard<Latch> lk(_mutex);
        _renewRequested = true;
        _cv.notify_all();
    }

private:
    void _stopAndJoin() {
        {
            stdx::lock_guard<Latch> lk(_mutex);
            _inShutdown = true;
        }
        _cv.notify_all();
        if (_thread.joinable())
            _thread.join();
    }

    void _renewLoop() {
        stdx::unique_lock<Latch> lk(_mutex);
        while (!_inShutdown) {
            _cv.wait(lk, [this] { return _inShutdown || _renewRequested; });
            if (_inShutdown)
                break;
            _renewRequested = false;
            lk.unlock();
            bool ok = _renew(_lockName);
            lk.lock();
            if (ok)
                ++_renewals;
        }
    }

    const std::string _lockName;
    const std::function<bool(const std::string&)> _renew;

    mutable Mutex _mutex = MONGO_MAKE_LATCH("LeaseRenewer::_mutex");
    stdx::condition_variable _cv;
    bool _inShutdown = false;
    bool _renewRequested = false;
    int _renewals = 0;
    stdx::thread _thread;
};

}  // namespace mongo
