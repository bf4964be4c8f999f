// MySQL-style global status counters: connection threads fold their
// per-session counters into the global ones under LOCK_status; SHOW STATUS
// reads them through the show-variable callbacks.
#include <string.h>

#include "mock/mysql_mutex.h"

struct System_status_var {
  ulonglong bytes_received;
  ulonglong bytes_sent;
  ulong com_stat_queries;
  ulong created_tmp_tables;
};

struct SHOW_VAR {
  const char* name;
  char* value;
};

class THD {
 public:
  System_status_var status_var;
  bool killed;
};

mysql_mutex_t LOCK_status;

static System_status_var global_status_var MY_GUARDED_BY(LOCK_status);
static ulong aborted_threads MY_GUARDED_BY(LOCK_status) = 0;
static ulong max_used_connections MY_GUARDED_BY(LOCK_status) = 0;

ulong get_num_thread_running();

static void add_to_status(System_status_var* to_var, const System_status_var* from_var)
    MY_REQUIRES(LOCK_status) {
  to_var->bytes_received += from_var->bytes_received;
  to_var->bytes_sent += from_var->bytes_sent;
  to_var->com_stat_queries += from_var->com_stat_queries;
  to_var->created_tmp_tables += from_var->created_tmp_tables;
}

void end_connection(THD* thd) {
  mysql_mutex_lock(&LOCK_status);
  add_to_status(&global_status_var, &thd->status_var);
  if (thd->killed) aborted_threads++;
  mysql_mutex_unlock(&LOCK_status);
}

void update_max_used_connections(ulong connections) {
  MUTEX_LOCK(guard, &LOCK_status);
  if (connections > max_used_connections) max_used_connections = connections;
}

// FLUSH STATUS.
void refresh_status(THD* thd) {
  mysql_mutex_lock(&LOCK_status);
  add_to_status(&global_status_var, &thd->status_var);
  memset(&thd->status_var, 0, sizeof(thd->status_var));
  mysql_mutex_unlock(&LOCK_status);

  /* Reset the high-water mark to what is running now. */
  max_used_connections = get_num_thread_running();  // EXPECT: concurrency-unguarded-field
}

static int show_aborted_threads(THD*, SHOW_VAR* var, char* buff) {
  var->value = buff;
  *reinterpret_cast<ulong*>(buff) = aborted_threads;  // EXPECT: concurrency-unguarded-field
  return 0;
}

static int show_bytes_received(THD*, SHOW_VAR* var, char* buff) {
  var->value = buff;
  mysql_mutex_lock(&LOCK_status);
  *reinterpret_cast<ulonglong*>(buff) = global_status_var.bytes_received;
  mysql_mutex_unlock(&LOCK_status);
  return 0;
}

static int show_max_used_connections(THD*, SHOW_VAR* var, char* buff) {
  var->value = buff;
  mysql_mutex_lock(&LOCK_status);
  *reinterpret_cast<ulong*>(buff) = max_used_connections;
  mysql_mutex_unlock(&LOCK_status);
  return 0;
}

SHOW_VAR* status_vars_for_test(THD* thd, char* buff) {
  static SHOW_VAR var;
  show_aborted_threads(thd, &var, buff);
  show_bytes_received(thd, &var, buff);
  show_max_used_connections(thd, &var, buff);
  return &var;
}
