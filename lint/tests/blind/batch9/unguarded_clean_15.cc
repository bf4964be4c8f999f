// An Apache httpd-style module that keeps per-virtual-host request counters
// in a table protected by an APR thread mutex. The module configuration is
// built at startup and read-only afterwards.
#include <stdio.h>
#include <string.h>

#include <string>
#include <unordered_map>

#include "apr_thread_mutex.h"

namespace mod_vhost_stats {

// One table per server process; worker threads of that process share it.

struct ModuleConfig {
  std::string stats_uri;
  int max_vhosts;
  bool count_subrequests;
};

struct VhostCounters {
  unsigned long requests = 0;
  unsigned long bytes_sent = 0;
  unsigned long errors = 0;
};

class VhostStatsTable {
 public:
  VhostStatsTable(ModuleConfig config, apr_pool_t* pool) : config_(std::move(config)) {
    if (apr_thread_mutex_create(&mutex_, APR_THREAD_MUTEX_DEFAULT, pool) != APR_SUCCESS) {
      mutex_ = nullptr;
    }
  }

  ~VhostStatsTable() {
    if (mutex_ != nullptr) apr_thread_mutex_destroy(mutex_);
  }

  bool ok() const { return mutex_ != nullptr; }
  const ModuleConfig& config() const { return config_; }

  // Log-transaction hook, called by every worker thread after a request.
  apr_status_t Record(const char* vhost, unsigned long bytes, int status, bool is_subrequest) {
    if (is_subrequest && !config_.count_subrequests) return APR_SUCCESS;
    apr_status_t rv = apr_thread_mutex_lock(mutex_);
    if (rv != APR_SUCCESS) return rv;
    if (counters_.size() >= static_cast<size_t>(config_.max_vhosts) && !counters_.count(vhost)) {
      ++overflow_;
    } else {
      VhostCounters& c = counters_[vhost];
      ++c.requests;
      c.bytes_sent += bytes;
      if (status >= 500) ++c.errors;
    }
    apr_thread_mutex_unlock(mutex_);
    return APR_SUCCESS;
  }

  // Content handler for config_.stats_uri: copy under the lock, format outside.
  std::string Render() {
    std::unordered_map<std::string, VhostCounters> copy;
    unsigned long overflow = 0;
    if (apr_thread_mutex_lock(mutex_) != APR_SUCCESS) return "stats unavailable\n";
    copy = counters_;
    overflow = overflow_;
    apr_thread_mutex_unlock(mutex_);

    std::string out;
    char line[256];
    for (const auto& [vhost, c] : copy) {
      snprintf(line, sizeof(line), "%s requests=%lu bytes=%lu errors=%lu\n", vhost.c_str(),
               c.requests, c.bytes_sent, c.errors);
      out += line;
    }
    snprintf(line, sizeof(line), "overflow=%lu\n", overflow);
    out += line;
    return out;
  }

  void Reset() {
    if (apr_thread_mutex_lock(mutex_) != APR_SUCCESS) return;
    counters_.clear();
    overflow_ = 0;
    apr_thread_mutex_unlock(mutex_);
  }

 private:
  const ModuleConfig config_;
  apr_thread_mutex_t* mutex_ = nullptr;
  std::unordered_map<std::string, VhostCounters> counters_;
  unsigned long overflow_ = 0;
};

int HandleStatsRequest(VhostStatsTable* table, const char* uri, std::string* body) {
  if (strcmp(uri, table->config().stats_uri.c_str()) != 0) return -1;
  *body = table->Render();
  return 200;
}

}  // namespace mod_vhost_stats
