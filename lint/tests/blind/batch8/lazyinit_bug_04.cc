// shortcutmanager.cpp - maps action names to key sequences. The defaults are
// loaded from the bundled keymap the first time anything asks for a shortcut;
// the global-hotkey listener thread and the UI both query it.

#include <QtCore/QMutex>

#include <map>
#include <string>
#include <vector>

class ShortcutManager
{
public:
    static ShortcutManager *instance()
    {
        static ShortcutManager manager;
        return &manager;
    }

    std::string shortcut(const std::string &action)
    {
        ensureDefaults();
        QMutexLocker locker(&m_mutex);
        auto it = m_overrides.find(action);
        if (it != m_overrides.end())
            return it->second;
        auto def = m_defaults.find(action);
        return def == m_defaults.end() ? std::string() : def->second;
    }

    void setShortcut(const std::string &action, const std::string &keys)
    {
        QMutexLocker locker(&m_mutex);
        m_overrides[action] = keys;
    }

    std::vector<std::string> actions()
    {
        ensureDefaults();
        std::vector<std::string> names;
        for (const auto &kv : m_defaults)
            names.push_back(kv.first);
        return names;
    }

private:
    ShortcutManager() = default;

    void ensureDefaults()
    {
        if (!m_defaultsLoaded) { // EXPECT: concurrency-lazy-init-race
            m_defaults = loadKeymap(":/keymaps/default.keys");
            m_defaultsLoaded = true;
        }
    }

    static std::map<std::string, std::string> loadKeymap(const char *resource)
    {
        (void)resource;
        return {{"file.open", "Ctrl+O"}, {"file.save", "Ctrl+S"}, {"edit.find", "Ctrl+F"}};
    }

    QMutex m_mutex;
    std::map<std::string, std::string> m_overrides;
    std::map<std::string, std::string> m_defaults;
    bool m_defaultsLoaded = false;
};

std::string saveShortcut()
{
    return ShortcutManager::instance()->shortcut("file.save");
}
