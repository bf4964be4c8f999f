/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 *    This program is free software: you can redistribute it and/or modify
 *    it under the terms of the Server Side Public License, version 1.
 */

#include "mock/mongo_stdx.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace mongo {

using TopologyChangedFn = std::function<void(const std::string& newPrimary)>;

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

class ShardPrimaryTracker {
public:
    ShardPrimaryTracker(std::string shardName, TopologyEventsPublisher* publisher)
        : _shardName(std::move(shardName)), _publisher(publisher) {}

    void startup() {
        _publisher->registerListener([this](const std::string& newPrimary) {
            stdx::lock_guard<stdx::mutex> lk(_mutex);
            if (newPrimary != _currentPrimary) {
                _currentPrimary = newPrimary;
                _failovers.fetchAndAdd(1);
            }
            _lastEvent = _shardName + " primary is now " + newPrimary;
        });
    }

    void setPrimaryFromRefresh(const std::string& primary) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _currentPrimary = primary;
    }

    void resetStatistics() {
        _failovers.store(0);
    }

    long long failovers() const {
        return _failovers.load();
    }

    std::string lastEvent() const {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        return _lastEvent;
    }

private:
    struct AtomicCounter {
        void fetchAndAdd(long long n) { value.fetch_add(n); }
        void store(long long n) { value.store(n); }
        long long load() const { return value.load(); }
        std::atomic<long long> value{0};
    };

    const std::string _shardName;
    TopologyEventsPublisher* const _publisher;

    mutable stdx::mutex _mutex;
    std::string _currentPrimary;
    std::string _lastEvent;

    AtomicCounter _failovers;
};

}  // namespace mongo
