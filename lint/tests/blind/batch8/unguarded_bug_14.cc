/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 * Keeps the replica set's view of each member's heartbeat state and notifies
 * observers when a member's state changes.
 */

#include "mongo/stdx/mutex.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace mongo {
namespace repl {

enum class MemberState { kStartup, kPrimary, kSecondary, kDown, kRemoved };

class HeartbeatMonitor {
public:
    using Observer = std::function<void(const std::string&, MemberState)>;

    void addObserver(Observer obs) {
        stdx::lock_guard<Latch> lk(_mutex);
        _observers.push_back(std::move(obs));
    }

    void onHeartbeatResponse(const std::string& host, MemberState newState) {
        stdx::unique_lock<Latch> lk(_mutex);
        auto it = _members.find(host);
        if (it != _members.end() && it->second == newState) {
            return;
        }
        _members[host] = newState;
        ++_stateChanges;
        auto observers = _observers;
        lk.unlock();

        for (const auto& obs : observers) {
            obs(host, newState);
        }

        if (_inShutdown) {  // EXPECT: concurrency-unguarded-field
            return;
        }
        _scheduleNextHeartbeat(host);
    }

    void shutdown() {
        stdx::lock_guard<Latch> lk(_mutex);
        _inShutdown = true;
        _observers.clear();
    }

    size_t stateChanges() const {
        stdx::lock_guard<Latch> lk(_mutex);
        return _stateChanges;
    }

private:
    void _scheduleNextHeartbeat(const std::string& host);

    using Latch = ::mongo::Mutex;

    mutable Latch _mutex = MONGO_MAKE_LATCH("HeartbeatMonitor::_mutex");

    // (M)  Reads and writes guarded by _mutex.

    std::map<std::string, MemberState> _members;  // (M) guarded by _mutex
    std::vector<Observer> _observers;             // (M) guarded by _mutex
    size_t _stateChanges = 0;                     // (M) guarded by _mutex
    bool _inShutdown = false;                     // (M) guarded by _mutex
};

}  // namespace repl
}  // namespace mongo
