/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 * Keeps a connection to the config server primary and sends it periodic
 * heartbeats from the replication executor's threads.
 */

#include "mongo/stdx/mutex.h"

#include <memory>
#include <string>

namespace mongo {

class DBClientConnection {
public:
    explicit DBClientConnection(std::string host) : _host(std::move(host)) {}
    bool sendHeartbeat(const std::string& setName) { return !_host.empty() && !setName.empty(); }
    bool isStillConnected() const { return !_closed; }
    void close() { _closed = true; }
    const std::string& host() const { return _host; }

private:
    std::string _host;
    bool _closed = false;
};

class ConfigServerHeartbeater {
public:
    explicit ConfigServerHeartbeater(std::string setName) : _setName(std::move(setName)) {}

    void connect(const std::string& host) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _conn = std::make_unique<DBClientConnection>(host);
        _failures = 0;
    }

    // Runs on an executor thread every heartbeat interval.
    void doHeartbeat() {
        if (!_conn->sendHeartbeat(_setName)) {  // EXPECT: concurrency-use-after-close
            stdx::lock_guard<stdx::mutex> lk(_mutex);
            ++_failures;
        }
    }

    void shutdown() {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        if (_conn) {
            _conn->close();
            _conn.reset();
        }
    }

    int failures() {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        return _failures;
    }

private:
    const std::string _setName;
    stdx::mutex _mutex;
    std::unique_ptr<DBClientConnection> _conn;
    int _failures = 0;
};

}  // namespace mongo
