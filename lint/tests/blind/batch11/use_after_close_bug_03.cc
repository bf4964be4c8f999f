// Audit log writer in the style of MongoDB's audit subsystem: events are
// written by operation threads, the log is rotated by the logRotate
// command, which closes and reopens the stream under the lock.
#include <atomic>
#include <cstdio>
#include <fstream>
#include <string>

#include "mongo_stdx.h"

namespace mongo {
namespace audit {

class AuditLogWriter {
public:
    explicit AuditLogWriter(std::string path) : _path(std::move(path)) {
        _out.open(_path, std::ios::app);
    }

    Status rotate(const std::string& renamedSuffix) {
        stdx::lock_guard<Latch> lk(_mutex);
        _out.close();
        std::string renamed = _path + "." + renamedSuffix;
        if (std::rename(_path.c_str(), renamed.c_str()) != 0) {
            _out.open(_path, std::ios::app);
            return Status(1, "rename failed");
        }
        _out.open(_path, std::ios::app);
        ++_rotations;
        return Status::OK();
    }

    // Hot path: called by every operation thread that produces an event.
    void logEvent(const std::string& json) {
        _out << json << '\n';  // EXPECT: concurrency-use-after-close
        _eventsLogged.fetch_add(1, std::memory_order_relaxed);
    }

    int rotations() const {
        stdx::lock_guard<Latch> lk(_mutex);
        return _rotations;
    }

private:
    const std::string _path;
    mutable Mutex _mutex = MONGO_MAKE_LATCH("AuditLogWriter::_mutex");
    std::ofstream _out;
    int _rotations = 0;
    std::atomic<long long> _eventsLogged{0};
};

}  // namespace audit
}  // namespace mongo
