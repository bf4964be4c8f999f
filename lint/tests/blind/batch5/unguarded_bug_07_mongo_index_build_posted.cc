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

/**
 * Tracks the index builds that are running on this node and hands the build
 * work itself to the index build thread pool.
 */
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
        if (_builds.count(buildUUID)) {
            return Status(ErrorCodes::IllegalOperation, "build already registered");
        }
        _builds[buildUUID] = IndexBuildEntry{collection, std::move(indexNames)};
        ++_totalStarted;

        _pool->schedule([this, buildUUID](Status status) {
            if (!status.isOK()) {
                _builds.erase(buildUUID);  // EXPECT: concurrency-unguarded-field
                return;
            }
            _runBuild(buildUUID);
        });
        return Status::OK();
    }

    Status abortBuild(const std::string& buildUUID) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        auto it = _builds.find(buildUUID);
        if (it == _builds.end()) {
            return Status(ErrorCodes::NamespaceNotFound, "no such index build");
        }
        it->second.aborted = true;
        return Status::OK();
    }

    size_t numInProgress() const {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        return _builds.size();
    }

    void shutdown() {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _shuttingDown = true;
        for (auto& entry : _builds) {
            entry.second.aborted = true;
        }
    }

private:
    void _runBuild(const std::string& buildUUID) {
        // Build phases run without the mutex; only bookkeeping takes it.
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _builds.erase(buildUUID);
        ++_totalCompleted;
    }

    ThreadPoolInterface* const _pool;

    mutable stdx::mutex _mutex;
    std::map<std::string, IndexBuildEntry> _builds;
    bool _shuttingDown = false;
    long long _totalStarted = 0;
    long long _totalCompleted = 0;
};

}  // namespace mongo
