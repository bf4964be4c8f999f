// Egress socket of a replication fetcher in the style of MongoDB's
// transport layer. Every operation registers itself before touching the
// descriptor; close() refuses new operations, waits until the in-flight
// ones have drained and only then closes the descriptor.
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "mongo_stdx.h"

namespace mongo {
namespace repl {

class FetcherSocket {
public:
    explicit FetcherSocket(int fd) : _fd(fd) {}

    Status send(const std::string& bytes) {
        if (!_beginOp())
            return Status(9001, "socket closing");
        ssize_t n = ::send(_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        _endOp();
        return n == static_cast<ssize_t>(bytes.size()) ? Status::OK() : Status(6, "short send");
    }

    Status recv(std::string* out, size_t max) {
        if (!_beginOp())
            return Status(9001, "socket closing");
        out->resize(max);
        ssize_t n = ::recv(_fd, &(*out)[0], max, 0);
        _endOp();
        if (n <= 0)
            return Status(6, "recv failed");
        out->resize(static_cast<size_t>(n));
        return Status::OK();
    }

    bool peerIsLocal() {
        if (!_beginOp())
            return false;
        sockaddr_storage addr{};
        socklen_t len = sizeof(addr);
        bool local = ::getpeername(_fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0 &&
            addr.ss_family == AF_UNIX;
        _endOp();
        return local;
    }

    void close() {
        stdx::unique_lock<Latch> lk(_mutex);
        if (_closing)
            return;
        _closing = true;
        _drained.wait(lk, [this] { return _inflight == 0; });
        ::close(_fd);
        _fd = -1;
    }

private:
    bool _beginOp() {
        stdx::lock_guard<Latch> lk(_mutex);
        if (_closing)
            return false;
        ++_inflight;
        return true;
    }

    void _endOp() {
        stdx::lock_guard<Latch> lk(_mutex);
        if (--_inflight == 0)
            _drained.notify_all();
    }

    Mutex _mutex = MONGO_MAKE_LATCH("FetcherSocket::_mutex");
    stdx::condition_variable _drained;
    bool _closing = false;
    int _inflight = 0;
    int _fd;
};

}  // namespace repl
}  // namespace mongo
