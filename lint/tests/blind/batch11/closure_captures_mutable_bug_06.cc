// Heartbeat sender in the style of MongoDB's replication heartbeats: the
// reply callback of the asynchronous command records the last status,
// which the replication coordinator reads under its mutex.
#include <functional>
#include <string>

#include "mongo_stdx.h"

namespace mongo {
namespace repl {

class NetworkInterface {
public:
    virtual ~NetworkInterface() = default;
    virtual void sendCommandAsync(const std::string& target,
                                  const std::string& cmd,
                                  std::function<void(const Status&)> onReply) = 0;
};

class HeartbeatSender {
public:
    HeartbeatSender(NetworkInterface* net, std::string target)
        : _net(net), _target(std::move(target)) {}

    void sendHeartbeat() {
        {
            stdx::lock_guard<Latch> lk(_mutex);
            ++_sent;
        }
        _net->sendCommandAsync(_target, "{replSetHeartbeat: 1}", [this](const Status& s) {
            _lastReplyStatus = s;  // EXPECT: concurrency-closure-captures-mutable
        });
    }

    Status lastReplyStatus() const {
        stdx::lock_guard<Latch> lk(_mutex);
        return _lastReplyStatus;
    }

    long long sent() const {
        stdx::lock_guard<Latch> lk(_mutex);
        return _sent;
    }

private:
    NetworkInterface* const _net;
    const std::string _target;
    mutable Mutex _mutex = MONGO_MAKE_LATCH("HeartbeatSender::_mutex");
    long long _sent = 0;
    Status _lastReplyStatus;
};

}  // namespace repl
}  // namespace mongo
