// Render job queue for the thumbnail service. Producers (the file watcher and
// the IPC handler) enqueue jobs; a pool of QThread workers drains them.
#include <deque>
#include <string>

#include "qt_core.h"

namespace thumbs {

enum class JobPriority { kBackground, kNormal, kInteractive };

struct RenderJob {
  QString path;
  int width = 0;
  int height = 0;
  JobPriority priority = JobPriority::kNormal;
};

struct QueueStats {
  qint64 enqueued = 0;
  qint64 completed = 0;
  qint64 dropped = 0;
};

class RenderQueue {
 public:
  explicit RenderQueue(int capacity) : capacity_(capacity) {}

  bool enqueue(RenderJob job) {
    QMutexLocker locker(&mutex_);
    if (static_cast<int>(jobs_.size()) >= capacity_) {
      ++stats_.dropped;
      qWarning() << "render queue full, dropping " << job.path;
      return false;
    }
    if (job.priority == JobPriority::kInteractive) {
      jobs_.push_front(std::move(job));
    } else {
      jobs_.push_back(std::move(job));
    }
    ++stats_.enqueued;
    notEmpty_.wakeOne();
    return true;
  }

  bool takeNext(RenderJob* out) {
    QMutexLocker locker(&mutex_);
    if (jobs_.empty()) return false;
    *out = std::move(jobs_.front());
    jobs_.pop_front();
    return true;
  }

  void markCompleted() {
    QMutexLocker locker(&mutex_);
    ++stats_.completed;
  }

  // Called by the status page every few seconds from the HTTP thread.
  int pendingCount() const {
    return static_cast<int>(jobs_.size());  // EXPECT: concurrency-unguarded-field
  }

  QueueStats stats() const {
    QMutexLocker locker(&mutex_);
    return stats_;
  }

  void clear() {
    QMutexLocker locker(&mutex_);
    stats_.dropped += static_cast<qint64>(jobs_.size());
    jobs_.clear();
  }

 private:
  const int capacity_;
  mutable QMutex mutex_;
  QWaitCondition notEmpty_;
  std::deque<RenderJob> jobs_;
  QueueStats stats_;
};

class RenderWorker : public QThread {
 public:
  explicit RenderWorker(RenderQueue* queue) : queue_(queue) {}

 protected:
  void run() override {
    RenderJob job;
    while (!isInterruptionRequested()) {
      if (!queue_->takeNext(&job)) {
        QThread::msleep(20);
        continue;
      }
      render(job);
      queue_->markCompleted();
    }
  }

 private:
  void render(const RenderJob& job) {
    qDebug() << "rendering " << job.path << " at " << job.width << "x"
             << job.height;
  }

  RenderQueue* queue_;
};

QString describeQueue(const RenderQueue& q) {
  QueueStats s = q.stats();
  return "pending=" + std::to_string(q.pendingCount()) +
         " enqueued=" + std::to_string(s.enqueued) +
         " completed=" + std::to_string(s.completed) +
         " dropped=" + std::to_string(s.dropped);
}

}  // namespace thumbs
