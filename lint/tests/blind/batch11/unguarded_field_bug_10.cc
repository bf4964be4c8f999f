// Replication channel statistics in the style of MySQL's server code:
// updated by the applier threads under the channel's mutex, shown by
// SHOW REPLICA STATUS and zeroed by RESET REPLICA.
#include <cstring>
#include <string>

#include "mysql_mock.h"

class Relay_channel_stats {
 public:
  Relay_channel_stats() { mysql_mutex_init(0, &m_lock, nullptr); }
  ~Relay_channel_stats() { mysql_mutex_destroy(&m_lock); }

  void event_applied(ulonglong bytes, ulonglong lag_ms) {
    mysql_mutex_lock(&m_lock);
    m_events_applied++;
    m_bytes_applied += bytes;
    if (lag_ms > m_max_lag_ms) m_max_lag_ms = lag_ms;
    mysql_mutex_unlock(&m_lock);
  }

  void transaction_committed() {
    mysql_mutex_lock(&m_lock);
    m_trx_committed++;
    mysql_mutex_unlock(&m_lock);
  }

  void fill_status(std::string* out) {
    mysql_mutex_lock(&m_lock);
    *out = "events=" + std::to_string(m_events_applied) +
           " bytes=" + std::to_string(m_bytes_applied) +
           " trx=" + std::to_string(m_trx_committed) +
           " max_lag_ms=" + std::to_string(m_max_lag_ms);
    mysql_mutex_unlock(&m_lock);
  }

  /* RESET REPLICA: the applier may still be running. */
  void reset() {
    m_events_applied = 0;  // EXPECT: concurrency-unguarded-field
    m_bytes_applied = 0;  // EXPECT: concurrency-unguarded-field
    m_trx_committed = 0;  // EXPECT: concurrency-unguarded-field
    mysql_mutex_lock(&m_lock);
    m_max_lag_ms = 0;
    mysql_mutex_unlock(&m_lock);
  }

 private:
  mysql_mutex_t m_lock;
  ulonglong m_events_applied = 0;
  ulonglong m_bytes_applied = 0;
  ulonglong m_trx_committed = 0;
  ulonglong m_max_lag_ms = 0;
};
