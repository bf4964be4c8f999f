#include "mock/clickhouse_defines.h"

#include <array>
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

/// Sharded cache of loaded marks files, shared by every query reading
/// MergeTree parts.
class ShardedMarkCache
{
public:
    MarksPtr get(const String & key)
    {
        Shard & shard = shardFor(key);
        LockGuard lock(shard.mutex);
        auto it = shard.cells.find(key);
        return it == shard.cells.end() ? nullptr : it->second;
    }

    void set(const String & key, MarksPtr value)
    {
        Shard & shard = shardFor(key);
        LockGuard lock(shard.mutex);
        auto & cell = shard.cells[key];
        if (cell)
            shard.bytes -= cell->bytes;
        shard.bytes += value->bytes;
        cell = std::move(value);
    }

    /// Drops the entries of parts that were removed from disk.
    size_t removeParts(const std::vector<String> & part_paths)
    {
        size_t removed = 0;
        for (const auto & path : part_paths)
        {
            Shard & shard = shardFor(path);
            shard.mutex.lock();
            auto it = shard.cells.find(path);
            if (it == shard.cells.end())
            {
                shard.mutex.unlock();
                continue;
            }
            shard.bytes -= it->second->bytes;
            shard.cells.erase(it);
            ++removed;
            shard.mutex.unlock();
        }
        return removed;
    }

    size_t sizeInBytes() const
    {
        size_t total = 0;
        for (const Shard & shard : shards)
        {
            LockGuard lock(shard.mutex);
            total += shard.bytes;
        }
        return total;
    }

    /// Resets every shard. Locks all shards at once so that concurrent
    /// readers never see a half-cleared cache.
    void reset() TSA_NO_THREAD_SAFETY_ANALYSIS
    {
        for (Shard & shard : shards)
            shard.mutex.lock();
        for (Shard & shard : shards)
        {
            shard.cells.clear();
            shard.bytes = 0;
        }
        for (auto it = shards.rbegin(); it != shards.rend(); ++it)
            it->mutex.unlock();
    }

private:
    struct Shard
    {
        mutable Mutex mutex;
        std::unordered_map<String, MarksPtr> cells TSA_GUARDED_BY(mutex);
        size_t bytes TSA_GUARDED_BY(mutex) = 0;
    };

    Shard & shardFor(const String & key)
    {
        return shards[std::hash<String>()(key) % shards.size()];
    }

    std::array<Shard, 16> shards;
};

}
