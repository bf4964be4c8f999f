// Search indexer: documents arrive from the crawler threads and are batched;
// a flush task posted to the I/O executor writes each batch to the segment.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "boost_thread.h"
#include "task_runner.h"

namespace search {

enum class FlushReason { kBatchFull, kTimer, kShutdown };

struct Document {
  std::string id;
  std::string body;
  double boost = 1.0;
};

class SegmentWriter {
 public:
  virtual ~SegmentWriter() = default;
  virtual runtime::Status Write(const std::vector<Document>& docs) = 0;
};

class Indexer {
 public:
  Indexer(runtime::Executor* io, SegmentWriter* writer, size_t batch_size)
      : io_(io), writer_(writer), batch_size_(batch_size) {}

  void Add(Document doc) {
    bool flush = false;
    {
      boost::lock_guard<boost::mutex> lock(mu_);
      pending_.push_back(std::move(doc));
      flush = pending_.size() >= batch_size_ && !flush_scheduled_;
      if (flush) flush_scheduled_ = true;
    }
    if (flush) ScheduleFlush(FlushReason::kBatchFull);
  }

  size_t PendingCount() {
    boost::lock_guard<boost::mutex> lock(mu_);
    return pending_.size();
  }

  void OnTimer() {
    boost::lock_guard<boost::mutex> lock(mu_);
    if (pending_.empty() || flush_scheduled_) return;
    flush_scheduled_ = true;
    io_->Post([this] { Flush(FlushReason::kTimer); });
  }

 private:
  void ScheduleFlush(FlushReason reason) {
    io_->Post([this, reason] {
      runtime::Log("INFO") << "flushing " << pending_.size() << " documents";  // EXPECT: concurrency-unguarded-field
      Flush(reason);
    });
  }

  void Flush(FlushReason reason) {
    std::vector<Document> batch;
    {
      boost::lock_guard<boost::mutex> lock(mu_);
      batch.swap(pending_);
      flush_scheduled_ = false;
    }
    runtime::Status s = writer_->Write(batch);
    if (s != runtime::Status::kOk) {
      runtime::Log("ERROR") << "segment write failed: " << runtime::StatusName(s)
                            << " reason=" << static_cast<int>(reason);
      boost::lock_guard<boost::mutex> lock(mu_);
      for (Document& d : batch) pending_.push_back(std::move(d));
    }
  }

  runtime::Executor* const io_;
  SegmentWriter* const writer_;
  const size_t batch_size_;
  boost::mutex mu_;
  std::vector<Document> pending_;  // guarded by mu_
  bool flush_scheduled_ = false;   // guarded by mu_
};

}  // namespace search
