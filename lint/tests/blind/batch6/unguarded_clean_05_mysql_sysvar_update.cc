// MySQL-style system variable update: SET GLOBAL runs the variable's
// update hook with LOCK_global_system_variables held by the caller, as
// sys_var::update() does; the hooks assert ownership instead of locking.
#include <string.h>

#include "mock/mysql_mutex.h"

mysql_mutex_t LOCK_global_system_variables;

struct System_variables {
  ulong max_connections;
  ulong thread_cache_size;
  char default_storage_engine[64];
};

static System_variables global_system_variables MY_GUARDED_BY(LOCK_global_system_variables);
static ulong max_connections_changes MY_GUARDED_BY(LOCK_global_system_variables) = 0;

typedef bool (*on_update_function)(ulong new_value);

/* Called with LOCK_global_system_variables held. */
static bool fix_max_connections(ulong new_value) {
  mysql_mutex_assert_owner(&LOCK_global_system_variables);
  if (new_value == 0) return true;
  global_system_variables.max_connections = new_value;
  max_connections_changes++;
  return false;
}

/* Called with LOCK_global_system_variables held. */
static bool fix_thread_cache_size(ulong new_value) {
  mysql_mutex_assert_owner(&LOCK_global_system_variables);
  if (new_value > global_system_variables.max_connections) return true;
  global_system_variables.thread_cache_size = new_value;
  return false;
}

struct sys_var {
  const char* name;
  on_update_function on_update;
};

bool sys_var_update(const sys_var* var, ulong new_value) {
  mysql_mutex_lock(&LOCK_global_system_variables);
  bool error = var->on_update(new_value);
  mysql_mutex_unlock(&LOCK_global_system_variables);
  return error;
}

void set_default_storage_engine(const char* name) {
  MUTEX_LOCK(guard, &LOCK_global_system_variables);
  strncpy(global_system_variables.default_storage_engine, name,
          sizeof(global_system_variables.default_storage_engine) - 1);
}

/* A session copies the globals when it starts, then reads its own copy. */
System_variables copy_global_variables_for_session() {
  System_variables copy;
  mysql_mutex_lock(&LOCK_global_system_variables);
  copy = global_system_variables;
  mysql_mutex_unlock(&LOCK_global_system_variables);
  return copy;
}

ulong show_max_connections_changes() {
  MUTEX_LOCK(guard, &LOCK_global_system_variables);
  return max_connections_changes;
}

static const sys_var sys_max_connections = {"max_connections", fix_max_connections};
static const sys_var sys_thread_cache_size = {"thread_cache_size", fix_thread_cache_size};

bool set_global_for_test(ulong connections, ulong cache) {
  return sys_var_update(&sys_max_connections, connections) ||
         sys_var_update(&sys_thread_cache_size, cache);
}
