// MySQL-style table definition cache. The error label is shared by a path
// taken before LOCK_open is acquired and by paths taken with it held, so
// the unlock at the label runs with the mutex held on some paths only.
#include <map>
#include <string>

#include "mock/mysql_mutex.h"

struct TABLE_SHARE {
  std::string db;
  std::string table_name;
  uint ref_count;
  bool m_open_in_progress;
};

mysql_mutex_t LOCK_open;
static std::map<std::string, TABLE_SHARE*> table_def_cache MY_GUARDED_BY(LOCK_open);
static ulong table_def_size MY_GUARDED_BY(LOCK_open) = 400;

static bool check_table_name(const std::string& name) { return name.empty() || name.size() > 64; }
static TABLE_SHARE* read_table_share(const std::string& db, const std::string& name);

TABLE_SHARE* get_table_share(const std::string& db, const std::string& table_name) {
  TABLE_SHARE* share = nullptr;
  std::string key = db + "." + table_name;

  if (check_table_name(table_name)) goto err;

  mysql_mutex_lock(&LOCK_open);
  {
    auto it = table_def_cache.find(key);
    if (it != table_def_cache.end()) {
      share = it->second;
      share->ref_count++;
      mysql_mutex_unlock(&LOCK_open);
      return share;
    }
  }
  if (table_def_cache.size() >= table_def_size) goto err;

  share = read_table_share(db, table_name);
  if (share == nullptr) goto err;
  share->ref_count = 1;
  table_def_cache[key] = share;
  mysql_mutex_unlock(&LOCK_open);
  return share;

err:
  mysql_mutex_unlock(&LOCK_open);  // EXPECT: concurrency-lock-balance
  return nullptr;
}

void release_table_share(TABLE_SHARE* share) {
  MUTEX_LOCK(guard, &LOCK_open);
  if (--share->ref_count == 0 && table_def_cache.size() > table_def_size) {
    table_def_cache.erase(share->db + "." + share->table_name);
    delete share;
  }
}

static TABLE_SHARE* read_table_share(const std::string& db, const std::string& name) {
  return new TABLE_SHARE{db, name, 0, false};
}
