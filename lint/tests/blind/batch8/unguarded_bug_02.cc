// downloadqueue.cpp - fetches queued URLs on a worker thread and reports
// progress to the UI.

#include <QtCore/QMutex>
#include <QtCore/QThread>
#include <QtCore/QWaitCondition>

#include <deque>
#include <functional>
#include <string>

struct DownloadJob {
    std::string url;
    std::string destination;
    int attempts = 0;
};

class DownloadQueue : public QThread
{
public:
    explicit DownloadQueue(std::function<bool(const DownloadJob &)> fetcher)
        : m_fetcher(std::move(fetcher)) {}

    ~DownloadQueue() override
    {
        {
            QMutexLocker locker(&m_mutex);
            m_abort = true;
        }
        m_condition.wakeAll();
        wait();
    }

    void enqueue(const DownloadJob &job)
    {
        QMutexLocker locker(&m_mutex);
        m_jobs.push_back(job);
        m_condition.wakeOne();
    }

    int completedCount() const
    {
        QMutexLocker locker(&m_mutex);
        return m_completed;
    }

    int failedCount() const
    {
        QMutexLocker locker(&m_mutex);
        return m_failed;
    }

    void resetCounters()
    {
        QMutexLocker locker(&m_mutex);
        m_completed = 0;
        m_failed = 0;
    }

protected:
    void run() override
    {
        QMutexLocker locker(&m_mutex);
        for (;;) {
            while (m_jobs.empty() && !m_abort)
                m_condition.wait(&m_mutex);
            if (m_abort)
                return;

            DownloadJob job = m_jobs.front();
            m_jobs.pop_front();

            // Never hold the queue lock while talking to the network.
            locker.unlock();
            const bool ok = m_fetcher(job);
            if (ok)
                ++m_completed; // EXPECT: concurrency-unguarded-field
            locker.relock();

            if (!ok) {
                ++m_failed;
                if (++job.attempts < 3)
                    m_jobs.push_back(job);
            }
        }
    }

private:
    std::function<bool(const DownloadJob &)> m_fetcher;
    mutable QMutex m_mutex;
    QWaitCondition m_condition;
    std::deque<DownloadJob> m_jobs;
    int m_completed = 0;
    int m_failed = 0;
    bool m_abort = false;
};

int pendingAfterDrain(DownloadQueue &q)
{
    return q.completedCount() + q.failedCount();
}
