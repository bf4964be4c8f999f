#include "mock/clickhouse_defines.h"

#include <atomic>
#include <deque>
#include <string>

namespace DB
{

struct PartToMove
{
    String part_name;
    String destination_disk;
    UInt64 bytes = 0;
};

/// Queue of parts selected by the background mover. Filled by the
/// selecting task and drained by the moving tasks of the background pool.
class MergeTreePartsMoverQueue
{
public:
    void push(PartToMove part)
    {
        LockGuard lock(mutex);
        pushImpl(std::move(part));
    }

    bool tryPop(PartToMove & out)
    {
        LockGuard lock(mutex);
        if (queue.empty())
            return false;
        out = std::move(queue.front());
        queue.pop_front();
        total_bytes -= out.bytes;
        queue_size.store(queue.size(), std::memory_order_relaxed);
        return true;
    }

    /// Replaces the queue with a fresh selection.
    template <typename Parts>
    void reset(const Parts & parts)
    {
        LockGuard lock(mutex);
        clearImpl();
        for (const auto & part : parts)
            pushImpl(part);
    }

    /// For system.moves and the metrics exporter; may be slightly stale.
    size_t size() const { return queue_size.load(std::memory_order_relaxed); }

    UInt64 bytesScheduled() const
    {
        LockGuard lock(mutex);
        return total_bytes;
    }

private:
    void pushImpl(PartToMove part) TSA_REQUIRES(mutex)
    {
        total_bytes += part.bytes;
        queue.push_back(std::move(part));
        queue_size.store(queue.size(), std::memory_order_relaxed);
    }

    void clearImpl() TSA_REQUIRES(mutex)
    {
        queue.clear();
        total_bytes = 0;
        queue_size.store(0, std::memory_order_relaxed);
    }

    mutable Mutex mutex;
    std::deque<PartToMove> queue TSA_GUARDED_BY(mutex);
    UInt64 total_bytes TSA_GUARDED_BY(mutex) = 0;
    std::atomic<size_t> queue_size{0};
};

String renderMovesMetrics(const MergeTreePartsMoverQueue & queue)
{
    return "moves_queue_size " + std::to_string(queue.size()) + "\n"
        + "moves_queue_bytes " + std::to_string(queue.bytesScheduled()) + "\n";
}

}
