// iconprovider.cpp - resolves theme icons. Icon lookups come from the GUI
// thread and from thumbnailer jobs on QThreadPool threads.

#include <QtCore/QMutex>
#include <QtCore/QThreadPool>

#include <map>
#include <string>

class IconTheme
{
public:
    explicit IconTheme(std::string name) : m_name(std::move(name)) {}
    std::string path(const std::string &icon) const
    {
        return "/usr/share/icons/" + m_name + "/48x48/" + icon + ".png";
    }

private:
    std::string m_name;
};

class IconProvider
{
public:
    static IconProvider *instance()
    {
        static IconProvider *provider = new IconProvider;
        return provider;
    }

    static const IconTheme &fallbackTheme()
    {
        static const IconTheme theme("hicolor");
        return theme;
    }

    std::string iconPath(const std::string &icon)
    {
        QMutexLocker locker(&m_mutex);
        auto it = m_cache.find(icon);
        if (it != m_cache.end())
            return it->second;
        std::string p = fallbackTheme().path(icon);
        m_cache.emplace(icon, p);
        return p;
    }

    void clearCache()
    {
        QMutexLocker locker(&m_mutex);
        m_cache.clear();
    }

private:
    IconProvider() = default;

    QMutex m_mutex;
    std::map<std::string, std::string> m_cache;
};

void prefetchIcons()
{
    QThreadPool::globalInstance()->start([] {
        IconProvider::instance()->iconPath("folder");
        IconProvider::instance()->iconPath("text-x-generic");
    });
}
