// tracefile.cpp - writes profiler trace events to a file. Events arrive from
// every thread; the session can be stopped (and the file closed) at any time.

#include <QtCore/QMutex>

#include <cstdio>
#include <string>

class TraceFile
{
public:
    bool open(const std::string &path)
    {
        QMutexLocker locker(&m_mutex);
        m_file = std::fopen(path.c_str(), "w");
        m_events = 0;
        return m_file != nullptr;
    }

    void writeEvent(const std::string &name, long long tsUs)
    {
        if (!m_file) // EXPECT: concurrency-use-after-close
            return;
        QMutexLocker locker(&m_mutex);
        std::fprintf(m_file, "{\"name\":\"%s\",\"ts\":%lld},\n", name.c_str(), tsUs);
        ++m_events;
    }

    void close()
    {
        QMutexLocker locker(&m_mutex);
        if (m_file) {
            std::fclose(m_file);
            m_file = nullptr;
        }
    }

    long events()
    {
        QMutexLocker locker(&m_mutex);
        return m_events;
    }

private:
    QMutex m_mutex;
    FILE *m_file = nullptr;
    long m_events = 0;
};

void traceFrame(TraceFile &trace, long long ts)
{
    trace.writeEvent("frame", ts);
}
