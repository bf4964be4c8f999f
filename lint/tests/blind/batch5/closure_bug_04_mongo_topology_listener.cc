/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 *    This program is free software: you can redistribute it and/or modify
 *    it under the terms of the Server Side Public License, version 1.
 */

#include "mock/mongo_stdx.h"

#include <functional>
#include <string>
#include <vector>

namespace mongo {

using TopologyChangedFn = std::function<void(const std::string& newPrimary)>;

/** Publishes topology changes to the listeners registered by subsystems. */
class TopologyEventsPublisher {
public:
    void registerListener(TopologyChangedFn fn) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _listeners.push_back(std::move(fn));
    }

    /** Invoked on the replica set monitor's thread. */
    void onPrimaryChanged(const std::string& newPrimary) {
        std::vector<TopologyChangedFn> listeners;
        {
            stdx::lock_guard<stdx::mutex> lk(_mutex);
            listeners = _listeners;
        }
        for (auto& fn : listeners) {
            fn(newPrimary);
        }
    }

private:
    stdx::mutex _mutex;
    std::vector<TopologyChangedFn> _listeners;
};

/**
 * Keeps the routing table's idea of the shard primary up to date and counts
 * failovers for serverStatus.
 */
class ShardPrimaryTracker {
public:
    ShardPrimaryTracker(std::string shardName, TopologyEventsPublisher* publisher)
        : _shardName(std::move(shardName)), _publisher(publisher) {}

    void startup() {
        _publisher->registerListener([this](const std::string& newPrimary) {
            if (newPrimary != _currentPrimary) {  // EXPECT: concurrency-closure-captures-mutable
                ++_failovers;  // EXPECT: concurrency-closure-captures-mutable
            }
            stdx::lock_guard<stdx::mutex> lk(_mutex);
            _lastEvent = _shardName + " primary is now " + newPrimary;
        });
    }

    /** Called by the routing table refresh with the primary it read. */
    void setPrimaryFromRefresh(const std::string& primary) {
        _currentPrimary = primary;
    }

    void resetStatistics() {
        _failovers = 0;
    }

    long long failovers() const {
        return _failovers;
    }

    std::string lastEvent() const {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        return _lastEvent;
    }

private:
    const std::string _shardName;
    TopologyEventsPublisher* const _publisher;

    std::string _currentPrimary;
    long long _failovers = 0;

    mutable stdx::mutex _mutex;
    std::string _lastEvent;
};

}  // namespace mongo
