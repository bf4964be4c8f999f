// Copyright (c) The Bitcoin Core developers
// Distributed under the MIT software license.

#include "mock/bitcoin_sync.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace index_util {

/** A named index that can be started, queried and stopped by the node. */
class BaseIndexStub
{
public:
    explicit BaseIndexStub(std::string name) : m_name(std::move(name)) {}
    const std::string& GetName() const { return m_name; }

    void SetBestHeight(int height)
    {
        LOCK(m_mutex);
        m_best_height = height;
    }

    int GetBestHeight()
    {
        LOCK(m_mutex);
        return m_best_height;
    }

private:
    const std::string m_name;
    Mutex m_mutex;
    int m_best_height GUARDED_BY(m_mutex){-1};
};

class IndexRegistry
{
public:
    void Add(std::shared_ptr<BaseIndexStub> index)
    {
        LOCK(m_mutex);
        m_indexes[index->GetName()] = std::move(index);
    }

    std::shared_ptr<BaseIndexStub> Get(const std::string& name)
    {
        LOCK(m_mutex);
        auto it = m_indexes.find(name);
        return it == m_indexes.end() ? nullptr : it->second;
    }

    std::vector<std::string> Names()
    {
        std::vector<std::string> names;
        LOCK(m_mutex);
        for (const auto& [name, _] : m_indexes) names.push_back(name);
        return names;
    }

private:
    Mutex m_mutex;
    std::map<std::string, std::shared_ptr<BaseIndexStub>> m_indexes GUARDED_BY(m_mutex);
};

static IndexRegistry* g_index_registry = nullptr;

//! Return the process-wide registry, creating it on first use. Called from
//! the init thread and from RPC worker threads.
IndexRegistry& GetIndexRegistry()
{
    if (g_index_registry == nullptr) { // EXPECT: concurrency-lazy-init-race
        g_index_registry = new IndexRegistry();
    }
    return *g_index_registry;
}

int GetIndexHeight(const std::string& name)
{
    std::shared_ptr<BaseIndexStub> index = GetIndexRegistry().Get(name);
    return index ? index->GetBestHeight() : -1;
}

} // namespace index_util
