/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 * Optional slow-query tracer. When tracing is off the hot path pays only for
 * a relaxed atomic load; the tracer itself is only used under the mutex.
 */

#include "mongo/stdx/mutex.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace mongo {

class QueryTracer {
public:
    explicit QueryTracer(std::string file) : _file(std::move(file)) {}
    void trace(const std::string& ns, int64_t millis) { _lines += ns.size() + size_t(millis); }
    void close() { _lines = 0; }
    const std::string& file() const { return _file; }

private:
    std::string _file;
    size_t _lines = 0;
};

class SlowQueryLog {
public:
    void enable(const std::string& file) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _tracer = std::make_unique<QueryTracer>(file);
        _enabled.store(true, std::memory_order_relaxed);
    }

    void disable() {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _enabled.store(false, std::memory_order_relaxed);
        if (_tracer) {
            _tracer->close();
            _tracer.reset();
        }
    }

    void onQueryFinished(const std::string& ns, int64_t millis) {
        if (millis < _thresholdMillis) {
            return;
        }
        if (_enabled.load(std::memory_order_relaxed)) {
            stdx::lock_guard<stdx::mutex> lk(_mutex);
            if (_tracer) {
                _tracer->trace(ns, millis);
            }
        }
    }

private:
    const int64_t _thresholdMillis = 100;
    std::atomic<bool> _enabled{false};
    stdx::mutex _mutex;
    std::unique_ptr<QueryTracer> _tracer;
};

}  // namespace mongo
