// logwriter.cpp - buffers log lines from any thread and writes them to the
// sink on a dedicated writer thread.

#include <QtCore/QMutex>
#include <QtCore/QThread>
#include <QtCore/QWaitCondition>

#include <functional>
#include <string>
#include <vector>

class LogWriter : public QThread
{
public:
    explicit LogWriter(std::function<void(const std::vector<std::string> &)> sink)
        : m_sink(std::move(sink)) {}

    ~LogWriter() override
    {
        stop();
        wait();
    }

    void append(const std::string &line)
    {
        QMutexLocker locker(&m_mutex);
        m_buffer.push_back(line);
        if (m_buffer.size() >= m_flushThreshold)
            m_bufferNotEmpty.wakeOne();
    }

    void setFlushThreshold(size_t lines)
    {
        QMutexLocker locker(&m_mutex);
        m_flushThreshold = lines;
    }

    void stop()
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_bufferNotEmpty.wakeAll();
    }

protected:
    void run() override
    {
        std::vector<std::string> batch;
        QMutexLocker locker(&m_mutex);
        while (!m_stopping || !m_buffer.empty()) {
            while (m_buffer.empty() && !m_stopping)
                m_bufferNotEmpty.wait(&m_mutex);

            batch.swap(m_buffer);
            const size_t written = batch.size();

            // The sink may block on disk: write without the lock.
            locker.unlock();
            m_sink(batch);
            batch.clear();
            locker.relock();

            m_linesWritten += written;
        }
    }

public:
    size_t linesWritten() const
    {
        QMutexLocker locker(&m_mutex);
        return m_linesWritten;
    }

private:
    const std::function<void(const std::vector<std::string> &)> m_sink;
    mutable QMutex m_mutex;
    QWaitCondition m_bufferNotEmpty;
    std::vector<std::string> m_buffer;
    size_t m_flushThreshold = 64;
    size_t m_linesWritten = 0;
    bool m_stopping = false;
};
