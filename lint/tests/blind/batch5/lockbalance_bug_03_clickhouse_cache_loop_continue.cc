#include "mock/clickhouse_defines.h"

#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace DB
{

struct MarksInCompressedFile
{
    String path;
    size_t bytes = 0;
};

using MarksPtr = std::shared_ptr<const MarksInCompressedFile>;

/// LRU cache of loaded marks files, shared by every query reading MergeTree
/// parts.
class MarkCacheLite
{
public:
    explicit MarkCacheLite(size_t max_size_in_bytes_) : max_size_in_bytes(max_size_in_bytes_) {}

    MarksPtr get(const String & key)
    {
        LockGuard lock(mutex);
        auto it = cells.find(key);
        if (it == cells.end())
        {
            ++misses;
            return nullptr;
        }
        ++hits;
        queue.splice(queue.end(), queue, it->second.queue_iterator);
        return it->second.value;
    }

    void set(const String & key, MarksPtr value)
    {
        LockGuard lock(mutex);
        auto [it, inserted] = cells.try_emplace(key);
        if (inserted)
            it->second.queue_iterator = queue.insert(queue.end(), key);
        else
            current_size -= it->second.value->bytes;
        it->second.value = value;
        current_size += value->bytes;
        removeOverflow();
    }

    /// Drops the entries of parts that were removed from disk.
    size_t removeParts(const std::vector<String> & part_paths)
    {
        size_t removed = 0;
        for (const auto & path : part_paths) // EXPECT: concurrency-lock-balance
        {
            mutex.lock();
            auto it = cells.find(path);
            if (it == cells.end())
                continue;
            current_size -= it->second.value->bytes;
            queue.erase(it->second.queue_iterator);
            cells.erase(it);
            ++removed;
            mutex.unlock();
        }
        return removed;
    }

    void lockForBatch() TSA_ACQUIRE(mutex) { mutex.lock(); }
    void unlockAfterBatch() TSA_RELEASE(mutex) { mutex.unlock(); }

    size_t sizeInBytes() const
    {
        LockGuard lock(mutex);
        return current_size;
    }

private:
    struct Cell
    {
        MarksPtr value;
        std::list<String>::iterator queue_iterator;
    };

    void removeOverflow() TSA_REQUIRES(mutex)
    {
        while (current_size > max_size_in_bytes && !queue.empty())
        {
            auto it = cells.find(queue.front());
            current_size -= it->second.value->bytes;
            cells.erase(it);
            queue.pop_front();
        }
    }

    mutable Mutex mutex;
    std::unordered_map<String, Cell> cells TSA_GUARDED_BY(mutex);
    std::list<String> queue TSA_GUARDED_BY(mutex);
    size_t current_size TSA_GUARDED_BY(mutex) = 0;
    size_t hits TSA_GUARDED_BY(mutex) = 0;
    size_t misses TSA_GUARDED_BY(mutex) = 0;
    const size_t max_size_in_bytes;
};

}
