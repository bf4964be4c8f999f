/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 *    This program is free software: you can redistribute it and/or modify
 *    it under the terms of the Server Side Public License, version 1.
 */

#include "mock/mongo_stdx.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <string>

namespace mongo {
namespace audit {

/**
 * Writes audit events to a file. Events are queued by client threads and
 * written by the flusher thread. logRotate only records the request; the
 * flusher closes and reopens the file itself, between batches.
 */
class AuditFileWriter {
public:
    explicit AuditFileWriter(std::string path) : _path(std::move(path)) {}

    ~AuditFileWriter() {
        shutdown();
    }

    void startup() {
        _flusher = stdx::thread([this] { _flushLoop(); });
    }

    void append(std::string event) {
        stdx::lock_guard<stdx::mutex> lk(_queueMutex);
        _queue.push_back(std::move(event));
        _queueCV.notify_one();
    }

    /** Invoked by the logRotate command. */
    void rotate(const std::string& renameTo) {
        stdx::lock_guard<stdx::mutex> lk(_queueMutex);
        _rotateTo = renameTo;
        _queueCV.notify_one();
    }

    void shutdown() {
        {
            stdx::lock_guard<stdx::mutex> lk(_queueMutex);
            _shutdown = true;
        }
        _queueCV.notify_all();
        if (_flusher.joinable()) _flusher.join();
    }

private:
    void _flushLoop() {
        _out.open(_path, std::ios::app);
        std::deque<std::string> batch;
        std::string rotateTo;
        while (true) {
            {
                stdx::unique_lock<stdx::mutex> lk(_queueMutex);
                _queueCV.wait_for(lk, std::chrono::milliseconds(500), [&] {
                    return _shutdown || !_queue.empty() || !_rotateTo.empty();
                });
                if (_shutdown && _queue.empty()) break;
                batch.swap(_queue);
                rotateTo.swap(_rotateTo);
            }
            for (const auto& event : batch) {
                _out << event << '\n';
            }
            _out.flush();
            batch.clear();
            if (!rotateTo.empty()) {
                _out.close();
                std::rename(_path.c_str(), rotateTo.c_str());
                _out.open(_path, std::ios::app);
                rotateTo.clear();
            }
        }
        _out.close();
    }

    const std::string _path;

    // Owned by the flusher thread.
    std::ofstream _out;

    stdx::mutex _queueMutex;
    stdx::condition_variable _queueCV;
    std::deque<std::string> _queue;
    std::string _rotateTo;
    bool _shutdown = false;

    stdx::thread _flusher;
};

}  // namespace audit
}  // namespace mongo
