// Ported from org.example.sched.JobScheduler (Java): jobs keyed by name,
// ordered by due time. schedule() replaces a job that has the same key.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>

#include <jport/lang.h>

namespace org::example::sched {

class Job {
 public:
  Job(std::string key, int64_t runAt, std::function<void()> body)
      : key_(std::move(key)), runAt_(runAt), body_(std::move(body)) {}
  const std::string& key() const { return key_; }
  int64_t runAt() const { return runAt_; }
  void run() const { body_(); }

 private:
  const std::string key_;
  const int64_t runAt_;
  const std::function<void()> body_;
};

class JobScheduler : public jport::Object {
 public:
  // public synchronized boolean cancel(String key)
  bool cancel(const std::string& key) JPORT_EXCLUDES(monitor_) {
    JPORT_SYNCHRONIZED_METHOD();
    auto it = byKey_.find(key);
    if (it == byKey_.end()) return false;
    byTime_.erase(std::make_pair(it->second, key));
    byKey_.erase(it);
    monitor_.notifyAll();
    return true;
  }

  // public synchronized void schedule(Job job)
  void schedule(Job job) JPORT_EXCLUDES(monitor_) {
    JPORT_SYNCHRONIZED_METHOD();
    if (byKey_.count(job.key()) != 0) {
      cancel(job.key());  // EXPECT: concurrency-lock-balance
    }
    const std::string key = job.key();
    const int64_t at = job.runAt();
    byKey_[key] = at;
    byTime_.emplace(std::make_pair(at, key), std::move(job));
    monitor_.notifyAll();
  }

  // Worker thread: waits for the earliest job and runs it outside the monitor.
  void runNext() JPORT_EXCLUDES(monitor_) {
    monitor_.enter();
    while (byTime_.empty()) monitor_.wait();
    auto first = byTime_.begin();
    Job job = std::move(first->second);
    byKey_.erase(first->first.second);
    byTime_.erase(first);
    monitor_.exit();
    job.run();
  }

  size_t size() const JPORT_EXCLUDES(monitor_) {
    JPORT_SYNCHRONIZED_METHOD();
    return byKey_.size();
  }

 private:
  std::map<std::string, int64_t> byKey_ JPORT_GUARDED_BY(monitor_);
  std::map<std::pair<int64_t, std::string>, Job> byTime_ JPORT_GUARDED_BY(monitor_);
};

}  // namespace org::example::sched
