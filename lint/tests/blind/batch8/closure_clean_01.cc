// crashhandler.cpp - builds the crash report text when the render process
// dies. The watchdog thread runs the stored callback.

#include <QtCore/QMutex>

#include <functional>
#include <string>

class RenderProcessHost
{
public:
    using CrashCallback = std::function<std::string()>;

    void launch(const std::string &logPath, int pid)
    {
        QMutexLocker locker(&m_mutex);
        m_logPath = logPath;
        m_pid = pid;
        // The watchdog may run this after cleanup(): capture copies, not this.
        m_crashMessage = [log = m_logPath, launchedPid = m_pid] {
            return "render process " + std::to_string(launchedPid) +
                   " died; see " + log;
        };
        m_running = true;
    }

    void cleanup()
    {
        QMutexLocker locker(&m_mutex);
        m_running = false;
        m_logPath.clear();
        m_pid = -1;
    }

    // Watchdog thread.
    std::string crashReport()
    {
        CrashCallback callback;
        {
            QMutexLocker locker(&m_mutex);
            if (!m_running)
                return std::string();
            callback = m_crashMessage;
        }
        return callback ? callback() : std::string();
    }

private:
    QMutex m_mutex;
    std::string m_logPath;
    int m_pid = -1;
    CrashCallback m_crashMessage;
    bool m_running = false;
};
