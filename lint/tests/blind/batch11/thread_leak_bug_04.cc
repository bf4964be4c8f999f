// Periodic no-op writer in the style of MongoDB's replication
// coordinator: startup() launches the writer thread, shutdown() asks it to
// stop. Nothing ever joins it.
#include <chrono>
#include <functional>
#include <string>

#include "mongo_stdx.h"

namespace mongo {
namespace repl {

class NoopWriter {
public:
    explicit NoopWriter(std::chrono::milliseconds period, std::function<void()> writeNoop)
        : _period(period), _writeNoop(std::move(writeNoop)) {}

    ~NoopWriter() = default;

    void startup() {
        stdx::lock_guard<Latch> lk(_mutex);
        invariant(!_running);
        _running = true;
        _thread = stdx::thread([this] { _run(); });
    }

    void shutdown() {
        {
            stdx::lock_guard<Latch> lk(_mutex);
            _inShutdown = true;
        }
        _cv.notify_all();
    }

private:
    void _run() {
        stdx::unique_lock<Latch> lk(_mutex);
        while (!_inShutdown) {
            _cv.wait_for(lk, _period, [this] { return _inShutdown; });
            if (_inShutdown)
                break;
            lk.unlock();
            _writeNoop();
            lk.lock();
        }
        _running = false;
    }

    const std::chrono::milliseconds _period;
    const std::function<void()> _writeNoop;

    Mutex _mutex = MONGO_MAKE_LATCH("NoopWriter::_mutex");
    stdx::condition_variable _cv;
    bool _running = false;
    bool _inShutdown = false;
    stdx::thread _thread;  // EXPECT: concurrency-thread-leak
};

}  // namespace repl
}  // namespace mongo
