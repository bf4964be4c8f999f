// Copyright (c) The Bitcoin Core developers
// Distributed under the MIT software license.

#include "mock/bitcoin_sync.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace index_util {

class IndexRegistry
{
public:
    void Add(const std::string& name, int height)
    {
        LOCK(m_mutex);
        m_heights[name] = height;
        m_cached_summary.reset();
    }

    std::optional<int> Height(const std::string& name)
    {
        LOCK(m_mutex);
        auto it = m_heights.find(name);
        if (it == m_heights.end()) return std::nullopt;
        return it->second;
    }

    //! Summary line for getindexinfo, rebuilt only after a change.
    std::string Summary()
    {
        LOCK(m_mutex);
        if (!m_cached_summary.has_value()) {
            std::string s;
            for (const auto& [name, height] : m_heights) {
                s += name + "=" + std::to_string(height) + " ";
            }
            m_cached_summary.emplace(std::move(s));
        }
        return *m_cached_summary;
    }

private:
    Mutex m_mutex;
    std::map<std::string, int> m_heights GUARDED_BY(m_mutex);
    std::optional<std::string> m_cached_summary GUARDED_BY(m_mutex);
};

//! Return the process-wide registry. Called from the init thread and from
//! RPC worker threads.
IndexRegistry& GetIndexRegistry()
{
    static IndexRegistry* const g_index_registry = new IndexRegistry();
    return *g_index_registry;
}

const std::vector<std::string>& DefaultIndexNames()
{
    static const std::vector<std::string> names{"txindex", "blockfilterindex", "coinstatsindex"};
    return names;
}

class FeeEstimatorHandle
{
public:
    int EstimateFee(int target)
    {
        LOCK(m_mutex);
        EnsureLoaded();
        return m_base_fee * (target < 6 ? 2 : 1);
    }

private:
    void EnsureLoaded() EXCLUSIVE_LOCKS_REQUIRED(m_mutex)
    {
        if (!m_loaded) {
            m_base_fee = 1000;
            m_loaded = true;
        }
    }

    Mutex m_mutex;
    bool m_loaded GUARDED_BY(m_mutex){false};
    int m_base_fee GUARDED_BY(m_mutex){0};
};

int DescribeIndexes(std::string& out)
{
    int n = 0;
    for (const std::string& name : DefaultIndexNames()) {
        if (GetIndexRegistry().Height(name).has_value()) ++n;
    }
    out = GetIndexRegistry().Summary();
    return n;
}

} // namespace index_util
