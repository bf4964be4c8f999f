// MySQL-style binary log rotation: LOCK_log is taken once and released on
// every path, with separate error labels for the paths that hold it and
// the path that does not.
#include <string>

#include "mock/mysql_mutex.h"

struct MYSQL_BIN_LOG {
  mysql_mutex_t LOCK_log;
  std::string log_file_name MY_GUARDED_BY(LOCK_log);
  ulong file_number MY_GUARDED_BY(LOCK_log) = 0;
  ulonglong bytes_written MY_GUARDED_BY(LOCK_log) = 0;
};

static bool open_binlog_file(const std::string& name) { return !name.empty(); }
static bool write_rotate_event(const std::string& next) { return next.size() < 512; }

int rotate(MYSQL_BIN_LOG* binlog, ulonglong max_size) {
  if (max_size == 0) goto err_no_lock;

  mysql_mutex_lock(&binlog->LOCK_log);
  if (binlog->bytes_written < max_size) {
    mysql_mutex_unlock(&binlog->LOCK_log);
    return 0;
  }
  {
    std::string next = "binlog." + std::to_string(binlog->file_number + 1);
    if (!write_rotate_event(next)) goto err_unlock;
    if (!open_binlog_file(next)) goto err_unlock;
    binlog->log_file_name = next;
    binlog->file_number++;
    binlog->bytes_written = 0;
  }
  mysql_mutex_unlock(&binlog->LOCK_log);
  return 0;

err_unlock:
  mysql_mutex_unlock(&binlog->LOCK_log);
err_no_lock:
  return 1;
}

ulonglong binlog_bytes_written(MYSQL_BIN_LOG* binlog) {
  MUTEX_LOCK(guard, &binlog->LOCK_log);
  return binlog->bytes_written;
}
