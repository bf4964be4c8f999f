// Geo-IP database handle for the ad server. The database is large, so it is
// opened on the first request that needs it; requests run on many threads.
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace adserver {

enum class LookupStatus { kFound, kNotFound, kUnavailable };

struct GeoRecord {
  std::string country;
  std::string region;
  double lat = 0;
  double lon = 0;
};

class GeoDatabase {
 public:
  explicit GeoDatabase(const std::string& path) : path_(path) {
    // Pretend to parse the file: a few fixed ranges.
    ranges_.push_back({0x01000000u, 0x01FFFFFFu, {"AU", "QLD", -27.5, 153.0}});
    ranges_.push_back({0x02000000u, 0x02FFFFFFu, {"FR", "IDF", 48.9, 2.35}});
  }

  LookupStatus Lookup(uint32_t ip, GeoRecord* out) const {
    for (const Range& r : ranges_) {
      if (ip >= r.first && ip <= r.last) {
        *out = r.record;
        return LookupStatus::kFound;
      }
    }
    return LookupStatus::kNotFound;
  }

 private:
  struct Range {
    uint32_t first;
    uint32_t last;
    GeoRecord record;
  };
  std::string path_;
  std::vector<Range> ranges_;
};

class GeoService {
 public:
  explicit GeoService(std::string db_path) : db_path_(std::move(db_path)) {}
  ~GeoService() { delete db_; }

  LookupStatus Locate(uint32_t ip, GeoRecord* out) {
    const GeoDatabase* db = Database();
    if (db == nullptr) return LookupStatus::kUnavailable;
    return db->Lookup(ip, out);
  }

 private:
  // Double-checked so that the common path takes no lock.
  const GeoDatabase* Database() {
    if (db_ == nullptr) {
      std::lock_guard<std::mutex> lock(mu_);
      if (db_ == nullptr) {
        db_ = new GeoDatabase(db_path_);
      }
    }  // EXPECT: concurrency-lazy-init-race
    return db_;  // EXPECT: concurrency-unguarded-field
  }

  const std::string db_path_;
  std::mutex mu_;
  GeoDatabase* db_ = nullptr;
};

std::string DescribeImpression(GeoService& geo, uint32_t ip, const std::string& ad_id) {
  GeoRecord rec;
  switch (geo.Locate(ip, &rec)) {
    case LookupStatus::kFound:
      return ad_id + "@" + rec.country + "/" + rec.region;
    case LookupStatus::kNotFound:
      return ad_id + "@unknown";
    case LookupStatus::kUnavailable:
      return ad_id + "@geo-unavailable";
  }
  return ad_id;
}

}  // namespace adserver
