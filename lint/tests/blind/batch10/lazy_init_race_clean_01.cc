// Timezone database for the scheduling service. Loading the zone files is
// expensive, so it happens once, on the first conversion, via std::call_once.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace sched {

enum class DstRule { kNone, kEu, kUs };

struct Zone {
  std::string name;
  int32_t utc_offset_minutes = 0;
  DstRule dst = DstRule::kNone;
};

class TimezoneDb {
 public:
  explicit TimezoneDb(std::string dir) : dir_(std::move(dir)) {}

  int32_t OffsetMinutes(const std::string& zone, bool summer) {
    std::call_once(load_once_, [this] { Load(); });
    auto it = zones_->find(zone);
    if (it == zones_->end()) return 0;
    int32_t off = it->second.utc_offset_minutes;
    if (summer && it->second.dst != DstRule::kNone) off += 60;
    return off;
  }

  size_t ZoneCount() {
    std::call_once(load_once_, [this] { Load(); });
    return zones_->size();
  }

  void CountLookup(bool hit) {
    std::lock_guard<std::mutex> lock(stats_mu_);
    if (hit) {
      ++hits_;
    } else {
      ++misses_;
    }
  }

 private:
  void Load() {
    auto zones = std::make_unique<std::map<std::string, Zone>>();
    (*zones)["Europe/Paris"] = Zone{"Europe/Paris", 60, DstRule::kEu};
    (*zones)["America/New_York"] = Zone{"America/New_York", -300, DstRule::kUs};
    (*zones)["Asia/Tokyo"] = Zone{"Asia/Tokyo", 540, DstRule::kNone};
    zones_ = std::move(zones);
  }

  const std::string dir_;
  std::once_flag load_once_;
  std::unique_ptr<std::map<std::string, Zone>> zones_;
  std::mutex stats_mu_;
  uint64_t hits_ = 0;
  uint64_t misses_ = 0;
};

// Process-wide default instance; a magic static is initialized exactly once.
TimezoneDb& DefaultTimezoneDb() {
  static TimezoneDb* db = new TimezoneDb("/usr/share/zoneinfo");
  return *db;
}

std::string FormatLocal(int64_t utc_minutes, const std::string& zone, bool summer) {
  int64_t local = utc_minutes + DefaultTimezoneDb().OffsetMinutes(zone, summer);
  int64_t h = (local / 60) % 24;
  int64_t m = local % 60;
  if (h < 0) h += 24;
  if (m < 0) m += 60;
  return std::to_string(h) + ":" + (m < 10 ? "0" : "") + std::to_string(m) + " " + zone;
}


const char* DstRuleName(DstRule r) {
  switch (r) {
    case DstRule::kNone: return "none";
    case DstRule::kEu: return "eu";
    case DstRule::kUs: return "us";
  }
  return "?";
}

}  // namespace sched
