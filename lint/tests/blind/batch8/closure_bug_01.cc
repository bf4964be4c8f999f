// exportjob.cpp - exports a project to an archive on a worker thread and
// reports the outcome through a completion callback.

#include <QtCore/QMutex>
#include <QtConcurrent/QtConcurrent>

#include <functional>
#include <string>

class ExportJob
{
public:
    using Callback = std::function<void(bool ok, const std::string &message)>;

    explicit ExportJob(std::string projectPath) : m_projectPath(std::move(projectPath)) {}

    ~ExportJob() { m_future.waitForFinished(); }

    void setDestination(const std::string &path)
    {
        QMutexLocker locker(&m_mutex);
        m_destination = path;
    }

    void start(Callback done)
    {
        m_done = std::move(done);
        m_future = QtConcurrent::run([this] {
            const bool ok = writeArchive();
            m_done(ok, ok ? "exported to " + m_destination // EXPECT: concurrency-closure-captures-mutable
                          : "export of " + m_projectPath + " failed");
            QMutexLocker locker(&m_mutex);
            m_finished = true;
        });
    }

    bool isFinished()
    {
        QMutexLocker locker(&m_mutex);
        return m_finished;
    }

private:
    bool writeArchive() { return !m_projectPath.empty(); }

    const std::string m_projectPath;
    QMutex m_mutex;
    std::string m_destination;
    Callback m_done;
    QFuture<void> m_future;
    bool m_finished = false;
};

void exportNow(ExportJob &job)
{
    job.start([](bool, const std::string &) {});
    job.setDestination("/home/user/exports/project.zip");
}
