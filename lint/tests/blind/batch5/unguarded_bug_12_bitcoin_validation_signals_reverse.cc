// Copyright (c) The Bitcoin Core developers
// Distributed under the MIT software license.

#include "mock/bitcoin_sync.h"

#include <cstdint>
#include <functional>
#include <list>
#include <string>
#include <vector>

namespace kernel {

struct BlockInfo {
    std::string hash;
    int height{0};
};

using BlockConnectedFn = std::function<void(const BlockInfo&)>;

/**
 * Registry of validation interface callbacks. Callbacks are invoked without
 * the registry lock so that they may register or unregister themselves.
 */
class ValidationSignalsRegistry
{
public:
    size_t Register(BlockConnectedFn fn)
    {
        LOCK(m_mutex);
        m_callbacks.push_back({++m_next_id, std::move(fn), 0});
        return m_next_id;
    }

    void Unregister(size_t id)
    {
        LOCK(m_mutex);
        for (auto& entry : m_callbacks) {
            if (entry.id == id) entry.removed = true;
        }
        Prune();
    }

    void BlockConnected(const BlockInfo& block)
    {
        WAIT_LOCK(m_mutex, lock);
        ++m_dispatching;
        for (auto it = m_callbacks.begin(); it != m_callbacks.end(); ++it) {
            if (it->removed) continue;
            BlockConnectedFn fn = it->fn;
            {
                REVERSE_LOCK(lock, m_mutex);
                fn(block);
                ++m_blocks_dispatched; // EXPECT: concurrency-unguarded-field
            }
        }
        --m_dispatching;
        Prune();
    }

    uint64_t BlocksDispatched()
    {
        LOCK(m_mutex);
        return m_blocks_dispatched;
    }

private:
    struct Entry {
        size_t id;
        BlockConnectedFn fn;
        int removed;
    };

    void Prune() EXCLUSIVE_LOCKS_REQUIRED(m_mutex)
    {
        if (m_dispatching > 0) return;
        m_callbacks.remove_if([](const Entry& e) { return e.removed != 0; });
    }

    Mutex m_mutex;
    std::list<Entry> m_callbacks GUARDED_BY(m_mutex);
    size_t m_next_id GUARDED_BY(m_mutex){0};
    int m_dispatching GUARDED_BY(m_mutex){0};
    uint64_t m_blocks_dispatched GUARDED_BY(m_mutex){0};
};

} // namespace kernel
