// pluginregistry.cpp - keeps the metadata of the plugins found on disk.

#include <QtCore/QReadWriteLock>
#include <QtCore/QReadLocker>
#include <QtCore/QWriteLocker>

#include <map>
#include <string>
#include <vector>

struct PluginMetaData
{
    std::string iid;
    std::string fileName;
    std::vector<std::string> keys;
    int version = 0;
};

class PluginRegistry
{
public:
    static PluginRegistry &instance()
    {
        static PluginRegistry registry;
        return registry;
    }

    void registerPlugin(const PluginMetaData &meta)
    {
        QWriteLocker locker(&m_lock);
        m_plugins[meta.iid] = meta;
        ++m_generation;
    }

    bool unregisterPlugin(const std::string &iid)
    {
        QWriteLocker locker(&m_lock);
        if (m_plugins.erase(iid) == 0)
            return false;
        ++m_generation;
        return true;
    }

    // Returns the metadata of the plugin implementing iid, or an empty entry.
    const PluginMetaData &metaData(const std::string &iid) const
    {
        QReadLocker locker(&m_lock);
        auto it = m_plugins.find(iid);
        if (it == m_plugins.end())
            return m_empty;
        return it->second; // EXPECT: concurrency-unguarded-field
    }

    std::vector<std::string> keysFor(const std::string &iid) const
    {
        QReadLocker locker(&m_lock);
        auto it = m_plugins.find(iid);
        return it == m_plugins.end() ? std::vector<std::string>() : it->second.keys;
    }

    int generation() const
    {
        QReadLocker locker(&m_lock);
        return m_generation;
    }

private:
    PluginRegistry() = default;

    mutable QReadWriteLock m_lock;
    std::map<std::string, PluginMetaData> m_plugins;
    const PluginMetaData m_empty {};
    int m_generation = 0;
};

bool supportsKey(const std::string &iid, const std::string &key)
{
    const PluginMetaData &meta = PluginRegistry::instance().metaData(iid);
    for (const std::string &k : meta.keys) {
        if (k == key)
            return true;
    }
    return false;
}
