/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 *    This program is free software: you can redistribute it and/or modify
 *    it under the terms of the Server Side Public License, version 1.
 */

#include "mock/mongo_stdx.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mongo {

class ThreadPoolInterface {
public:
    virtual ~ThreadPoolInterface() = default;
    virtual void schedule(std::function<void(Status)> task) = 0;
};

struct IndexBuildEntry {
    std::string collection;
    std::vector<std::string> indexNames;
    bool aborted = false;
};

class IndexBuildsTracker {
public:
    explicit IndexBuildsTracker(ThreadPoolInterface* pool) : _pool(pool) {}

    Status startBuild(const std::string& buildUUID,
                      const std::string& collection,
                      std::vector<std::string> indexNames) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        if (_shuttingDown) {
            return Status(ErrorCodes::ShutdownInProgress, "index builds are shutting down");
        }
        if (!_registerBuild(lk, buildUUID, collection, std::move(indexNames))) {
            return Status(ErrorCodes::IllegalOperation, "build already registered");
        }

        _pool->schedule([this, buildUUID](Status status) {
            stdx::lock_guard<stdx::mutex> lk(_mutex);
            if (!status.isOK()) {
                _unregisterBuild(lk, buildUUID);
                return;
            }
            _markRunning(lk, buildUUID);
        });
        return Status::OK();
    }

    void onBuildFinished(const std::string& buildUUID) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _unregisterBuild(lk, buildUUID);
        ++_totalCompleted;
    }

    size_t numInProgress() const {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        return _builds.size();
    }

    void shutdown() {
        stdx::unique_lock<stdx::mutex> lk(_mutex);
        _shuttingDown = true;
        for (auto& entry : _builds) {
            entry.second.aborted = true;
        }
        _noBuildsCV.wait(lk, [&] { return _builds.empty(); });
    }

private:
    bool _registerBuild(WithLock,
                        const std::string& buildUUID,
                        const std::string& collection,
                        std::vector<std::string> indexNames) {
        auto result =
            _builds.emplace(buildUUID, IndexBuildEntry{collection, std::move(indexNames)});
        return result.second;
    }

    void _unregisterBuild(WithLock, const std::string& buildUUID) {
        _builds.erase(buildUUID);
        _running.erase(buildUUID);
        if (_builds.empty()) {
            _noBuildsCV.notify_all();
        }
    }

    void _markRunning(WithLock, const std::string& buildUUID) {
        _running[buildUUID] = true;
    }

    ThreadPoolInterface* const _pool;

    mutable stdx::mutex _mutex;
    stdx::condition_variable _noBuildsCV;
    std::map<std::string, IndexBuildEntry> _builds;
    std::map<std::string, bool> _running;
    bool _shuttingDown = false;
    long long _totalCompleted = 0;
};

}  // namespace mongo
