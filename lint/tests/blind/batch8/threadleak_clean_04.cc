/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 * Periodically refreshes the cached view of the sharding catalog. The owner
 * (the ServiceContext) calls shutdown() before destroying the refresher.
 */

#include "mongo/stdx/condition_variable.h"
#include "mongo/stdx/mutex.h"
#include "mongo/stdx/thread.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace mongo {

class CatalogCacheRefresher {
public:
    CatalogCacheRefresher() = default;
    ~CatalogCacheRefresher() = default;

    void startup() {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _thread = stdx::thread([this] { _run(); });
    }

    void shutdown() {
        {
            stdx::lock_guard<stdx::mutex> lk(_mutex);
            _inShutdown = true;
        }
        _cv.notify_all();
        if (_thread.joinable()) {
            _thread.join();
        }
    }

    int64_t refreshes() {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        return _refreshes;
    }

private:
    void _run() {
        stdx::unique_lock<stdx::mutex> lk(_mutex);
        while (!_inShutdown) {
            _cv.wait_for(lk, std::chrono::seconds(30), [this] { return _inShutdown; });
            if (_inShutdown) {
                break;
            }
            ++_refreshes;
        }
    }

    stdx::mutex _mutex;
    stdx::condition_variable _cv;
    bool _inShutdown = false;
    int64_t _refreshes = 0;
    stdx::thread _thread;
};

}  // namespace mongo
