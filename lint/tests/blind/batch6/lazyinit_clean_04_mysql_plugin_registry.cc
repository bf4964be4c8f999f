// MySQL-style plugin registry: the hash of built-in plugins is created on
// first lookup, but the test and the creation both happen with LOCK_plugin
// held (directly, or in a helper that requires it).
#include <map>
#include <string>

#include "mock/mysql_mutex.h"

struct st_plugin_int {
  std::string name;
  int state;
  int ref_count;
};

typedef std::map<std::string, st_plugin_int*> plugin_hash_t;

mysql_mutex_t LOCK_plugin;
static plugin_hash_t* plugin_hash MY_GUARDED_BY(LOCK_plugin) = nullptr;
static bool builtins_registered MY_GUARDED_BY(LOCK_plugin) = false;

static void register_builtin_plugins() MY_REQUIRES(LOCK_plugin) {
  mysql_mutex_assert_owner(&LOCK_plugin);
  if (!builtins_registered) {
    (*plugin_hash)["InnoDB"] = new st_plugin_int{"InnoDB", 1, 0};
    (*plugin_hash)["MEMORY"] = new st_plugin_int{"MEMORY", 1, 0};
    builtins_registered = true;
  }
}

static plugin_hash_t* get_plugin_hash() MY_REQUIRES(LOCK_plugin) {
  if (plugin_hash == nullptr) plugin_hash = new plugin_hash_t();
  register_builtin_plugins();
  return plugin_hash;
}

st_plugin_int* plugin_lock_by_name(const std::string& name) {
  mysql_mutex_lock(&LOCK_plugin);
  plugin_hash_t* hash = get_plugin_hash();
  auto it = hash->find(name);
  st_plugin_int* plugin = nullptr;
  if (it != hash->end() && it->second->state == 1) {
    plugin = it->second;
    plugin->ref_count++;
  }
  mysql_mutex_unlock(&LOCK_plugin);
  return plugin;
}

void plugin_unlock(st_plugin_int* plugin) {
  MUTEX_LOCK(guard, &LOCK_plugin);
  plugin->ref_count--;
}

bool plugin_is_ready(const std::string& name) {
  MUTEX_LOCK(guard, &LOCK_plugin);
  if (plugin_hash == nullptr) {
    plugin_hash = new plugin_hash_t();
    register_builtin_plugins();
  }
  auto it = plugin_hash->find(name);
  return it != plugin_hash->end() && it->second->state == 1;
}
