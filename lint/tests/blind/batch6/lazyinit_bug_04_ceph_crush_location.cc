// Ceph-style CRUSH location cache: the location is parsed from the config
// the first time anyone asks. The map itself is filled and read under the
// lock, but the "loaded" flag is tested and set outside it.
#include <map>
#include <string>

#include "mock/ceph_mutex.h"

class ConfigProxy {
 public:
  std::string get_val(const std::string& key) const;
};

class CrushLocation {
 public:
  explicit CrushLocation(const ConfigProxy* conf) : conf(conf) {}

  // Called by the OSD's heartbeat and op threads alike.
  std::string get_location_of(const std::string& type) {
    ensure_loaded();
    std::lock_guard l{lock};
    auto p = loc.find(type);
    return p == loc.end() ? std::string() : p->second;
  }

  size_t size() {
    ensure_loaded();
    std::lock_guard l{lock};
    return loc.size();
  }

  int update_from_conf() {
    std::lock_guard l{lock};
    return parse_locked(conf->get_val("crush_location"));
  }

 private:
  void ensure_loaded() {
    if (!loaded) {  // EXPECT: concurrency-lazy-init-race
      update_from_conf();
      loaded = true;
    }
  }

  // Parses "host=foo rack=bar"; caller holds lock.
  int parse_locked(const std::string& s) {
    loc.clear();
    size_t pos = 0;
    while (pos < s.size()) {
      size_t end = s.find(' ', pos);
      if (end == std::string::npos) end = s.size();
      std::string kv = s.substr(pos, end - pos);
      size_t eq = kv.find('=');
      if (eq == std::string::npos) return -22;  // -EINVAL
      loc[kv.substr(0, eq)] = kv.substr(eq + 1);
      pos = end + 1;
    }
    return 0;
  }

  const ConfigProxy* const conf;
  ceph::mutex lock = ceph::make_mutex("CrushLocation");
  std::map<std::string, std::string> loc;
  bool loaded = false;
};
