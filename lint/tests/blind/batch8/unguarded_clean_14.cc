/*
 * job_tracker.cc - tracks the jobs a build worker has accepted, so the
 * coordinator can ask for progress and the worker can wait for a quiet point
 * before it reloads its toolchain.
 */

#include <pthread.h>

#include <cstdint>
#include <map>
#include <string>

namespace buildd {

class JobTracker {
 public:
  JobTracker() {
    pthread_mutex_init(&mu_, nullptr);
    pthread_cond_init(&idle_cv_, nullptr);
  }
  ~JobTracker() {
    pthread_cond_destroy(&idle_cv_);
    pthread_mutex_destroy(&mu_);
  }

  void Accept(uint64_t id, const std::string& target) {
    pthread_mutex_lock(&mu_);
    jobs_[id] = target;
    UpdateGaugesLocked();
    pthread_mutex_unlock(&mu_);
  }

  void Finish(uint64_t id) {
    pthread_mutex_lock(&mu_);
    jobs_.erase(id);
    ++finished_;
    UpdateGauges();
    if (jobs_.empty()) pthread_cond_broadcast(&idle_cv_);
    pthread_mutex_unlock(&mu_);
  }

  // Blocks until no job is running.
  void WaitIdle() {
    pthread_mutex_lock(&mu_);
    while (!jobs_.empty()) pthread_cond_wait(&idle_cv_, &mu_);
    pthread_mutex_unlock(&mu_);
  }

  std::string Progress() {
    pthread_mutex_lock(&mu_);
    std::string s = std::to_string(jobs_.size()) + " running, " +
                    std::to_string(finished_) + " finished, peak " +
                    std::to_string(peak_);
    pthread_mutex_unlock(&mu_);
    return s;
  }

 private:
  // REQUIRES: mu_ held.
  void UpdateGauges() {
    if (jobs_.size() > peak_) peak_ = jobs_.size();
  }
  void UpdateGaugesLocked() { UpdateGauges(); }

  pthread_mutex_t mu_;
  pthread_cond_t idle_cv_;
  std::map<uint64_t, std::string> jobs_;
  uint64_t finished_ = 0;
  size_t peak_ = 0;
};

}  // namespace buildd
