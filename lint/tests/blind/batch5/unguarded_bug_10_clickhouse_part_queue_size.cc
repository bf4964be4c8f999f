#include "mock/clickhouse_defines.h"

#include <deque>
#include <list>
#include <memory>
#include <string>
#include <vector>

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
        total_bytes += part.bytes;
        queue.push_back(std::move(part));
    }

    bool tryPop(PartToMove & out)
    {
        LockGuard lock(mutex);
        if (queue.empty())
            return false;
        out = std::move(queue.front());
        queue.pop_front();
        total_bytes -= out.bytes;
        return true;
    }

    void clear()
    {
        LockGuard lock(mutex);
        queue.clear();
        total_bytes = 0;
    }

    /// For system.moves and the metrics exporter.
    size_t size() const
    {
        return queue.size(); // EXPECT: concurrency-unguarded-field
    }

    UInt64 bytesScheduled() const
    {
        LockGuard lock(mutex);
        return total_bytes;
    }

    bool isScheduled(const String & part_name) const
    {
        LockGuard lock(mutex);
        for (const auto & part : queue)
            if (part.part_name == part_name)
                return true;
        return false;
    }

private:
    mutable Mutex mutex;
    std::deque<PartToMove> queue TSA_GUARDED_BY(mutex);
    UInt64 total_bytes TSA_GUARDED_BY(mutex) = 0;
};

class BackgroundMovesMetrics
{
public:
    explicit BackgroundMovesMetrics(const MergeTreePartsMoverQueue & queue_) : queue(queue_) {}

    String render() const
    {
        return "moves_queue_size " + std::to_string(queue.size()) + "\n"
            + "moves_queue_bytes " + std::to_string(queue.bytesScheduled()) + "\n";
    }

private:
    const MergeTreePartsMoverQueue & queue;
};

}
