/**
 *    Copyright (C) 2023-present MongoDB, Inc.
 *
 *    This program is free software: you can redistribute it and/or modify
 *    it under the terms of the Server Side Public License, version 1.
 */

#include "mock/mongo_stdx.h"

#include <atomic>
#include <chrono>
#include <deque>
#include <fstream>
#include <string>

namespace mongo {
namespace audit {

/**
 * Writes audit events to a file. Events are queued by client threads and
 * written by the flusher thread; logRotate closes and reopens the file.
 */
class AuditFileWriter {
public:
    explicit AuditFileWriter(std::string path) : _path(std::move(path)) {}

    ~AuditFileWriter() {
        shutdown();
    }

    void startup() {
        _out.open(_path, std::ios::app);
        _flusher = stdx::thread([this] { _flushLoop(); });
    }

    void append(std::string event) {
        stdx::lock_guard<stdx::mutex> lk(_queueMutex);
        _queue.push_back(std::move(event));
        _queueCV.notify_one();
    }

    /** Invoked by the logRotate command. */
    Status rotate(const std::string& renameTo) {
        stdx::lock_guard<stdx::mutex> lk(_queueMutex);
        _out.close();
        if (std::rename(_path.c_str(), renameTo.c_str()) != 0) {
            return Status(ErrorCodes::IllegalOperation, "could not rename audit log");
        }
        _out.open(_path, std::ios::app);
        return Status::OK();
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
        std::deque<std::string> batch;
        while (true) {
            {
                stdx::unique_lock<stdx::mutex> lk(_queueMutex);
                _queueCV.wait_for(lk, std::chrono::milliseconds(500),
                                  [&] { return _shutdown || !_queue.empty(); });
                if (_shutdown && _queue.empty()) return;
                batch.swap(_queue);
            }
            for (const auto& event : batch) {
                _out << event << '\n';  // EXPECT: concurrency-use-after-close
            }
            _out.flush();
            _eventsWritten.fetch_add(batch.size());
            batch.clear();
        }
    }

    const std::string _path;
    std::ofstream _out;

    stdx::mutex _queueMutex;
    stdx::condition_variable _queueCV;
    std::deque<std::string> _queue;
    bool _shutdown = false;

    std::atomic<size_t> _eventsWritten{0};
    stdx::thread _flusher;
};

}  // namespace audit
}  // namespace mongo
