/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 * Per-operation resource statistics. Aggregated stats are merged from many
 * operations, possibly running concurrently on different clients.
 */

#include "mongo/stdx/mutex.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <utility>

namespace mongo {

class ResourceConsumption {
public:
    ResourceConsumption() = default;

    ResourceConsumption(const ResourceConsumption& other) {
        stdx::lock_guard<stdx::mutex> lk(other._mutex);
        _docBytesRead = other._docBytesRead;
        _idxEntriesRead = other._idxEntriesRead;
        _cpuNanos = other._cpuNanos;
    }

    ResourceConsumption& operator=(const ResourceConsumption& other) {
        if (this == &other) {
            return *this;
        }
        std::scoped_lock lk(_mutex, other._mutex);
        _docBytesRead = other._docBytesRead;
        _idxEntriesRead = other._idxEntriesRead;
        _cpuNanos = other._cpuNanos;
        return *this;
    }

    void add(const ResourceConsumption& other) {
        if (this == &other) {
            return;
        }
        std::scoped_lock lk(_mutex, other._mutex);
        _docBytesRead += other._docBytesRead;
        _idxEntriesRead += other._idxEntriesRead;
        _cpuNanos += other._cpuNanos;
    }

    void incrementDocBytesRead(int64_t n) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _docBytesRead += n;
    }

    void incrementIdxEntriesRead(int64_t n) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _idxEntriesRead += n;
    }

    void addCpuNanos(int64_t n) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _cpuNanos += n;
    }

    std::string toString() const {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        return "docBytesRead: " + std::to_string(_docBytesRead) +
            ", idxEntriesRead: " + std::to_string(_idxEntriesRead) +
            ", cpuNanos: " + std::to_string(_cpuNanos);
    }

private:
    mutable stdx::mutex _mutex;
    int64_t _docBytesRead = 0;
    int64_t _idxEntriesRead = 0;
    int64_t _cpuNanos = 0;
};

}  // namespace mongo
